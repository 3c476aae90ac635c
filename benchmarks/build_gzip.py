"""Wall and CPU seconds of writing a store through ``kg.graph._GzipBytes``, for two checkouts taking turns.

Reads the lines of an existing store (``graph.json.gz``) into memory once per child
process, then writes them again as ``kg build`` does (``_write_joined`` batches into
``_GzipBytes``) and prints the time; the file written and its decompressed md5 are
compared across rounds and checkouts. Each checkout runs in its own process, its
``kg`` imported from that directory, alternating ``--rounds`` times:

    nice python benchmarks/build_gzip.py /tmp/h2/gbase/graph.json.gz /work/wt-build-base /work/wt-build-new --rounds 3
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile


def child(store: str, out: str) -> None:
    import gzip  # noqa: PLC0415
    import hashlib  # noqa: PLC0415
    import resource  # noqa: PLC0415
    import time  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from kg.graph import _GzipBytes, _write_joined  # noqa: PLC0415

    with gzip.open(store, "rb") as f:
        lines = f.read().split(b"\n")
    t, c = time.perf_counter(), time.process_time()
    with _GzipBytes(Path(out)) as w:
        _write_joined(w, lines)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    data = Path(out).read_bytes()
    print(json.dumps({"wall": wall, "cpu": cpu, "bytes": len(data), "md5": hashlib.md5(data).hexdigest(),
                      "content_md5": hashlib.md5(gzip.decompress(data)).hexdigest(),
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store")
    ap.add_argument("checkouts", nargs="+")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        sys.path.insert(0, a.checkouts[0])
        child(a.store, a.child)
        return
    res: dict[str, list[dict]] = {c: [] for c in a.checkouts}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(a.rounds):
            for c in a.checkouts:
                out = subprocess.run([sys.executable, __file__, a.store, c, "--child", f"{tmp}/out.json.gz"],
                                     check=True, capture_output=True, text=True).stdout
                res[c].append(json.loads(out))
    print(f"{'checkout':<28} {'wall s (rounds)':<26} {'cpu s (rounds)':<26} {'MB':>8} {'files':>5}")
    for c, rs in res.items():
        walls, cpus = " ".join(f"{r['wall']:.2f}" for r in rs), " ".join(f"{r['cpu']:.2f}" for r in rs)
        print(f"{c:<28} {walls:<26} {cpus:<26} {rs[0]['bytes'] / 1e6:8.2f} {len({r['md5'] for r in rs}):5d}")
    print(json.dumps({"same_content": len({r["content_md5"] for rs in res.values() for r in rs}) == 1,
                      "deterministic": all(len({r["md5"] for r in rs}) == 1 for rs in res.values()),
                      "median_wall": {c: sorted(r["wall"] for r in rs)[len(rs) // 2] for c, rs in res.items()}}))


if __name__ == "__main__":
    main()
