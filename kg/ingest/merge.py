"""Paper identity: the same paper read from several files or formats becomes one :class:`Paper`.

Two records are the same paper when they share an arXiv id (without
version); or a DOI, unless their arXiv ids differ; or, failing both, the same
normalised title (:func:`kg.ingest.records.title_key`) unless their arXiv ids
or DOIs differ (two different papers called "Introduction" stay apart when
anything identifies them). A paper may carry several DOIs across records (the
arXiv DOI and the publisher's): ``doi`` keeps the first one met. Merging keeps every source and URL, the longest title and
abstract (the fullest text), the longest author list, the first venue, and the
earliest date (the most precise one when a year-only date and a full date
fall in the same year).

>>> from kg.models import Paper, Source
>>> a = Paper(id="title:x", title="X", abstract="Short.", date="2024", sources=(Source("p.txt", 7, "hf"),))
>>> b = Paper(id="2401.00001", title="X", abstract="Longer text.", date="2024-01-03",
...           arxiv_id="2401.00001", sources=(Source("a.jsonl", 2, "jsonl"),))
>>> [m] = merge_duplicates([a, b])
>>> m.id, m.abstract, m.date, [s.path for s in m.sources]
('2401.00001', 'Longer text.', '2024-01-03', ['p.txt', 'a.jsonl'])
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.ingest.records import title_key
from kg.models import Paper

__all__ = ["merge_duplicates", "merge_group"]


def merge_duplicates(papers: Iterable[Paper]) -> list[Paper]:
    """One paper per identity, in order of first appearance (see module doc for the rules)."""
    groups: list[list[Paper]] = []
    known: list[dict[str, set[str]]] = []   # per group: its arXiv ids and DOIs
    index: dict[str, int] = {}
    for p in papers:
        tkey = f"title:{title_key(p.title)}" if p.title.strip() else None
        g = None
        for key, by in ((f"arxiv:{p.arxiv_id}" if p.arxiv_id else None, "arxiv"),
                        (f"doi:{p.doi}" if p.doi else None, "doi"), (tkey, "title")):
            if key and key in index and not _conflict(p, known[index[key]], by):
                g = index[key]
                break
        if g is None:
            g = len(groups)
            groups.append([])
            known.append({"arxiv": set(), "doi": set()})
        groups[g].append(p)
        known[g]["arxiv"].update([p.arxiv_id] if p.arxiv_id else [])
        known[g]["doi"].update([p.doi] if p.doi else [])
        for key in (f"arxiv:{p.arxiv_id}" if p.arxiv_id else None, f"doi:{p.doi}" if p.doi else None, tkey):
            if key:
                index.setdefault(key, g)
    return [merge_group(g) for g in groups]


def _conflict(p: Paper, known: dict[str, set[str]], by: str) -> bool:
    """Whether ``p`` has an identifier that rules out the group matched ``by`` arXiv id, DOI or title."""
    arxiv = bool(p.arxiv_id and known["arxiv"] and p.arxiv_id not in known["arxiv"])
    doi = bool(p.doi and known["doi"] and p.doi not in known["doi"])
    return {"arxiv": False, "doi": arxiv, "title": arxiv or doi}[by]


def _date_key(d: str) -> tuple[int, int, int]:
    try:
        parts = [int(x) for x in d.split("-")[:3]]
    except ValueError:
        return 9999, 99, 99
    return parts[0], parts[1] if len(parts) > 1 else 99, parts[2] if len(parts) > 2 else 99


def merge_group(group: list[Paper]) -> Paper:
    """Merge records known to be the same paper into one."""
    if len(group) == 1:
        return group[0]
    arxiv = next((p.arxiv_id for p in group if p.arxiv_id), None)
    doi = next((p.doi for p in group if p.doi), None)
    own = next((p.id for p in group if not p.id.startswith("title:")), group[0].id)
    dates = [p.date for p in group if p.date]
    return Paper(
        id=arxiv or doi or own,
        title=max((p.title for p in group), key=len),
        abstract=max((p.abstract for p in group), key=len),
        date=min(dates, key=_date_key) if dates else None,
        authors=max((p.authors for p in group), key=len),
        urls=tuple(dict.fromkeys(u for p in group for u in p.urls)),
        sources=tuple(dict.fromkeys(s for p in group for s in p.sources)),
        doi=doi, arxiv_id=arxiv,
        categories=tuple(dict.fromkeys(c for p in group for c in p.categories)),
        venue=next((p.venue for p in group if p.venue), None),
    )
