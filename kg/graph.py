"""Extraction records -> ``networkx.MultiDiGraph`` (docs/schema.md), and the embedded store.

The store is gzip'd node-link JSON (``kg-data/graph.json.gz``): nodes sorted by
key, edges by (source, target, type), JSON keys sorted, gzip mtime 0, so the
same input always gives a byte-identical file. Next to it, ``save_extractions``
keeps the per-paper extraction records (``graph.extractions.jsonl.gz``) that
``kg build --update`` needs to re-resolve names without re-extracting old papers.

>>> from kg.models import Entity, Mention, Paper, PaperExtraction
>>> p = Paper(id="2401.1", title="T", abstract="We propose ViT. It is good.")
>>> x = PaperExtraction(p, entities=(Entity("Method", "ViT", role="proposed",
...     mentions=(Mention("ViT", 11, 14, "abstract", 0),)),))
>>> G = build_graph([x])
>>> sorted(G.nodes)
['method:vit', 'paper:2401.1']
>>> G.edges["paper:2401.1", "method:vit", "PROPOSES"]["evidence"][0]["sentence"]
'We propose ViT.'
"""

from __future__ import annotations

import bisect
import gzip
import hashlib
import os
import re
import zlib
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import networkx as nx
import orjson

from kg.errors import GraphError
from kg.models import PaperExtraction, Result, extraction_from_dict
from kg.resolve import Resolver, build_resolver, local_definitions, paper_context

__all__ = ["DEFAULT_GRAPH", "build_graph", "update_graph", "merge_edge_data", "state_path", "save_graph", "load_graph", "extractions_path",
           "save_extractions", "load_extractions", "result_key", "parse_number", "sentence_at"]

DEFAULT_GRAPH = "kg-data/graph.json.gz"
_ROLE_EDGES = {  # entity type, role -> paper edge types
    ("Method", "proposed"): ("PROPOSES",), ("Method", "used"): ("USES",), ("Method", None): ("USES",),
    ("Dataset", "proposed"): ("PROPOSES",), ("Dataset", "used"): ("USES", "EVALUATES_ON"),
    ("Dataset", None): ("EVALUATES_ON",),
    ("Metric", "proposed"): ("MEASURES",), ("Metric", "used"): ("MEASURES",), ("Metric", None): ("MEASURES",),
    ("Task", "proposed"): ("ADDRESSES",), ("Task", "used"): ("ADDRESSES",), ("Task", None): ("ADDRESSES",),
}
_RESULT_EDGES = (("method", "Method", "ACHIEVED_BY"), ("dataset", "Dataset", "ON_DATASET"),
                 ("metric", "Metric", "MEASURED_BY"), ("task", "Task", "FOR_TASK"))
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\[])")


