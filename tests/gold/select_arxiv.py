"""Seeded, reproducible selection of arXiv abstracts for the hand-annotated gold set.

Reads ``../shared/data/arxiv/arxiv-cs-2024-2026.jsonl.gz`` (or ``$KG_SHARED_DATA``),
keeps cs.CV / cs.CL / cs.LG papers, splits them into those that state a result
(a number followed by ``%``) or name a dataset-ish word, and the rest, then samples
``N`` ids with ``random.Random(SEED)`` -- about 75% from the first group, 25% from
the second -- and prints one id per line.

Usage: ``python tests/gold/select_arxiv.py [N]``
"""
from __future__ import annotations

import gzip
import json
import os
import random
import re
import sys
from pathlib import Path

SEED = 20261123
ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("KG_SHARED_DATA", ROOT.parent / "shared" / "data"))
PATH = DATA / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"
CATS = ("cs.CV", "cs.CL", "cs.LG")
RESULTISH = re.compile(r"\d(?:\.\d+)?\s?%|\b(?:dataset|benchmark|corpus)s?\b", re.I)


def categories(rec: dict) -> str:
    c = rec.get("categories") or rec.get("category") or ""
    return " ".join(c) if isinstance(c, list) else str(c)


def select(n: int = 48, seed: int = SEED) -> list[str]:
    with_res, without = [], []
    with gzip.open(PATH, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if not any(c in categories(rec) for c in CATS):
                continue
            (with_res if RESULTISH.search(rec.get("abstract") or "") else without).append(str(rec["id"]))
    rng = random.Random(seed)
    n_without = n // 4
    return sorted(rng.sample(with_res, n - n_without)) + sorted(rng.sample(without, n_without))


if __name__ == "__main__":
    for i in select(int(sys.argv[1]) if len(sys.argv) > 1 else 48):
        print(i)
