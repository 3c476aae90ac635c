"""Train the learned relation scorer (kg/extract/data/relation_scorer.json) and cross-validate it against the rules.

Usage:
    python scripts/train_relations.py [--write] [--final] [--l2 1.0] [--min-precision 0.85]
                                      [--threshold precision|f1|half] [--mode learned|hybrid] [--per-type]

Data: the development gold sets of ``benchmarks/eval_results.py`` (every set except the held-out
``nov30`` and ``arxiv42``). The real pipeline (``kg.extract.extract_papers``) runs on their papers; the
arguments it passes to ``find_relations`` per field are recorded, every candidate pair of
:func:`kg.extract.relations.relation_candidates` is described by its features, and labelled 1 when it
matches a gold relation by ``eval_results``' name matching (name, aliases, the predicted entity's aliases
and mention texts).

Model: an L2-regularised logistic regression (Newton's method, numpy, deterministic) with a shared weight
vector plus one per relation type (``--per-type``: separate regressions; ``--mode hybrid``: the rules'
output is kept and the model only adds other candidates); threshold per type (``--threshold``): the lowest score at which the training data's precision is at least
``--min-precision`` (in-sample), the highest-precision one otherwise.

Validation (printed): leave-one-gold-set-out over the development sets, rules (``kg extract``'s output at
the default 0.7) vs the learned scorer trained on the other sets, P/R per type summed over the folds.
``--final`` also measures, once, the model trained on all development sets (and the rules) on nov30 and
arxiv42. ``--write`` writes the model trained on all development sets.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
spec = importlib.util.spec_from_file_location("eval_results", ROOT / "benchmarks" / "eval_results.py")
ev = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ev)

import logreg  # noqa: E402  (scripts/logreg.py)

import kg.extract as pipe  # noqa: E402
from kg.extract import relations as rel  # noqa: E402
from kg.extract.relscore import FEATURES, REL_TYPES, score  # noqa: E402
from kg.models import Relation  # noqa: E402

OUT = ROOT / "kg" / "extract" / "data" / "relation_scorer.json"
HELD_OUT = ("nov30", "arxiv42", "ho40")  # ho40 (published 30 Nov) is not in the shipped weights' training data
POOLED = True
MODE = "learned"
THRESHOLD_RULE = "precision"
RC = FEATURES.index("rule_conf")


def capture(recs: list[dict], texts: dict) -> list[dict]:
    """Per paper with a text: its gold record, the recorded ``find_relations`` calls and the entity forms."""
    papers, keep = ev.papers_of(recs, texts)
    calls: list[tuple] = []
    orig = pipe.find_relations

    def rec_call(text, sents, mentions, field="abstract", **kw):
        calls.append((text, list(sents), list(mentions), field, kw.get("proposed")))
        return orig(text, sents, mentions, field, **kw)
    pipe.find_relations = rec_call
    out = []
    try:
        for r, x in zip(keep, pipe.extract_papers(papers)):
            forms = {e.name: {ev.NORM(f) for f in (e.name, *e.aliases, *(m.text for m in e.mentions))} for e in x.entities}
            out.append({"gold": r, "calls": list(calls), "forms": forms, "rules_out": list(x.relations)})
            calls.clear()
    finally:
        pipe.find_relations = orig
    return out


def rows_of(paper: dict) -> list[tuple[str, Relation, list[float], int]]:
    """(type, candidate relation, features, label) for every candidate of one paper."""
    names = ev.GoldNames(paper["gold"])
    gold = paper["gold"].get("relations") or []
    forms = paper["forms"]
    out = []
    for text, sents, ments, field, proposed in paper["calls"]:
        rules = rel.rule_relations(text, sents, ments, field, proposed=proposed, min_confidence=0.0)
        for (h, typ, t), (x, (s, e), tt) in rel.relation_candidates(text, sents, ments, field, proposed, rules).items():
            hf, tf = {ev.NORM(h)} | forms.get(h, set()), {ev.NORM(t)} | forms.get(t, set())
            y = any(g["type"] == typ and hf & names.of(g["head"]) and
                    (tf & names.of(g["tail"]) or (typ == "APPLIED_TO" and any(f" {a}".endswith(f" {b}") for a in tf
                                                                              for b in names.of(g["tail"]))))
                    for g in gold)
            out.append((typ, Relation(h, "Method", typ, t, tt, 0.0), x, int(y)))
    return out


def fit(X: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (``scripts/logreg.py``; the bias is not penalised)."""
    return logreg.fit(X, y, l2, iters=50, tol=1e-8)


