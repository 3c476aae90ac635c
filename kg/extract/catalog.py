"""The packaged catalog of well-known names: loading, validation and match forms.

The catalog is data: every ``kg/extract/data/catalog*.jsonl`` file, one JSON object a line::

    {"type": "Method", "name": "Vision Transformer", "aliases": ["ViT"]}

Optional keys: ``"case_sensitive": true|false`` (``true``: every form matches only with the exact
case written; ``false``: every form matches in any case; absent: acronym-like forms, i.e. forms whose
letters are all upper case such as ``GLUE`` or ``MAP`` and short mixed-case forms of up to 4
characters such as ``mAP`` or ``PaLM``, match exactly and the others in any case) and
``"ambiguous": true`` (the same form is knowingly listed under another type too), and for rows mined from
unlabelled abstracts (``catalog_mined_*.jsonl``, written by ``scripts/mine_lexicon.py``) ``"source": "mined"``
with ``"papers"``, the number of distinct papers that used the phrase in a cue of its type: a lower-confidence
tier (see :func:`mined_names`). Lines without a
``"type"`` key (``{"_comment": ...}`` headers) are skipped. ``catalog_tasks_pwc.jsonl`` is written by
``scripts/build_catalog.py`` from Papers with Code task names (CC BY-SA 4.0); the other files are
hand-written from general knowledge of the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from kg.errors import InputError

__all__ = ["TYPES", "load_catalog", "parse_catalog_lines", "form_variants", "is_exact", "catalog_forms", "catalog_lookup",
           "mined_names"]

TYPES = ("Method", "Dataset", "Metric", "Task")
_KEYS = {"type", "name", "aliases", "case_sensitive", "ambiguous", "source", "papers"}


def parse_catalog_lines(lines: Iterable[str], path: str = "<catalog>") -> list[dict]:
    """Validated catalog rows from JSONL ``lines``; a bad line raises :class:`InputError`.

    >>> parse_catalog_lines(['{"_comment": "x"}', '{"type": "Metric", "name": "BLEU", "aliases": []}'])
    [{'type': 'Metric', 'name': 'BLEU', 'aliases': []}]
    >>> parse_catalog_lines(['{"type": "Model", "name": "X", "aliases": []}'], "c.jsonl")
    Traceback (most recent call last):
    kg.errors.InputError: c.jsonl:1: field 'type': unknown type 'Model' (use one of Method, Dataset, Metric, Task)
    """
    rows = []
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON ({exc.msg})", path=path, line=i, hint="one JSON object per line") from None
        if not isinstance(r, dict):
            raise InputError("not a JSON object", path=path, line=i, hint="one JSON object per line")
        if "type" not in r:
            continue
        if r["type"] not in TYPES:
            raise InputError(f"unknown type {r['type']!r}", path=path, line=i, field="type",
                             hint="use one of " + ", ".join(TYPES))
        if not isinstance(r.get("name"), str) or not r["name"].strip():
            raise InputError("missing or empty name", path=path, line=i, field="name", hint="give the canonical name")
        al = r.get("aliases", [])
        if not isinstance(al, list) or not all(isinstance(a, str) and a.strip() for a in al):
            raise InputError("aliases must be a list of non-empty strings", path=path, line=i, field="aliases",
                             hint='write [] when there are none')
        for k in ("case_sensitive", "ambiguous"):
            if k in r and not isinstance(r[k], bool):
                raise InputError(f"{k} must be true or false", path=path, line=i, field=k, hint="or leave it out")
        if "source" in r and r["source"] != "mined":
            raise InputError(f"unknown source {r['source']!r}", path=path, line=i, field="source",
                             hint='"mined" or leave it out')
        if "papers" in r and not (isinstance(r["papers"], int) and not isinstance(r["papers"], bool) and r["papers"] > 0):
            raise InputError("papers must be a positive integer", path=path, line=i, field="papers",
                             hint="the number of distinct papers, or leave it out")
        extra = set(r) - _KEYS
        if extra:
            raise InputError(f"unknown key(s) {sorted(extra)}", path=path, line=i, field=sorted(extra)[0],
                             hint="allowed: " + ", ".join(sorted(_KEYS)))
        rows.append(r)
    return rows


@lru_cache(maxsize=1)
def load_catalog() -> tuple[dict, ...]:
    """Rows of every packaged ``data/catalog*.jsonl`` file, in file-name order.

    >>> rows = load_catalog()
    >>> any(r["name"] == "ImageNet" for r in rows), {r["type"] for r in rows} == set(TYPES)
    (True, True)
    """
    data = resources.files("kg.extract").joinpath("data")
    files = sorted((f for f in data.iterdir() if f.name.startswith("catalog") and f.name.endswith(".jsonl")),
                   key=lambda f: f.name)
    rows: list[dict] = []
    for f in files:
        rows += parse_catalog_lines(f.read_text(encoding="utf-8").splitlines(), path=f"kg/extract/data/{f.name}")
    return tuple(rows)


@lru_cache(maxsize=1)
def mined_names() -> frozenset[tuple[str, str]]:
    """``(type, canonical name)`` of the catalog rows mined from unlabelled abstracts (``"source": "mined"``).

    >>> all(t in ("Task", "Metric") for t, _ in mined_names())
    True
    """
    return frozenset((r["type"], r["name"]) for r in load_catalog() if r.get("source") == "mined")


_HYPHEN = re.compile(r"(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])")


_TWO_WORDS = re.compile(r"[a-z]{3,} [a-z]{3,}")
_COUNT_HEADS = frozenset({"rate", "score", "error", "ratio", "distance", "coefficient", "speedup", "speed-up", "time",
                          "cost", "index", "probability", "emission", "correlation"})


_Y_HEADS = frozenset({"accuracy", "latency"})  # reported per model or setting, in the plural too


def form_variants(form: str, typ: str = "") -> list[str]:
    """``form`` and its spelling variants: hyphen as space, hyphen dropped (only when digits remain,
    so "MultiPL-E" never becomes the word "multiple"), a two-word lower-case Method name hyphenated, a plural for
    Method names and for Metric names ending in a
    countable measure noun ("success rates", "F1 scores", "speedups") or in "accuracy" / "latency" ("top-1 accuracies").

    >>> form_variants("ResNet-50")
    ['ResNet-50', 'ResNet 50', 'ResNet50']
    >>> form_variants("generative adversarial network", "Method")
    ['generative adversarial network', 'generative adversarial networks']
    >>> form_variants("prompt tuning", "Method")
    ['prompt tuning', 'prompt-tuning', 'prompt tunings', 'prompt-tunings']
    >>> form_variants("MultiPL-E")
    ['MultiPL-E', 'MultiPL E']
    >>> form_variants("GAN", "Method")
    ['GAN', 'GANs']
    >>> form_variants("hallucination rate", "Metric"), form_variants("accuracy", "Metric")
    (['hallucination rate', 'hallucination rates'], ['accuracy', 'accuracies'])
    """
    out = [form]
    if _HYPHEN.search(form) and not form.endswith(("-up", "-ups")):  # "speed-up", not the verb "speed up"
        out.append(_HYPHEN.sub(" ", form))
        joined = _HYPHEN.sub("", form)
        if any(c.isdigit() for c in joined):  # "ResNet50"; not "MultiPLE" -> "multiple"
            out.append(joined)
    if typ == "Method" and _TWO_WORDS.fullmatch(form):  # "prompt tuning" written "prompt-tuning"
        out.append(form.replace(" ", "-"))
    if typ == "Method":
        out += [f + "s" for f in list(out) if f[-1:].isalpha() and not f.endswith(("s", "S", "x"))]
    elif typ == "Metric":
        out += [f + "s" for f in list(out) if f.rsplit(" ", 1)[-1] in _COUNT_HEADS]
        out += [f[:-1] + "ies" for f in list(out) if f.rsplit(" ", 1)[-1] in _Y_HEADS]  # "accuracies of 53% and 56%"
    return list(dict.fromkeys(out))


def is_exact(form: str, row: dict | None = None) -> bool:
    """Whether ``form`` must match with its exact case (see the module docstring).

    >>> is_exact("MAP"), is_exact("mAP"), is_exact("ResNet-50"), is_exact("Whisper", {"case_sensitive": True})
    (True, True, False, True)
    """
    flag = (row or {}).get("case_sensitive")
    if flag is not None:
        return flag
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or len(form) <= 3
                              or (len(form) <= 4 and any(c.isupper() for c in letters)))


def catalog_forms(rows: Iterable[dict]) -> Iterator[tuple[str, str, str, bool]]:
    """``(type, canonical name, surface form, exact_case)`` for every form to match.

    >>> sorted(catalog_forms([{"type": "Metric", "name": "mean absolute error", "aliases": ["MAE"]}]))  # doctest: +NORMALIZE_WHITESPACE
    [('Metric', 'mean absolute error', 'MAE', True), ('Metric', 'mean absolute error', 'mean absolute error', False),
     ('Metric', 'mean absolute error', 'mean absolute errors', False)]
    """
    for r in rows:
        seen = set()
        for form in (r["name"], *r.get("aliases", ())):
            exact = is_exact(form, r)
            for v in form_variants(form, r["type"]):
                key = v if exact else v.lower()
                if key not in seen:
                    seen.add(key)
                    yield r["type"], r["name"], v, exact


_SQUASH = re.compile(r"[\s\-_.]+")


@lru_cache(maxsize=1)
def _lookup_index() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    exact: dict[str, tuple[str, str]] = {}
    loose: dict[str, tuple[str, str]] = {}
    # the curated rows only: a mined phrase is matched in text but never decides what a name is elsewhere (a task
    # phrase's core, a name's family)
    for typ, canon, form, is_ex in catalog_forms(r for r in load_catalog() if r.get("source") != "mined"):
        key = _SQUASH.sub("", form)
        if is_ex:
            exact.setdefault(key, (typ, canon))
        else:
            loose.setdefault(key.lower(), (typ, canon))
    return exact, loose


@lru_cache(maxsize=1 << 16)  # the catalog is fixed per process, and names recur across papers
def catalog_lookup(name: str) -> tuple[str, str] | None:
    """``(type, canonical name)`` of a catalog form, ignoring spaces/hyphens/dots and honouring the case rules.

    Exact-case forms (acronyms such as ``GP`` or ``VAR``) only match with their own case, so a
    discovered "GPS" or "Gp" is not the Gaussian process. Rows mined from unlabelled abstracts
    (``"source": "mined"``) are not looked up: they only add matches in text.

    >>> catalog_lookup("resnet 50"), catalog_lookup("GPs"), catalog_lookup("GPS"), catalog_lookup("glue")
    (('Method', 'ResNet-50'), ('Method', 'Gaussian process'), None, None)
    """
    exact, loose = _lookup_index()
    key = _SQUASH.sub("", name)
    return exact.get(key) or loose.get(key.lower())
