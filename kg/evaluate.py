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
from collections.abc import Iterator

from kg.errors import InputError

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


def _objects(items, text: tuple[str, ...] = (), ints: tuple[str, ...] = (), lists: tuple[str, ...] = ()) -> bool:
    """Whether ``items`` is a list of objects whose ``text`` keys are strings, ``ints`` keys integers and
    ``lists`` keys lists of strings (``text`` keys may be null, ``text`` and ``lists`` keys missing)."""
    return isinstance(items, list) and all(
        isinstance(e, dict) and all(isinstance(e.get(k), (str, type(None))) for k in text)
        and all(isinstance(e.get(k), int) for k in ints)
        and all(isinstance(e.get(k, []), list) and all(isinstance(x, str) for x in e.get(k, [])) for k in lists)
        for e in items)


#: field -> (check, what it must be) for the records of each gold mode, and for PRED (``None``)
_FIELDS = {
    None: {"entities": (lambda v: v is None or _objects(v, ("name", "type", "role"), (), ("aliases",)) and all(
               _objects(e.get("mentions") or [], ("text", "field"), ("start", "end")) for e in v),
                        "a list of entities (text name, type; mentions with text, start and end)"),
           "repos": (lambda v: v is None or isinstance(v, list) and all(isinstance(u, (str, dict)) for u in v),
                     "a list of URLs or objects with a url")},
    "seeds": {**{k: (lambda v: _objects(v, ("name", "role"), (), ("aliases",))
                     and all(isinstance(e.get("name"), str) for e in v),
                     "a list of objects with a name (and a list of aliases)")
                 for k in ("methods", "datasets", "metrics", "tasks")},
              "repos": (lambda v: isinstance(v, list) and all(isinstance(u, str) for u in v), "a list of URLs")},
    "scirex": {"gold": (lambda v: isinstance(v, dict) and _objects(v.get("salient"), ("label",), (), ("forms",))
                        and all("forms" in x for x in v["salient"]) and _objects(v.get("mentions"), ("label", "text")),
                        "an object with 'salient' (label and forms) and 'mentions' (label and text)")},
    "scierc": {"entities": (lambda v: _objects(v, ("label",), ("start", "end")), "a list of objects with label, "
                            "start and end")},
}


def _bad_field(d: dict, mode: str | None) -> tuple[str, str] | None:
    """``(field, what it must be)`` for the first field of a record that the scorer cannot read, else ``None``;
    ``mode`` ``None``: a ``kg extract`` record (PRED).

    >>> _bad_field({"id": "1", "methods": [{"name": "A"}], "datasets": "ImageNet"}, "seeds")
    ('datasets', 'a list of objects with a name (and a list of aliases)')
    >>> _bad_field({"id": "1", "entities": [{"name": "A", "type": "Method", "mentions": []}]}, None) is None
    True
    """
    for key, (ok, what) in _FIELDS[mode].items():
        if not ok(d.get(key)):
            return key, what
    return None


def read_records(path: str, mode: str | None, problems) -> Iterator[dict]:
    """The records of a gold (``mode``) or PRED (``mode`` ``None``) JSONL file (gzip/bz2/xz too).

    A line that is not UTF-8 (kept, a warning), not JSON, not an object with an ``id``, or with a field the
    scorer cannot read is reported to ``problems`` (a :class:`kg.ingest.report.Problems`: raised when strict)
    with file, line and field, and skipped.
    """
    from kg.ingest.jsonl import not_json  # noqa: PLC0415
    from kg.ingest.streams import iter_lines, open_binary  # noqa: PLC0415

    what = "a gold record" if mode else "a `kg extract` record"
    stream, _ = open_binary(path)
    with stream:
        for n, text in iter_lines(stream, path, problems):
            if not text.strip():
                continue
            try:
                d = json.loads(text)
            except ValueError as exc:
                problems(InputError(f"{not_json(exc)}; record skipped", path=path, line=n,
                                    hint=f"each line must be {what}; fix or remove this line"))
                continue
            bad = ("id", "an id") if not isinstance(d, dict) or d.get("id") in (None, "") else _bad_field(d, mode)
            if bad:
                problems(InputError(f"not {bad[1]}; record skipped", path=path, line=n, field=bad[0],
                                    hint=f"each line must be {what}"))
                continue
            yield d


def score(mode: str, gold_path: str, pred_path: str, *, strict: bool = False,
          report: list | None = None) -> dict[str, tuple[float, float, float]]:
    """Per-type ``(P, R, F1)`` (plus ``Repo`` and ``Role`` accuracy in ``seeds`` mode).

    A record either file holds that the scorer cannot read is skipped and listed in ``report``
    (file, line, field; :func:`read_records`), or raised with ``strict``; so is a PRED file with no
    record (a warning: every score is 0). A GOLD file with no record is an error.
    """
    from kg.ingest.report import Problems  # noqa: PLC0415

    problems = Problems(report, strict=strict)
    golds = list(read_records(gold_path, mode, problems))
    preds = {str(r["id"]): r for r in read_records(pred_path, None, problems)}
    if not golds:
        raise InputError("no gold record to score against", path=gold_path,
                         hint=f"GOLD must be a JSONL file of {mode} gold records")
    if not preds:
        problems.warn(InputError("no `kg extract` record: every score is 0", path=pred_path,
                                 hint="PRED must be the JSONL file `kg extract` writes"))
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    role = [0, 0]
    for g in golds:
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
