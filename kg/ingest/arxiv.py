"""arXiv: the API's Atom feed (``feed/entry``) and the metadata snapshot JSONL (OAI records).

>>> f = oai_fields({"id": "0704.0001", "title": "T", "abstract": "A", "authors": "A. B, C. D",
...     "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}],
...     "update_date": "2008-11-13", "categories": "hep-ph cs.LG", "doi": "10.1103/x"})
>>> f["date"], f["urls"], f["authors"]
('Mon, 2 Apr 2007 19:18:42 GMT', ['https://arxiv.org/abs/0704.0001'], ('A. B', 'C. D'))
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from kg.ingest.records import build_paper, split_authors
from kg.ingest.report import Problems
from kg.ingest.xmlstream import iter_xml, text_of
from kg.models import Paper, Source

__all__ = ["is_oai", "oai_fields", "read_atom", "ATOM", "ARXIV_NS"]

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV_NS = "{http://arxiv.org/schemas/atom}"


def is_oai(d: Mapping[str, Any]) -> bool:
    """True for an arXiv metadata-snapshot (OAI) record."""
    v = d.get("versions")
    return isinstance(v, list) and bool(v) and isinstance(v[0], Mapping) and "created" in v[0]


def oai_fields(d: Mapping[str, Any]) -> dict[str, Any]:
    """Our fields from an arXiv snapshot record (first version's date = submission date)."""
    parsed = d.get("authors_parsed")
    if isinstance(parsed, list) and parsed and all(isinstance(a, list) for a in parsed):
        authors = split_authors([" ".join(x for x in (a[1] if len(a) > 1 else "", a[0], *a[2:3]) if x)
                                 for a in parsed])
    else:
        authors = split_authors(d.get("authors"))
    aid = str(d.get("id") or "")
    return {"id": aid, "arxiv_id": aid, "title": d.get("title"), "abstract": d.get("abstract"),
            "date": d["versions"][0].get("created") or d.get("update_date"), "authors": authors,
            "urls": [f"https://arxiv.org/abs/{aid}"] if aid else [], "doi": d.get("doi"),
            "categories": d.get("categories"), "venue": d.get("journal-ref")}


def read_atom(stream: BinaryIO, path: str, problems: Problems) -> Iterator[Paper]:
    """Papers from an arXiv API Atom feed; ``Source.line`` is the entry's start line."""
    for entry, line, _ in iter_xml(stream, path, problems, {ATOM + "entry"}):
        links = [ln.get("href") for ln in entry.findall(ATOM + "link") if ln.get("href")]
        f = {
            "id": entry.findtext(ATOM + "id"), "title": text_of(entry.find(ATOM + "title")),
            "abstract": text_of(entry.find(ATOM + "summary")),
            "date": entry.findtext(ATOM + "published") or entry.findtext(ATOM + "updated"),
            "authors": tuple(n for a in entry.findall(ATOM + "author")
                             if (n := " ".join((a.findtext(ATOM + "name") or "").split()))),
            "urls": links, "doi": entry.findtext(ARXIV_NS + "doi"),
            "categories": [c.get("term") for c in entry.findall(ATOM + "category") if c.get("term")],
            "venue": entry.findtext(ARXIV_NS + "journal_ref"),
        }
        paper = build_paper(f, Source(path, line, "atom"), problems)
        if paper is not None:
            yield paper
