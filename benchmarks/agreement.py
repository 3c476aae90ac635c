"""Agreement of two independent annotations of the same abstracts, scored as kg's extraction is scored.

How high can an extractor score against one annotator? This scores annotator B's file as if it were ``kg extract``
output against annotator A's file (and the other way round) with exactly the scorers of
``benchmarks/eval_heldout.py`` (``../shared/eval/score.py seeds`` for entities, repos, result values and roles;
``benchmarks/eval_results.py``'s rules for results and relations). Both files are in the gold shape of
tests/gold/GUIDE.md. B's *core* entities are its predictions (its optional ones are what B would not insist on);
A's optional entities count as "may find", as for the extractor. Each of B's entities gets one mention per name
and alias, its relations confidence 1.0.

Usage: python benchmarks/agreement.py GOLD_A GOLD_B [--both]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_heldout  # noqa: E402

TYPES = (("methods", "Method"), ("datasets", "Dataset"), ("metrics", "Metric"), ("tasks", "Task"))


def as_prediction(rec: dict) -> dict:
    """One gold record in the shape of a ``kg extract`` record (core entities only).

    >>> p = as_prediction({"id": "x", "methods": [{"name": "Vision Transformer", "aliases": ["ViT"], "core": True,
    ...     "role": "proposed"}, {"name": "LLMs", "aliases": [], "core": False}], "datasets": [], "metrics": [],
    ...     "tasks": [], "repos": ["https://github.com/a/b"], "results": [], "relations": []})
    >>> [(e["type"], e["name"], e["role"], [m["text"] for m in e["mentions"]]) for e in p["entities"]]
    [('Method', 'Vision Transformer', 'proposed', ['Vision Transformer', 'ViT'])]
    >>> p["repos"]
    [{'url': 'https://github.com/a/b'}]
    """
    ents = []
    for key, typ in TYPES:
        for e in rec.get(key) or []:
            if not e.get("core", True):
                continue
            names = [e["name"], *(e.get("aliases") or [])]
            ents.append({"type": typ, "name": e["name"], "aliases": names[1:],
                         "role": e.get("role", "used" if typ == "Method" else None), "confidence": 1.0,
                         "mentions": [{"text": n} for n in names]})
    return {"id": rec["id"], "entities": ents, "repos": [{"url": u} for u in rec.get("repos") or []],
            "results": list(rec.get("results") or []),
            "relations": [{**r, "confidence": 1.0} for r in rec.get("relations") or []]}


def compare(gold_path: Path, other_path: Path) -> None:
    """Print eval_heldout's report for ``other_path`` (as predictions) against ``gold_path``."""
    gold, other = eval_heldout.read_gold(gold_path, "agreement"), eval_heldout.read_gold(other_path, "agreement")
    if not gold:
        sys.exit(f"agreement: {gold_path} holds no gold records (one JSON object per line)")
    missing = {g["id"] for g in gold} - {o["id"] for o in other}
    if missing:
        sys.exit(f"agreement: {other_path} lacks {len(missing)} ids of {gold_path}, e.g. {sorted(missing)[0]}")
    with tempfile.TemporaryDirectory(prefix="kg-agree-") as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(json.dumps(as_prediction(o)) + "\n" for o in other), encoding="utf-8")
        eval_heldout.report(gold_path, gold, pred, [0.0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_a", type=Path)
    ap.add_argument("gold_b", type=Path)
    ap.add_argument("--both", action="store_true", help="also score A as predictions against B")
    a = ap.parse_args()
    print(f"# {a.gold_b.name} scored against {a.gold_a.name}\n")
    compare(a.gold_a, a.gold_b)
    if a.both:
        print(f"\n# {a.gold_a.name} scored against {a.gold_b.name}\n")
        compare(a.gold_b, a.gold_a)


if __name__ == "__main__":
    main()