def fit_pooled(rows: list, l2: float) -> dict[str, np.ndarray]:
    """All types in one regression: a shared weight vector plus one per type (per-type weights = shared +
    own), so a type with few examples borrows what the features mean for the others."""
    k = len(FEATURES)
    X = np.zeros((len(rows), k * (1 + len(REL_TYPES))))
    y = np.array([r[3] for r in rows], dtype=float)
    for i, (typ, _, x, _) in enumerate(rows):
        X[i, :k] = x
        j = (1 + REL_TYPES.index(typ)) * k
        X[i, j:j + k] = x
    w = fit(X, y, l2)
    return {typ: w[:k] + w[(1 + i) * k:(2 + i) * k] for i, typ in enumerate(REL_TYPES)}


def train(rows: list, l2: float, min_precision: float) -> dict:
    model = {"features": list(FEATURES), "types": {}, "mode": MODE}
    if MODE == "hybrid":  # the rules' own output is kept; the model only learns which other candidates to add
        rows = [r for r in rows if r[2][RC] < 0.7]
    pooled = fit_pooled(rows, l2) if POOLED else {}
    for typ in REL_TYPES:
        sel = [(x, y) for t, _, x, y in rows if t == typ]
        X = np.array([x for x, _ in sel], dtype=float).reshape(-1, len(FEATURES))
        y = np.array([y for _, y in sel], dtype=float)
        if POOLED:
            w = pooled[typ]
        else:
            w = fit(X, y, l2) if len(y) and y.sum() else np.zeros(len(FEATURES))
            if not y.sum():
                w[0] = -10.0
        ps = [score(list(x), list(w)) for x in X]
        th, best = 0.99, -1.0
        if THRESHOLD_RULE != "precision":  # the fixed 0.5, or the in-sample F1 maximum
            th = 0.5
            if THRESHOLD_RULE == "f1":
                f1s = []
                for cand in sorted({p for p in ps if p >= 0.2}):
                    tp = sum(yy for p, yy in zip(ps, y) if p >= cand)
                    npred = sum(1 for p in ps if p >= cand)
                    f1s.append((2 * tp / (npred + y.sum()), -cand))
                th = -max(f1s)[1] if f1s else 0.99
            model["types"][typ] = {"weights": [round(float(v), 4) for v in w], "threshold": round(th - 5e-4, 3),
                                   "candidates": len(y), "positives": int(y.sum())}
            continue
        for cand in sorted({p for p in ps if p >= 0.2}):
            kept = [yy for p, yy in zip(ps, y) if p >= cand]
            prec = sum(kept) / len(kept)
            if prec >= min_precision:
                th = cand
                break
            if prec > best:
                best, th = prec, cand
        model["types"][typ] = {"weights": [round(float(v), 4) for v in w], "threshold": round(th - 5e-4, 3),
                               "candidates": len(y), "positives": int(y.sum())}
    return model


def predict(rows: list, model: dict) -> list[Relation]:
    out = []
    for typ, r, x, _ in rows:
        m = model["types"][typ]
        p = score(x, m["weights"])
        if p >= m["threshold"] or (model.get("mode") == "hybrid" and x[RC] >= 0.7):
            out.append(Relation(r.head, r.head_type, typ, r.tail, r.tail_type, p))
    return out


def evaluate(papers: list[dict], rows_by_paper: list[list], model: dict | None) -> "ev.Tally":
    t = ev.Tally()
    for paper, rows in zip(papers, rows_by_paper):
        pred = paper["rules_out"] if model is None else predict(rows, model)
        t.relations(paper["gold"].get("relations") or [], pred, ev.GoldNames(paper["gold"]), str(paper["gold"]["id"]),
                    paper["forms"])
    return t


