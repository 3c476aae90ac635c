"""Words/s of kg extraction vs bare spacy.blank("en") tokenisation of the same arXiv abstracts, same run.

The two are timed in alternating chunks (blank on chunk i, then extraction on chunk i, ...) so that load
from other processes on a shared machine hits both alike; the ratio is extraction speed / blank speed.
kg's pipeline raises the tokenizer's chunk cache (``kg.extract.TOKENIZER_CACHE``; spaCy's default is 10k
chunks), which alone makes its tokenisation faster than a default blank pipeline's; so a third column times
blank tokenisation with the same cache size, and ``ratio (same cache)`` compares against that.

With ``--processes P`` (P > 1) the extraction is timed once over all N papers with the pool ``kg extract
--processes P`` uses (``kg.parallel.extract_parallel``, workers start-up included), against the chunked blank
timings.

Usage: nice python benchmarks/extract_speed.py [N] [--processes P] [--chunk C]
"""
import gzip
import json
import sys
import time
from pathlib import Path

import spacy

from kg.extract import TOKENIZER_CACHE, extract_papers, extraction_nlp
from kg.models import Paper
from kg.parallel import extract_parallel

import os

SHARED = Path(os.environ.get("KG_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))
PATH = SHARED / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"


def _arg(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 20000
    procs, chunk = _arg("--processes", 1), _arg("--chunk", 1000)
    papers = []
    with gzip.open(PATH, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            papers.append(Paper(id=str(r["id"]), title=r.get("title") or "", abstract=r.get("abstract") or ""))
            if len(papers) >= n:
                break
    words = sum(len(p.title.split()) + len(p.abstract.split()) for p in papers)
    blank, blank_c, nlp = spacy.blank("en"), spacy.blank("en"), extraction_nlp()  # what kg extract runs
    blank_c.tokenizer.max_cache_size = TOKENIZER_CACHE
    warm = papers[-200:]  # warm-up: load catalog, caches
    for b in (blank, blank_c):
        for _ in b.pipe((x for p in warm for x in (p.title, p.abstract)), batch_size=256):
            pass
    for _ in extract_papers(warm, nlp=nlp, batch_size=256):
        pass
    tb = tc = te = 0.0
    for i in range(0, len(papers), chunk):
        part = papers[i:i + chunk]
        t = time.perf_counter()
        for _ in blank.pipe((x for p in part for x in (p.title, p.abstract)), batch_size=256):
            pass
        tb += time.perf_counter() - t
        t = time.perf_counter()
        for _ in blank_c.pipe((x for p in part for x in (p.title, p.abstract)), batch_size=256):
            pass
        tc += time.perf_counter() - t
        if procs == 1:
            t = time.perf_counter()
            for _ in extract_papers(part, nlp=nlp, batch_size=256):
                pass
            te += time.perf_counter() - t
    if procs > 1:  # what kg extract --processes runs: one pool over all papers, its start-up included
        t = time.perf_counter()
        for _ in extract_parallel(papers, processes=procs):
            pass
        te = time.perf_counter() - t
    print(f"| papers | words | blank words/s | blank words/s (same cache) | extract words/s (processes={procs}) "
          "| ratio | ratio (same cache) |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {len(papers)} | {words} | {words / tb:,.0f} | {words / tc:,.0f} | {words / te:,.0f} | {tb / te:.3f} "
          f"| {tc / te:.3f} |")


if __name__ == "__main__":
    main()
