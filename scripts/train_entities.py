"""Train the learned entity scorer (kg/extract/data/entity_scorer.json) and cross-validate it against the rules.

Usage:
    python scripts/train_entities.py [--write] [--types Method] [--l2 3.0] [--extra examples,xr]
                                     [--scirex-train] [--no-admit]

One command retrains on the current HEAD (``--write``): the real pipeline (``kg.extract.extract_papers``)
runs on the development gold sets' papers with ``kg.extract.entscore.CAPTURE`` set, which records every
entity the rules emit and the borderline candidates they drop, with their features
(:func:`kg.extract.entscore.entity_features`). A candidate is labelled 1 when one of its forms (name,
aliases, mention texts, after the shared scorer's ``norm()``) equals a form of a CORE gold entity of the same
type, 0 when it matches no gold entity of that type, and is left out (don't care) when it matches only
optional (``core: false``) gold entities.

Sets: the folds are set a (``heldout_nov30``), b, c and the own arXiv gold; ``--extra`` adds training-only
sets (``examples``: tests/gold/examples_gold.jsonl, ``xr``: tests/extract_results/*_gold.jsonl);
``--scirex-train`` adds SciREX train (labels: an annotated mention of the type = 1; salient and
mention conventions differ). Blind sets (d, e, f) are never read.

Model: an L2-regularised logistic regression (Newton's method, numpy, deterministic) with a shared weight
vector plus one per entity type. Thresholds per type are chosen on out-of-fold scores of the training
sets (inner leave-one-set-out), maximising that type's F1 under the shared scorer's ``seeds`` rules
(precision: the prediction matches any gold entity of the type; recall: core gold entities found);
``threshold`` for emitted entities, then ``admit`` for dropped borderline candidates (1.01 = never).

Validation (printed): leave-one-set-out over a, b, c, arxiv: rules vs the scorer trained on the other sets
(+ extras), P/R/F1 per type on the left-out set, and the mean F1 change.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import logreg  # noqa: E402  (scripts/logreg.py)

import kg.extract as pipe  # noqa: E402
from kg.evaluate import norm as NORM  # noqa: E402  (the shared scorer's norm(); tests/test_evaluate.py checks)
from kg.extract import entscore  # noqa: E402
from kg.extract.entscore import FEATURES, TYPES  # noqa: E402
from kg.models import Paper  # noqa: E402


def _eval_results():
    """benchmarks/eval_results.py (reads ../shared: gold texts by id)."""
    spec = importlib.util.spec_from_file_location("eval_results", ROOT / "benchmarks" / "eval_results.py")
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    return ev

OUT = ROOT / "kg" / "extract" / "data" / "entity_scorer.json"
GOLD = ROOT / "tests" / "gold"
FOLDS = {"a": GOLD / "heldout_nov30_gold.jsonl", "b": GOLD / "heldout_nov30b_gold.jsonl",
         "c": GOLD / "heldout_nov30c_gold.jsonl", "arxiv": GOLD / "arxiv_gold.jsonl"}
EXTRAS = {"examples": [GOLD / "examples_gold.jsonl"],
          "xr": sorted((ROOT / "tests" / "extract_results").glob("*_gold.jsonl"))}
KEYS = {"Method": "methods", "Dataset": "datasets", "Metric": "metrics", "Task": "tasks"}
GRID = [round(0.05 * i, 2) for i in range(0, 16)]  # 0.0: the type is not scored
ADMIT_GRID = [0.5, 0.6, 0.7, 0.8, 0.9, 1.01]
#: with --sources: only candidates found by these sources alone are scored (the others are kept as the rules say)
GATE: frozenset[str] | None = None


def gated(c) -> bool:
    """Whether the scorer decides candidate ``c`` (see ``--sources``)."""
    return c.dropped is not None or GATE is None or c.sources <= GATE


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in open(path, encoding="utf-8") if x.strip()]


def capture(papers: list[Paper]) -> dict[str, list]:
    """paper id -> [(Candidate, features, aliases)] recorded from the real pipeline."""
    entscore.CAPTURE = []
    try:
        for _ in pipe.extract_papers(papers):
            pass
        return {pid: rows for pid, rows in entscore.CAPTURE}
    finally:
        entscore.CAPTURE = None


def forms_of(c, aliases) -> set[str]:
    return {f for f in (NORM(x) for x in (c.name, *aliases, *(m.text for m in c.mentions))) if f}


def gold_forms(g: dict, typ: str) -> list[tuple[set[str], bool]]:
    return [({f for f in (NORM(x) for x in (e["name"], *e.get("aliases", []))) if f}, e.get("core", True))
            for e in g.get(KEYS[typ]) or []]


#: with --family-dont-care: an unlisted plural family defined with an acronym ("large language models (LLMs)")
#: is "don't care" like a core:false gold entity (the gold guide calls families optional; many files omit them)
FAMILY_DONT_CARE = False


def family(c) -> bool:
    """A plural generic family: lower-case words (a capital first letter allowed) ending in a plural method
    head noun ("large language models", "Vision-language models").

    >>> from kg.extract.entscore import Candidate
    >>> family(Candidate("Method", "Large language models", frozenset({"definition"}), 0.85, "used", (), False, None))
    True
    """
    from kg.extract.discover import load_heads
    words = c.name.split()
    return (len(words) > 1 and c.name[1:] == c.name[1:].lower() and words[-1].endswith("s")
            and words[-1].lower() in load_heads()["Method"])


class Paper_:
    """One gold paper: its candidates (Candidate, x, forms, label) and gold forms per type."""

    def __init__(self, gold: dict, rows: list):
        self.id = str(gold["id"])
        self.gold = {t: gold_forms(gold, t) for t in TYPES}
        self.cands = []
        for c, x, aliases in rows:
            f = forms_of(c, aliases)
            gs = self.gold[c.type]
            if any(f & gf for gf, core in gs if core):
                y = 1
            elif any(f & gf for gf, _ in gs):
                y = None
            else:
                y = None if FAMILY_DONT_CARE and c.type == "Method" and family(c) else 0
            self.cands.append((c, np.array(x, dtype=float), f, y))


def scirex_paper(rec: dict, rows: list) -> Paper_:
    """A SciREX abstract as a training paper: annotated mentions of a type are its (core) gold forms."""
    lab = {"Method": "Method", "Dataset": "Material", "Metric": "Metric", "Task": "Task"}
    g = {"id": rec["id"]}
    for t, k in KEYS.items():
        g[k] = [{"name": m["text"]} for m in rec["gold"]["mentions"] if m["label"] == lab[t]]
    return Paper_(g, rows)


def design(rows: list[tuple[str, np.ndarray]]) -> np.ndarray:
    k = len(FEATURES)
    X = np.zeros((len(rows), k * (1 + len(TYPES))))
    for i, (typ, x) in enumerate(rows):
        X[i, :k] = x
        j = (1 + TYPES.index(typ)) * k
        X[i, j:j + k] = x
    return X


def fit(X: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (``scripts/logreg.py``; the bias barely penalised).

    >>> w = fit(np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 1.0], [1.0, 0.0]]), np.array([0.0, 1.0, 1.0, 0.0]), 1.0)
    >>> bool(w[1] > 0)
    True
    """
    return logreg.fit(X, y, l2, iters=60, tol=1e-9)


