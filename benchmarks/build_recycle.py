"""CPU of build workers that live for the whole build vs workers replaced every K tasks (fresh forks).

A long-lived extraction worker gets slower as it ages (its heap, string store and lexeme
cache grow). This runs the pool worker's task (``kg.parallel._extract_task`` on blocks of
``--block`` JSONL lines) over the same papers in two ways at the same time, so both meet
the same machine load: ``aged``, one forked process doing every block, and ``recycled``, a
fresh process forked every ``--every`` blocks from a parent that built the pipeline once
(as ``kg.parallel.extract_tasks`` does). ``--rounds`` repeats the pair. Prints worker CPU
seconds (``os.wait4`` rusage of the forked processes), peak RSS of the largest worker, and
whether both gave the same records.

    nice python benchmarks/build_recycle.py /tmp/h2/a40k.jsonl --papers 40000 --every 40

Measured (first 40,000 records of the 157k arXiv file, 256-line blocks, a fresh worker every
40 blocks = 10,240 papers, 30 Nov 18:55-19:40 UTC at load 7-14): recycled +6.1 % and +1.9 % worker
CPU (127.8 -> 135.6 s, 136.3 -> 138.9 s), peak worker RSS 384-386 -> 304 MB, same records (the
second run; the first ran in a working tree whose data files other jobs were editing). A fresh
fork starts with cold caches, which costs more than the aged worker loses: not adopted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time

sys.path.insert(0, os.getcwd())


def run(mode: str, blocks: list[tuple], every: int) -> dict:
    """In a forked process: do ``blocks`` in one worker (``aged``) or in fresh workers of ``every`` blocks."""
    from kg.parallel import _extract_task  # noqa: PLC0415

    step = len(blocks) if mode == "aged" else every
    cpu, peak = 0.0, 0
    r, w = os.pipe()
    for lo in range(0, len(blocks), step):
        pid = os.fork()
        if pid == 0:
            os.close(r)
            for t in blocks[lo:lo + step]:  # one digest per block: the same sequence in both modes
                h = hashlib.sha256()
                for x in _extract_task(t, None, None)[1]:
                    h.update(json.dumps(x.to_dict(with_paper=True), sort_keys=True).encode())
                os.write(w, h.digest())
            os._exit(0)
        _, _, ru = os.wait4(pid, 0)
        cpu += ru.ru_utime + ru.ru_stime
        peak = max(peak, ru.ru_maxrss // 1024)
    os.close(w)
    digest = b""
    while chunk := os.read(r, 1 << 16):
        digest += chunk
    return {"cpu": cpu, "peak_mb": peak, "blocks": [digest[i:i + 32].hex()[:12] for i in range(0, len(digest), 32)]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("jsonl")
    ap.add_argument("--papers", type=int, default=40000)
    ap.add_argument("--block", type=int, default=256)
    ap.add_argument("--every", type=int, default=40, help="blocks per fresh worker in the recycled mode")
    ap.add_argument("--rounds", type=int, default=1)
    a = ap.parse_args()
    from kg.parallel import _nlp  # noqa: PLC0415

    _nlp(None)  # built once in the parent: a forked worker starts with it
    with open(a.jsonl, "rb") as f:
        lines = [line for _, line in zip(range(a.papers), f)]
    blocks = [("jsonl", a.jsonl, i + 1, b"\n" + b"".join(lines[i:i + a.block])) for i in range(0, len(lines), a.block)]
    out: dict[str, list] = {"aged": [], "recycled": []}
    shas, peaks = set(), {}
    t = time.perf_counter()
    for _ in range(a.rounds):
        kids = {}
        for mode in out:
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(r)
                os.write(w, json.dumps(run(mode, blocks, a.every)).encode())
                os._exit(0)
            os.close(w)
            kids[mode] = (pid, r)
        for mode, (pid, r) in kids.items():
            data = b""
            while chunk := os.read(r, 1 << 16):
                data += chunk
            os.waitpid(pid, 0)
            got = json.loads(data)
            out[mode].append(got["cpu"])
            peaks[mode] = max(peaks.get(mode, 0), got["peak_mb"])
            shas.add(tuple(got["blocks"]))
    print(f"{'mode':<9} " + " ".join(f"{'round ' + str(i + 1):>8}" for i in range(a.rounds))
          + f" {'ms/paper':>9} {'peak MB':>8}")
    for mode, cs in out.items():
        print(f"{mode:<9} " + " ".join(f"{c:8.2f}" for c in cs)
              + f" {1000 * sum(cs) / a.rounds / len(lines):9.3f} {peaks[mode]:8d}")
    print(json.dumps({"papers": len(lines), "block": a.block, "every": a.every, "cpu": out,
                      "change": round(sum(out["recycled"]) / sum(out["aged"]) - 1, 4), "peak_mb": peaks,
                      "same_records": len(shas) == 1, "wall": round(time.perf_counter() - t, 1),
                      "blocks_differing": sorted({i for s in shas for i, d in enumerate(s) if any(
                          i >= len(o) or o[i] != d for o in shas)})}))


if __name__ == "__main__":
    main()
