"""One JSON/CSV record (a dict) -> :class:`Paper`, whatever its flavour.

The flavour (OpenAlex work, Semantic Scholar paper, arXiv snapshot record,
or a generic record read through :data:`kg.ingest.records.ALIASES`) is told
per record from its keys, or forced. ``fields`` (ours -> theirs) overrides.

>>> from kg.ingest.report import SkipReport, Problems
>>> p = dict_to_paper({"paperId": "p1", "title": "T", "abstract": "A", "year": 2020}, "f.json", 3, "json",
...                   Problems())
>>> p.id, p.date, p.sources[0].format
('p1', '2020', 's2')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from kg.errors import InputError
from kg.ingest.arxiv import is_oai, oai_fields
from kg.ingest.openalex import is_openalex, openalex_fields
from kg.ingest.records import ALIASES, build_paper, generic_fields, get_path
from kg.ingest.report import Problems
from kg.ingest.semantic_scholar import is_s2, s2_fields
from kg.models import Paper, Source

__all__ = ["FLAVOURS", "ENVELOPE_KEYS", "dict_to_paper", "records_of"]

#: Record flavours told apart by their keys: name -> (test, mapping to our fields).
FLAVOURS: dict[str, tuple[Callable[[Mapping], bool], Callable[[Mapping], dict]]] = {
    "openalex": (is_openalex, openalex_fields),
    "s2": (is_s2, s2_fields),
    "arxiv-oai": (is_oai, oai_fields),
}
#: Keys under which API responses wrap their list of records.
ENVELOPE_KEYS = ("data", "results", "papers", "items", "works", "records", "entries", "hits")
_PAPER_KEYS = frozenset(k for names in (ALIASES["title"], ALIASES["abstract"]) for k in names) | {
    "abstract_inverted_index"}


def records_of(value: Any) -> Iterator[Any]:
    """The records inside a decoded JSON value: itself, a list's items, or an envelope's list.

    >>> list(records_of({"data": [{"title": "a"}], "next": 10})), list(records_of([{"a": 1}, {"b": 2}]))
    ([{'title': 'a'}], [{'a': 1}, {'b': 2}])
    >>> list(records_of([1, 2]))  # not a list of records: reported as one bad record
    [[1, 2]]
    """
    if isinstance(value, list) and all(isinstance(v, Mapping) for v in value):
        yield from value
    elif isinstance(value, Mapping) and not (_PAPER_KEYS & value.keys()):
        for key in ENVELOPE_KEYS:
            if isinstance(value.get(key), list):
                yield from value[key]
                return
        yield value
    else:
        yield value


def dict_to_paper(d: Any, path: str, line: int, container: str, problems: Problems, *,
                  flavour: str | None = None, fields: Mapping[str, str] | None = None) -> Paper | None:
    """A :class:`Paper` from one record, or ``None`` after reporting why not."""
    if not isinstance(d, Mapping):
        problems(InputError(f"record is a JSON {type(d).__name__}, expected an object; skipped",
                            path=path, line=line, hint="each record must be an object with a title and abstract"))
        return None
    if flavour is None:
        flavour = next((name for name, (test, _) in FLAVOURS.items() if test(d)), None)
    f = FLAVOURS[flavour][1](d) if flavour in FLAVOURS else generic_fields(d)
    for ours, theirs in (fields or {}).items():
        value = get_path(d, theirs)
        if value is None:
            problems.warn(InputError(f"mapped field '{theirs}' (for {ours}) is missing", path=path, line=line,
                                     field=theirs, hint="check --field NAME=FIELD against the input"))
        f[ours] = value
    return build_paper(f, Source(path, line, flavour or container), problems)
