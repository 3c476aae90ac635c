"""Read speed of ``kg.ingest.read_papers``: papers, seconds, papers/s, peak RSS per input.

Each input is read in a fresh Python process (so peak RSS is that input's
own), streaming, without merging duplicates unless ``--dedupe``. A baseline
row reads the same file with bare ``gzip`` + ``json.loads`` (no cleaning, no
Paper records) for comparison, when the input is (gzipped) JSONL.

Usage:
  python benchmarks/ingest_speed.py                         # the 157k arXiv file
  python benchmarks/ingest_speed.py ../shared/data/acl/acl-anthology.jsonl.gz ../shared/data/hf-papers
  python benchmarks/ingest_speed.py FILE --dedupe --no-baseline
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure(path: str, mode: str) -> dict:
    """Run in the child: read everything, return the row."""
    t = time.perf_counter()
    if mode == "baseline":
        import gzip  # noqa: PLC0415

        opener = gzip.open if path.endswith(".gz") else open
        n = 0
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                json.loads(line)
                n += 1
        skipped = 0
    else:
        from kg.ingest import SkipReport, merge_duplicates, read_papers  # noqa: PLC0415

        report = SkipReport()
        papers = read_papers([path], report=report)
        if mode == "dedupe":
            n = len(merge_duplicates(papers))
        else:
            n = sum(1 for _ in papers)
        skipped = len(report.skipped)
    secs = time.perf_counter() - t
    return {"input": path, "mode": mode, "papers": n, "skipped": skipped, "seconds": round(secs, 2),
            "papers_per_s": round(n / secs) if secs else 0, "peak_rss_mb": round(_peak_mb(), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", default=[str(DEFAULT)])
    ap.add_argument("--dedupe", action="store_true", help="also time read + merge_duplicates (holds all papers)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the bare json.loads row")
    ap.add_argument("--json", metavar="FILE", help="append rows as JSONL")
    ap.add_argument("--child", nargs=2, metavar=("PATH", "MODE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(*args.child)))
        return
    rows = []
    for path in args.inputs:
        modes = ["stream"] + (["dedupe"] if args.dedupe else [])
        if not args.no_baseline and path.endswith((".jsonl", ".jsonl.gz")):
            modes.insert(0, "baseline")
        for mode in modes:
            out = subprocess.run([sys.executable, __file__, "--child", path, mode], capture_output=True, text=True,
                                 check=True)
            rows.append(json.loads(out.stdout))
    print("| input | mode | papers | skipped | seconds | papers/s | peak RSS MB |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {Path(r['input']).name} | {r['mode']} | {r['papers']:,} | {r['skipped']} | {r['seconds']} | "
              f"{r['papers_per_s']:,} | {r['peak_rss_mb']} |")
    if args.json:
        with open(args.json, "a", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
