"""Seeded selection of arXiv abstracts for the results/relations gold (ids only are kept in the repo).

Keeps cs.CV / cs.CL / cs.LG records of ``../shared/data/arxiv/arxiv-cs-2024-2026.jsonl.gz`` that
state a number in a measuring context (``%``, ``x``/``×``, ``points``, or a number after "of"/"by"),
drops ids already in any gold file of this directory or ``tests/gold``, and samples ``N`` with
``random.Random(SEED)``. Prints one id per line. ``--since YY`` keeps only ids of 20YY or later
(new-style ids ``YYMM.NNNNN``) and ``--seed`` changes the draw.

Usage: ``python tests/extract_results/select_unseen.py [N] [--seed S] [--since YY]``

Draws used so far: ``15`` (seed 4004) -> unseen15b; ``16 --seed 1130 --since 25`` -> unseen_nov30.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

SEED = 4004
ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT.parent / "shared" / "data" / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"
CATS = ("cs.CV", "cs.CL", "cs.LG")
MEASURE = re.compile(r"\d(?:\.\d+)?\s?(?:\\?%|×|x\b|\$?\\times|points?\b)|\b(?:of|by)\s+\d+\.\d+", re.I)


def known_ids() -> set[str]:
    ids = set()
    for p in [*ROOT.joinpath("tests", "extract_results").glob("*.jsonl"), *ROOT.joinpath("tests", "gold").glob("*.jsonl")]:
        ids |= {str(json.loads(line)["id"]) for line in open(p) if line.strip()}
    return ids


def select(n: int = 20, seed: int = SEED, since: int | None = None) -> list[str]:
    skip, pool = known_ids(), []
    with gzip.open(PATH, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            cats = rec.get("categories") or ""
            cats = " ".join(cats) if isinstance(cats, list) else str(cats)
            rid = str(rec["id"])
            if since is not None and not (rid[:2].isdigit() and int(rid[:2]) >= since):
                continue
            if any(c in cats for c in CATS) and rid not in skip and MEASURE.search(rec.get("abstract") or ""):
                pool.append(str(rec["id"]))
    return sorted(random.Random(seed).sample(pool, n))


def _main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description="seeded draw of unseen arXiv ids")
    ap.add_argument("n", nargs="?", type=int, default=20)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--since", type=int, default=None, help="two-digit year: keep ids of 20YY or later")
    a = ap.parse_args(argv)
    print("\n".join(select(a.n, a.seed, a.since)))


if __name__ == "__main__":
    _main(sys.argv[1:])
