"""What the catalog costs: build_nlp() time, catalog forms, and the PhraseMatcher share of extraction.

Usage: python benchmarks/catalog_speed.py [N]   (first N arXiv abstracts, default 1000)
Prints one markdown table row; run it with different kg/ snapshots on PYTHONPATH to compare catalogs.
"""
import cProfile
import gzip
import itertools
import json
import pstats
import sys
import time
from pathlib import Path

from kg.extract import build_nlp, extract_papers
from kg.extract.catalog import catalog_forms, load_catalog
from kg.models import Paper

PATH = Path(__file__).resolve().parents[1].parent / "shared/data/arxiv/arxiv-cs-2024-2026.jsonl.gz"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with gzip.open(PATH, "rt") as fh:
        papers = [Paper(id=str(r["id"]), title=r.get("title") or "", abstract=r.get("abstract") or "")
                  for r in map(json.loads, itertools.islice(fh, n))]
    t = time.perf_counter()
    nlp = build_nlp()
    build = time.perf_counter() - t
    list(extract_papers(papers[:5], nlp=nlp))  # warm up lazy indexes
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    list(extract_papers(papers, nlp=nlp))
    prof.disable()
    total = time.perf_counter() - t
    stats = pstats.Stats(prof).stats
    matcher = sum(v[3] for k, v in stats.items() if k[0].endswith("phrasematcher.pyx") and k[2] == "__call__")
    tokenizer = sum(v[3] for k, v in stats.items() if k[0].endswith("tokenizer.pyx") and k[2] == "__call__")
    # deterministic, unlike seconds on a shared machine: chunks the tokenizer had to split (cache misses)
    misses = sum(v[1] for k, v in stats.items() if k[0].endswith("tokenizer.pyx") and k[2] == "find_suffix")
    rows = load_catalog()
    print("| rows | forms | build_nlp s | papers | extract s (profiled) | PhraseMatcher s | tokenizer s | find_suffix calls |")
    print(f"| {len(rows)} | {sum(1 for _ in catalog_forms(rows))} | {build:.2f} | {n} | {total:.1f} | "
          f"{matcher:.2f} | {tokenizer:.1f} | {misses:,} |")


if __name__ == "__main__":
    main()
