"""Time every query in cypher/queries/ on the embedded backend and on FalkorDB, same graph, same run.

The graph is loaded into a FalkorDB started here (``kg load`` defaults), then
each query runs with its header's parameters: embedded (``kg.query.run_embedded``
on the already-loaded networkx graph) and over Bolt (``kg.query.run_bolt``).
``same`` says whether the rows are identical (or identical once every list is
sorted, since ``collect(DISTINCT ...)`` leaves list order open; ``n/a`` when
FalkorDB refuses the query). Median of ``--repeat`` runs.

  nice .venv/bin/python benchmarks/query_speed.py /tmp/kg-bench/arxiv10k.json.gz
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from load_speed import print_table, start_falkordb  # noqa: E402

from kg.errors import QueryError  # noqa: E402
from kg.graph import load_graph  # noqa: E402
from kg.neo4j import close_quietly, connect, cypher_dir, load_graph_into, server_quirks  # noqa: E402
from kg.query import declared_params, run_bolt, run_embedded  # noqa: E402


def _sets(rows: list[dict]) -> list[dict]:
    """Rows with every list sorted: collect(DISTINCT ...) leaves list order open."""
    return [{k: sorted(v, key=repr) if isinstance(v, list) else v for k, v in r.items()} for r in rows]


def median_time(fn, repeat: int):
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    G = load_graph(args.graph)
    header = ("query", "rows", "embedded s", "FalkorDB s", "same")
    rows = []
    with tempfile.TemporaryDirectory() as work:
        proc, uri = start_falkordb(work)
        try:
            d = connect(uri, None, None)
            load_graph_into(d, G)
            escape = server_quirks(d).escape
            for path in sorted((cypher_dir() / "queries").glob("*.cypher")):
                text = path.read_text(encoding="utf-8")
                params = declared_params(text)
                te, emb = median_time(lambda: run_embedded(G, text, params), args.repeat)
                try:
                    tb, bolt = median_time(lambda: run_bolt(d, text, params, escape=escape), args.repeat)
                    same = ("yes" if bolt.rows == emb.rows else
                            "yes, lists as sets" if _sets(bolt.rows) == _sets(emb.rows) else "rows differ")
                    tb_s = f"{tb:.3f}"
                except QueryError:
                    tb_s, same = "refused", "n/a"
                rows.append((path.stem, len(emb.rows), f"{te:.3f}", tb_s, same))
                print("  ".join(map(str, rows[-1])), file=sys.stderr, flush=True)
            close_quietly(d)
        finally:
            proc.kill()
            proc.wait()
    print(f"graph: {args.graph} ({G.number_of_nodes()} nodes, {G.number_of_edges()} relationships)")
    print_table(header, rows)


if __name__ == "__main__":
    main()
