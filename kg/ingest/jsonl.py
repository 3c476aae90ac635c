"""JSON Lines: one record per line (generic, OpenAlex, Semantic Scholar or arXiv snapshot records).

A line that is not valid JSON is reported with its line and column and
skipped; the other lines are read. A line holding an API envelope
(``{"data": [...]}``) or an array yields each record in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from kg.errors import InputError
from kg.ingest.dicts import dict_to_paper, records_of
from kg.ingest.report import Problems
from kg.ingest.streams import MAX_RECORD_BYTES, iter_lines
from kg.models import Paper

__all__ = ["read_jsonl", "not_json"]


def not_json(exc: json.JSONDecodeError) -> str:
    """How a line that is not valid JSON is described, with its column (shared by the readers and ``kg evaluate``).

    >>> try:
    ...     json.loads('{"id": "1", "tit')
    ... except json.JSONDecodeError as exc:
    ...     not_json(exc)
    'not valid JSON (Unterminated string starting at column 13)'
    """
    return f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})"


def read_jsonl(stream: BinaryIO, path: str, problems: Problems, *, flavour: str | None = None,
               fields: Mapping[str, str] | None = None, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[Paper]:
    """Papers from a JSONL stream; ``Source.line`` is the 1-based line.

    >>> import io
    >>> from kg.ingest.report import SkipReport, Problems
    >>> r = SkipReport()
    >>> data = b'{"id": "a", "title": "T", "abstract": "A"}\\n{oops\\n{"id": "b", "title": "U", "abstract": "B"}\\n'
    >>> [p.id for p in read_jsonl(io.BytesIO(data), "f.jsonl", Problems(r))], r.skipped[0]["line"]
    (['a', 'b'], 2)
    """
    for n, line in iter_lines(stream, path, problems, max_bytes=max_bytes):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            problems(InputError(f"{not_json(exc)}; line skipped", path=path, line=n, hint="fix or remove this line"))
            continue
        except RecursionError:
            problems(InputError("JSON nested too deeply; line skipped", path=path, line=n,
                                hint="fix or remove this line"))
            continue
        for record in records_of(value):
            paper = dict_to_paper(record, path, n, "jsonl", problems, flavour=flavour, fields=fields)
            if paper is not None:
                yield paper