def fit_weights(papers: list[Paper_], l2: float) -> dict[str, np.ndarray]:
    rows = [(c.type, x) for p in papers for c, x, _, y in p.cands if y is not None and gated(c)]
    y = np.array([y for p in papers for c, _, _, y in p.cands if y is not None and gated(c)], dtype=float)
    k = len(FEATURES)
    w = fit(design(rows), y, l2)
    return {t: w[:k] + w[(1 + i) * k:(2 + i) * k] for i, t in enumerate(TYPES)}


def probs(p: Paper_, weights: dict[str, np.ndarray]) -> list[float]:
    return [float(1 / (1 + np.exp(-np.clip(x @ weights[c.type], -30, 30)))) for c, x, _, _ in p.cands]


def tally(papers: list[Paper_], decide) -> dict[str, list[int]]:
    """Per type [tp_p, n_p, tp_r, n_r] under score.py's seeds rules; ``decide(paper, i)`` keeps candidate i."""
    st = {t: [0, 0, 0, 0] for t in TYPES}
    for p in papers:
        kept = [(c.type, f) for i, (c, _, f, _) in enumerate(p.cands) if decide(p, i)]
        for t in TYPES:
            pt = [f for ty, f in kept if ty == t]
            st[t][1] += len(pt)
            st[t][0] += sum(1 for f in pt if any(f & gf for gf, _ in p.gold[t]))
            core = [gf for gf, c in p.gold[t] if c]
            st[t][3] += len(core)
            st[t][2] += sum(1 for gf in core if any(f & gf for f in pt))
    return st


