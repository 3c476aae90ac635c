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


def _cue_idx(table, cache: dict[str, tuple[int, ...]], prefix: str):
    """Feature indices of a word's cue groups, memoised per word."""
    def get(w: str) -> tuple[int, ...]:
        hit = cache.get(w)
        if hit is None:
            hit = cache[w] = tuple(_IDX[f"{prefix}{g}"] for g in sorted(_cue_groups([w], table)))
            if len(cache) > 50_000:
                cache.clear()
        return hit
    return get


_BEFORE_IDX = _cue_idx(_BEFORE, {}, "before_")
_AFTER_IDX = _cue_idx(_AFTER, {}, "after_")
_HEAD_FEATURES = (("Method", "head_method"), ("Dataset", "head_dataset"), ("Metric", "head_metric"),
                  ("Task", "head_task"), ("TaskWeak", "head_task_weak"))


@lru_cache(maxsize=65_536)
def _name_idx(name: str) -> tuple[tuple[int, float], ...]:
    """Active shape and head-class features of a name (memoised: names recur across papers)."""
    out = [(_IDX[k], v) for k, v in name_shape(name).items() if v]
    heads = load_heads()
    head = name.rsplit(None, 1)[-1].lower() if name.strip() else ""
    out += [(_IDX[f], 1.0) for typ, f in _HEAD_FEATURES if head in heads.get(typ, ())]
    return tuple(out)


_I = _IDX.__getitem__
_SRC_IDX = {s: _IDX[f"src_{s}"] for s in SOURCES}
(_CONF_I, _NSRC_I, _ROLE_I, _KNOWN_I, _NM_I, _ONE_I, _NF_I, _TITLE_I, _TONLY_I, _BOTH_I, _FIRST_I, _LAST_I, _POS_I,
 _SDIG_I, _PAREN_I, _BPAREN_I, _LIST_I, _ADIG_I) = map(_I, (
    "conf", "n_sources", "role_proposed", "known", "n_mentions", "one_mention", "n_forms", "in_title", "title_only",
    "both_fields", "first_sentence", "last_sentence", "sent_pos", "sent_digit", "in_paren", "before_paren", "in_list",
    "after_digit"))
#: mentions read for the context features (the first ones; most entities have one or two)
MAX_MENTIONS = 4


def _name_features(c: Candidate) -> dict[int, float]:
    """The features of a candidate that need no text: source, confidence, role, name shape, mention counts."""
    x = {0: 1.0, _CONF_I: c.conf}
    for s in c.sources:
        i = _SRC_IDX.get(s)  # a source added to the pipeline later counts only through ``conf``
        if i is not None:
            x[i] = 1.0
    if len(c.sources) > 1:
        x[_NSRC_I] = 1.0
    if c.dropped:
        x[_IDX[f"dropped_{c.dropped}"]] = 1.0
    if c.role == "proposed":
        x[_ROLE_I] = 1.0
    if c.known:
        x[_KNOWN_I] = 1.0
    x.update(_name_idx(c.name))
    ms = c.mentions
    x[_NM_I] = math.log1p(len(ms))
    if len(ms) == 1:
        x[_ONE_I] = 1.0
    elif len({m.text.lower() for m in ms}) > 1:
        x[_NF_I] = 1.0
    fields = {m.field for m in ms}
    if "title" in fields:
        x[_TITLE_I] = 1.0
        x[_TONLY_I if len(fields) == 1 else _BOTH_I] = 1.0
    return x


#: the features :func:`_context_features` sets (all in [0, 1])
CONTEXT = frozenset({_FIRST_I, _LAST_I, _POS_I, _SDIG_I, _PAREN_I, _BPAREN_I, _LIST_I, _ADIG_I,
                     *(i for f, i in _IDX.items() if f.startswith(("before_", "after_")))})


def _context_features(c: Candidate, texts: dict[str, str], sentences: dict[str, list[tuple[int, int]]],
                      x: dict[int, float]) -> dict[int, float]:
    """Add the features read from the text around the mentions to ``x``."""
    ms = c.mentions
    sents = sentences.get("abstract") or []
    first = min((m.start for m in ms if m.field == "abstract"), default=None)
    if first is not None and sents:
        i = max(0, bisect_right([s for s, _ in sents], first) - 1)
        if i == 0:
            x[_FIRST_I] = 1.0
        elif i == len(sents) - 1:
            x[_LAST_I] = 1.0
        x[_POS_I] = i / max(1, len(sents) - 1)
        s, e = sents[i]
        if _DIGIT.search(texts["abstract"], s, e):
            x[_SDIG_I] = 1.0
    for m in ms[:MAX_MENTIONS]:
        text = texts.get(m.field, "")
        pre = text[max(0, m.start - 30):m.start]
        post = text[m.end:m.end + 30]
        if pre.endswith("(") or post.startswith(")"):
            x[_PAREN_I] = 1.0
        if post.startswith(" ("):
            x[_BPAREN_I] = 1.0
        p = pre.rstrip()
        if p.endswith((",", " and", " or")) or post.startswith((",", " and ")):
            x[_LIST_I] = 1.0
        for w in pre.lower().split()[-3:]:
            for i in _BEFORE_IDX(w.strip("(),;:\"'")):
                x[i] = 1.0
        for w in post.lower().split()[:2]:
            for i in _AFTER_IDX(w.strip("(),;:.\"'")):
                x[i] = 1.0
        if _DIGIT.search(post, 0, 15):
            x[_ADIG_I] = 1.0
    return x


