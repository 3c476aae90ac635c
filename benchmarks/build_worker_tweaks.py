"""CPU of a build worker's extraction with and without its tweak: two processes, same records, same time.

The tweak (``kg.parallel``): the ``kg_catalog`` component builds no ``doc.spans`` objects
(``with_spans = False``; the rows it also writes are what the extraction reads). (A second
one, ``gc.collect()`` + ``gc.freeze()`` before each task, measured -3.6 % on 6,000 papers
x2 and +0.3 % on 40,000 papers: no gain, not kept.) Two child processes run the pool worker's task loop (blocks of
``--block`` papers, ``_extract_task``-like) over the same papers at the same time, one per
setting, so both meet the same machine load; ``--rounds`` repeats the pair. Prints a table
of worker CPU seconds and one JSON line; the records of both settings are compared.

    python benchmarks/build_worker_tweaks.py /tmp/lead/a20k.jsonl --papers 6000 --block 200 --rounds 2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.getcwd())


def child(path: str, n: int, block: int, setting: str) -> None:
    from kg.parallel import _extract_list, _nlp, read_block  # noqa: PLC0415

    with open(path, "rb") as f:
        lines = [next(f) for _ in range(n)]
    papers, _ = read_block(path, 1, b"\n" + b"".join(lines))
    _nlp(None).get_pipe("kg_catalog").with_spans = setting == "before"
    h = hashlib.sha256()
    t = time.process_time()
    for i in range(0, len(papers), block):
        for x in _extract_list(papers[i:i + block], None):
            h.update(json.dumps(x.to_dict(with_paper=True), sort_keys=True).encode())
    print(json.dumps({"cpu": time.process_time() - t, "sha": h.hexdigest()}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("jsonl")
    ap.add_argument("--papers", type=int, default=6000)
    ap.add_argument("--block", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.jsonl, a.papers, a.block, a.child)
        return
    cpu = {"before": [], "after": []}
    shas = set()
    for _ in range(a.rounds):
        procs = {s: subprocess.Popen([sys.executable, __file__, a.jsonl, "--papers", str(a.papers), "--block",
                                      str(a.block), "--child", s], stdout=subprocess.PIPE) for s in cpu}
        for s, p in procs.items():
            r = json.loads(p.communicate()[0])
            cpu[s].append(r["cpu"])
            shas.add(r["sha"])
    print(f"{'setting':<8} " + " ".join(f"{'round ' + str(i + 1):>8}" for i in range(a.rounds)) + f" {'ms/paper':>9}")
    for s, cs in cpu.items():
        print(f"{s:<8} " + " ".join(f"{c:8.2f}" for c in cs) + f" {1000 * sum(cs) / a.rounds / a.papers:9.3f}")
    print(json.dumps({"papers": a.papers, "cpu": cpu, "change": round(sum(cpu["after"]) / sum(cpu["before"]) - 1, 4),
                      "same_records": len(shas) == 1}))


if __name__ == "__main__":
    main()
