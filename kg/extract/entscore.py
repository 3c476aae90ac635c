"""A learned keep-probability for extracted entities (logistic regression over generic features).

Every entity the rule pipeline keeps for a paper, and the borderline candidates some rules drop (a task
phrase mentioned once in passing, a task in a list of application domains, a default-typed acronym used only
as a modifier), is a candidate. :func:`entity_features` describes a candidate with generic features and no
word of the name itself: how it was found (catalog, definition, proposal cue, apposition, metric form, dataset
context, task phrase, bare name, mined lexicon), its confidence and role, the name's shape (token count, CamelCase, all
capitals, digits, hyphen, version suffix), the class of its head noun (from ``data/patterns_heads.jsonl``),
mention counts, title presence, cue-word groups right before and after its mentions, parentheses, lists,
the position of its first sentence and whether that sentence has a number. A logistic regression (a shared
weight vector plus one per entity type, in ``data/entity_scorer.json``, written by
``scripts/train_entities.py``) turns the features into a keep-probability; per-type thresholds decide.

It is used only with ``kg.extract.entscore.USE_LEARNED = True``; the figures behind that choice are in
``docs/rounds/dec1/HC.md``.

>>> t = "We propose FooNet. FooNet reaches 91% accuracy on BarSet."
>>> ms = [Mention("FooNet", 11, 17, "abstract", 0), Mention("FooNet", 19, 25, "abstract", 1)]
>>> c = Candidate("Method", "FooNet", frozenset({"proposal", "name"}), 0.8, "proposed", tuple(ms), False, None)
>>> f = dict(zip(FEATURES, entity_features(c, {"title": "", "abstract": t}, {"abstract": [(0, 18), (19, len(t))]})))
>>> f["src_proposal"], f["camel"], f["role_proposed"], f["after_verb"], f["n_mentions"] > 0
(1.0, 1.0, 1.0, 1.0, True)
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from kg.extract.discover import load_heads
from kg.extract.relscore import score  # the same logistic function
from kg.models import Mention

__all__ = ["FEATURES", "TYPES", "SOURCES", "DROP_REASONS", "Candidate", "entity_features", "load_scorer", "score",
           "keep"]

#: when True, ``kg.extract`` keeps an entity only when its keep-probability reaches its type's threshold, and
#: admits dropped borderline candidates that reach it (off by default; see the module docstring)
USE_LEARNED = False
#: a list the pipeline appends ``(paper id, [(Candidate, features), ...])`` to (scripts/train_entities.py)
CAPTURE: list | None = None

TYPES = ("Method", "Dataset", "Metric", "Task")
SOURCES = ("catalog", "definition", "proposal", "apposition", "metric", "dataset", "task", "name", "mined")
DROP_REASONS = ("passing_task", "application_list", "modifier_only")


class Candidate(NamedTuple):
    """One entity candidate of a paper: what the pipeline knows of it when it is about to be emitted."""

    type: str
    name: str
    sources: frozenset[str]
    conf: float
    role: str | None
    mentions: tuple[Mention, ...]
    known: bool  # the catalog knows the name
    dropped: str | None  # the rule that drops it (one of DROP_REASONS), None when the rules keep it


#: cue-word groups before a mention (lower-cased words; an entry ending in "*" is a prefix)
BEFORE: dict[str, tuple[str, ...]] = {
    "propose": ("propose*", "introduc*", "present*", "develop*", "design*", "call*", "name*", "dub*", "term*",
                "our", "novel", "new"),
    "use": ("use*", "using", "with", "via", "employ*", "leverag*", "adopt*", "based", "built", "apply*", "appl*",
            "by", "through"),
    "eval": ("on", "across", "evaluat*", "experiment*", "test*", "benchmark*", "dataset*"),
    "task": ("for", "to", "toward*", "address*", "tackl*", "solv*", "in"),
    "compare": ("than", "over", "outperform*", "compar*", "baseline*", "surpass*", "vs", "versus", "against"),
    "list": ("as", "including", "like", "e.g.", "namely"),
    "measure": ("improv*", "increas*", "reduc*", "achiev*", "higher", "lower", "better", "gain*", "boost*", "of"),
    "det": ("a", "an", "the", "this", "these", "such"),
}
#: cue-word groups right after a mention
AFTER: dict[str, tuple[str, ...]] = {
    "kind_method": ("model*", "network*", "method*", "framework*", "architecture*", "algorithm*", "module*",
                    "approach*", "backbone*", "encoder*", "layer*", "mechanism*"),
    "kind_data": ("dataset*", "benchmark*", "corpus", "corpora", "data", "set", "sets", "suite*", "split*"),
    "task": ("task*", "problem*", "challenge*", "setting*", "application*", "system*"),
    "metric": ("score*", "metric*", "rate*", "of", "improvement*", "gain*", "drop*"),
    "verb": ("is", "are", "was", "were", "achiev*", "outperform*", "show*", "reach*", "yield*", "improv*", "obtain*",
             "surpass*", "perform*", "can", "enable*", "has", "have", "provide*", "consist*", "use*", "lead*"),
    "loss": ("loss*", "objective*", "regulari*"),
}
_WORD = re.compile(r"[A-Za-z][A-Za-z.\-]*")
_DIGIT = re.compile(r"\d")
_CAMEL = re.compile(r"[a-z][A-Z]")
_VERSION_END = re.compile(r"(?:[\-\s_]?v?\d+(?:\.\d+)*[A-Za-z]?|[\-\s](?:[SMLBX]|XL|Large|Base|Small|Tiny|Mini))$")


def _groups(table: dict[str, tuple[str, ...]]) -> tuple[tuple[str, frozenset[str], tuple[str, ...]], ...]:
    return tuple((g, frozenset(w for w in ws if not w.endswith("*")), tuple(w[:-1] for w in ws if w.endswith("*")))
                 for g, ws in table.items())


_BEFORE = _groups(BEFORE)
_AFTER = _groups(AFTER)

FEATURES: tuple[str, ...] = (
    "bias", "conf", *(f"src_{s}" for s in SOURCES), *(f"dropped_{r}" for r in DROP_REASONS), "n_sources",
    "role_proposed", "known", "tok1", "tok2", "tok3plus", "camel", "all_caps", "has_digit", "hyphen", "version",
    "lower_only", "capitalised", "long_name", "short_caps",
    "head_method", "head_dataset", "head_metric", "head_task", "head_task_weak",
    "n_mentions", "one_mention", "n_forms", "in_title", "title_only", "both_fields", "first_sentence", "last_sentence",
    "sent_pos", "sent_digit", "in_paren", "before_paren", "in_list",
    *(f"before_{g}" for g in BEFORE), *(f"after_{g}" for g in AFTER), "after_digit",
)
_IDX = {f: i for i, f in enumerate(FEATURES)}


def _cue_groups(words: list[str], groups) -> set[str]:
    """Names of the groups with one of ``words`` (whole word, or a prefix for entries ending in ``*``).

    >>> sorted(_cue_groups(["we", "propose"], _BEFORE))
    ['propose']
    """
    out = set()
    for w in words:
        for g, whole, pre in groups:
            if w in whole or (pre and w.startswith(pre)):
                out.add(g)
    return out


def name_shape(name: str) -> dict[str, float]:
    """Shape features of a name (no word of it is a feature).

    >>> s = name_shape("Qwen2.5-7B"); s["has_digit"], s["hyphen"], s["version"], s["camel"], s["tok1"]
    (1.0, 1.0, 1.0, 0.0, 1.0)
    >>> s = name_shape("image classification"); s["lower_only"], s["tok2"]
    (1.0, 1.0)
    """
    toks = name.split()
    n = len(toks)
    letters = [c for c in name if c.isalpha()]
    return {
        "tok1": float(n == 1), "tok2": float(n == 2), "tok3plus": float(n >= 3),
        "camel": float(bool(_CAMEL.search(name))),
        "all_caps": float(bool(letters) and all(c.isupper() for c in letters) and len(letters) > 1),
        "has_digit": float(bool(_DIGIT.search(name))), "hyphen": float("-" in name),
        "version": float(bool(_VERSION_END.search(name)) and bool(re.search(r"[A-Za-z]", name))),
        "lower_only": float(name == name.lower()),
        "capitalised": float(all(t[:1].isupper() for t in toks if t[:1].isalpha()) and name != name.upper()),
        "long_name": float(len(name) > 30),
        "short_caps": float(len(letters) <= 3 and n == 1 and name == name.upper() and not _DIGIT.search(name)),
    }


def entity_features(c: Candidate, texts: dict[str, str], sentences: dict[str, list[tuple[int, int]]]) -> list[float]:
    """Feature vector (in :data:`FEATURES` order) of one candidate; ``texts`` and ``sentences`` by field."""
    x = [0.0] * len(FEATURES)
    x[0] = 1.0
    x[_IDX["conf"]] = c.conf
    for s in c.sources:
        if f"src_{s}" in _IDX:  # a source added to the pipeline later counts only through ``conf``
            x[_IDX[f"src_{s}"]] = 1.0
    x[_IDX["n_sources"]] = float(len(c.sources) > 1)
    if c.dropped:
        x[_IDX[f"dropped_{c.dropped}"]] = 1.0
    x[_IDX["role_proposed"]] = float(c.role == "proposed")
    x[_IDX["known"]] = float(c.known)
    for k, v in name_shape(c.name).items():
        x[_IDX[k]] = v
    heads = load_heads()
    head = c.name.rsplit(None, 1)[-1].lower() if c.name.strip() else ""
    for typ, f in (("Method", "head_method"), ("Dataset", "head_dataset"), ("Metric", "head_metric"),
                   ("Task", "head_task"), ("TaskWeak", "head_task_weak")):
        if head in heads.get(typ, ()):
            x[_IDX[f]] = 1.0
    ms = c.mentions
    x[_IDX["n_mentions"]] = math.log1p(len(ms))
    x[_IDX["one_mention"]] = float(len(ms) == 1)
    x[_IDX["n_forms"]] = float(len({m.text.lower() for m in ms}) > 1)
    fields = {m.field for m in ms}
    x[_IDX["in_title"]] = float("title" in fields)
    x[_IDX["title_only"]] = float(fields == {"title"})
    x[_IDX["both_fields"]] = float(len(fields) == 2)
    abs_ms = [m for m in ms if m.field == "abstract"]
    sents = sentences.get("abstract") or []
    if abs_ms and sents:
        first = min(m.start for m in abs_ms)
        i = max(0, bisect_right([s for s, _ in sents], first) - 1)
        x[_IDX["first_sentence"]] = float(i == 0)
        x[_IDX["last_sentence"]] = float(i == len(sents) - 1 and len(sents) > 1)
        x[_IDX["sent_pos"]] = i / max(1, len(sents) - 1)
        s, e = sents[i]
        x[_IDX["sent_digit"]] = float(bool(_DIGIT.search(texts["abstract"], s, e)))
    before, after = set(), set()
    for m in ms:
        text = texts.get(m.field, "")
        pre = text[max(0, m.start - 30):m.start]
        post = text[m.end:m.end + 30]
        if pre.endswith("(") or post.startswith(")"):
            x[_IDX["in_paren"]] = 1.0
        if post.startswith(" ("):
            x[_IDX["before_paren"]] = 1.0
        p = pre.rstrip()
        if p.endswith(",") or p.endswith(" and") or p.endswith(" or") or post.startswith(",") or post.startswith(" and "):
            x[_IDX["in_list"]] = 1.0
        before |= _cue_groups([w.lower() for w in _WORD.findall(pre)][-3:], _BEFORE)
        after |= _cue_groups([w.lower() for w in _WORD.findall(post)][:2], _AFTER)
        if _DIGIT.search(post, 0, 15):
            x[_IDX["after_digit"]] = 1.0
    for g in before:
        x[_IDX[f"before_{g}"]] = 1.0
    for g in after:
        x[_IDX[f"after_{g}"]] = 1.0
    return x


@lru_cache(maxsize=1)
def load_scorer() -> dict:
    """The shipped weights: ``{"features": [...], "types": {type: {"weights": [...], "threshold": t,
    "admit": a}}, ...}`` (``admit``: the threshold for a dropped borderline candidate).

    >>> sc = load_scorer(); tuple(sc["features"]) == FEATURES and set(sc["types"]) == set(TYPES)
    True
    """
    with resources.files("kg.extract").joinpath("data/entity_scorer.json").open(encoding="utf-8") as f:
        return json.load(f)


def keep(c: Candidate, x: list[float], model: dict | None = None) -> bool:
    """Whether the scorer keeps candidate ``c`` (features ``x``): its keep-probability reaches its type's
    threshold (``admit`` for a candidate the rules drop).

    >>> m = {"types": {"Task": {"weights": [2.0] + [0.0] * (len(FEATURES) - 1), "threshold": 0.5, "admit": 0.95}}}
    >>> c = Candidate("Task", "x y", frozenset({"task"}), 0.6, None, (), False, None)
    >>> keep(c, [1.0] + [0.0] * (len(FEATURES) - 1), m), keep(c._replace(dropped="passing_task"), [1.0] + [0.0] * (len(FEATURES) - 1), m)
    (True, False)
    """
    t = (model or load_scorer())["types"][c.type]
    p = score(x, t["weights"])
    return p >= (t["admit"] if c.dropped else t["threshold"])
