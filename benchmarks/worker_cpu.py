"""Process CPU of what one `kg build --processes N` worker does per task, on the first N papers of a JSONL file.

A pool worker gets blocks of 256 raw JSONL lines (``kg.pipeline._read_tasks``), parses and cleans them
(``kg.parallel.read_block``: ``kg.ingest``), extracts (``kg.extract.extract_papers`` with
``extraction_nlp()``) and packs each record (``kg.pipeline.pack_record``: sidecar line, graph part and
alias-table ops spilled to a file). This script does the same in one process, cyclic GC off as in the build,
and prints the CPU of the whole loop and of ``read_block`` alone (which ``extract_profile.py`` leaves out),
with md5s of the packed tuples and of the spilled bytes: two trees that must give the same build give the
same md5s. Compare two trees by running it alternately with ``PYTHONPATH`` on each (the machine drifts).

Usage: nice python benchmarks/worker_cpu.py [FILE.jsonl] [N]
"""
import gc
import gzip
import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import kg.extract as K
import kg.pipeline as P
from kg.parallel import read_block

SHARED = Path(os.environ.get("KG_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))
PATH = SHARED / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"
BLOCK = 256


def main() -> None:
    args = sys.argv[1:]
    n = int(args.pop()) if args and args[-1].isdigit() else 10000
    path = args[0] if args else str(PATH)
    opener = gzip.open if path.endswith(".gz") else open
    lines = []
    with opener(path, "rb") as fh:
        for line in fh:
            if len(lines) >= n:
                break
            lines.append(line.rstrip(b"\n"))
    blocks = [(i + 1, b"\n" + b"\n".join(lines[i:i + BLOCK]) + b"\n") for i in range(0, len(lines), BLOCK)]
    nlp = K.extraction_nlp()
    warm, _ = read_block(path, 1, blocks[-1][1])
    for _ in K.extract_papers(warm[:30], nlp=nlp):  # load the catalog, patterns and caches
        pass
    spill = tempfile.mkdtemp(prefix="kg-worker-cpu-")
    gc.disable()
    out, read_cpu = [], 0.0
    t0 = time.process_time()
    for first, block in blocks:
        t = time.process_time()
        papers, _ = read_block(path, first, block)
        read_cpu += time.process_time() - t
        out.extend(P.pack_record(spill, x) for x in K.extract_papers(papers, nlp=nlp))
    total = time.process_time() - t0
    packed, spilled, fds = hashlib.md5(), hashlib.md5(), {}
    for pid, sources, ops, (writer, offset, length, _) in out:
        packed.update(repr((pid, sources, ops)).encode())
        if writer not in fds:
            fds[writer] = os.open(os.path.join(spill, f"spill-{writer}.bin"), os.O_RDONLY)
        spilled.update(os.pread(fds[writer], length, offset))
    for fd in fds.values():
        os.close(fd)
    shutil.rmtree(spill)
    print("| papers | worker CPU s | read_block CPU s | ms per paper | packed md5 | spilled md5 |")
    print("|---|---|---|---|---|---|")
    print(f"| {len(out)} | {total:.2f} | {read_cpu:.2f} | {1000 * total / max(1, len(out)):.3f} "
          f"| {packed.hexdigest()[:12]} | {spilled.hexdigest()[:12]} |")


if __name__ == "__main__":
    main()
