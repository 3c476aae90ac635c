"""Score ``kg extract`` output against gold files with the matching rules of the project's scorer.

Names are compared after :func:`norm`. Modes: ``seeds`` (core/optional gold entities),
``scirex`` (salient recall; Dataset vs Material), ``scierc`` (exact spans).

>>> norm("the ImageNet dataset"), norm("BERT-large")
('imagenet', 'bert large')
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

__all__ = ["norm", "score", "format_table", "TYPES"]

TYPES = ("Method", "Dataset", "Metric", "Task")
GENERIC_HEADS = {"dataset", "datasets", "benchmark", "benchmarks", "corpus", "corpora", "model", "models", "method",
                 "methods", "framework", "algorithm", "architecture", "network", "networks", "score", "scores",
                 "metric", "task", "challenge", "data", "set", "suite"}
_LABEL = {"Method": "Method", "Dataset": "Material", "Metric": "Metric", "Task": "Task"}


def norm(s: str) -> str:
    """Lower case, hyphens to spaces, punctuation and articles dropped, generic head and plural removed."""
    s = s.lower().replace("\\%", "%")
    s = re.sub(r"[\u2010-\u2015_\-]+", " ", s)
    s = re.sub(r"[^\w%.+ ]+", " ", s)
    toks = [t for t in s.split() if t not in ("the", "a", "an")]
    while len(toks) > 1 and toks[-1] in GENERIC_HEADS:
        toks.pop()
    if toks and len(toks[-1]) > 3 and toks[-1].endswith("s") and not toks[-1].endswith("ss"):
        toks[-1] = toks[-1][:-1]
    return " ".join(toks).strip(" .")


def _forms(e: dict) -> set[str]:
    out = {e.get("name", ""), *(e.get("aliases") or []), *(m.get("text", "") for m in e.get("mentions") or [])}
    return {norm(x) for x in out if x and norm(x)}


def _prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _repo_key(u: str) -> str:
    u = re.sub(r"^https?://(www\.)?", "", u.strip().rstrip(".,;:)]}>'\"").lower())
    return re.sub(r"\.git$", "", u).rstrip("/")


def _jsonl(path: str):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(mode: str, gold_path: str, pred_path: str) -> dict[str, tuple[float, float, float]]:
    """Per-type ``(P, R, F1)`` (plus ``Repo`` and ``Role`` accuracy in ``seeds`` mode)."""
    preds = {str(r["id"]): r for r in _jsonl(pred_path)}
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    role = [0, 0]
    for g in _jsonl(gold_path):
        p = preds.get(str(g["id"]), {})
        pents = p.get("entities") or []
        for t, key in zip(TYPES, ("methods", "datasets", "metrics", "tasks")):
            st = stats[t]
            if mode == "seeds":
                gold = [(e, {norm(x) for x in [e["name"], *e.get("aliases", [])] if norm(x)}) for e in g[key]]
                pt = [(e, _forms(e)) for e in pents if e.get("type") == t]
                core = [(e, f) for e, f in gold if e.get("core", True)]
                st[1] += len(pt); st[3] += len(core)
                st[0] += sum(1 for _, f in pt if any(f & gf for _, gf in gold))
                for e, gf in core:
                    hit = [pe for pe, f in pt if f & gf]
                    if hit:
                        st[2] += 1
                        if "role" in e:
                            role[1] += 1
                            role[0] += hit[0].get("role") == e["role"]
            elif mode == "scirex":
                sal = [{norm(x) for x in s["forms"] if norm(x)} for s in g["gold"]["salient"] if s["label"] == _LABEL[t]]
                ment = {norm(m["text"]) for m in g["gold"]["mentions"] if m["label"] == _LABEL[t]} - {""}
                pt = [_forms(e) for e in pents if e.get("type") == t]
                st[1] += len(pt); st[3] += len(sal)
                st[0] += sum(1 for f in pt if f & ment or any(f & s for s in sal))
                st[2] += sum(1 for s in sal if any(f & s for f in pt))
            else:
                gold = {(e["start"], e["end"]) for e in g["entities"] if e["label"] == _LABEL[t]}
                ps = {(m["start"], m["end"]) for e in pents if e.get("type") == t
                      for m in e.get("mentions") or [] if m.get("field", "abstract") == "abstract"}
                tp = len(gold & ps)
                st[0] += tp; st[1] += len(ps); st[2] += tp; st[3] += len(gold)
        if mode == "seeds":
            gre = {_repo_key(u) for u in g["repos"]}
            pre = {_repo_key(u if isinstance(u, str) else u.get("url", "")) for u in p.get("repos") or []}
            r = stats["Repo"]
            r[0] += len(pre & gre); r[1] += len(pre); r[2] += len(pre & gre); r[3] += len(gre)
    out = {t: _prf(*stats[t]) for t in (*TYPES, "Repo") if t in stats}
    if mode == "seeds":
        acc = role[0] / role[1] if role[1] else 0.0
        out["Role"] = (acc, acc, acc)
    return out


def format_table(scores: dict[str, tuple[float, float, float]]) -> str:
    """Plain-text table of per-type scores.

    >>> print(format_table({"Method": (1.0, 0.5, 0.6667)}))
    Method   P=1.000 R=0.500 F1=0.667
    """
    return "\n".join(f"{k:8s} P={p:.3f} R={r:.3f} F1={f:.3f}" for k, (p, r, f) in scores.items())
