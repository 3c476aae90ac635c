"""Semantic Scholar Graph API papers (single paper, ``{"data": [...]}`` pages, bulk JSONL) -> our fields.

>>> f = s2_fields({"paperId": "abc", "externalIds": {"ArXiv": "2401.00001", "DOI": "10.1/x"},
...     "title": "T", "abstract": "A", "year": 2024, "authors": [{"authorId": "1", "name": "N"}]})
>>> f["id"], f["arxiv_id"], f["date"], f["authors"]
('abc', '2401.00001', 2024, ('N',))
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.ingest.records import get_path, split_authors

__all__ = ["is_s2", "s2_fields"]


def is_s2(d: Mapping[str, Any]) -> bool:
    """True for a Semantic Scholar paper record."""
    return "paperId" in d or isinstance(d.get("externalIds"), Mapping)


def s2_fields(d: Mapping[str, Any]) -> dict[str, Any]:
    """Our fields from a Semantic Scholar paper."""
    ext = d.get("externalIds") if isinstance(d.get("externalIds"), Mapping) else {}
    fos = d.get("fieldsOfStudy") or [x.get("category") for x in d.get("s2FieldsOfStudy") or ()
                                     if isinstance(x, Mapping)]
    return {
        "id": d.get("paperId") or d.get("corpusid") or ext.get("CorpusId"),
        "title": d.get("title"), "abstract": d.get("abstract"),
        "date": d.get("publicationDate") or d.get("year"),
        "authors": split_authors(d.get("authors")),
        "urls": [d.get("url"), get_path(d, "openAccessPdf.url")],
        "doi": ext.get("DOI"), "arxiv_id": ext.get("ArXiv"),
        "categories": list(dict.fromkeys(c for c in fos or () if c)),
        "venue": d.get("venue") or get_path(d, "publicationVenue.name") or get_path(d, "journal.name"),
    }
