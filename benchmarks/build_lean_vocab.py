"""Extraction CPU with spaCy's full lexeme attributes vs `kg.extract.lean_vocab`, in one process, same run.

The two pipelines take turns on the same blocks of 256 papers (which goes first alternates),
over one pool worker's share of the first N records of an arXiv-style JSONL file (every other
block, as `kg build --processes 2` deals them out), read as the build's workers read them
(`kg.parallel.read_block`). Prints the CPU ms per paper of each every 20 blocks (cumulative,
and the change over the last 20 blocks) and whether the records were the same.

    nice python benchmarks/build_lean_vocab.py 40000 arxiv-first-40k.jsonl
"""

from __future__ import annotations

import gc
import os
import sys
import time

sys.path.insert(0, os.getcwd())


def main() -> None:
    from kg.extract import build_nlp, extract_papers, lean_vocab  # noqa: PLC0415
    from kg.parallel import read_block  # noqa: PLC0415

    n_max, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")[:n_max]
    full, lean = build_nlp(), build_nlp()
    lean_vocab(lean)
    gc.disable()  # as in the build's workers
    t = {id(full): 0.0, id(lean): 0.0}
    last = dict(t)
    n, same = 0, True
    for k, i in enumerate(range(0, len(lines), 512)):
        papers, _ = read_block(path, i + 1, b"\n" + b"\n".join(lines[i:i + 256]) + b"\n")
        out = {}
        for nlp in ((lean, full) if k % 2 else (full, lean)):
            c = time.process_time()
            xs = list(extract_papers(papers, nlp=nlp))
            t[id(nlp)] += time.process_time() - c
            out[id(nlp)] = [x.to_dict(with_paper=True) for x in xs]
        same &= out[id(full)] == out[id(lean)]
        n += len(papers)
        if k % 20 == 19 or i + 512 >= len(lines):
            a, b = t[id(full)], t[id(lean)]
            seg = (a - last[id(full)], b - last[id(lean)])
            last = dict(t)
            print(f"{n} papers: full {a / n * 1e3:.3f} lean {b / n * 1e3:.3f} CPU ms/paper ({100 * (b - a) / a:+.1f} %; "
                  f"last 20 blocks {100 * (seg[1] - seg[0]) / seg[0]:+.1f} %) same records: {same}", flush=True)


if __name__ == "__main__":
    main()
