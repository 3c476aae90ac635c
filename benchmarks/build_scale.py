"""`kg build` at scale: wall time, peak RSS and graph size for a full build, then `--update` with new papers.

Takes the first N records of an arXiv-style JSONL(.gz) file (default: the 157k-abstract
arXiv file in ../shared/data), builds a graph from all but the last U of them (the "full
build"), then adds the last U with `kg build --update` and checks the result is
byte-identical to the graph a single build of all N gives (only with --check, which costs
one more full build). Each step runs `kg build` in its own process under /usr/bin/time.

    python benchmarks/build_scale.py --limit 2000                # quick
    nice -n 10 python benchmarks/build_scale.py                  # all 157k, update with 1k
    python benchmarks/build_scale.py --limit 5000 --check --processes 2
    nice -n 10 python benchmarks/build_scale.py --stand-in-extract   # resolve/graph/store only
    python benchmarks/build_scale.py --phases kg-data/graph.extractions.jsonl.gz   # CPU per step

--stand-in-extract replaces spaCy extraction by a crude regex stand-in (acronym definitions
"Long Form (LF)" -> Method with alias, other capitalised acronyms -> bare Method mentions),
written as `kg extract`-style JSONL and built with `kg build --from-extractions`: it measures
resolution, graph building and the store at full scale without the extraction cost.

Columns: step, papers, wall s, CPU s (user+sys of all processes: the figure that does not
depend on what else runs on the machine), peak RSS MB (of the largest process), nodes, edges
(of the store read with its delta segments), graph file MB, delta segments MB, records sidecar
MB. Then the cost of reading the store with its delta (what every reader pays until the deltas
are compacted), and, with --check, whether the compacted store is byte-identical to one build.
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


DEF = re.compile(r"((?:[A-Z][a-z]+[- ]){1,4}[A-Z][a-z]+) \(([A-Z][A-Za-z0-9-]{1,10})\)")
ACR = re.compile(r"\b([A-Z][A-Za-z]*[A-Z][A-Za-z0-9-]*)\b")


def stand_in_extraction(line: str, n: int, path: str) -> str:
    """One arXiv JSONL line -> one extraction record (regex stand-in for kg extract)."""
    d = json.loads(line)
    a = d.get("abstract") or ""
    ents: dict[str, dict] = {}
    for m in DEF.finditer(a):
        ents[m[2]] = {"type": "Method", "name": m[1], "aliases": [m[2]], "role": "proposed",
                      "mentions": [{"text": m[0], "start": m.start(), "end": m.end(), "field": "abstract"}]}
    defined = {al for e in ents.values() for al in e["aliases"]}
    for m in ACR.finditer(a):
        if m[1] not in ents and m[1] not in defined:
            ents[m[1]] = {"type": "Method", "name": m[1], "role": "used",
                          "mentions": [{"text": m[1], "start": m.start(), "end": m.end(), "field": "abstract"}]}
    paper = {"id": d["id"], "title": d.get("title") or "", "abstract": a, "date": d.get("date"),
             "authors": d.get("authors") or [], "urls": [u for u in (d.get("url"), d.get("code_url")) if u],
             "sources": [{"path": path, "line": n, "format": "jsonl"}], "categories": d.get("categories") or []}
    return json.dumps({"id": d["id"], "title": paper["title"], "paper": paper, "entities": list(ents.values())}) + "\n"


def split_input(src: Path, limit: int | None, update: int, out: Path,
                stand_in: bool = False) -> tuple[Path, Path, int]:
    base, new = out / "base.jsonl", out / "new.jsonl"
    opener = gzip.open if src.suffix == ".gz" else open
    with opener(src, "rt", encoding="utf-8") as f:
        lines = [ln for ln in itertools.islice(f, limit) if ln.strip()]
    if stand_in:
        lines = [stand_in_extraction(ln, i, str(src)) for i, ln in enumerate(lines, 1)]
    base.write_text("".join(lines[:-update]), encoding="utf-8")
    new.write_text("".join(lines[-update:]), encoding="utf-8")
    return base, new, len(lines)


def run(args: list[str]) -> tuple[float, float, dict]:
    """Run ``kg build ARGS --json`` under /usr/bin/time: wall s, CPU s (user+sys, all processes), peak RSS MB.

    Peak RSS is that of the largest single process (the main one; workers are smaller).
    """
    cmd = ["/usr/bin/time", "-f", "TIME %e %M %U %S", sys.executable, "-m", "kg.cli", "build", *args, "--json"]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    m = re.search(r"TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)", p.stderr)
    if p.returncode != 0 or not m:
        sys.exit(f"kg build failed ({p.returncode}): {p.stderr[-2000:]}")
    summary = json.loads(p.stdout.strip().splitlines()[-1])
    return float(m[1]), float(m[3]) + float(m[4]), int(m[2]) / 1024, summary


def diff_graphs(a: Path, b: Path) -> str:
    """How two stores differ: nodes / edges present in only one, or with other properties."""
    sys.path.insert(0, str(ROOT))
    from kg.graph import load_graph  # noqa: PLC0415
    A, B = load_graph(a), load_graph(b)
    nodes = len(set(A) ^ set(B)) + sum(1 for n in set(A) & set(B) if A.nodes[n] != B.nodes[n])
    ea, eb = set(A.edges(keys=True)), set(B.edges(keys=True))
    edges = len(ea ^ eb) + sum(1 for e in ea & eb if A.edges[e] != B.edges[e])
    return f"{nodes} of {B.number_of_nodes()} nodes and {edges} of {B.number_of_edges()} edges differ"


def phases(records: Path) -> None:
    """CPU seconds and peak RSS of each step after extraction, on a records sidecar (in this process)."""
    import gc  # noqa: PLC0415
    import resource  # noqa: PLC0415
    import time  # noqa: PLC0415
    sys.path.insert(0, str(ROOT))
    from kg.graph import GraphParts, load_extractions, load_graph, save_extractions  # noqa: PLC0415
    from kg.resolve import build_table, load_state, save_state  # noqa: PLC0415

    out = Path(tempfile.mkdtemp(prefix="kg-phases-"))
    print(f"{'step':<28} {'CPU s':>7} {'wall s':>7} {'peak RSS MB':>12}")

    def step(name, f):
        t, c = time.time(), time.process_time()
        r = f()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"{name:<28} {time.process_time() - c:>7.1f} {time.time() - t:>7.1f} {rss:>12}", flush=True)
        return r
    gc.disable()
    recs = step("read records", lambda: sorted(load_extractions(records), key=lambda x: x.paper.id))
    table = step("alias table (pass 1)", lambda: build_table(recs))
    res = step("decide (pass 2)", table.freeze)
    parts = GraphParts(res)
    step("graph parts", lambda: [parts.add(x) for x in recs] and None)
    step("write store", lambda: parts.write(out / "g.json.gz"))
    step("write records sidecar", lambda: save_extractions(recs, out / "g.extractions.jsonl.gz"))
    papers = {x.paper.id: sorted(f"{s.path}:{s.line}" for s in x.paper.sources) for x in recs}
    step("write resolver state", lambda: save_state(table, res, out / "g.resolver.pickle", papers))
    step("read resolver state", lambda: load_state(out / "g.resolver.pickle"))
    del parts, recs
    step("read store", lambda: load_graph(out / "g.json.gz"))
    print({p.name: f"{p.stat().st_size / 1e6:.1f} MB" for p in sorted(out.iterdir())})


def read_stats(g: Path) -> tuple[float, float, float, int, int]:
    """Load the store (base + deltas) in a fresh process: wall s, CPU s, peak RSS MB, nodes, edges."""
    cmd = ["/usr/bin/time", "-f", "TIME %e %M %U %S", sys.executable, "-c",
           "import sys, kg; G = kg.load_graph(sys.argv[1]); print(G.number_of_nodes(), G.number_of_edges())", str(g)]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    m = re.search(r"TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)", p.stderr)
    if p.returncode != 0 or not m:
        sys.exit(f"load_graph failed ({p.returncode}): {p.stderr[-2000:]}")
    n, e = map(int, p.stdout.split())
    return float(m[1]), float(m[3]) + float(m[4]), int(m[2]) / 1024, n, e


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None, help="first N records only")
    ap.add_argument("--update", type=int, default=1000, help="papers added with --update")
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="also build all N at once and compare bytes")
    ap.add_argument("--keep", type=Path, default=None, help="directory to keep the graphs in")
    ap.add_argument("--stand-in-extract", action="store_true",
                    help="regex stand-in instead of spaCy extraction (measures resolve/graph/store only)")
    ap.add_argument("--phases", type=Path, default=None, metavar="RECORDS",
                    help="only time each step after extraction on a records sidecar (*.extractions.jsonl.gz)")
    a = ap.parse_args()
    if a.phases:
        phases(a.phases)
        return
    if not a.input.exists():
        sys.exit(f"{a.input} is missing (see ../shared/data/README.md)")
    tmp = a.keep or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    base, new, n = split_input(a.input, a.limit, a.update, tmp, a.stand_in_extract)
    flag = ["--from-extractions"] if a.stand_in_extract else []
    g = tmp / "graph.json.gz"
    side = tmp / "graph.extractions.jsonl.gz"
    common = ["--processes", str(a.processes)]
    rows = []
    for step, args in (("full build", [*flag, str(base), "--graph", str(g)]),
                       (f"--update +{a.update}", [*flag, str(new), "--graph", str(g), "--update"])):
        wall, cpu, rss, s = run(args + common)
        if s["nodes"] is None:  # an update writes a delta segment: count the merged graph
            s["nodes"], s["edges"] = read_stats(g)[3:]
        deltas = sum(q.stat().st_size for q in tmp.glob("graph.delta-*.json.gz"))
        rows.append((step, s["papers"], wall, cpu, rss, s["nodes"], s["edges"], g.stat().st_size / 1e6,
                     deltas / 1e6, side.stat().st_size / 1e6))
        print(step, "phases (wall s):", json.dumps(s.get("timings", {})), "peak RSS MB:",
              json.dumps(s.get("peak_rss_mb", {})), flush=True)
    lw, lc, lr, _, _ = read_stats(g)
    if a.check:
        g2 = tmp / "all.json.gz"
        if a.stand_in_extract:
            both = tmp / "both.jsonl"
            both.write_text(base.read_text(encoding="utf-8") + new.read_text(encoding="utf-8"), encoding="utf-8")
            wall, cpu, rss, s = run(["--from-extractions", str(both), "--graph", str(g2)] + common)
        else:
            wall, cpu, rss, s = run([str(base), str(new), "--graph", str(g2)] + common)
        rows.append(("one build of all", s["papers"], wall, cpu, rss, s["nodes"], s["edges"], g2.stat().st_size / 1e6,
                     0.0, (tmp / "all.extractions.jsonl.gz").stat().st_size / 1e6))
    head = ("step", "papers", "wall s", "CPU s", "peak RSS MB", "nodes", "edges", "graph MB", "delta MB",
            "sidecar MB")
    mode = "regex stand-in extraction" if a.stand_in_extract else "kg extract (spaCy)"
    print(f"input: {a.input} (first {n} records), {mode}, processes={a.processes}")
    print("  ".join(f"{h:>14}" for h in head))
    for r in rows:
        print("  ".join(f"{v:>14.1f}" if isinstance(v, float) else f"{v:>14}" for v in r))
    print(f"update / full: wall time {rows[1][2] / rows[0][2]:.1%}, CPU time {rows[1][3] / rows[0][3]:.1%}")
    print(f"kg.load_graph(store + delta) in a fresh process: {lw:.1f} s wall, {lc:.1f} CPU s, {lr:.0f} MB")
    if a.check:
        sys.path.insert(0, str(ROOT))
        from kg.graph import compact  # noqa: PLC0415
        compact(g)
        same = g.read_bytes() == (tmp / "all.json.gz").read_bytes()
        print(f"build base; build --update new; compact  ==  build base new (bytes): {same}"
              + ("" if same else f" ({diff_graphs(g, tmp / 'all.json.gz')})"))


if __name__ == "__main__":
    main()