def prf(s: list[int]) -> tuple[float, float, float]:
    P = s[0] / s[1] if s[1] else 0.0
    R = s[2] / s[3] if s[3] else 0.0
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)


def rules(p: Paper_, i: int) -> bool:
    return p.cands[i][0].dropped is None


def choose_thresholds(groups: dict[str, list[Paper_]], l2: float, admit: bool) -> dict[str, tuple[float, float]]:
    """Per type (threshold, admit) maximising F1 on out-of-fold scores (inner leave-one-set-out)."""
    oof: dict[int, list[float]] = {}
    names = list(groups)
    for n in names:
        w = fit_weights([p for m in names if m != n for p in groups[m]], l2)
        for p in groups[n]:
            oof[id(p)] = probs(p, w)
    allp = [p for n in names for p in groups[n]]
    out = {}
    for t in TYPES:
        best = None
        for th in GRID:
            def dec(p, i, th=th):
                c = p.cands[i][0]
                return c.dropped is None and (c.type != t or not gated(c) or oof[id(p)][i] >= th)
            f = prf(tally(allp, dec)[t])[2]
            if best is None or f > best[0] + 1e-9:
                best = (f, th)
        th = best[1]
        ad_best = (best[0], 1.01)
        for ad in (ADMIT_GRID if admit else []):
            def dec(p, i, ad=ad):
                c = p.cands[i][0]
                if c.type != t or not gated(c):
                    return c.dropped is None
                return oof[id(p)][i] >= (ad if c.dropped else th)
            f = prf(tally(allp, dec)[t])[2]
            if f > ad_best[0] + 1e-9:
                ad_best = (f, ad)
        out[t] = (th, ad_best[1])
    return out


def train(groups: dict[str, list[Paper_]], l2: float, admit: bool) -> dict:
    w = fit_weights([p for ps in groups.values() for p in ps], l2)
    th = choose_thresholds(groups, l2, admit)
    return {"features": list(FEATURES), "l2": l2, "trained_on": sorted(groups),
            "types": {t: {"weights": [round(float(v), 5) for v in w[t]], "threshold": th[t][0], "admit": th[t][1]}
                      for t in TYPES}}


def learned(model: dict):
    ws = {t: np.array(m["weights"]) for t, m in model["types"].items()}

    def dec(p: Paper_, i: int) -> bool:
        c, x, _, _ = p.cands[i]
        if not gated(c):
            return c.dropped is None
        m = model["types"][c.type]
        pr = float(1 / (1 + np.exp(-np.clip(x @ ws[c.type], -30, 30))))
        return pr >= (m["admit"] if c.dropped else m["threshold"])
    return dec


def load_groups(names: list[str], extras: list[str], scirex: bool) -> dict[str, list[Paper_]]:
    ev = _eval_results()
    files = {n: [FOLDS[n]] for n in names} | {n: EXTRAS[n] for n in extras}
    recs = {n: [r for f in fs for r in _jsonl(f)] for n, fs in files.items()}
    texts = ev.arxiv_texts({str(r["id"]) for rs in recs.values() for r in rs})
    groups: dict[str, list[Paper_]] = {}
    seen: set[str] = set()
    for n, rs in recs.items():  # folds first: an id in a fold is not reused by an extra set
        uniq = []
        for r in rs:
            if str(r["id"]) not in seen:
                seen.add(str(r["id"]))
                uniq.append(r)
        papers, keep = ev.papers_of(uniq, texts)
        cap = capture(papers)
        groups[n] = [Paper_(g, cap[str(g["id"])]) for g in keep]
        print(f"{n}: {len(groups[n])} papers, {sum(len(p.cands) for p in groups[n])} candidates, "
              f"{sum(1 for p in groups[n] for c in p.cands if c[3] == 1)} positive, "
              f"{sum(1 for p in groups[n] for c in p.cands if c[0].dropped)} dropped by rules", file=sys.stderr)
    if scirex:
        rs = _jsonl(ev.SCIREX)
        cap = capture([Paper(id=r["id"], title=r.get("title") or "", abstract=r["abstract"]) for r in rs])
        groups["scirex"] = [scirex_paper(r, cap[r["id"]]) for r in rs]
    return groups


