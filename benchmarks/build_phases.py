"""`kg build` in this process: wall and CPU seconds per phase, and CPU of the main process vs its workers.

Prints one JSON line. It imports `kg` from the current directory first, so running it from
another checkout measures that checkout with the same command (how the build rework was
compared with the code before it, in the same run):

    cd /tmp/before && python /work/main/benchmarks/build_phases.py --graph /tmp/g1/graph.json.gz a20k.jsonl --processes 2
    cd /work/main  && python benchmarks/build_phases.py --graph /tmp/g2/graph.json.gz a20k.jsonl --processes 2
    python benchmarks/build_phases.py --graph /tmp/g3/graph.json.gz --from-extractions recs20k.jsonl

CPU per phase (`time.process_time`) is that of the main process; `workers_cpu` sums the
finished child processes (`getrusage(RUSAGE_CHILDREN)`), `children_cpu_by_phase` the CPU of the
children reaped during each phase (a forked writer counts in the phase that waits for it). On a shared machine the CPU
seconds are steadier than the wall seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

sys.path.insert(0, os.getcwd())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--graph", required=True)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--from-extractions", default=None)
    a = ap.parse_args()
    import kg.pipeline as pipeline  # noqa: PLC0415

    cpu: dict[str, float] = {}
    kids: dict[str, float] = {}

    def children() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    class Clock:  # kg.pipeline._Clock, also taking the CPU time of each phase
        def __init__(self, out: dict[str, float]) -> None:
            self.out, self.t, self.c, self.k = out, time.perf_counter(), time.process_time(), children()

        def lap(self, name: str) -> None:
            now, c, k = time.perf_counter(), time.process_time(), children()
            self.out[name] = self.out.get(name, 0.0) + now - self.t
            cpu[name] = cpu.get(name, 0.0) + c - self.c
            kids[name] = kids.get(name, 0.0) + k - self.k
            self.t, self.c, self.k = now, c, k

    pipeline._Clock = Clock
    t = time.perf_counter()
    s = pipeline.build(a.inputs, graph_path=a.graph, processes=a.processes, from_extractions=a.from_extractions)
    wall = time.perf_counter() - t
    me, ch = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": round(wall, 1), "main_cpu": round(me.ru_utime + me.ru_stime, 1),
                      "workers_cpu": round(ch.ru_utime + ch.ru_stime, 1),
                      "wall_by_phase": {k: round(v, 1) for k, v in s.timings.items()},
                      "cpu_by_phase": {k: round(v, 1) for k, v in cpu.items()},
                      "children_cpu_by_phase": {k: round(v, 1) for k, v in kids.items()},
                      "peak_rss_mb": s.peak_rss_mb, "nodes": s.nodes, "edges": s.edges}))


if __name__ == "__main__":
    main()
