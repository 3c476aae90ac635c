"""Words/s of kg extraction vs bare spacy.blank("en") tokenisation on the same arXiv abstracts.

Usage: python benchmarks/extract_speed.py [N] [--processes 2]
"""
import gzip
import json
import sys
import time
from pathlib import Path

import spacy

from kg.extract import build_nlp, extract_papers
from kg.models import Paper

PATH = Path(__file__).resolve().parents[1].parent / "shared/data/arxiv/arxiv-cs-2024-2026.jsonl.gz"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 20000
    procs = int(sys.argv[sys.argv.index("--processes") + 1]) if "--processes" in sys.argv else 1
    papers = []
    with gzip.open(PATH, "rt") as fh:
        for line in fh:
            r = json.loads(line)
            papers.append(Paper(id=str(r["id"]), title=r.get("title") or "", abstract=r.get("abstract") or ""))
            if len(papers) >= n:
                break
    words = sum(len(p.title.split()) + len(p.abstract.split()) for p in papers)
    blank = spacy.blank("en")
    t = time.perf_counter()
    for _ in blank.pipe((x for p in papers for x in (p.title, p.abstract)), batch_size=256):
        pass
    tb = time.perf_counter() - t
    nlp = build_nlp()
    t = time.perf_counter()
    for _ in extract_papers(papers, nlp=nlp, n_process=procs, batch_size=256):
        pass
    te = time.perf_counter() - t
    print(f"| papers | words | blank words/s | extract words/s (processes={procs}) | ratio |")
    print(f"| {len(papers)} | {words} | {words / tb:,.0f} | {words / te:,.0f} | {tb / te:.2f} |")


if __name__ == "__main__":
    main()