def fmt(s: list[int]) -> str:
    P, R, F = prf(s)
    return f"{P:.3f} / {R:.3f} / **{F:.3f}**"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--extra", default="examples,xr", help="training-only sets: examples, xr (comma-separated; '' none)")
    ap.add_argument("--scirex-train", action="store_true", help="add SciREX train to the training data")
    ap.add_argument("--no-admit", action="store_true", help="never admit a candidate the rules drop")
    ap.add_argument("--types", default="Method",
                    help="types the written model scores (the others get threshold 0 and admit 1.01, i.e. untouched); "
                         "Method only by default: in the leave-one-set-out table Task lost on three of four sets")
    ap.add_argument("--sources", default="",
                    help="score only candidates found by these sources alone (comma-separated, e.g. 'name'); "
                         "default: every candidate")
    ap.add_argument("--family-dont-care", action="store_true",
                    help="an unlisted plural generic family is not a negative example (see FAMILY_DONT_CARE)")
    ap.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)} (trained on every set)")
    a = ap.parse_args()
    extras = [e for e in a.extra.split(",") if e]
    global GATE, FAMILY_DONT_CARE
    FAMILY_DONT_CARE = a.family_dont_care
    GATE = frozenset(a.sources.split(",")) if a.sources else None
    groups = load_groups(list(FOLDS), extras, a.scirex_train)
    print(f"\nleave-one-set-out (l2={a.l2}, extra={extras}, scirex={a.scirex_train}, admit={not a.no_admit}, "
          f"sources={a.sources or 'all'}); "
          "cells P / R / F1 on the left-out set\n")
    print("| left out | scorer | " + " | ".join(TYPES) + " |")
    print("|---|---|" + "---|" * len(TYPES))
    deltas = {t: [] for t in TYPES}
    sums = {k: {t: [0, 0, 0, 0] for t in TYPES} for k in ("rules", "learned")}
    for n in FOLDS:
        model = train({m: ps for m, ps in groups.items() if m != n}, a.l2, not a.no_admit)
        r, l_ = tally(groups[n], rules), tally(groups[n], learned(model))
        print(f"| {n} | rules | " + " | ".join(fmt(r[t]) for t in TYPES) + " |")
        print(f"| {n} | learned (th " + ", ".join(f"{t[:2]} {m['threshold']}/{m['admit']}" for t, m in model["types"].items())
              + ") | " + " | ".join(fmt(l_[t]) for t in TYPES) + " |")
        for t in TYPES:
            deltas[t].append(prf(l_[t])[2] - prf(r[t])[2])
            for k, s in (("rules", r), ("learned", l_)):
                sums[k][t] = [x + y for x, y in zip(sums[k][t], s[t])]
    for k in ("rules", "learned"):
        print(f"| all four, pooled | {k} | " + " | ".join(fmt(sums[k][t]) for t in TYPES) + " |")
    print("\nF1 change per left-out set (" + ", ".join(FOLDS) + "):")
    for t in TYPES:
        print(f"  {t:8s} " + " ".join(f"{d:+.3f}" for d in deltas[t]) + f"   mean {np.mean(deltas[t]):+.3f}")
    if a.write:
        model = train(groups, a.l2, not a.no_admit)
        for t, m in model["types"].items():
            if t not in a.types.split(","):
                m["threshold"], m["admit"] = 0.0, 1.01
        model["scored_sources"] = sorted(GATE) if GATE else None
        model["scored_types"] = [t for t in TYPES if t in a.types.split(",")]
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
        model["head"] = head
        model["extra"], model["scirex_train"] = extras, a.scirex_train
        OUT.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} (HEAD {head}); thresholds",
              {t: (m["threshold"], m["admit"]) for t, m in model["types"].items()})


if __name__ == "__main__":
    main()
