"""`kg build` at scale: wall time, peak RSS and graph size for a full build, then `--update` with new papers.

Takes the first N records of an arXiv-style JSONL(.gz) file (default: the 157k-abstract
arXiv file in ../shared/data), builds a graph from all but the last U of them (the "full
build"), then adds the last U with `kg build --update` and checks the result is
byte-identical to the graph a single build of all N gives (only with --check, which costs
one more full build). Each step runs `kg build` in its own process under /usr/bin/time.

    python benchmarks/build_scale.py --limit 2000                # quick
    nice -n 10 python benchmarks/build_scale.py                  # all 157k, update with 1k
    python benchmarks/build_scale.py --limit 5000 --check --processes 2

Columns: step, papers, wall s, peak RSS MB, nodes, edges, graph file MB, sidecar MB.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"


def split_input(src: Path, limit: int | None, update: int, out: Path) -> tuple[Path, Path, int]:
    base, new = out / "base.jsonl", out / "new.jsonl"
    opener = gzip.open if src.suffix == ".gz" else open
    with opener(src, "rt", encoding="utf-8") as f:
        lines = [ln for ln in itertools.islice(f, limit) if ln.strip()]
    base.write_text("".join(lines[:-update]), encoding="utf-8")
    new.write_text("".join(lines[-update:]), encoding="utf-8")
    return base, new, len(lines)


def run(args: list[str]) -> tuple[float, float, dict]:
    cmd = ["/usr/bin/time", "-f", "TIME %e %M", sys.executable, "-m", "kg.cli", "build", *args, "--json"]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    m = re.search(r"TIME ([\d.]+) (\d+)", p.stderr)
    if p.returncode != 0 or not m:
        sys.exit(f"kg build failed ({p.returncode}): {p.stderr[-2000:]}")
    summary = json.loads(p.stdout.strip().splitlines()[-1])
    return float(m[1]), int(m[2]) / 1024, summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None, help="first N records only")
    ap.add_argument("--update", type=int, default=1000, help="papers added with --update")
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="also build all N at once and compare bytes")
    ap.add_argument("--keep", type=Path, default=None, help="directory to keep the graphs in")
    a = ap.parse_args()
    if not a.input.exists():
        sys.exit(f"{a.input} is missing (see ../shared/data/README.md)")
    tmp = a.keep or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    base, new, n = split_input(a.input, a.limit, a.update, tmp)
    g = tmp / "graph.json.gz"
    side = tmp / "graph.extractions.jsonl.gz"
    common = ["--processes", str(a.processes)]
    rows = []
    for step, args in (("full build", [str(base), "--graph", str(g)]),
                       (f"--update +{a.update}", [str(new), "--graph", str(g), "--update"])):
        wall, rss, s = run(args + common)
        rows.append((step, s["papers"], wall, rss, s["nodes"], s["edges"], g.stat().st_size / 1e6,
                     side.stat().st_size / 1e6))
    if a.check:
        g2 = tmp / "all.json.gz"
        wall, rss, s = run([str(base), str(new), "--graph", str(g2)] + common)
        rows.append(("one build of all", s["papers"], wall, rss, s["nodes"], s["edges"], g2.stat().st_size / 1e6,
                     (tmp / "all.extractions.jsonl.gz").stat().st_size / 1e6))
    head = ("step", "papers", "wall s", "peak RSS MB", "nodes", "edges", "graph MB", "sidecar MB")
    print(f"input: {a.input} (first {n} records), processes={a.processes}")
    print("  ".join(f"{h:>14}" for h in head))
    for r in rows:
        print("  ".join(f"{v:>14.1f}" if isinstance(v, float) else f"{v:>14}" for v in r))
    print(f"update / full wall time: {rows[1][2] / rows[0][2]:.1%}")
    if a.check:
        same = g.read_bytes() == (tmp / "all.json.gz").read_bytes()
        print(f"build base; build --update new  ==  build base new (bytes): {same}")


if __name__ == "__main__":
    main()
