"""BibTeX entries that carry an ``abstract`` field.

Handles braced and quoted values, ``#`` concatenation, ``@string`` macros
(and the month macros), ``@comment`` / ``@preamble``, text between entries,
LaTeX in fields (cleaned like every other text) and case-protecting braces.
Entries without an abstract are reported as skipped, with their key.

>>> import io
>>> from kg.ingest.report import SkipReport, Problems
>>> bib = r'''@string{conf = "Proc. of Things"}
... @inproceedings{lee2020,
...   title = {{BERT} for \\emph{Fun}},
...   author = "Lee, Ann and M{\\"u}ller, Jo",
...   booktitle = conf # " 2020", year = 2020, month = jun,
...   abstract = {We show 5\\% gains.}, eprint = {2001.01234}, archivePrefix = {arXiv}}
... @misc{noabs, title = {No abstract}}'''
>>> r = SkipReport()
>>> [(p.id, p.title, p.authors, p.date, p.venue) for p in read_bibtex(io.BytesIO(bib.encode()), "r.bib", Problems(r))]
[('2001.01234', 'BERT for Fun', ('Ann Lee', 'Jo Müller'), '2020-06', 'Proc. of Things 2020')]
>>> r.skipped[0]["line"], r.skipped[0]["error"]
(7, "entry 'noabs' has no abstract field; skipped")
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from kg.errors import InputError
from kg.ingest.records import build_paper, split_authors
from kg.ingest.report import Problems
from kg.ingest.streams import MAX_RECORD_BYTES, iter_lines
from kg.models import Paper, Source

__all__ = ["read_bibtex", "iter_entries", "parse_entry", "strip_braces", "BibError"]

_START = re.compile(r"@\s*([A-Za-z]+)\s*([{(])")
_MONTHS = {m: f"{i:02d}" for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MONTH_NAMES = set(_MONTHS) | {"january", "february", "march", "april", "june", "july", "august", "september",
                               "october", "november", "december", "sept"}


_WORD = re.compile(r"[^\s,#}=\"{]+")
_FIELD = re.compile(r"[\s,]*([^\s=,{}\"#]+)\s*=")


class BibError(ValueError):
    """A malformed entry."""


def iter_entries(lines: Iterator[tuple[int, str]], path: str, problems: Problems, *,
                 max_bytes: int = MAX_RECORD_BYTES) -> Iterator[tuple[int, str, str]]:
    """``(start line, entry type, text after the opening delimiter)`` for each ``@entry``.

    >>> list(iter_entries(iter([(1, "junk @article{k,"), (2, " title={a{b}}}")]), "f", None))
    [(1, 'article', 'k,\\n title={a{b}}')]
    """
    buf: list[str] = []
    size = depth = 0
    start = 0
    kind = close = ""
    for n, line in lines:
        pos = 0
        while pos <= len(line):
            if not buf:
                m = _START.search(line, pos)
                if not m:
                    break
                kind, close, start = m[1].lower(), ("}" if m[2] == "{" else ")"), n
                depth, size, pos = 0, 0, m.end()
                buf = [""]
            end = _closing(line, pos, close, depth)
            if end < 0:
                depth = _depth(line, pos, depth)
                buf.append(line[pos:] + "\n")
                size += len(line) + 1
                if size > max_bytes:
                    problems(InputError(f"@{kind} entry is over {max_bytes:,} bytes; skipped", path=path, line=start,
                                        hint="check for an unbalanced brace in this entry"))
                    buf = []
                break
            buf.append(line[pos:end])
            yield start, kind, "".join(buf)
            buf = []
            pos = end + 1
    if buf:
        problems(InputError(f"@{kind} entry is not closed before the end of the file; skipped", path=path,
                            line=start, hint="check for an unbalanced brace in this entry"))


def _depth(text: str, pos: int, depth: int) -> int:
    for ch in text[pos:]:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
    return depth


def _closing(text: str, pos: int, close: str, depth: int) -> int:
    """Index of the entry's closing delimiter in ``text[pos:]`` given brace ``depth`` so far, else -1."""
    for i in range(pos, len(text)):
        ch = text[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0 and close == "}":
                return i
            depth -= 1
        elif ch == ")" and close == ")" and depth == 0:
            return i
    return -1


def _value(s: str, i: int, strings: dict[str, str]) -> tuple[str, int]:
    """Parse ``a # "b" # {c}`` starting at ``i``; return (value, index after it)."""
    parts = []
    while True:
        while i < len(s) and s[i].isspace():
            i += 1
        if i >= len(s):
            raise BibError("a field has no value")
        ch = s[i]
        if ch == "{":
            depth, j = 1, i + 1
            while j < len(s) and depth:
                depth += {"{": 1, "}": -1}.get(s[j], 0)
                j += 1
            if depth:
                raise BibError("unbalanced braces in a value")
            parts.append(s[i + 1:j - 1])
            i = j
        elif ch == '"':
            depth, j = 0, i + 1
            while j < len(s) and not (s[j] == '"' and depth == 0):
                depth += {"{": 1, "}": -1}.get(s[j], 0)
                j += 1
            if j >= len(s):
                raise BibError("unterminated quoted value")
            parts.append(s[i + 1:j])
            i = j + 1
        else:
            m = _WORD.match(s, i)
            if not m:
                raise BibError(f"unexpected {ch!r} where a value should be")
            word, i = m.group(), m.end()
            low = word.lower()
            if word.isdigit():
                parts.append(word)
            elif low in strings:
                parts.append(strings[low])
            elif low[:3] in _MONTHS and low in _MONTH_NAMES:
                parts.append(_MONTHS[low[:3]])
            else:
                raise BibError(f"undefined macro {word!r} (define it with @string or quote the value)")
        while i < len(s) and s[i].isspace():
            i += 1
        if i < len(s) and s[i] == "#":
            i += 1
            continue
        return "".join(parts), i


def parse_entry(body: str, strings: dict[str, str]) -> tuple[str, dict[str, str]]:
    """``(key, {field: raw value})`` of a regular entry's body.

    >>> parse_entry('k1, title = "A {B}" # x, year = 2020,', {"x": "!"})
    ('k1', {'title': 'A {B}!', 'year': '2020'})
    """
    key, sep, rest = body.partition(",")
    if not sep and "=" in key:
        key, rest = "", body
    fields: dict[str, str] = {}
    i = 0
    while True:
        m = _FIELD.match(rest, i)
        if not m:
            if rest[i:].strip(" \t\r\n,"):
                raise BibError(f"cannot read a field at {rest[i:i + 30].strip()!r}")
            return key.strip(), fields
        value, i = _value(rest, m.end(), strings)
        fields[m[1].lower()] = value


def strip_braces(s: str) -> str:
    """Drop case-protecting braces, keep the ones that belong to LaTeX commands.

    >>> strip_braces(r"{BERT} and \\emph{ViT} {\\em x}")
    'BERT and \\\\emph{ViT} {\\\\em x}'
    """
    out: list[str] = []
    dropped: list[bool] = []
    for i, ch in enumerate(s):
        if ch == "{":
            tail = "".join(out[-24:])
            keep = bool(re.search(r"\\[A-Za-z]+\s*$|\\[^A-Za-z\s]$", tail)) or s.startswith("\\", i + 1)
            dropped.append(not keep)
            if keep:
                out.append(ch)
        elif ch == "}" and dropped:
            if not dropped.pop():
                out.append(ch)
        else:
            out.append(ch)
    return "".join(out)


def read_bibtex(stream: BinaryIO, path: str, problems: Problems, *,
                max_bytes: int = MAX_RECORD_BYTES) -> Iterator[Paper]:
    """Papers from the entries of a BibTeX file; ``Source.line`` is the line of ``@``."""
    strings: dict[str, str] = {}
    for line, kind, body in iter_entries(iter_lines(stream, path, problems, max_bytes=max_bytes), path, problems,
                                         max_bytes=max_bytes):
        if kind in ("comment", "preamble"):
            continue
        try:
            if kind == "string":
                _, fields = parse_entry("," + body, strings)
                strings.update(fields)
                continue
            key, fields = parse_entry(body, strings)
        except BibError as exc:
            problems(InputError(f"malformed @{kind} entry: {exc}; skipped", path=path, line=line,
                                hint="fix the entry's syntax"))
            continue
        label = f"entry '{key}'" if key else f"@{kind} entry"
        if not fields.get("abstract", "").strip():
            problems(InputError(f"{label} has no abstract field; skipped", path=path, line=line, field="abstract",
                                hint="only entries with an abstract become papers; add abstract = {...}"))
            continue
        f = {k: strip_braces(v) for k, v in fields.items()}
        eprint = f.get("eprint", "")
        month = f.get("month", "").strip()
        year = f.get("year", "").strip()
        paper = build_paper({
            "id": key or None, "title": f.get("title"), "abstract": f.get("abstract"),
            "date": f"{year}-{month}" if year and month.isdigit() else (f"{month} {year}" if month else year),
            "authors": split_authors(f.get("author"), bibtex=True),
            "urls": [u for u in (f.get("url"),) if u], "doi": f.get("doi"),
            "arxiv_id": eprint if "arxiv" in (f.get("archiveprefix", "") + f.get("eprinttype", "")).lower()
            or re.match(r"\d{4}\.\d{4,5}", eprint) else None,
            "venue": f.get("journal") or f.get("booktitle"),
        }, Source(path, line, "bibtex"), problems)
        if paper is not None:
            yield paper