def sentence_at(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence of ``text`` holding ``[start, end)``, with its offsets.

    >>> sentence_at("One. We use BERT here. Three.", 12, 16)
    ('We use BERT here.', 5, 22)
    """
    starts, ends = _sentence_breaks(text)
    i = bisect.bisect_left(starts, start)
    s = ends[i - 1] if i else 0
    e = starts[i] if i < len(starts) else len(text.rstrip())
    return _slice(text, s, e), s, e


@lru_cache(maxsize=256)
def _slice(text: str, s: int, e: int) -> str:
    """``text[s:e]``, one string object per sentence (a paper's edges share their evidence sentences)."""
    return text[s:e]


@lru_cache(maxsize=16)
def _sentence_breaks(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the gaps between sentences (cached: a paper's mentions share its text)."""
    ms = list(_SENT_END.finditer(text))
    return [m.start() for m in ms], [m.end() for m in ms]


def parse_number(value: str) -> float | None:
    """The float a stated value stands for, or ``None``.

    >>> parse_number("88.5%"), parse_number("1,024"), parse_number("n/a")
    (88.5, 1024.0, None)
    """
    m = re.search(r"[-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+", value or "")
    if not m:
        return None
    try:
        return float(m[0].replace(",", ""))
    except ValueError:
        return None


def result_key(paper_id: str, r: Result) -> str:
    """``result:<paper id>:<12 hex>`` from the result's stated fields (schema.md).

    >>> result_key("1", Result(metric="accuracy", value="90%"))
    'result:1:d91c092b1866'
    """
    start = r.evidence.start if r.evidence else None
    parts = [r.metric, r.value, r.unit, r.kind, r.dataset, r.method, r.task, start]
    digest = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()
    return f"result:{paper_id}:{digest[:12]}"


class _Edges:
    """Accumulates edges: one per (source, target, type), with support over distinct papers."""

    def __init__(self) -> None:
        self.papers: dict[tuple[str, str, str], dict[str, dict | None]] = defaultdict(dict)
        self.conf: dict[tuple[str, str, str], float] = {}

    def add(self, u: str, v: str, type_: str, paper: str, confidence: float, evidence: dict | None) -> None:
        k = (u, v, type_)
        seen = self.papers[k]
        if paper not in seen or (seen[paper] is None and evidence is not None):
            seen[paper] = evidence
        self.conf[k] = max(self.conf.get(k, 0.0), round(float(confidence), 3))

    def pop_items(self) -> Iterator[tuple[tuple[str, str, str], dict[str, Any]]]:
        """Each edge's properties in sorted order, forgetting it as it goes (peak memory)."""
        for k in sorted(self.papers):
            seen = self.papers.pop(k)
            papers = sorted(seen)
            ev = [{"paper": p, **seen[p]} for p in papers if seen[p] is not None][:3]
            yield k, {"type": k[2], "confidence": self.conf[k], "support": len(papers),
                      "papers": papers, "evidence": ev}


def _mention_evidence(x: PaperExtraction, mentions) -> dict | None:
    if not mentions:
        return None
    m = min(mentions, key=lambda m: (m.field != "abstract", m.start))
    text = x.paper.abstract if m.field == "abstract" else x.paper.title
    if text and 0 <= m.start <= len(text):
        sent, s, e = sentence_at(text, m.start, m.end)
    else:
        sent, s, e = m.text, m.start, m.end
    return {"sentence": sent, "start": s, "end": e, "field": m.field}


def _evidence(ev) -> dict | None:
    return ev.to_dict() if ev is not None else None


def _paper_node(x: PaperExtraction) -> dict[str, Any]:
    p = x.paper
    return {"label": "Paper", "key": p.key, "id": p.id, "title": p.title, "abstract": p.abstract,
            "date": p.date, "authors": list(p.authors), "urls": list(p.urls),
            "sources": sorted({f"{s.path}:{s.line}" for s in p.sources}), "doi": p.doi,
            "arxiv_id": p.arxiv_id, "categories": list(p.categories), "venue": p.venue}


def build_graph(extractions: Iterable[PaperExtraction], resolver: Resolver | None = None) -> nx.MultiDiGraph:
    """Resolve names across papers and build the graph of docs/schema.md.

    Parameters
    ----------
    extractions : iterable of PaperExtraction
        One record per paper (duplicates by paper id: the first wins). Iterated
        twice when ``resolver`` is None, so pass a list or a re-iterable.
    resolver : Resolver, optional
        A resolver built over (at least) the same records; built here if omitted.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes and edges in sorted order; edge key = edge type.
    """
    if resolver is None:
        extractions = list(extractions)
        resolver = build_resolver(extractions)
    nodes: dict[str, dict[str, Any]] = {}
    entity_papers: dict[str, set[str]] = defaultdict(set)
    repo_papers: dict[str, set[str]] = defaultdict(set)
    edges = _Edges()
    seen_ids: set[str] = set()

    def entity(type_: str, name: str, pid: str, ctx: frozenset[str], aliases=(), local=None) -> str:
        if local and not aliases and (type_, name) in local:
            aliases = (local[(type_, name)],)
        key = resolver.resolve(type_, name, aliases, ctx)
        entity_papers[key].add(pid)
        if key not in nodes:
            info = resolver.info(key)
            nodes[key] = {"label": type_, "key": key, "name": info.name if info else name,
                          "aliases": sorted(set(info.forms) - {info.name}) if info else [],
                          "catalog_id": info.catalog_id if info else None,
                          "ambiguous": bool(info.ambiguous) if info else resolver.undecided(type_, name),
                          "long_forms": list(info.long_forms) if info else []}
        return key

    for x in extractions:
        pid = x.paper.id
        if pid in seen_ids:
            continue
        seen_ids.add(pid)
        pkey = x.paper.key
        nodes[pkey] = _paper_node(x)
        ctx = paper_context(x)
        local = local_definitions(x)
        for e in x.entities:
            k = entity(e.type, e.name, pid, ctx, e.aliases, local)
            ev = _mention_evidence(x, e.mentions)
            for t in _ROLE_EDGES.get((e.type, e.role), ()):
                edges.add(pkey, k, t, pid, e.confidence, ev)
        for r in x.repos:
            rk = r.key
            repo_papers[rk].add(pid)
            nodes.setdefault(rk, {"label": "Repository", "key": rk, "url": r.url, "host": r.host,
                                  "owner": r.owner, "name": r.name})
            edges.add(pkey, rk, "HAS_CODE", pid, 1.0, None)
        for r in x.results:
            resk = result_key(pid, r)
            ev = r.evidence
            names = {}
            targets = []
            for attr, label, etype in _RESULT_EDGES:
                n = getattr(r, attr)
                if n:
                    k = entity(label, n, pid, ctx, (), local)
                    names[attr] = nodes[k]["name"]
                    targets.append((k, etype))
                else:
                    names[attr] = None
            nodes[resk] = {"label": "Result", "key": resk, "value": r.value, "numeric": parse_number(r.value),
                           "unit": r.unit, "kind": r.kind, **names, "paper": pid,
                           "sentence": ev.sentence if ev else None, "start": ev.start if ev else None,
                           "end": ev.end if ev else None, "field": ev.field if ev else None,
                           "confidence": round(r.confidence, 3)}
            edges.add(pkey, resk, "REPORTS", pid, r.confidence, _evidence(ev))
            for k, etype in targets:
                edges.add(resk, k, etype, pid, r.confidence, _evidence(ev))
        for rel in x.relations:
            h = entity(rel.head_type, rel.head, pid, ctx, (), local)
            t = entity(rel.tail_type, rel.tail, pid, ctx, (), local)
            if h != t:
                edges.add(h, t, rel.type, pid, rel.confidence, _evidence(rel.evidence))
    for k, ps in entity_papers.items():
        nodes[k]["paper_count"] = len(ps)
    for k, ps in repo_papers.items():
        nodes[k]["paper_count"] = len(ps)
    G = nx.MultiDiGraph()
    for k in sorted(nodes):
        G.add_node(k, **nodes.pop(k))
    for (u, v, t), attrs in edges.pop_items():
        G.add_edge(u, v, key=t, **attrs)
    return G


_ENTITY_LABELS = frozenset(("Method", "Dataset", "Metric", "Task"))
_RESULT_ATTR = {etype: attr for attr, _, etype in _RESULT_EDGES}


def merge_edge_data(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """One edge's properties from two (same source, target, type): what one build of both gives.

    >>> a = {"type": "USES", "confidence": 0.5, "support": 1, "papers": ["2"], "evidence": [{"paper": "2"}]}
    >>> b = {"type": "USES", "confidence": 0.9, "support": 1, "papers": ["1"], "evidence": []}
    >>> m = merge_edge_data(a, b); m["papers"], m["support"], m["confidence"], m["evidence"]
    (['1', '2'], 2, 0.9, [{'paper': '2'}])
    """
    papers = sorted(set(a["papers"]) | set(b["papers"]))
    ev: dict[str, dict] = {}
    for e in (*a["evidence"], *b["evidence"]):
        ev.setdefault(e["paper"], e)
    return {**a, "confidence": max(a["confidence"], b["confidence"]), "support": len(papers), "papers": papers,
            "evidence": [ev[p] for p in sorted(ev)][:3]}


def _add_edge(G: nx.MultiDiGraph, u: str, v: str, t: str, d: dict[str, Any]) -> None:
    if G.has_edge(u, v, t):
        G.edges[u, v, t].update(merge_edge_data(G.edges[u, v, t], d))
    else:
        G.add_edge(u, v, key=t, **d)


def _move_node(G: nx.MultiDiGraph, old: str, new: str) -> None:
    """Re-key entity node ``old`` as ``new`` (merging into ``new`` when it exists)."""
    if new not in G:
        G.add_node(new, **{**G.nodes[old], "key": new})
    for u, _, t, d in list(G.in_edges(old, keys=True, data=True)):
        u = new if u == old else u
        if u != new:  # an entity's relation to itself is not an edge (as in build_graph)
            _add_edge(G, u, new, t, d)
    for _, v, t, d in list(G.out_edges(old, keys=True, data=True)):
        if v not in (old, new):
            _add_edge(G, new, v, t, d)
    G.remove_node(old)


def _paper_count(G: nx.MultiDiGraph, n: str) -> int:
    ps: set[str] = set()
    for _, _, d in G.in_edges(n, data=True):
        ps.update(d["papers"])
    for _, _, d in G.out_edges(n, data=True):
        ps.update(d["papers"])
    return len(ps)


def update_graph(G: nx.MultiDiGraph, old_keys: dict[tuple, str], resolver: Resolver,
                 extractions: Iterable[PaperExtraction]) -> nx.MultiDiGraph:
    """Add new papers' records to ``G`` (in place) after the resolver learned their names.

    ``old_keys`` is the element -> key map of the resolver ``G`` was built with;
    ``resolver`` was frozen from the same alias table after the new records were
    added to it. Old entity nodes whose names now resolve elsewhere are re-keyed
    (merged: an acronym defined only in a new paper, a canonical name that changed
    with the counts), every entity node gets its cluster's current name, aliases and
    flags, then the new papers' nodes and edges are merged in (support, papers,
    evidence and paper counts as one build of all would give them).

    Papers already in ``G`` must not be in ``extractions``. What an update cannot
    redo without re-reading old records: a bare short form in an *old* paper keeps
    the node it was resolved to when a second sense of it is learned later (the node
    is flagged ``ambiguous``/given the new aliases, but old edges are not moved).
    """
    # 1. where do the old nodes' names resolve now?
    moved: dict[str, Counter] = defaultdict(Counter)
    for el, ok in old_keys.items():
        nk = resolver.element_key.get(el, ok)
        moved[ok][nk] += 1
    for ok in sorted(moved):
        if ok not in G:
            continue
        targets = moved[ok]
        if ok in targets:
            continue
        nk = min(targets, key=lambda k: (-targets[k], k))
        renamed = G.nodes[ok].get("name")
        _move_node(G, ok, nk)
        G.nodes[nk]["paper_count"] = _paper_count(G, nk)
        if renamed is not None:
            G.nodes[nk]["_renamed"] = True
    # 2. the new papers, resolved with the new decisions
    H = build_graph(extractions, resolver)
    for n, d in H.nodes(data=True):
        if n in G:
            if d["label"] in _ENTITY_LABELS or d["label"] == "Repository":
                G.nodes[n]["paper_count"] += d["paper_count"]
        else:
            G.add_node(n, **d)
    for u, v, t, d in H.edges(keys=True, data=True):
        _add_edge(G, u, v, t, d)
    # 3. every entity node shows its cluster as it is now
    for n, d in G.nodes(data=True):
        if d["label"] not in _ENTITY_LABELS:
            continue
        info = resolver.info(n)
        if info is None:
            d.pop("_renamed", None)
            continue
        new = {"name": info.name, "aliases": sorted(set(info.forms) - {info.name}), "catalog_id": info.catalog_id,
               "ambiguous": info.ambiguous, "long_forms": list(info.long_forms)}
        renamed = d.pop("_renamed", False) or d["name"] != info.name
        d.update(new)
        if renamed:
            for res, _, t in G.in_edges(n, keys=True):
                if t in _RESULT_ATTR:
                    G.nodes[res][_RESULT_ATTR[t]] = info.name
    return G


def save_graph(G: nx.MultiDiGraph, path: str | os.PathLike = DEFAULT_GRAPH) -> Path:
    """Write ``G`` as gzip'd node-link JSON, byte-identical for the same graph.

    >>> import tempfile, os
    >>> G = nx.MultiDiGraph(); G.add_node("paper:1", label="Paper", key="paper:1")
    >>> d = tempfile.mkdtemp(); p = save_graph(G, os.path.join(d, "g.json.gz"))
    >>> list(load_graph(p).nodes)
    ['paper:1']
    """
    path = Path(path)
    dumps = _dumps
    with _GzipBytes(path) as out:  # one JSON document, one node or edge per line (read back line by line)
        out.write(b'{"directed":true,"multigraph":true,"graph":' + dumps(G.graph) + b',"nodes":[\n')
        for i, n in enumerate(sorted(G.nodes)):
            out.write((b",\n" if i else b"") + dumps({**G.nodes[n], "key": n}))
        out.write(b'\n],"edges":[\n')
        for i, (u, v, k) in enumerate(sorted(G.edges(keys=True))):
            out.write((b",\n" if i else b"") + dumps({**G.edges[u, v, k], "source": u, "target": v, "key": k}))
        out.write(b"\n]}\n")
    return path


def _dumps(obj: Any) -> bytes:
    """Compact JSON, keys sorted, UTF-8 (orjson; a byte-identical file for the same graph)."""
    return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)


class _GzipBytes:
    """Buffered bytes writer to ``path`` through gzip (mtime 0, level 1), atomically via a temporary file."""

    def __init__(self, path: Path, append: bool = False, buffer: int = 1 << 20) -> None:
        self.path, self.append, self.limit = path, append, buffer
        self.tmp = path if append else path.with_name(path.name + ".tmp")
        self.parts: list[bytes] = []
        self.size = 0

    def __enter__(self) -> "_GzipBytes":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.raw = open(self.tmp, "ab" if self.append else "wb")
        self.gz = gzip.GzipFile(filename="", mode="wb", fileobj=self.raw, mtime=0, compresslevel=1)
        return self

    def write(self, b: bytes) -> None:
        self.parts.append(b)
        self.size += len(b)
        if self.size >= self.limit:
            self.gz.write(b"".join(self.parts))
            self.parts, self.size = [], 0

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None and self.parts:
                self.gz.write(b"".join(self.parts))
            self.gz.close()
        finally:
            self.raw.close()
        if self.append:
            return
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


def load_graph(path: str | os.PathLike = DEFAULT_GRAPH) -> nx.MultiDiGraph:
    """Read the store written by :func:`save_graph`.

    Raises
    ------
    GraphError
        The file is missing or not a graph store; the message says what to do.
    """
    path = Path(path)
    if not path.exists():
        raise GraphError(f"{path}: no graph store here; build one with `kg build INPUT --graph {path}`")
    try:
        with gzip.open(path, "rb") as f:
            G = _read_lines(f)
            if G is None:  # not the line layout save_graph writes: parse the whole document
                f.seek(0)
                G = _from_node_link(orjson.loads(f.read()))
    except (OSError, EOFError, zlib.error, orjson.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError,
            ValueError, AttributeError, nx.NetworkXError) as exc:
        raise GraphError(f"{path}: not a readable graph store ({type(exc).__name__}: {exc}); "
                         f"rebuild it with `kg build INPUT --graph {path}`") from exc
    for n, d in G.nodes(data=True):
        if d.get("id") == n:  # a store written before Paper.id was kept (node-link "id" = node key)
            del d["id"]
    return G


_HEAD = b'{"directed":true,"multigraph":true,"graph":'


def _read_lines(f, batch: int = 20000) -> nx.MultiDiGraph | None:
    """Read the one-item-per-line layout of :func:`save_graph` without holding the whole document.

    Lines are parsed ``batch`` at a time (one ``orjson.loads`` per batch).
    """
    head = f.readline()
    if not head.startswith(_HEAD) or not head.endswith(b',"nodes":[\n'):
        return None
    G = nx.MultiDiGraph()
    G.graph.update(orjson.loads(head[len(_HEAD):-len(b',"nodes":[\n')]))
    nodes = True
    pending: list[bytes] = []

    def flush() -> None:
        if not pending:
            return
        items = orjson.loads(b"[" + b",".join(pending) + b"]")
        pending.clear()
        if nodes:
            for d in items:
                G.add_node(d["key"], **d)
        else:
            for d in items:
                u, v, k = d.pop("source"), d.pop("target"), d.pop("key")
                G.add_edge(u, v, key=k, **d)

    for line in f:
        if line == b"\n":  # an empty list
            continue
        if line.startswith(b"]"):
            flush()
            if nodes and line == b'],"edges":[\n':
                nodes = False
                continue
            if not nodes and line.rstrip() == b"]}":
                return G
            raise ValueError(f"unexpected line {line[:40]!r}")
        pending.append(line.rstrip(b",\n"))
        if len(pending) >= batch:
            flush()
    raise EOFError("the store ends early")


def _from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """``node_link_graph(data, edges="edges", name="key")``, but each parsed item is dropped as soon as
    it is in the graph (peak memory: the parsed document or the graph, not both) and nodes keep ``key``."""
    G = nx.MultiDiGraph()
    G.graph.update(data.get("graph") or {})
    nodes, edges = data.pop("nodes"), data.pop("edges")
    for i, d in enumerate(nodes):
        nodes[i] = None
        G.add_node(d["key"], **d)
    del nodes
    for i, d in enumerate(edges):
        edges[i] = None
        u, v, k = d.pop("source"), d.pop("target"), d.pop("key")
        G.add_edge(u, v, key=k, **d)
    return G


def state_path(graph_path: str | os.PathLike) -> Path:
    """The resolver-state sidecar next to a graph (``kg.resolve.save_state``).

    >>> state_path("kg-data/graph.json.gz").as_posix()
    'kg-data/graph.resolver.pickle'
    """
    p = Path(graph_path)
    return p.with_name(p.name.removesuffix(".gz").removesuffix(".json") + ".resolver.pickle")


def extractions_path(graph_path: str | os.PathLike) -> Path:
    """The sidecar holding per-paper extraction records next to a graph.

    >>> extractions_path("kg-data/graph.json.gz").as_posix()
    'kg-data/graph.extractions.jsonl.gz'
    """
    p = Path(graph_path)
    stem = p.name.removesuffix(".gz").removesuffix(".json")
    return p.with_name(stem + ".extractions.jsonl.gz")


def save_extractions(records: Iterable[PaperExtraction], path: str | os.PathLike, append: bool = False) -> Path:
    """Write extraction records (with their papers), sorted by paper id, gzip mtime 0.

    ``append=True`` adds them as a new gzip member (``--update`` does not rewrite old
    records); when a paper id occurs twice, :func:`load_extractions` readers keep the last.
    """
    path = Path(path)
    with _GzipBytes(path, append=append) as out:
        for x in sorted(records, key=lambda x: x.paper.id):
            out.write(_dumps(x.to_dict(with_paper=True)) + b"\n")
    return path


def load_extractions(path: str | os.PathLike) -> Iterator[PaperExtraction]:
    """Read the sidecar written by :func:`save_extractions` (in file order; a later record of an id wins)."""
    path = Path(path)
    if not path.exists():
        raise GraphError(f"{path}: the extraction records of the existing graph are missing, so it cannot be "
                         "updated; rebuild from all inputs with `kg build` (without --update)")
    try:
        with gzip.open(path, "rb") as f:
            for line in f:
                if line.strip():
                    yield extraction_from_dict(orjson.loads(line))
    except (OSError, EOFError, zlib.error, orjson.JSONDecodeError, KeyError, TypeError) as exc:
        raise GraphError(f"{path}: corrupt extraction records ({exc}); rebuild with `kg build` "
                         "(without --update)") from exc
