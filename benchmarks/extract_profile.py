"""Where the CPU of kg extraction goes: process CPU per stage on the first N arXiv abstracts, one process.

Runs what a ``kg build`` worker runs per paper (``kg.extract.extract_papers`` with ``extraction_nlp()``,
then ``kg.pipeline.pack_record``, cyclic GC off as in the build) and times the main stages by wrapping
them (``time.process_time`` around each call; the wrappers add ~1 %). Nested stages count in their parent
too (``name_chunks`` inside ``proposal_spans`` inside ``field_mentions`` inside ``_assemble``). The spaCy
part (tokenizer, catalog matcher, ``nlp.pipe``) is the total minus ``_assemble`` and ``pack_record``.

Usage: nice python benchmarks/extract_profile.py [N]
"""
import collections
import gc
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import kg.extract as K
import kg.extract.discover as D
import kg.pipeline as P
from kg.models import Paper

SHARED = Path(os.environ.get("KG_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))
PATH = SHARED / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"
ACC: collections.Counter = collections.Counter()


def _wrap(mod, name: str, also=()) -> None:
    orig = getattr(mod, name, None)
    if orig is None:
        return

    def timed(*a, **k):
        t = time.process_time()
        try:
            return orig(*a, **k)
        finally:
            ACC[name] += time.process_time() - t
    for m in (mod, *also):
        if getattr(m, name, None) is orig:
            setattr(m, name, timed)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 20000
    for name in ("proposal_spans", "task_phrases", "dataset_lists", "metric_spans", "measure_spans", "name_chunks",
                 "appositive_types", "definition_context"):
        _wrap(D, name, also=(K,))
    for name in ("find_definitions", "split_sentences", "find_links", "role_of", "_catalog_spans", "field_mentions",
                 "find_results", "find_relations", "_assemble"):
        _wrap(K, name)
    for name in ("prepare", "table_ops", "local_definitions", "_spill", "pack_record"):
        _wrap(P, name)
    papers = []
    with gzip.open(PATH, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n + 200:
                break
            r = json.loads(line)
            papers.append(Paper(id=str(r["id"]), title=r.get("title") or "", abstract=r.get("abstract") or ""))
    warm, papers = papers[n:], papers[:n]
    nlp = K.extraction_nlp()
    for _ in K.extract_papers(warm, nlp=nlp):  # load the catalog, patterns and caches
        pass
    ACC.clear()
    spill = tempfile.mkdtemp(prefix="kg-profile-")
    gc.disable()
    t = time.process_time()
    for x in K.extract_papers(papers, nlp=nlp):
        P.pack_record(spill, x)
    total = time.process_time() - t
    ACC["spaCy: tokenizer + catalog matcher + pipe (total - _assemble - pack_record)"] = \
        total - ACC["_assemble"] - ACC["pack_record"]
    print(f"| stage ({n} papers, {total:.1f} s CPU) | CPU s | share |")
    print("|---|---|---|")
    for k, v in sorted(ACC.items(), key=lambda kv: -kv[1]):
        print(f"| {k} | {v:.2f} | {100 * v / total:.1f} % |")
    for f in os.listdir(spill):
        os.unlink(os.path.join(spill, f))
    os.rmdir(spill)


if __name__ == "__main__":
    main()
