"""A learned scorer for Method->Dataset/Task/Method relations (logistic regression over generic features).

Every (head, tail) pair of the right types in one field is a candidate: Method->Dataset ``EVALUATED_ON``,
Method->Task ``APPLIED_TO``, Method->Method ``OUTPERFORMS`` and ``BASED_ON``, where head and tail share a
sentence, or the head is the paper's proposed method (across sentences), or a cue rule of
:mod:`kg.extract.relations` found the pair. :func:`pair_features` describes a candidate with generic
features (no names): whether and how confidently the rules fired, sentence/token distance, whether the head
is the proposed method or the first method of the sentence, word stems between and around the pair,
where the sentence sits (title, before/at/after the proposal sentence), mention counts. A logistic
regression (one weight vector per relation type, fitted jointly with shared weights; in
``data/relation_scorer.json``, written by ``scripts/train_relations.py``) turns the features into a
confidence. It is used only with ``find_relations(..., learned=True)`` (or
``kg.extract.relations.USE_LEARNED = True``): in leave-one-gold-set-out cross-validation it did not
beat the cue rules, so the rules stay the default.

>>> t = "We propose XNet. XNet outperforms YNet on FooSet."
>>> ms = [(11, 15, "Method", "XNet"), (17, 21, "Method", "XNet"), (34, 38, "Method", "YNet"), (42, 48, "Dataset", "FooSet")]
>>> c = candidates(t, [(0, 16), (17, len(t))], ms, "abstract", "XNet", {("XNet", "OUTPERFORMS", "YNet"): 0.85})
>>> sorted((h, typ, tl) for (h, typ, tl) in c)
[('XNet', 'BASED_ON', 'YNet'), ('XNet', 'EVALUATED_ON', 'FooSet'), ('XNet', 'OUTPERFORMS', 'YNet'), ('YNet', 'BASED_ON', 'XNet'), ('YNet', 'EVALUATED_ON', 'FooSet'), ('YNet', 'OUTPERFORMS', 'XNet')]
>>> f = dict(zip(FEATURES, c[("XNet", "OUTPERFORMS", "YNet")][0]))
>>> f["rule_conf"], f["same_sent"], f["head_proposed"], f["head_first"], f["btw_outperf"]
(0.85, 1.0, 1.0, 1.0, 1.0)
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

from kg.extract.results import MentionT

__all__ = ["FEATURES", "REL_TYPES", "candidates", "pair_features", "load_scorer", "score"]

REL_TYPES = ("EVALUATED_ON", "APPLIED_TO", "OUTPERFORMS", "BASED_ON")
_TAIL_TYPE = {"EVALUATED_ON": "Dataset", "APPLIED_TO": "Task", "OUTPERFORMS": "Method", "BASED_ON": "Method"}

#: word-stem groups looked for between the pair and in the pair's sentence (prefixes of lower-cased words)
CUES: dict[str, tuple[str, ...]] = {
    "eval": ("evaluat", "experiment", "benchmark", "achiev", "obtain", "reach", "attain", "result", "test", "accura",
             "perform", "score", "state-of-the-art", "sota", "validat", "verif"),
    "outperf": ("outperform", "surpass", "beat", "exceed", "better", "superior", "than", "compar", "baseline",
                "over", "versus", "vs", "against", "higher", "improv"),
    "based": ("based", "built", "build", "extend", "extension", "fine-tun", "finetun", "variant", "initiali",
              "backbone", "adapt", "distill", "derived", "top", "pretrain", "pre-train", "modif"),
    "task": ("for", "task", "appl", "address", "tackl", "solv", "problem", "towards", "enabl"),
    "on": ("on", "across", "in"),
    "train": ("train", "pre-train", "pretrain", "collect", "sampl", "from", "introduc", "construct", "releas"),
    "neg": ("not", "no", "without", "never", "fail", "cannot"),
}
_CUE_NAMES = tuple(CUES)
#: stems of up to three letters ("for", "on", "no", "vs") match whole words only ("forward" is not "for")
_WHOLE = {c: frozenset(x for x in v if len(x) <= 3) for c, v in CUES.items()}
_PREFIX = {c: tuple(x for x in v if len(x) > 3) for c, v in CUES.items()}

FEATURES: tuple[str, ...] = (
    "bias", "rule_conf", "rule_fired", "same_sent", "tok_dist", "sent_dist", "head_proposed", "head_first",
    "head_before", "methods_between", "field_title", "sent_proposal", "sent_after", "sent_before", "tail_first_sent",
    "tail_count", "head_count", "digit", "tail_after_proposal",
    *(f"btw_{c}" for c in _CUE_NAMES), *(f"sent_{c}" for c in _CUE_NAMES), "pre_train", "pre_on",
)
_IDX = {f: i for i, f in enumerate(FEATURES)}
_WORD = re.compile(r"[a-z][a-z\-]*")
_PROPOSAL = re.compile(r"\b(?:we|this\s+(?:paper|work|study))\s+(?:\w+ly\s+)?(?:propose|introduce|present|develop|design)s?\b"
                       r"|\b(?:called|named|dubbed|termed)\b")


def _cues(low: str, a: int, b: int) -> set[str]:
    """Names of the :data:`CUES` groups with a word of ``low[a:b]`` starting with one of their stems (stems
    of up to three letters: equal to it).

    >>> sorted(_cues("x outperforms y on the benchmark", 0, 32))
    ['eval', 'on', 'outperf']
    """
    out: set[str] = set()
    for w in _WORD.findall(low, a, b):
        for c in _CUE_NAMES:
            if c not in out and (w in _WHOLE[c] or w.startswith(_PREFIX[c])):
                out.add(c)
    return out


def candidates(text: str, sentences: list[tuple[int, int]], mentions: list[MentionT], field: str,
               proposed: str | None, rules: dict[tuple[str, str, str], float],
               ours: list[MentionT] | None = None) -> dict[tuple[str, str, str], tuple[list[float], tuple[int, int]]]:
    """Candidate ``(head, type, tail)`` -> (feature vector in :data:`FEATURES` order, evidence sentence).

    ``mentions`` are the field's (expanded, family-folded) mentions sorted by start; ``ours`` are the
    proposed method's pseudo-mentions ("our model"); ``rules`` maps what the cue rules found to their confidence.
    """
    low = text.lower() if len(text.lower()) == len(text) else text
    starts = [s for s, _ in sentences]

    def sent_of(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)
    allm = sorted([*mentions, *(ours or [])])
    by_name: dict[str, list[tuple[MentionT, int]]] = {}
    types: dict[str, set[str]] = {}
    for m in allm:
        by_name.setdefault(m[3], []).append((m, sent_of(m[0])))
        types.setdefault(m[3], set()).add(m[2])
    prop_i = next((i for i, (s, e) in enumerate(sentences) if _PROPOSAL.search(low, s, e) or
                   any(s <= m[0] < e for m, _ in by_name.get(proposed or "", []))), None)
    first_method = {}
    for m in allm:
        if m[2] == "Method":
            first_method.setdefault(sent_of(m[0]), m[3])
    methods = [n for n, ts in types.items() if "Method" in ts]
    method_ms = [m for m in allm if m[2] == "Method"]
    if proposed and proposed not in methods and not (types.get(proposed, set()) - {"Method"}):
        methods.append(proposed)
    own = proposed if proposed and not (types.get(proposed, set()) - {"Method"}) else None
    out: dict[tuple[str, str, str], tuple[list[float], tuple[int, int]]] = {}
    for typ in REL_TYPES:
        ttype = _TAIL_TYPE[typ]
        tails = [n for n, ts in types.items() if ttype in ts]
        for h in methods:
            hm = [(m, i) for m, i in by_name.get(h, []) if m[2] == "Method"]
            for t in tails:
                if t == h:
                    continue
                tm = [(m, i) for m, i in by_name[t] if m[2] == ttype]
                shared = {i for _, i in hm} & {i for _, i in tm}
                key = (h, typ, t)
                if not shared and h != own and key not in rules:
                    continue
                out[key] = pair_features(text, low, sentences, hm, tm, field, h == own, prop_i, first_method,
                                         rules.get(key), method_ms)
    return out


def pair_features(text: str, low: str, sentences: list[tuple[int, int]], hm: list[tuple[MentionT, int]],
                  tm: list[tuple[MentionT, int]], field: str, head_proposed: bool, prop_i: int | None,
                  first_method: dict[int, str], rule_conf: float | None,
                  method_ms: list[MentionT] = ()) -> tuple[list[float], tuple[int, int]]:
    """Features of one candidate pair from its head and tail mentions (each with its sentence index);
    ``method_ms``: every Method mention of the field (for "another method between the two")."""
    x = [0.0] * len(FEATURES)
    x[_IDX["bias"]] = 1.0
    if rule_conf is not None:
        x[_IDX["rule_conf"]] = rule_conf
        x[_IDX["rule_fired"]] = 1.0
    x[_IDX["head_proposed"]] = float(head_proposed)
    x[_IDX["field_title"]] = float(field == "title")
    x[_IDX["tail_count"]] = math.log1p(len(tm))
    x[_IDX["head_count"]] = math.log1p(len(hm))
    best = None  # (token distance, head mention, tail mention, sentence index)
    sd = 99
    for h, i in hm:
        for t, j in tm:
            sd = min(sd, abs(i - j))
            if i == j:
                a, b = (h[1], t[0]) if h[0] < t[0] else (t[1], h[0])
                d = low.count(" ", a, b) if b > a else 0
                if best is None or d < best[0]:
                    best = (d, h, t, i)
    x[_IDX["sent_dist"]] = math.log1p(sd)
    if best is not None:
        d, h, t, i = best
        s, e = sentences[i]
        x[_IDX["same_sent"]] = 1.0
        x[_IDX["tok_dist"]] = math.log1p(d)
        x[_IDX["head_before"]] = float(h[0] < t[0])
        x[_IDX["head_first"]] = float(first_method.get(i) == h[3])
        a, b = (h[1], t[0]) if h[0] < t[0] else (t[1], h[0])
        for c in _cues(low, a, b):
            x[_IDX[f"btw_{c}"]] = 1.0
        x[_IDX["methods_between"]] = float(any(m[0] >= a and m[1] <= b and m[3] not in (h[3], t[3]) for m in method_ms)
                                           or "," in text[a:b])
    else:
        i = min((j for _, j in tm), key=lambda j: (prop_i is not None and j < prop_i, j))
        s, e = sentences[i]
        t = next(m for m, j in tm if j == i)
    for c in _cues(low, s, e):
        x[_IDX[f"sent_{c}"]] = 1.0
    pre = _cues(low, max(s, t[0] - 30), t[0])
    x[_IDX["pre_train"]] = float("train" in pre)
    x[_IDX["pre_on"]] = float("on" in pre)
    x[_IDX["digit"]] = float(any(ch.isdigit() for ch in text[s:e]))
    ti = [j for _, j in tm]
    x[_IDX["tail_first_sent"]] = float(min(ti) == 0)
    if prop_i is not None:
        x[_IDX["sent_proposal"]] = float(i == prop_i)
        x[_IDX["sent_after"]] = float(i > prop_i)
        x[_IDX["sent_before"]] = float(i < prop_i)
        x[_IDX["tail_after_proposal"]] = float(max(ti) >= prop_i)
    return x, (s, e)


@lru_cache(maxsize=1)
def load_scorer() -> dict:
    """The shipped weights: ``{"features": [...], "types": {type: {"weights": [...], "threshold": t}}, ...}``.

    >>> sc = load_scorer(); tuple(sc["features"]) == FEATURES and set(sc["types"]) == set(REL_TYPES)
    True
    """
    with resources.files("kg.extract").joinpath("data/relation_scorer.json").open(encoding="utf-8") as f:
        return json.load(f)


def score(x: list[float], weights: list[float]) -> float:
    """Logistic score of feature vector ``x``.

    >>> round(score([1.0, 2.0], [0.5, -0.25]), 3)
    0.5
    """
    z = sum(a * b for a, b in zip(x, weights))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
