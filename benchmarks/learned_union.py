"""Rules alone vs rules + a learned span model's spans the rules do not have, scored with the shared scorer.

Takes a folder kept by ``benchmarks/eval_heldout.py --gold GOLD --keep DIR`` (``papers.jsonl``, ``pred.jsonl``) and a
spaCy pipeline trained by ``scripts/train_spans.py`` (``ner`` or ``spancat``). The model runs on each paper's title
and abstract; a learned span whose normalised text is no form of a rule entity (any type) is added as a new entity
(grouped by type and normalised text), optionally only for some types, only where it overlaps no rule mention, only
above a spancat score, only when named at least N times. Both prediction files are scored with
``../shared/eval/score.py seeds`` and the per-type P/R/F1 printed side by side (round dec2b, docs/rounds/dec2b/LRN.md).

Usage::

    python benchmarks/learned_union.py MODEL GOLD DIR [--types Task,Metric] [--nonoverlap] [--min-score 0.7]
        [--min-count 2] [--show]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
TYPES = ("Method", "Dataset", "Metric", "Task")
sys.path.insert(0, str(ROOT))

from kg.evaluate import norm  # noqa: E402


def learned_spans(nlp, paper: dict) -> list[tuple[str, str, int, int, str, float]]:
    """``(text, type, start, end, field, score)`` of the model's spans in the title and abstract (ner: score 1.0;
    spancat: the best label's score, overlapping spans resolved highest score first)."""
    out = []
    for field in ("title", "abstract"):
        if not paper.get(field):
            continue
        doc = nlp(paper[field])
        if "spancat" not in nlp.pipe_names:
            out += [(e.text, e.label_, e.start_char, e.end_char, field, 1.0) for e in doc.ents]
            continue
        group = doc.spans["sc"]
        cand = sorted(((float(group.attrs["scores"][i].max()), s) for i, s in enumerate(group)), key=lambda x: -x[0])
        taken: list[tuple[int, int]] = []
        for sc, s in cand:
            if not any(a < s.end and s.start < b for a, b in taken):
                taken.append((s.start, s.end))
                out.append((s.text, s.label_, s.start_char, s.end_char, field, sc))
    return out


def add_learned(pred: dict, spans, types, nonoverlap: bool, min_score: float, min_count: int) -> tuple[dict, list]:
    """``pred`` with the learned spans the rules do not have added as entities, and the added entities.

    >>> pred = {"id": "1", "entities": [{"type": "Method", "name": "BERT", "aliases": [],
    ...          "mentions": [{"text": "BERT", "start": 0, "end": 4, "field": "abstract"}]}]}
    >>> spans = [("BERT", "Method", 0, 4, "abstract", 1.0), ("parsing", "Task", 10, 17, "abstract", 1.0)]
    >>> [e["name"] for e in add_learned(pred, spans, TYPES, False, 0.0, 1)[1]]
    ['parsing']
    """
    forms = {norm(x) for e in pred["entities"] for x in (e["name"], *e.get("aliases", []),
                                                          *(m["text"] for m in e["mentions"]))}
    ruled = defaultdict(list)
    for e in pred["entities"]:
        for m in e["mentions"]:
            ruled[m["field"]].append((m["start"], m["end"]))
    groups: dict = {}
    for text, typ, a, b, field, sc in spans:
        if typ not in types or sc < min_score or not norm(text) or norm(text) in forms:
            continue
        if nonoverlap and any(x < b and a < y for x, y in ruled[field]):
            continue
        g = groups.setdefault((typ, norm(text)), {"type": typ, "name": text, "aliases": [], "role": None,
                                                  "confidence": round(sc, 3), "mentions": []})
        g["mentions"].append({"text": text, "start": a, "end": b, "field": field})
    new = [g for g in groups.values() if len(g["mentions"]) >= min_count]
    return {**pred, "entities": pred["entities"] + new}, new


def score(gold: Path, pred: Path) -> dict[str, list[float]]:
    out = subprocess.run([sys.executable, str(SCORE), "seeds", str(gold), str(pred)], capture_output=True, text=True,
                         check=True).stdout
    return {ln.split()[0]: [float(x.split("=")[1]) for x in ln.split()[1:4]] for ln in out.splitlines()
            if ln.split() and ln.split()[0] in TYPES}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("gold", type=Path)
    ap.add_argument("dir", type=Path, help="folder kept by eval_heldout.py --keep")
    ap.add_argument("--types", default=",".join(TYPES))
    ap.add_argument("--nonoverlap", action="store_true", help="only spans overlapping no rule mention")
    ap.add_argument("--min-score", type=float, default=0.0)
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument("--show", action="store_true", help="list the added entities")
    a = ap.parse_args()
    nlp = spacy.load(a.model)
    if "spancat" in nlp.pipe_names:
        nlp.get_pipe("spancat").cfg["threshold"] = min(a.min_score, 0.5)
    papers = [json.loads(x) for x in open(a.dir / "papers.jsonl", encoding="utf-8")]
    preds = {r["id"]: r for r in map(json.loads, open(a.dir / "pred.jsonl", encoding="utf-8"))}
    rows, added = [], []
    for p in papers:
        row, new = add_learned(preds[p["id"]], learned_spans(nlp, p), tuple(a.types.split(",")), a.nonoverlap,
                               a.min_score, a.min_count)
        rows.append(row)
        added += [(p["id"], e["type"], e["name"]) for e in new]
    out = a.dir / "pred_learned.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    base, union = score(a.gold, a.dir / "pred.jsonl"), score(a.gold, out)
    print(f"{len(added)} learned entities added\n\n| type | rules P/R/F1 | + learned P/R/F1 | F1 change |\n|---|---|---|---|")
    for t in TYPES:
        print(f"| {t} | {'/'.join(f'{x:.3f}' for x in base[t])} | {'/'.join(f'{x:.3f}' for x in union[t])} "
              f"| {union[t][2] - base[t][2]:+.3f} |")
    if a.show:
        for pid, typ, name in added:
            print(f"  {pid} {typ} {name}")


if __name__ == "__main__":
    main()
