"""Process CPU of single extraction functions over the titles and abstracts of the first N papers of a JSONL file.

For comparing two trees that must give the same output (run it alternately with ``PYTHONPATH`` on each: the
machine drifts, so only runs next to each other compare). Times, one after the other, cyclic GC off:
``titled_heads`` and ``headed_names`` (abstracts), ``dataset_lists`` and ``_name_chunks`` (uncached; titles and
abstracts, as ``field_mentions`` calls them), ``task_phrases`` and ``split_sentences`` (titles and abstracts).
Prints one table row per run with an md5 of all the outputs (two trees with the same outputs print the same md5).

Usage: PYTHONPATH=<tree> nice python benchmarks/extract_hotspots.py [FILE.jsonl] [N]
"""
import gc
import gzip
import hashlib
import json
import os
import sys
import time
from pathlib import Path

import kg.extract as K
import kg.extract.discover as D
from kg.extract.text import split_sentences

SHARED = Path(os.environ.get("KG_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))
PATH = SHARED / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"


def main() -> None:
    args = sys.argv[1:]
    n = int(args.pop()) if args and args[-1].isdigit() else 10000
    path = args[0] if args else str(PATH)
    opener = gzip.open if path.endswith(".gz") else open
    titles, abstracts = [], []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(titles) >= n:
                break
            r = json.loads(line)
            titles.append(r.get("title") or "")
            abstracts.append(r.get("abstract") or "")
    fields = [(t, "title") for t in titles] + [(a, "abstract") for a in abstracts]
    chunks = D._name_chunks.__wrapped__  # the uncached function
    D.load_stoplist(), D.load_heads()
    runs = {
        "titled_heads": lambda: [K.titled_heads(a) for a in abstracts],
        "headed_names": lambda: [D.headed_names(a) for a in abstracts],
        "dataset_lists": lambda: [D.dataset_lists(t) for t, _ in fields],
        "_name_chunks": lambda: [chunks(t, False if f == "title" else None, f != "title") for t, f in fields],
        "task_phrases": lambda: [D.task_phrases(t, title=f == "title") for t, f in fields],
        "split_sentences": lambda: [split_sentences(t) for t, _ in fields],
    }
    digest = hashlib.md5()
    cpu = {}
    gc.disable()
    for name, run in runs.items():
        t = time.process_time()
        out = run()
        cpu[name] = time.process_time() - t
        digest.update(repr(out).encode())
    gc.enable()
    tree = os.environ.get("PYTHONPATH", "") or str(Path(K.__file__).resolve().parents[2])
    print("| tree | papers | " + " | ".join(f"{k} s" for k in cpu) + " | sum s | outputs md5 |")
    print("|---|---|" + "---|" * len(cpu) + "---|---|")
    print(f"| {tree} | {n} | " + " | ".join(f"{v:.3f}" for v in cpu.values()) +
          f" | {sum(cpu.values()):.3f} | {digest.hexdigest()[:12]} |")


if __name__ == "__main__":
    main()
