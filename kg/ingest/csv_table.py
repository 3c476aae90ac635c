"""CSV / TSV with a header row naming the fields (any of the usual aliases).

The delimiter is sniffed from the header (``,`` ``\\t`` ``;`` ``|``). Quoted
fields may span lines; ``Source.line`` is the line a row starts on. A row with
a different number of cells than the header is reported and skipped.

>>> import io
>>> from kg.ingest.report import SkipReport, Problems
>>> data = b'paper_title,summary,year\\n"A, B",Text one.,2020\\nC,"Text\\ntwo.",2021\\nbad row\\n'
>>> r = SkipReport()
>>> [(p.title, p.abstract, p.sources[0].line) for p in read_csv(io.BytesIO(data), "t.csv", Problems(r))]
[('A, B', 'Text one.', 2), ('C', 'Text two.', 3)]
>>> r.skipped[0]["line"], r.skipped[0]["error"]
(5, 'row has 1 cell(s) but the header has 3; skipped')
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from kg.errors import InputError
from kg.ingest.dicts import dict_to_paper
from kg.ingest.records import ALIASES
from kg.ingest.report import Problems
from kg.ingest.streams import MAX_RECORD_BYTES, iter_lines
from kg.models import Paper

__all__ = ["read_csv", "sniff_delimiter"]

csv.field_size_limit(max(csv.field_size_limit(), MAX_RECORD_BYTES))
_ABSTRACT = {a.lower() for a in ALIASES["abstract"]}


def sniff_delimiter(header: str) -> str:
    """The delimiter used by a header line.

    >>> sniff_delimiter("id\\ttitle\\tabstract"), sniff_delimiter("id;title;abstract")
    ('\\t', ';')
    """
    counts = {d: header.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(stream: BinaryIO, path: str, problems: Problems, *, fields: Mapping[str, str] | None = None,
             delimiter: str | None = None) -> Iterator[Paper]:
    """Papers from a CSV/TSV stream with a header row."""
    state = {"line": 0}

    def lines() -> Iterator[str]:
        for n, text in iter_lines(stream, path, problems):
            state["line"] = n
            yield text + "\n"

    src = lines()
    first = next(src, None)
    if first is None:
        return
    delim = delimiter or sniff_delimiter(first)
    try:
        header = [h.strip() for h in next(csv.reader([first], delimiter=delim))]
    except (csv.Error, StopIteration) as exc:
        problems(InputError(f"the header row is not valid CSV ({exc}); file skipped", path=path, line=1,
                            hint="the first line must name the columns, e.g. id,title,abstract"))
        return
    if "abstract" not in (fields or {}) and not {h.lower() for h in header} & _ABSTRACT:
        problems(InputError(f"no abstract column among {', '.join(header)[:200]}; file skipped", path=path, line=1,
                            field="abstract", hint="name the column 'abstract' or map it with --field abstract=NAME"))
        return
    reader = csv.reader(src, delimiter=delim)
    while True:
        start = state["line"] + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems(InputError(f"not valid CSV ({exc}); row skipped", path=path, line=start,
                                hint="check the quoting of this row"))
            continue
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            problems(InputError(f"row has {len(row)} cell(s) but the header has {len(header)}; skipped",
                                path=path, line=start, hint="quote cells that contain the delimiter"))
            continue
        paper = dict_to_paper(dict(zip(header, row)), path, start, "csv", problems, fields=fields)
        if paper is not None:
            yield paper
