"""Records that the pipeline stages exchange, and the fixed graph schema.

Stages talk only through these records: ``ingest`` yields :class:`Paper`,
``extract`` turns a paper into a :class:`PaperExtraction`, ``resolve`` and
``graph`` turn extractions into a ``networkx.MultiDiGraph`` whose node labels
and edge types come only from :data:`NODE_LABELS` and :data:`EDGE_TYPES`.

>>> p = Paper(id="2401.00001", title="T", abstract="A.")
>>> p.key
'paper:2401.00001'
>>> Entity(type="Method", name="Vision Transformer").key
'method:vision transformer'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "ENTITY_TYPES", "NODE_LABELS", "EDGE_TYPES", "PAPER_EDGES", "ENTITY_EDGES", "RESULT_EDGES",
    "Source", "Paper", "Mention", "Evidence", "Entity", "Repo", "Result", "Relation",
    "PaperExtraction", "entity_key", "normalize_name",
]

EntityType = Literal["Method", "Dataset", "Metric", "Task"]
ENTITY_TYPES: tuple[str, ...] = ("Method", "Dataset", "Metric", "Task")

#: Every node label the graph may hold. Labels never come from input text.
NODE_LABELS: tuple[str, ...] = ("Paper", "Method", "Dataset", "Metric", "Task", "Repository", "Result")

#: Paper -> entity / repo / result edges: (type, tail label(s)).
PAPER_EDGES: dict[str, tuple[str, ...]] = {
    "PROPOSES": ("Method", "Dataset"),
    "USES": ("Method", "Dataset"),
    "EVALUATES_ON": ("Dataset",),
    "MEASURES": ("Metric",),
    "ADDRESSES": ("Task",),
    "HAS_CODE": ("Repository",),
    "REPORTS": ("Result",),
}
#: Entity -> entity edges: type -> (head label, tail label).
ENTITY_EDGES: dict[str, tuple[str, str]] = {
    "EVALUATED_ON": ("Method", "Dataset"),
    "APPLIED_TO": ("Method", "Task"),
    "OUTPERFORMS": ("Method", "Method"),
    "BASED_ON": ("Method", "Method"),
}
#: Result -> entity edges (a leaderboard row): type -> tail label.
RESULT_EDGES: dict[str, str] = {
    "ACHIEVED_BY": "Method",
    "ON_DATASET": "Dataset",
    "MEASURED_BY": "Metric",
    "FOR_TASK": "Task",
}
EDGE_TYPES: tuple[str, ...] = (*PAPER_EDGES, *ENTITY_EDGES, *RESULT_EDGES)

_PREFIX = {"Method": "method", "Dataset": "dataset", "Metric": "metric", "Task": "task"}


def normalize_name(name: str) -> str:
    """Case-, space- and Unicode-folded form of a name, used inside node keys.

    Hyphens and underscores become spaces; nothing else is dropped, so that
    ``BERT-large`` and ``BERT`` stay apart. Plurals and aliases are the
    resolver's job, not this function's.

    >>> normalize_name("  Vision-Transformer ")
    'vision transformer'
    >>> normalize_name("ROUGE\u2011L")
    'rouge l'
    """
    s = unicodedata.normalize("NFKC", name).lower()
    s = re.sub(r"[\u2010-\u2015_\-]+", " ", s)
    return " ".join(s.split())


def entity_key(type_: str, name: str) -> str:
    """Stable node key for an entity: ``<type>:<normalized name>``.

    >>> entity_key("Dataset", "ImageNet")
    'dataset:imagenet'
    """
    return f"{_PREFIX[type_]}:{normalize_name(name)}"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a paper record was read: file, 1-based line (or record number), format."""

    path: str
    line: int
    format: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "format": self.format}


@dataclass(frozen=True, slots=True)
class Paper:
    """One paper as read from any source, text already cleaned.

    ``id`` is the arXiv id without version when known, else the DOI, else the
    source's own id, else ``title:<normalized title>``. ``date`` is ISO
    ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``) when known.
    """

    id: str
    title: str
    abstract: str
    date: str | None = None
    authors: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    doi: str | None = None
    arxiv_id: str | None = None
    categories: tuple[str, ...] = ()
    venue: str | None = None

    @property
    def key(self) -> str:
        return f"paper:{self.id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "abstract": self.abstract, "date": self.date,
            "authors": list(self.authors), "urls": list(self.urls),
            "sources": [s.to_dict() for s in self.sources], "doi": self.doi,
            "arxiv_id": self.arxiv_id, "categories": list(self.categories), "venue": self.venue,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Paper":
        return cls(
            id=str(d["id"]), title=d.get("title") or "", abstract=d.get("abstract") or "",
            date=d.get("date"), authors=tuple(d.get("authors") or ()), urls=tuple(d.get("urls") or ()),
            sources=tuple(Source(**s) for s in d.get("sources") or ()), doi=d.get("doi"),
            arxiv_id=d.get("arxiv_id"), categories=tuple(d.get("categories") or ()),
            venue=d.get("venue"),
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the stored (cleaned) title or abstract; ``end`` is exclusive."""

    text: str
    start: int
    end: int
    field: Literal["title", "abstract"]
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "field": self.field, "sentence": self.sentence}


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a fact was read from, with the sentence's offsets in ``field``."""

    sentence: str
    start: int
    end: int
    field: Literal["title", "abstract"] = "abstract"

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end, "field": self.field}


