"""OpenAlex works (API JSON / JSONL / snapshot): a work dict -> our fields.

The abstract is rebuilt from ``abstract_inverted_index`` (word -> positions).

>>> f = openalex_fields({"id": "https://openalex.org/W1", "doi": "https://doi.org/10.48550/arXiv.2401.00001",
...     "title": "T", "publication_date": "2024-01-02",
...     "abstract_inverted_index": {"We": [0], "propose": [1], "X.": [2]},
...     "authorships": [{"author": {"display_name": "A B"}}]})
>>> f["abstract"], f["id"], f["authors"]
('We propose X.', 'W1', ('A B',))
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.ingest.records import get_path, split_authors

__all__ = ["is_openalex", "openalex_fields", "rebuild_abstract"]


def is_openalex(d: Mapping[str, Any]) -> bool:
    """True for an OpenAlex work record."""
    return "abstract_inverted_index" in d or str(d.get("id", "")).startswith("https://openalex.org/")


def rebuild_abstract(index: Any) -> str:
    """Text from an inverted index ``{word: [positions]}``; ``""`` when absent or malformed.

    >>> rebuild_abstract({"b": [1], "a": [0, 2]})
    'a b a'
    """
    if not isinstance(index, Mapping):
        return ""
    slots: dict[int, str] = {}
    for word, positions in index.items():
        if isinstance(positions, list):
            for pos in positions:
                if isinstance(pos, int) and 0 <= pos < 1_000_000:
                    slots[pos] = str(word)
    return " ".join(slots[k] for k in sorted(slots))


def openalex_fields(d: Mapping[str, Any]) -> dict[str, Any]:
    """Our fields from an OpenAlex work."""
    own = str(d.get("id") or "").rsplit("/", 1)[-1]
    urls = [get_path(d, "primary_location.landing_page_url"), get_path(d, "primary_location.pdf_url"),
            get_path(d, "open_access.oa_url")]
    for loc in d.get("locations") or ():
        if isinstance(loc, Mapping):
            urls += [loc.get("landing_page_url"), loc.get("pdf_url")]
    arxiv = next((u for u in urls if isinstance(u, str) and "arxiv.org/" in u), None)
    return {
        "id": own, "title": d.get("title") or d.get("display_name"),
        "abstract": rebuild_abstract(d.get("abstract_inverted_index")) or d.get("abstract"),
        "date": d.get("publication_date") or d.get("publication_year"),
        "authors": split_authors(d.get("authorships") or d.get("authors")),
        "urls": [u for u in urls if u], "doi": d.get("doi") or get_path(d, "ids.doi"), "arxiv_id": arxiv,
        "categories": [c.get("display_name") for c in d.get("topics") or () if isinstance(c, Mapping)][:5],
        "venue": get_path(d, "primary_location.source.display_name"),
    }
