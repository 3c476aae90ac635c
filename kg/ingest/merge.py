"""Paper identity: the same paper read from several files or formats becomes one :class:`Paper`.

Two records are the same paper when they share an arXiv id (without version)
or a DOI; a record with neither joins the first paper with the same
normalised title (:func:`kg.ingest.records.title_key`) unless their arXiv ids
or DOIs conflict. Merging keeps every source and URL, the longest title and
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
    ids: list[dict[str, str | None]] = []   # per group: its arXiv id and DOI
    index: dict[str, int] = {}
    for p in papers:
        g = None
        for key in (f"arxiv:{p.arxiv_id}" if p.arxiv_id else None, f"doi:{p.doi}" if p.doi else None):
            if key and key in index and not _conflict(p, ids[index[key]]):
                g = index[key]
                break
        tkey = f"title:{title_key(p.title)}" if p.title.strip() else None
        if g is None and tkey in index and not _conflict(p, ids[index[tkey]]):
            g = index[tkey]
        if g is None:
            g = len(groups)
            groups.append([])
            ids.append({"arxiv": None, "doi": None})
        groups[g].append(p)
        ids[g]["arxiv"] = ids[g]["arxiv"] or p.arxiv_id
        ids[g]["doi"] = ids[g]["doi"] or p.doi
        for key in (f"arxiv:{p.arxiv_id}" if p.arxiv_id else None, f"doi:{p.doi}" if p.doi else None, tkey):
            if key:
                index.setdefault(key, g)
    return [merge_group(g) for g in groups]


def _conflict(p: Paper, known: dict[str, str | None]) -> bool:
    return bool((p.arxiv_id and known["arxiv"] and p.arxiv_id != known["arxiv"])
                or (p.doi and known["doi"] and p.doi != known["doi"]))


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