@dataclass(frozen=True, slots=True)
class Entity:
    """A Method, Dataset, Metric or Task found in one paper."""

    type: str
    name: str
    aliases: tuple[str, ...] = ()
    role: Literal["proposed", "used"] | None = None
    confidence: float = 1.0
    mentions: tuple[Mention, ...] = ()
    catalog_id: str | None = None

    @property
    def key(self) -> str:
        return entity_key(self.type, self.name)

    def to_dict(self) -> dict[str, Any]:
        d = {"type": self.type, "name": self.name, "aliases": list(self.aliases), "role": self.role,
             "confidence": round(self.confidence, 3), "mentions": [m.to_dict() for m in self.mentions]}
        if self.catalog_id:
            d["catalog_id"] = self.catalog_id
        return d


@dataclass(frozen=True, slots=True)
class Repo:
    """A code link, normalised to one canonical URL."""

    url: str
    host: str
    owner: str | None = None
    name: str | None = None

    @property
    def key(self) -> str:
        return "repo:" + re.sub(r"^https?://", "", self.url).lower()

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "host": self.host, "owner": self.owner, "name": self.name}


@dataclass(frozen=True, slots=True)
class Result:
    """A stated number that measures something: a leaderboard row from an abstract."""

    metric: str | None
    value: str
    unit: str | None = None
    kind: Literal["absolute", "gain", "reduction"] = "absolute"
    dataset: str | None = None
    method: str | None = None
    task: str | None = None
    evidence: Evidence | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"metric": self.metric, "value": self.value, "unit": self.unit, "kind": self.kind,
                "dataset": self.dataset, "method": self.method, "task": self.task,
                "confidence": round(self.confidence, 3),
                "evidence": self.evidence.to_dict() if self.evidence else None}


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed, directed fact between two entities, with evidence."""

    head: str
    head_type: str
    type: str
    tail: str
    tail_type: str
    confidence: float = 1.0
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"head": self.head, "head_type": self.head_type, "type": self.type,
                "tail": self.tail, "tail_type": self.tail_type,
                "confidence": round(self.confidence, 3),
                "evidence": self.evidence.to_dict() if self.evidence else None}


@dataclass(frozen=True, slots=True)
class PaperExtraction:
    """Everything extracted from one paper: the ``kg extract`` output contract."""

    paper: Paper
    entities: tuple[Entity, ...] = ()
    repos: tuple[Repo, ...] = ()
    results: tuple[Result, ...] = ()
    relations: tuple[Relation, ...] = ()
    urls: tuple[str, ...] = ()  # links in the text that are not code repositories (project pages)

    @property
    def id(self) -> str:
        return self.paper.id

    def to_dict(self, *, with_paper: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.paper.id, "title": self.paper.title,
            "entities": [e.to_dict() for e in self.entities],
            "repos": [r.to_dict() for r in self.repos],
            "results": [r.to_dict() for r in self.results],
            "relations": [r.to_dict() for r in self.relations],
            "urls": list(self.urls),
        }
        if with_paper:
            d["paper"] = self.paper.to_dict()
        return d


def _mention(d: dict[str, Any]) -> Mention:
    return Mention(text=d["text"], start=int(d["start"]), end=int(d["end"]),
                   field=d.get("field", "abstract"), sentence=int(d.get("sentence", 0)))


def _evidence(d: dict[str, Any] | None) -> Evidence | None:
    if not d:
        return None
    return Evidence(sentence=d.get("sentence", ""), start=int(d.get("start", 0)),
                    end=int(d.get("end", 0)), field=d.get("field", "abstract"))


def extraction_from_dict(d: dict[str, Any]) -> PaperExtraction:
    """Inverse of :meth:`PaperExtraction.to_dict` (``with_paper`` or not).

    >>> x = extraction_from_dict({"id": "1", "title": "T", "entities": [
    ...     {"type": "Dataset", "name": "GLUE", "mentions": [{"text": "GLUE", "start": 0, "end": 4}]}]})
    >>> x.entities[0].key, x.entities[0].mentions[0].field
    ('dataset:glue', 'abstract')
    """
    paper = Paper.from_dict(d["paper"]) if d.get("paper") else Paper(id=str(d["id"]), title=d.get("title", ""), abstract="")
    ents = tuple(
        Entity(type=e["type"], name=e["name"], aliases=tuple(e.get("aliases") or ()), role=e.get("role"),
               confidence=float(e.get("confidence", 1.0)),
               mentions=tuple(_mention(m) for m in e.get("mentions") or ()), catalog_id=e.get("catalog_id"))
        for e in d.get("entities") or ())
    repos = tuple(Repo(url=r["url"], host=r.get("host", ""), owner=r.get("owner"), name=r.get("name"))
                  if isinstance(r, dict) else Repo(url=r, host="") for r in d.get("repos") or ())
    results = tuple(
        Result(metric=r.get("metric"), value=str(r["value"]), unit=r.get("unit"), kind=r.get("kind", "absolute"),
               dataset=r.get("dataset"), method=r.get("method"), task=r.get("task"),
               evidence=_evidence(r.get("evidence")), confidence=float(r.get("confidence", 1.0)))
        for r in d.get("results") or ())
    rels = tuple(
        Relation(head=r["head"], head_type=r.get("head_type", "Method"), type=r["type"], tail=r["tail"],
                 tail_type=r.get("tail_type", "Method"), confidence=float(r.get("confidence", 1.0)),
                 evidence=_evidence(r.get("evidence")))
        for r in d.get("relations") or ())
    return PaperExtraction(paper=paper, entities=ents, repos=repos, results=results, relations=rels,
                           urls=tuple(d.get("urls") or ()))


__all__.append("extraction_from_dict")
