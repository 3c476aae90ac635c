"""Cross-paper entity resolution against SciREX gold (../shared/data/scirex/train-abstracts.jsonl).

SciREX names each paper's salient entities with a canonical name shared across papers
(e.g. ``Semantic_Segmentation``) and lists the surface forms used in the paper. Each
(paper, form) becomes one bare entity occurrence (no aliases given, so only the
folding rules and cross-paper short-form definitions can merge them); we resolve them
all and compare the clustering with the gold names, pairwise over distinct surface forms:

- precision: of the form pairs we put in one node, how many share a gold name;
- recall: of the form pairs sharing a gold name, how many we put in one node;
- and the same with the forms of one gold entity in one paper given as aliases
  ("with in-paper aliases"), i.e. if the extractor found every in-paper alias.

    python benchmarks/resolve_scirex.py
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.models import Entity, Paper, PaperExtraction  # noqa: E402
from kg.resolve import build_resolver  # noqa: E402

TYPES = {"Material": "Dataset", "Method": "Method", "Metric": "Metric", "Task": "Task"}
SRC = ROOT.parent / "shared" / "data" / "scirex" / "train-abstracts.jsonl"


def evaluate(docs: list[dict], with_aliases: bool) -> dict:
    records, occurrences = [], []
    for d in docs:
        ents = []
        for s in d["gold"]["salient"]:
            t = TYPES.get(s["label"])
            forms = [f for f in s.get("forms") or [] if f.strip()]
            if not t or not forms:
                continue
            if with_aliases:
                ents.append(Entity(t, forms[0], aliases=tuple(forms[1:])))
            else:
                ents.extend(Entity(t, f) for f in forms)
            occurrences.extend((t, f, s["name"]) for f in forms)
        records.append(PaperExtraction(Paper(id=d["id"], title=d.get("title", ""), abstract=""), entities=tuple(ents)))
    r = build_resolver(records)
    form_key, form_gold = {}, defaultdict(set)
    for t, f, gold in occurrences:
        form_key[(t, f)] = r.resolve(t, f)
        form_gold[(t, f)].add(gold)
    forms = sorted(form_key)
    tp = fp = fn = 0
    for a, b in itertools.combinations(forms, 2):
        if a[0] != b[0]:
            continue
        same_pred = form_key[a] == form_key[b]
        same_gold = bool(form_gold[a] & form_gold[b])
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    golds = {g for gs in form_gold.values() for g in gs}
    return {"forms": len(forms), "gold entities": len(golds), "nodes": len(set(form_key.values())),
            "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0}


def main() -> None:
    if not SRC.exists():
        sys.exit(f"{SRC} is missing (see ../shared/data/README.md)")
    docs = [json.loads(line) for line in SRC.open(encoding="utf-8") if line.strip()]
    print(f"SciREX train abstracts: {len(docs)} papers")
    print(f"{'setting':<26} {'forms':>6} {'gold ents':>10} {'our nodes':>10} {'pair P':>7} {'pair R':>7}")
    for name, al in (("bare forms", False), ("with in-paper aliases", True)):
        m = evaluate(docs, al)
        print(f"{name:<26} {m['forms']:>6} {m['gold entities']:>10} {m['nodes']:>10} "
              f"{m['precision']:>7.3f} {m['recall']:>7.3f}")


if __name__ == "__main__":
    main()