def table(title: str, tallies: dict[str, "ev.Tally"]) -> None:
    print(f"\n{title}")
    print("| scorer | " + " | ".join(f"{t} P / R" for t in (*REL_TYPES, "all")) + " |")
    print("|---|" + "---|" * (len(REL_TYPES) + 1))
    for name, t in tallies.items():
        cells, tot = [], [0, 0, 0]
        for typ in REL_TYPES:
            tp, np_, ng = t.rel[typ]
            tot = [tot[0] + tp, tot[1] + np_, tot[2] + ng]
            cells.append(f"{ev._f(tp, np_)} / {ev._f(tp, ng)}")
        cells.append(f"{ev._f(tot[0], tot[1])} / {ev._f(tot[0], tot[2])}")
        print(f"| {name} | " + " | ".join(cells) + " |")


def merged(ts: list["ev.Tally"]) -> "ev.Tally":
    m = ev.Tally()
    for t in ts:
        for k, v in t.rel.items():
            m.rel[k] = [a + b for a, b in zip(m.rel[k], v)]
    return m


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--min-precision", type=float, default=0.85)
    ap.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    ap.add_argument("--final", action="store_true", help="measure once on the held-out nov30 and arxiv42")
    ap.add_argument("--per-type", action="store_true", help="one regression per type instead of the pooled one")
    ap.add_argument("--mode", choices=("learned", "hybrid"), default="learned",
                    help="learned: the model decides every candidate; hybrid: the rules' output (>= 0.7) is kept "
                         "and the model adds candidates the rules did not find")
    ap.add_argument("--threshold", choices=("precision", "f1", "half"), default="precision",
                    help="per-type threshold: lowest with in-sample precision >= --min-precision, in-sample F1 "
                         "maximum, or 0.5")
    a = ap.parse_args()
    global POOLED, MODE, THRESHOLD_RULE
    THRESHOLD_RULE = a.threshold
    POOLED = not a.per_type
    MODE = a.mode
    names = [n for n in ev.GOLD_SETS if n not in HELD_OUT] + (list(HELD_OUT) if a.final else [])
    loaded = {n: [json.loads(x) for x in open(ev.GOLD_SETS[n]) if x.strip()] for n in names if ev.GOLD_SETS[n].exists()}
    texts = ev.arxiv_texts({str(r["id"]) for recs in loaded.values() for r in recs})
    data = {n: capture(recs, texts) for n, recs in loaded.items()}
    rows = {n: [rows_of(p) for p in ps] for n, ps in data.items()}
    dev = [n for n in data if n not in HELD_OUT]
    for n in dev:
        flat = [r for rs in rows[n] for r in rs]
        print(f"{n}: {len(data[n])} papers, {len(flat)} candidates, {sum(r[3] for r in flat)} positive")
    folds_r, folds_l, per_set = [], [], {}
    for n in dev:
        train_rows = [r for m in dev if m != n for rs in rows[m] for r in rs]
        model = train(train_rows, a.l2, a.min_precision)
        tr, tl = evaluate(data[n], rows[n], None), evaluate(data[n], rows[n], model)
        folds_r.append(tr)
        folds_l.append(tl)
        per_set[f"{n} rules"], per_set[f"{n} learned"] = tr, tl
    ceiling = merged([evaluate(data[n], rows[n], {"types": {t: {"weights": [0.0] * len(FEATURES), "threshold": 0.0}
                                                             for t in REL_TYPES}}) for n in dev])
    table("leave-one-gold-set-out cross-validation, summed over the folds (method-level relations)",
          {"rules (t=0.7)": merged(folds_r), "learned": merged(folds_l), "every candidate (ceiling)": ceiling})
    table("per left-out set", per_set)
    model = train([r for n in dev for rs in rows[n] for r in rs], a.l2, a.min_precision)
    model["trained_on"] = dev
    model["l2"], model["min_precision"] = a.l2, a.min_precision
    print("\nthresholds:", {t: m["threshold"] for t, m in model["types"].items()})
    if a.final:
        table("held-out sets, model trained on all development sets",
              {f"{n} {k}": evaluate(data[n], rows[n], m) for n in HELD_OUT if n in data
               for k, m in (("rules", None), ("learned", model))})
    if a.write:
        OUT.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
