"""Paper ingest: read papers from any supported format, streaming, with a skip report.

Formats (one module each, auto-detected from content, ``format=`` overrides):
Hugging Face papers pages saved as text (``hf``), JSONL, JSON (array, API
envelope or one object), CSV/TSV, arXiv API Atom (``atom``), ACL Anthology
XML (``acl-xml``), BibTeX; inside JSON/JSONL, OpenAlex works, Semantic
Scholar papers and arXiv snapshot records are recognised per record.
gzip/bz2/xz are read transparently; directories are walked and globs expanded.

>>> import io, os, tempfile
>>> d = tempfile.mkdtemp()
>>> with open(os.path.join(d, "a.jsonl"), "w") as f:
...     _ = f.write('{"id": "2401.00001v2", "title": "T", "abstract": "A."}\\n{"id": "x", "title": "U"}\\n')
>>> report = SkipReport()
>>> [p.id for p in read_papers([d], report=report)]
['2401.00001']
>>> report.summary().split('; first: ')[0]
'1 paper read; skipped 1 bad record(s)'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from kg.errors import InputError
from kg.ingest.acl_xml import read_acl_xml
from kg.ingest.arxiv import read_atom
from kg.ingest.bibtex import read_bibtex
from kg.ingest.clean import Cleaned, clean, clean_text
from kg.ingest.csv_table import read_csv
from kg.ingest.detect import CONTAINERS, FLAVOUR_FORMATS, FORMATS, describe_unknown, detect_format, sniff
from kg.ingest.hf_pages import read_hf_pages
from kg.ingest.json_stream import read_json
from kg.ingest.jsonl import read_jsonl
from kg.ingest.merge import merge_duplicates
from kg.ingest.report import Problems, SkipReport
from kg.ingest.streams import expand_inputs, open_binary
from kg.models import Paper

__all__ = ["read_papers", "read_file", "SkipReport", "merge_duplicates", "detect_format", "clean_text", "clean",
           "Cleaned", "FORMATS", "READERS"]

Reader = Callable[..., Iterator[Paper]]

#: Container format -> reader(stream, path, problems, flavour=, fields=).
READERS: dict[str, Reader] = {
    "hf": lambda s, p, pr, **kw: read_hf_pages(s, p, pr),
    "jsonl": lambda s, p, pr, **kw: read_jsonl(s, p, pr, **kw),
    "json": lambda s, p, pr, **kw: read_json(s, p, pr, **kw),
    "csv": lambda s, p, pr, flavour=None, fields=None: read_csv(s, p, pr, fields=fields),
    "atom": lambda s, p, pr, **kw: read_atom(s, p, pr),
    "acl-xml": lambda s, p, pr, **kw: read_acl_xml(s, p, pr),
    "bibtex": lambda s, p, pr, **kw: read_bibtex(s, p, pr),
}


def read_file(path: str, problems: Problems, *, format: str | None = None,
              fields: Mapping[str, str] | None = None) -> Iterator[Paper]:
    """Papers from one file (``"-"`` = stdin); problems go to ``problems``."""
    if format is not None and format not in FORMATS:
        raise InputError(f"unknown format {format!r}", hint="use one of " + ", ".join(FORMATS))
    try:
        stream, head = open_binary(path)
    except InputError as err:
        problems(err)
        return
    with stream:
        kind = sniff(head, path)
        flavour = None
        if format in FLAVOUR_FORMATS:
            flavour = format
            kind = kind if kind in ("json", "jsonl") else "jsonl"
        elif format is not None:
            kind = format
        if kind not in CONTAINERS:
            err = describe_unknown(kind, path, head)
            if kind == "empty":
                problems.warn(err)
            else:
                problems(err)
            return
        yield from READERS[kind](stream, path, problems, flavour=flavour, fields=fields)


def read_papers(inputs: str | Iterable[str], *, format: str | None = None, strict: bool = False,
                report: SkipReport | list | None = None,
                fields: Mapping[str, str] | None = None) -> Iterator[Paper]:
    """Stream papers from paths, directories, globs or ``"-"`` (stdin).

    Parameters
    ----------
    inputs
        Paths, directories (walked in sorted order), glob patterns, or ``"-"``.
    format
        Force a format (one of :data:`FORMATS`) instead of detecting it per file.
    strict
        Raise :class:`kg.errors.InputError` on the first problem instead of
        skipping the record and recording it.
    report
        A :class:`SkipReport` (counts papers, keeps problems) or a list that
        receives problem dicts.
    fields
        Our field name -> the input's (dotted paths allowed), e.g.
        ``{"abstract": "body"}``, overriding the built-in aliases.

    Yields
    ------
    Paper
        One per record, text cleaned, ``sources=(Source(path, line, format),)``.
        Duplicates are not merged here: see :func:`merge_duplicates`.
    """
    problems = Problems(report, strict=strict)
    paths = expand_inputs([inputs] if isinstance(inputs, str) else list(inputs))
    for path in paths:
        if isinstance(report, SkipReport):
            report.files += 1
        for paper in read_file(path, problems, format=format, fields=fields):
            if isinstance(report, SkipReport):
                report.papers += 1
            yield paper


