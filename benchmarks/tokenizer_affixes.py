"""Tokenizer CPU with and without kg.extract.affixes (plain-word shortcuts of spaCy's English affix rules), same run.

Each round builds a fresh pipeline (``kg.extract.extraction_nlp``: an empty tokenizer cache and
vocabulary, as a ``kg build`` worker starts) with the shortcuts removed (``plain``) or kept
(``shortcuts``), tokenises the titles and abstracts of the first N arXiv papers once, and times it
(process CPU, the tokenizer calls only); the two alternate. It also checks that both give the same tokens
(an md5 over every token's offset and text).

Usage: nice python benchmarks/tokenizer_affixes.py [N] [--rounds R]
"""
import gzip
import hashlib
import json
import os
import sys
import time
from pathlib import Path

from kg.extract import extraction_nlp

SHARED = Path(os.environ.get("KG_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))
PATH = SHARED / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"


def _plain():
    nlp = extraction_nlp()
    tok = nlp.tokenizer
    for attr in ("prefix_search", "suffix_search", "infix_finditer"):
        wrapped = getattr(tok, attr)
        setattr(tok, attr, getattr(wrapped, "search", None) or wrapped.finditer)  # the bare regex method
    return nlp


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 20000
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 2
    texts = []
    with gzip.open(PATH, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            r = json.loads(line)
            texts += [r.get("title") or "", r.get("abstract") or ""]
    cpu = {"plain": [], "shortcuts": []}
    digest = {}
    for k in range(rounds):
        order = ("plain", "shortcuts") if k % 2 == 0 else ("shortcuts", "plain")
        for name in order:
            tok = (_plain() if name == "plain" else extraction_nlp()).tokenizer
            h, spent = hashlib.md5(), 0.0
            for x in texts:
                t = time.process_time()
                doc = tok(x)
                spent += time.process_time() - t
                h.update(repr([(w.idx, w.orth) for w in doc]).encode())
            cpu[name].append(spent)
            digest.setdefault(name, h.hexdigest())
    same = digest["plain"] == digest["shortcuts"]
    p, s = sum(cpu["plain"]) / rounds, sum(cpu["shortcuts"]) / rounds
    print("| papers | rounds | plain CPU s | shortcuts CPU s | ratio | same tokens |")
    print("|---|---|---|---|---|---|")
    print(f"| {n} | {rounds} | {p:.2f} | {s:.2f} | {s / p:.3f} | {same} |")


if __name__ == "__main__":
    main()
