"""Seeded, reproducible draws of the held-out gold sets ``tests/gold/heldout_nov30_gold.jsonl`` (set a),
``tests/gold/heldout_nov30b_gold.jsonl`` (set b), ``tests/gold/heldout_nov30c_gold.jsonl`` (set c),
``tests/gold/heldout_nov30d_gold.jsonl`` (set d), ``tests/gold/heldout_nov30e_gold.jsonl`` (set e) and
``tests/gold/heldout_dec1f_gold.jsonl`` (set f) and ``tests/gold/heldout_dec1g_gold.jsonl`` (set g).

40 abstracts nobody developing the extractor has looked at:

- 25 from ``../shared/data/arxiv/arxiv-cs-2024-2026.jsonl.gz`` (or ``$KG_SHARED_DATA``): new-style ids of
  2025-2026 (``25MM.NNNNN`` / ``26MM.NNNNN``) with a machine-learning category (cs.LG, cs.CL, cs.CV, cs.AI,
  stat.ML);
- 15 from the Hugging Face listing pages in ``../shared/data/hf-papers``, read with ``kg ingest --jsonl``
  (ids are ``title:<normalised title>``).

Excluded: every id in the gold files that existed when the set was drawn (``EXCLUDE_FILES``), the ids of the
``select_unseen.py 16 --seed 1130 --since 25`` draw (being annotated by another helper at the time, listed in
``ALSO_SEEN``), and Hugging Face papers whose title is the title of an excluded or already drawn arXiv id.
The list of files is fixed so that the draw stays the same when new gold files are added later.

About 2/3 of each source is drawn at random among "result-ish" abstracts (a digit and the word
dataset/benchmark or a percent sign), the rest at random among all remaining eligible abstracts. No choice
is made by reading the abstracts.

Set b (seed ``SEED_B``) follows the same recipe and also excludes every id of the gold files present when it
was drawn (``EXCLUDE_FILES_B``: all of ``tests/gold/*.jsonl`` and ``tests/extract_results/*_gold.jsonl``,
set a and ``unseen_nov30_gold.jsonl`` included); set a's draw is unchanged.

Set c (seed ``SEED_C``) follows the same recipe again and excludes every id of the gold files present when it was
drawn (``EXCLUDE_FILES_C``: set b's list plus set b itself); the draws of sets a and b are unchanged.

Set d (seed ``SEED_D``) follows the same recipe again and excludes every id of the gold files present when it was
drawn (``EXCLUDE_FILES_D``: set c's list plus set c itself); the draws of sets a, b and c are unchanged.

Set e (seed ``SEED_E``) follows the same recipe again and excludes every id of the gold files present when it was
drawn (``EXCLUDE_FILES_E``: set d's list plus set d itself); the draws of sets a, b, c and d are unchanged.

Set f (seed ``SEED_F``) follows the same recipe again and excludes every id of the gold files present when it was
drawn (``EXCLUDE_FILES_F``: set e's list plus set e itself); the draws of sets a to e are unchanged.

Set g (seed ``SEED_G``) follows the same recipe again and excludes every id of the gold files present when it was
drawn (``EXCLUDE_FILES_G``: set f's list plus set f itself); the draws of sets a to f are unchanged.

Set h (seed ``SEED_H``) follows the same recipe again and excludes every id of the gold files present when it was
drawn (``EXCLUDE_FILES_H``: set g's list plus set g itself); the draws of sets a to g are unchanged.

Set i (seed ``SEED_I``) follows the same recipe again and excludes every id of the gold files present when it was
drawn (``EXCLUDE_FILES_I``: set h's list plus set h itself); the draws of sets a to h are unchanged.

Set j (seed ``SEED_J``) follows the same recipe again and excludes every id of the gold files present when it was
drawn (``EXCLUDE_FILES_J``: set i's list plus set i itself); the draws of sets a to i are unchanged.

Sets k and l (seeds ``SEED_K``, ``SEED_L``) follow the same recipe again: set k excludes set j's list plus set j
itself (``EXCLUDE_FILES_K``), set l excludes set k's list plus set k itself (``EXCLUDE_FILES_L``); the draws of sets
a to j are unchanged.

Sets m and n (seeds ``SEED_M``, ``SEED_N``) follow the same recipe again: set m excludes set l's list plus set l
itself (``EXCLUDE_FILES_M``), set n excludes set m's list plus set m itself (``EXCLUDE_FILES_N``); the draws of sets
a to l are unchanged.

Usage: ``.venv/bin/python scripts/select_heldout.py`` (set a) or ``.venv/bin/python scripts/select_heldout.py
--set b`` (or ``--set c``, ``--set d``, ``--set e``, ``--set f``, ``--set g``, ``--set h``, ``--set i``, ``--set j``, ``--set k``, ``--set l``, ``--set m``, ``--set n``) prints ``source<TAB>id`` lines, arXiv first.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

SEED = 20261130
SEED_B = 20261131
SEED_C = 20261201
SEED_D = 20261202
SEED_E = 20261203
SEED_F = 20261204
SEED_G = 20261205
SEED_H = 20261206
SEED_I = 20261207
SEED_J = 20261208
SEED_K = 20261209
SEED_L = 20261210
SEED_M = 20261211
SEED_N = 20261212
N_ARXIV, N_HF = 25, 15
ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("KG_SHARED_DATA", ROOT.parent / "shared" / "data"))
ARXIV = DATA / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"
HF = DATA / "hf-papers"
CATS = {"cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML"}
NEW_ID = re.compile(r"^2[56]\d\d\.\d{4,5}$")
RESULTISH = re.compile(r"\b(?:dataset|benchmark)s?\b|%", re.I)
EXCLUDE_FILES = [
    "tests/gold/arxiv_gold.jsonl",
    "tests/gold/examples_gold.jsonl",
    "tests/extract_results/dev10r_gold.jsonl",
    "tests/extract_results/dev15c_gold.jsonl",
    "tests/extract_results/heldout_gold.jsonl",
    "tests/extract_results/unseen15b_gold.jsonl",
    "tests/extract_results/unseen20_gold.jsonl",
    "tests/extract_results/unseen_gold.jsonl",
]
EXCLUDE_FILES_B = [
    *EXCLUDE_FILES,
    "tests/gold/heldout_nov30_gold.jsonl",
    "tests/extract_results/unseen_nov30_gold.jsonl",
]
EXCLUDE_FILES_C = [
    *EXCLUDE_FILES_B,
    "tests/gold/heldout_nov30b_gold.jsonl",
]
EXCLUDE_FILES_D = [
    *EXCLUDE_FILES_C,
    "tests/gold/heldout_nov30c_gold.jsonl",
]
EXCLUDE_FILES_E = [
    *EXCLUDE_FILES_D,
    "tests/gold/heldout_nov30d_gold.jsonl",
]
EXCLUDE_FILES_F = [
    *EXCLUDE_FILES_E,
    "tests/gold/heldout_nov30e_gold.jsonl",
]
EXCLUDE_FILES_G = [
    *EXCLUDE_FILES_F,
    "tests/gold/heldout_dec1f_gold.jsonl",
]
EXCLUDE_FILES_H = [
    *EXCLUDE_FILES_G,
    "tests/gold/heldout_dec1g_gold.jsonl",
]
EXCLUDE_FILES_I = [
    *EXCLUDE_FILES_H,
    "tests/gold/heldout_dec1h_gold.jsonl",
]
EXCLUDE_FILES_J = [
    *EXCLUDE_FILES_I,
    "tests/gold/heldout_dec1i_gold.jsonl",
]
EXCLUDE_FILES_K = [
    *EXCLUDE_FILES_J,
    "tests/gold/heldout_dec1j_gold.jsonl",
]
EXCLUDE_FILES_L = [
    *EXCLUDE_FILES_K,
    "tests/gold/heldout_dec2k_gold.jsonl",
]
EXCLUDE_FILES_M = [
    *EXCLUDE_FILES_L,
    "tests/gold/heldout_dec2l_gold.jsonl",
]
EXCLUDE_FILES_N = [
    *EXCLUDE_FILES_M,
    "tests/gold/heldout_dec2m_gold.jsonl",
]
SETS = {"a": (SEED, EXCLUDE_FILES), "b": (SEED_B, EXCLUDE_FILES_B), "c": (SEED_C, EXCLUDE_FILES_C),
        "d": (SEED_D, EXCLUDE_FILES_D), "e": (SEED_E, EXCLUDE_FILES_E), "f": (SEED_F, EXCLUDE_FILES_F),
        "g": (SEED_G, EXCLUDE_FILES_G), "h": (SEED_H, EXCLUDE_FILES_H),
        "i": (SEED_I, EXCLUDE_FILES_I), "j": (SEED_J, EXCLUDE_FILES_J),
        "k": (SEED_K, EXCLUDE_FILES_K), "l": (SEED_L, EXCLUDE_FILES_L),
        "m": (SEED_M, EXCLUDE_FILES_M), "n": (SEED_N, EXCLUDE_FILES_N)}
ALSO_SEEN = {
    "2502.01692", "2509.00827", "2509.07300", "2509.12168", "2510.00394", "2510.03997", "2510.13281",
    "2510.15148", "2511.00812", "2511.18792", "2601.05495", "2601.22275", "2604.17886", "2605.15467",
    "2606.02894", "2606.10699",
}


def excluded_ids(files: list[str] = EXCLUDE_FILES) -> set[str]:
    """Ids of the gold files present when the set was drawn, plus ``ALSO_SEEN``."""
    ids = set(ALSO_SEEN)
    for name in files:
        p = ROOT / name
        if p.exists():
            ids |= {str(json.loads(line)["id"]) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}
    return ids


def title_key(title: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", title.lower()).split())


def resultish(text: str) -> bool:
    """A digit and the word dataset/benchmark, or a percent sign.

    >>> resultish("We gain 3% on two sets"), resultish("Two benchmarks"), resultish("5 datasets show it")
    (True, False, True)
    """
    return bool(re.search(r"\d", text)) and bool(RESULTISH.search(text))


def draw(pool: list[str], flags: dict[str, bool], n: int, rng: random.Random) -> list[str]:
    """``round(2n/3)`` ids among result-ish ones, the rest among all that remain."""
    n_res = round(2 * n / 3)
    first = rng.sample(sorted(i for i in pool if flags[i]), n_res)
    rest = sorted(set(pool) - set(first))
    return sorted(first) + sorted(rng.sample(rest, n - n_res))


def arxiv_records() -> list[dict]:
    out = []
    with gzip.open(ARXIV, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            rid, cats = str(rec["id"]), set(rec.get("categories") or [])
            keep = bool(NEW_ID.match(rid) and cats & CATS)  # abstracts kept only for eligible records
            out.append({"id": rid, "title": rec.get("title") or "", "categories": cats,
                        "abstract": (rec.get("abstract") or "") if keep else ""})
    return out


def hf_records() -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "kg", "ingest", str(HF), "--jsonl"], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def select(seed: int | None = None, set_name: str = "a") -> list[tuple[str, str]]:
    """``(source, id)`` pairs of the held-out draw ``set_name`` (``"a"`` to ``"l"``); ``seed`` overrides its seed."""
    set_seed, files = SETS[set_name]
    seed = set_seed if seed is None else seed
    skip = excluded_ids(files)
    rng = random.Random(seed)
    arx = arxiv_records()
    skip_titles = {title_key(r["title"]) for r in arx if r["id"] in skip}
    pool, flags = [], {}
    for r in arx:
        if NEW_ID.match(r["id"]) and r["categories"] & CATS and r["id"] not in skip and r["abstract"]:
            pool.append(r["id"])
            flags[r["id"]] = resultish(r["abstract"])
    pool = sorted(set(pool))
    arxiv_ids = draw(pool, flags, N_ARXIV, rng)
    chosen = set(arxiv_ids)
    skip_titles |= {title_key(r["title"]) for r in arx if r["id"] in chosen}
    hf = [r for r in hf_records() if r["id"] not in skip and title_key(r.get("title") or "") not in skip_titles
          and r.get("abstract")]
    hflags = {r["id"]: resultish(r["abstract"]) for r in hf}
    hf_ids = draw(sorted(hflags), hflags, N_HF, rng)
    return [("arxiv", i) for i in arxiv_ids] + [("hf-papers", i) for i in hf_ids]


if __name__ == "__main__":
    args = sys.argv[1:]
    set_name = "a"
    if "--set" in args:
        k = args.index("--set")
        set_name = args[k + 1] if k + 1 < len(args) else ""
        del args[k:k + 2]
    if set_name not in SETS:
        sys.exit(f"select_heldout.py: --set must be one of {', '.join(SETS)} (got {set_name!r})")
    seed = int(args[0]) if args else None
    for src, i in select(seed, set_name):
        print(f"{src}\t{i}")