def sparse_features(c: Candidate, texts: dict[str, str], sentences: dict[str, list[tuple[int, int]]]
                    ) -> dict[int, float]:
    """The non-zero features of one candidate as ``{index in FEATURES: value}``; ``texts`` and ``sentences``
    by field (see :func:`entity_features` for the dense vector)."""
    return _context_features(c, texts, sentences, _name_features(c))


def entity_features(c: Candidate, texts: dict[str, str], sentences: dict[str, list[tuple[int, int]]]) -> list[float]:
    """Feature vector (in :data:`FEATURES` order) of one candidate; ``texts`` and ``sentences`` by field."""
    x = [0.0] * len(FEATURES)
    for i, v in sparse_features(c, texts, sentences).items():
        x[i] = v
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


def probability(x: dict[int, float], weights: list[float]) -> float:
    """Logistic score of sparse features ``x`` (as :func:`sparse_features` returns them).

    >>> round(probability({0: 1.0, 3: 2.0}, [0.5, 9.0, 9.0, -0.25]), 3)
    0.5
    """
    z = sum(weights[i] * v for i, v in x.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p)) if 0.0 < p < 1.0 else (-math.inf if p <= 0.0 else math.inf)


def keeps(c: Candidate, texts: dict[str, str], sentences: dict[str, list[tuple[int, int]]], t: dict) -> bool:
    """Whether the model of ``c``'s type (``t``: ``{"weights", "threshold", "admit"}``) keeps (or, for a
    dropped candidate, admits) ``c``. The text features are read only when they can change the answer: the
    name features' score plus the most and the least the text can add is compared with the threshold first.

    >>> w = [3.0] + [0.0] * (len(FEATURES) - 1)
    >>> keeps(Candidate("Method", "X", frozenset(), 0.5, None, (), False, None), {}, {}, {"weights": w, "threshold": 0.5, "admit": 1.01})
    True
    """
    w = t["weights"]
    cut = _logit(t["admit"] if c.dropped else t["threshold"])
    x = _name_features(c)
    z = sum(w[i] * v for i, v in x.items())
    lo, hi = _context_range(tuple(w))
    if z + lo >= cut:
        return True
    if z + hi < cut:
        return False
    x = _context_features(c, texts, sentences, x)
    return sum(w[i] * v for i, v in x.items()) >= cut


@lru_cache(maxsize=16)
def _context_range(w: tuple[float, ...]) -> tuple[float, float]:
    """The least and the most the text features can add to the score (each in [0, 1])."""
    return sum(min(0.0, w[i]) for i in CONTEXT), sum(max(0.0, w[i]) for i in CONTEXT)


def active(model: dict, typ: str, dropped: bool = False) -> bool:
    """Whether the model can reject an emitted candidate of ``typ`` (threshold above 0) or, with
    ``dropped``, admit a dropped one (``admit`` at most 1); candidates of other types are not scored.

    >>> m = {"types": {"Method": {"threshold": 0.25, "admit": 1.01}, "Task": {"threshold": 0.0, "admit": 1.01}}}
    >>> active(m, "Method"), active(m, "Task"), active(m, "Method", dropped=True)
    (True, False, False)
    """
    t = model["types"][typ]
    return t["admit"] <= 1.0 if dropped else t["threshold"] > 0.0


def gated(model: dict, c: Candidate) -> bool:
    """Whether the model decides ``c``: a dropped candidate, or (``"scored_sources"`` in the model) one found
    by those sources alone; the other candidates stay as the rules decided.

    >>> c = Candidate("Method", "X", frozenset({"catalog"}), 0.9, None, (), True, None)
    >>> gated({"scored_sources": ["name"]}, c), gated({"scored_sources": None}, c)
    (False, True)
    """
    src = model.get("scored_sources")
    return c.dropped is not None or not src or c.sources <= frozenset(src)


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
