"""Extraction records -> ``networkx.MultiDiGraph`` (docs/schema.md), and the embedded store.

The store is gzip'd node-link JSON (``kg-data/graph.json.gz``): nodes sorted by
key, edges by (source, target, type), JSON keys sorted, gzip mtime 0, so the
same input always gives a byte-identical file. ``kg build --update`` writes delta
segments next to it (:func:`make_delta`, :func:`write_delta`) that
:func:`load_graph` applies and :func:`compact` folds in; ``save_extractions``
keeps the per-paper extraction records (``graph.extractions.jsonl.gz``) for
audits and rebuilds.

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
import collections
import gzip
import hashlib
import heapq
import itertools
import os
import re
import shutil
import tempfile
import zlib
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import networkx as nx
import orjson

from kg.errors import GraphError
from kg.models import EDGE_TYPES, NODE_LABELS, PaperExtraction, Result, extraction_from_dict
from kg.resolve import Resolver, build_resolver, local_definitions, paper_context

__all__ = ["DEFAULT_GRAPH", "GraphParts", "prepare", "source_keys", "build_graph", "update_graph", "merge_edge_data", "state_path", "save_graph", "load_graph", "extractions_path",
           "save_extractions", "load_extractions", "make_delta", "apply_delta", "delta_paths", "write_delta",
           "read_delta", "compact", "remove_deltas", "delta_is_empty", "result_key", "parse_number", "sentence_at"]

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
# the gap after a sentence's closing mark (group 1; = the spans of (?<=[.!?])\s+(?=[A-Z0-9(\[]), whose opening
# look-behind made the scan try every character: 2x slower)
_SENT_END = re.compile(r"[.!?](\s+)(?=[A-Z0-9(\[])")


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
    return [m.start(1) for m in ms], [m.end(1) for m in ms]


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


def source_keys(sources: Iterable) -> list[str]:
    """A paper's sources as the sorted, distinct ``path:line`` strings its node and the resolver state keep.

    >>> from kg.models import Source
    >>> source_keys([Source("b.jsonl", 3, "jsonl"), Source("a.jsonl", 1, "jsonl"), Source("b.jsonl", 3, "jsonl")])
    ['a.jsonl:1', 'b.jsonl:3']
    """
    return sorted({f"{s.path}:{s.line}" for s in sources})


def _paper_node(x: PaperExtraction) -> dict[str, Any]:
    p = x.paper
    return {"label": "Paper", "key": p.key, "id": p.id, "title": p.title, "abstract": p.abstract,
            "date": p.date, "authors": list(p.authors), "urls": list(p.urls),
            "sources": source_keys(p.sources), "doi": p.doi,
            "arxiv_id": p.arxiv_id, "categories": list(p.categories), "venue": p.venue}


def build_graph(extractions: Iterable[PaperExtraction], resolver: Resolver | None = None) -> nx.MultiDiGraph:
    """Resolve names across papers and build the graph of docs/schema.md.

    Parameters
    ----------
    extractions : iterable of PaperExtraction
        One record per paper (duplicates by paper id: the first wins).
    resolver : Resolver, optional
        A resolver built over (at least) the same records; built here if omitted.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes and edges in sorted order; edge key = edge type.
    """
    extractions = list(extractions)
    if resolver is None:
        resolver = build_resolver(extractions)
    first: dict[str, PaperExtraction] = {}
    for x in extractions:
        first.setdefault(x.paper.id, x)
    parts = GraphParts(resolver)
    for pid in sorted(first):
        parts.add(first[pid])
    return parts.to_graph()


def prepare(x: PaperExtraction, local: dict[tuple[str, str], str] | None = None) -> tuple:
    """What :meth:`GraphParts.add` needs of one record that does not depend on the resolver.

    Plain tuples, dicts, strings, numbers and a frozenset (``marshal``-able), so extraction
    workers make it while the records are being extracted, and the graph phase only
    resolves names and merges (:meth:`GraphParts.add_prepared`): the paper's node line,
    its context words, and per entity / repository / result / relation the names to
    resolve (with the long form the paper itself gives a bare short form), evidence
    and confidences. ``local``: :func:`kg.resolve.local_definitions` of ``x`` when already known.

    >>> from kg.models import Entity, Mention, Paper
    >>> x = PaperExtraction(Paper(id="1", title="T", abstract="We use BERT."),
    ...     entities=(Entity("Method", "BERT", mentions=(Mention("BERT", 7, 11, "abstract", 0),)),))
    >>> prepare(x)[3]
    (('Method', 'BERT', (), {'sentence': 'We use BERT.', 'start': 0, 'end': 12, 'field': 'abstract'}, ('USES',), 1.0),)
    """
    pid = x.paper.id
    if local is None:
        local = local_definitions(x)

    def aliases(t: str, n: str, given: tuple = ()) -> tuple:
        return (local[(t, n)],) if local and not given and (t, n) in local else tuple(given)

    ents = tuple((e.type, e.name, aliases(e.type, e.name, e.aliases), _mention_evidence(x, e.mentions),
                  _ROLE_EDGES.get((e.type, e.role), ()), e.confidence) for e in x.entities)
    repos = tuple((r.key, r.url, r.host, r.owner, r.name) for r in x.repos)
    results = []
    for r in x.results:
        ev = r.evidence
        row = {"value": r.value, "numeric": parse_number(r.value), "unit": r.unit, "kind": r.kind,
               "sentence": ev.sentence if ev else None, "start": ev.start if ev else None,
               "end": ev.end if ev else None, "field": ev.field if ev else None,
               "confidence": round(r.confidence, 3)}
        named = tuple((attr, label, etype, getattr(r, attr), aliases(label, getattr(r, attr)) if getattr(r, attr)
                       else ()) for attr, label, etype in _RESULT_EDGES)
        results.append((result_key(pid, r), row, named, r.confidence, _evidence(ev)))
    rels = tuple((rel.head_type, rel.head, aliases(rel.head_type, rel.head), rel.tail_type, rel.tail,
                  aliases(rel.tail_type, rel.tail), rel.type, rel.confidence, _evidence(rel.evidence))
                 for rel in x.relations)
    return pid, _dumps(_paper_node(x)), paper_context(x, local=local), ents, repos, tuple(results), rels


class _Spool:
    """Byte strings by key, compressed in chunks of many (one zlib call per ~256 KB, not per item).

    A chunk is freed once all its items were popped; putting a key again replaces its value.

    >>> s = _Spool(limit=4); s.put("a", b"xy"); s.put("b", b"zzz"); s.put("a", b"w")
    >>> sorted(s.keys()), s.pop("b"), s.pop("a")
    (['a', 'b'], b'zzz', b'w')
    """

    def __init__(self, limit: int = 1 << 18) -> None:
        self.chunks: list[bytes | None] = []
        self.left: list[int] = []  # items still to pop per chunk
        self.index: dict[str, tuple[int, int, int]] = {}
        self.buf: list[bytes] = []
        self.size, self.limit = 0, limit
        self._cache: tuple[int, bytes] = (-1, b"")

    def put(self, key: str, data: bytes) -> None:
        old = self.index.get(key)
        if old is not None:
            self.left[old[0]] -= 1
        n = len(self.chunks)
        if n == len(self.left):
            self.left.append(0)
        self.left[n] += 1
        self.index[key] = (n, self.size, self.size + len(data))
        self.buf.append(data)
        self.size += len(data)
        if self.size >= self.limit:
            self._seal()

    def _seal(self) -> None:
        if self.buf:
            self.chunks.append(zlib.compress(b"".join(self.buf), 1))
            self.buf, self.size = [], 0

    def keys(self):
        return self.index.keys()

    def export(self) -> tuple:
        """Everything, sealed: for :meth:`absorb` in another process."""
        self._seal()
        return self.chunks, self.left, self.index

    def absorb(self, state: tuple) -> None:
        """Take over another spool's items (:meth:`export`); its keys must be new here."""
        self._seal()
        chunks, left, index = state
        off = len(self.chunks)
        del self.left[off:]  # the open chunk's counter, empty after sealing
        self.chunks.extend(chunks)
        self.left.extend(left[:len(chunks)])
        self.index.update((k, (c + off, s, e)) for k, (c, s, e) in index.items())

    def pop(self, key: str) -> bytes:
        self._seal()
        c, s, e = self.index.pop(key)
        if self._cache[0] != c:
            self._cache = (c, zlib.decompress(self.chunks[c]))
        data = self._cache[1][s:e]
        self.left[c] -= 1
        if not self.left[c]:
            self.chunks[c] = None
        return data


class _Lines:
    """Store lines that arrive in their final order, kept in an anonymous temporary file (not in memory,
    not compressed): the Paper nodes and the edges leaving papers, added in paper id order.

    >>> s = _Lines(); s.add(b"a"); s.add(b"b\\nc")
    >>> list(s.lines())
    [b'a', b'b', b'c']
    """

    def __init__(self) -> None:
        self.f = None
        self.buf: list[bytes] = []
        self.size = 0

    def add(self, data: bytes) -> None:
        """Append one line, or several joined by newlines."""
        self.buf.append(data)
        self.size += len(data)
        if self.size >= 1 << 20:
            self._flush()

    def _flush(self) -> None:
        if self.buf:
            if self.f is None:
                self.f = tempfile.TemporaryFile()
            self.f.write(b"\n".join(self.buf) + b"\n")
            self.buf, self.size = [], 0

    def lines(self) -> Iterator[bytes]:
        """Every line in order; the file is gone afterwards."""
        self._flush()
        if self.f is None:
            return
        f, self.f = self.f, None
        with f:
            f.seek(0)
            for line in f:
                yield line[:-1]

    def export(self) -> str | None:
        """The lines as a named temporary file, for :meth:`absorb` in another process."""
        self._flush()
        if self.f is None:
            return None
        fd, name = tempfile.mkstemp(prefix="kg-lines-")
        with os.fdopen(fd, "wb") as out, self.f:
            self.f.seek(0)
            shutil.copyfileobj(self.f, out)
        self.f = None
        return name

    def absorb(self, name: str | None) -> None:
        """Append the lines of another part's :meth:`export` (deleting its file)."""
        if name is None:
            return
        self._flush()
        if self.f is None:
            self.f = tempfile.TemporaryFile()
        with open(name, "rb") as src:
            shutil.copyfileobj(src, self.f)
        os.unlink(name)


class GraphParts:
    """The graph of records added in paper-id order, held compactly until it is written or turned into a graph.

    What one paper alone decides - its Paper node, its Result nodes and every edge
    leaving them - is serialised to store lines as soon as its record is added (the
    paper's own in store order to a temporary file, :class:`_Lines`; result rows
    zlib'd); only entity and repository nodes and the entity-to-entity edges, which
    several papers add to, stay Python objects. Records must come in increasing
    paper id order (so an edge's first three papers with evidence are known as they
    arrive). :meth:`write` streams the store: the same bytes as
    ``save_graph(parts.to_graph())``.

    >>> from kg.models import Entity, Mention, Paper, PaperExtraction
    >>> from kg.resolve import build_resolver
    >>> x = PaperExtraction(Paper(id="1", title="T", abstract="We use BERT."),
    ...     entities=(Entity("Method", "BERT", mentions=(Mention("BERT", 7, 11, "abstract", 0),)),))
    >>> parts = GraphParts(build_resolver([x])); parts.add(x)
    >>> sorted(parts.to_graph().edges(keys=True))
    [('paper:1', 'method:bert', 'USES')]
    """

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.nodes: dict[str, dict[str, Any]] = {}  # entity and repository nodes
        self.counts: dict[str, list] = {}  # their key -> [last paper id, papers]
        self.node_blobs = _Spool()  # result key -> its store line
        self.edge_blobs = _Spool()  # result key -> the store lines of the edges leaving it
        self.paper_nodes = _Lines()  # the Paper nodes' store lines, in key order
        self.paper_edges = _Lines()  # the store lines of the edges leaving papers, in (source, target, type) order
        self.edges: dict[tuple[str, str, str], list] = {}  # entity -> entity: [confidence, papers, evidence]
        self.last = ""
        #: entity keys the resolver does not know (named after their first paper) -> (result key, field) naming them
        self.refs: dict[str, list[tuple[str, str]]] = {}
        #: (type, name, aliases) -> key, for the names whose key does not depend on the paper's context
        self.memo: dict[tuple, str] = {}

    def _entity(self, type_: str, name: str, pid: str, ctx: frozenset[str], aliases=()) -> str:
        key = self.memo.get((type_, name, aliases))
        if key is None:
            key, by_context = self.resolver.resolve_noting(type_, name, aliases, ctx)
            if not by_context:
                self.memo[(type_, name, aliases)] = key
        self._count(key, pid)
        if key not in self.nodes:
            info = self.resolver.info(key)
            self.nodes[key] = {"label": type_, "key": key, "name": info.name if info else name,
                               "aliases": sorted(set(info.forms) - {info.name}) if info else [],
                               "catalog_id": info.catalog_id if info else None,
                               "ambiguous": bool(info.ambiguous) if info else self.resolver.undecided(type_, name),
                               "long_forms": list(info.long_forms) if info else []}
        return key

    def _count(self, key: str, pid: str) -> None:
        c = self.counts.get(key)
        if c is None:
            self.counts[key] = [pid, 1]
        elif c[0] != pid:
            c[0] = pid
            c[1] += 1

    def add(self, x: PaperExtraction) -> None:
        """Add one paper's record (ids must increase from call to call): ``add_prepared(prepare(x))``."""
        self.add_prepared(prepare(x))

    def add_prepared(self, p: tuple) -> None:
        """Add what :func:`prepare` made of one paper's record (ids must increase from call to call)."""
        pid, paper_line, ctx, ents, repos, results, rels = p
        if pid <= self.last and self.last:
            raise ValueError(f"records must come in increasing paper id order ({pid!r} after {self.last!r})")
        self.last = pid
        pkey = f"paper:{pid}"
        self.paper_nodes.add(paper_line)
        own: dict[str, dict[tuple[str, str], list]] = defaultdict(dict)  # edges leaving this paper's nodes

        def edge(u: str, v: str, t: str, confidence: float, ev: dict | None) -> None:
            c = round(float(confidence), 3)
            if u == pkey or u.startswith("result:"):
                e = own[u].get((v, t))
                if e is None:
                    own[u][(v, t)] = [c, ev]
                else:
                    e[0] = max(e[0], c)
                    if e[1] is None:
                        e[1] = ev
                return
            e = self.edges.get((u, v, t))
            if e is None:
                self.edges[(u, v, t)] = [c, [pid], [(pid, ev)] if ev is not None else []]
                return
            if c > e[0]:
                e[0] = c
            if e[1][-1] != pid:
                e[1].append(pid)
            if ev is not None and len(e[2]) < 3 and (not e[2] or e[2][-1][0] != pid):
                e[2].append((pid, ev))

        for type_, name, aliases, ev, types, confidence in ents:
            k = self._entity(type_, name, pid, ctx, aliases)
            for t in types:
                edge(pkey, k, t, confidence, ev)
        for rk, url, host, owner, name in repos:
            self._count(rk, pid)
            if rk not in self.nodes:
                self.nodes[rk] = {"label": "Repository", "key": rk, "url": url, "host": host, "owner": owner,
                                  "name": name}
            edge(pkey, rk, "HAS_CODE", 1.0, None)
        for resk, row, named, confidence, ev in results:
            names = {}
            targets = []
            for attr, label, etype, n, aliases in named:
                if n:
                    k = self._entity(label, n, pid, ctx, aliases)
                    names[attr] = self.nodes[k]["name"]
                    if self.resolver.info(k) is None:
                        self.refs.setdefault(k, []).append((resk, attr))
                    targets.append((k, etype))
                else:
                    names[attr] = None
            # the same row stated twice: the last one's node
            self.node_blobs.put(resk, _dumps({"label": "Result", "key": resk, **row, **names, "paper": pid}))
            edge(pkey, resk, "REPORTS", confidence, ev)
            for k, etype in targets:
                edge(resk, k, etype, confidence, ev)
        for htype, head, haliases, ttype, tail, taliases, rtype, confidence, ev in rels:
            h = self._entity(htype, head, pid, ctx, haliases)
            t = self._entity(ttype, tail, pid, ctx, taliases)
            if h != t:
                edge(h, t, rtype, confidence, ev)
        for u, es in own.items():
            lines = [_dumps({"type": t, "confidence": c, "support": 1, "papers": [pid],
                             "evidence": [{"paper": pid, **ev}] if ev is not None else [],
                             "source": u, "target": v, "key": t})
                     for (v, t), (c, ev) in sorted(es.items())]
            if u == pkey:
                self.paper_edges.add(b"\n".join(lines))
            else:
                self.edge_blobs.put(u, b"\n".join(lines))

    def export(self) -> tuple:
        """The parts without the resolver (to send to another process for :meth:`absorb`)."""
        return (self.nodes, self.counts, self.edges, self.node_blobs.export(), self.edge_blobs.export(), self.last,
                self.refs, self.paper_nodes.export(), self.paper_edges.export())

    def absorb(self, state: tuple) -> None:
        """Add parts built from records whose paper ids all come after this one's (:meth:`export`).

        The result is what adding all the records here would give: an entity the
        resolver does not know is named after its first paper, so the later parts'
        Result rows naming it otherwise are rewritten.
        """
        nodes, counts, edges, node_blobs, edge_blobs, last, refs, paper_nodes, paper_edges = state
        renamed: dict[str, str] = {}
        for k, d in nodes.items():
            mine = self.nodes.get(k)
            if mine is None:
                self.nodes[k] = d
            elif mine["name"] != d["name"]:
                renamed[k] = mine["name"]
        for k, (pid, n) in counts.items():
            c = self.counts.get(k)
            if c is None:
                self.counts[k] = [pid, n]
            else:
                c[0], c[1] = pid, c[1] + n
        for k, (c, papers, evs) in edges.items():
            e = self.edges.get(k)
            if e is None:
                self.edges[k] = [c, papers, evs]
            else:
                e[0] = max(e[0], c)
                e[1].extend(papers)
                e[2] = (e[2] + evs)[:3]
        self.node_blobs.absorb(node_blobs)
        self.edge_blobs.absorb(edge_blobs)
        self.paper_nodes.absorb(paper_nodes)
        self.paper_edges.absorb(paper_edges)
        self.last = last or self.last
        for k, rs in refs.items():
            self.refs.setdefault(k, []).extend(rs)
            if k in renamed:
                for resk, attr in rs:
                    d = orjson.loads(self.node_blobs.pop(resk))
                    d[attr] = renamed[k]
                    self.node_blobs.put(resk, _dumps(d))

    def _finish_counts(self) -> None:
        for k, (_, n) in self.counts.items():
            self.nodes[k]["paper_count"] = n
        self.counts.clear()

    def node_lines(self) -> Iterator[bytes]:
        """The store's node lines in key order, forgetting each node as it goes."""
        self._finish_counts()
        keys = sorted((*self.nodes, *self.node_blobs.keys()))
        cut = bisect.bisect_left(keys, "paper:")  # the Paper nodes go here: no other key starts so
        for i, k in enumerate(keys):
            if i == cut:
                yield from self.paper_nodes.lines()
            d = self.nodes.pop(k, None)
            yield _dumps(d) if d is not None else self.node_blobs.pop(k)
        if cut == len(keys):
            yield from self.paper_nodes.lines()

    def edge_lines(self) -> Iterator[bytes]:
        """The store's edge lines in (source, target, type) order, forgetting each edge as it goes."""
        groups = sorted(self.edge_blobs.keys())
        own = sorted(self.edges)
        papers = self.paper_edges.lines()  # their sources all start with "paper:", and no other source does
        for k in heapq.merge(((u,) for u in groups), own):
            if papers is not None and k[0] > "paper:":
                yield from papers
                papers = None
            if len(k) == 1:
                yield from self.edge_blobs.pop(k[0]).split(b"\n")
                continue
            c, ps, evs = self.edges.pop(k)
            yield _dumps({"type": k[2], "confidence": c, "support": len(ps), "papers": ps,
                          "evidence": [{"paper": p, **ev} for p, ev in evs],
                          "source": k[0], "target": k[1], "key": k[2]})
        if papers is not None:
            yield from papers

    def write(self, path: str | os.PathLike) -> tuple[int, int]:
        """Write the store (what :func:`save_graph` writes for the same graph), emptying the parts.

        Returns the numbers of nodes and edges written.
        """
        return _write_store(Path(path), {}, self.node_lines(), self.edge_lines())

    def to_graph(self) -> nx.MultiDiGraph:
        """The ``networkx.MultiDiGraph`` (parts are emptied)."""
        G = nx.MultiDiGraph()
        for line in self.node_lines():
            d = orjson.loads(line)
            G.add_node(d["key"], **d)
        for line in self.edge_lines():
            d = orjson.loads(line)
            u, v, k = d.pop("source"), d.pop("target"), d.pop("key")
            G.add_edge(u, v, key=k, **d)
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
    ``apply_delta(G, make_delta(...))``: what ``kg build --update`` writes as a delta.

    Papers already in ``G`` must not be in ``extractions``. What an update cannot
    redo without re-reading old records: a bare short form in an *old* paper keeps
    the node it was resolved to when a second sense of it is learned later (the node
    is flagged ``ambiguous``/given the new aliases, but old edges are not moved).
    """
    return apply_delta(G, make_delta(old_keys, None, resolver, extractions))


def _info_fields(info) -> dict[str, Any]:
    return {"name": info.name, "aliases": sorted(set(info.forms) - {info.name}), "catalog_id": info.catalog_id,
            "ambiguous": info.ambiguous, "long_forms": list(info.long_forms)}


def make_delta(old_keys: dict[tuple, str], old_clusters: dict | None, resolver: Resolver,
               extractions: Iterable[PaperExtraction], sources: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """What adding ``extractions`` changes in a graph, computed without the graph (:func:`apply_delta` applies it).

    ``old_keys`` / ``old_clusters`` are the element -> key map and the clusters of the
    resolver the graph was built with (``old_clusters=None``: refresh every cluster);
    ``resolver`` was frozen after the new records were added to the same alias table.
    ``sources`` gives repeated old papers their full, new source lists. The result is
    plain JSON: ``renames`` (old entity key -> new), ``refresh`` (entity key -> name,
    aliases, catalog_id, ambiguous, long_forms), ``sources``, and the new papers' own
    ``nodes`` and ``edges`` (store items), all sorted.
    """
    moved: dict[str, Counter] = defaultdict(Counter)
    ek = resolver.element_key
    for el, ok in old_keys.items():
        moved[ok][ek.get(el, ok)] += 1
    renames = []
    for ok in sorted(moved):
        targets = moved[ok]
        if ok not in targets:
            renames.append([ok, min(targets, key=lambda k: (-targets[k], k))])
    new = resolver.clusters
    keys = set(new) if old_clusters is None else {k for k, c in new.items() if old_clusters.get(k) != c}
    keys.update(nk for _, nk in renames if nk in new)
    H = build_graph(extractions, resolver)
    return {"kg_delta": 1, "renames": renames, "refresh": {k: _info_fields(new[k]) for k in sorted(keys)},
            "sources": dict(sorted((sources or {}).items())),
            "nodes": [{**d, "key": n} for n, d in sorted(H.nodes(data=True))],
            "edges": [{**d, "source": u, "target": v, "key": k} for u, v, k, d in sorted(H.edges(keys=True, data=True))]}


def delta_is_empty(delta: dict[str, Any]) -> bool:
    """True when applying ``delta`` would change nothing."""
    return not (delta["renames"] or delta["refresh"] or delta["sources"] or delta["nodes"] or delta["edges"])


def apply_delta(G: nx.MultiDiGraph, delta: dict[str, Any]) -> nx.MultiDiGraph:
    """Merge a :func:`make_delta` result into ``G`` (in place), as one build of all the records would give.

    >>> G = nx.MultiDiGraph(); G.add_node("method:vit", label="Method", key="method:vit", name="ViT", paper_count=1)
    >>> d = {"renames": [["method:vit", "method:vision transformer"]], "refresh": {}, "sources": {},
    ...      "nodes": [], "edges": []}
    >>> list(apply_delta(G, d).nodes)
    ['method:vision transformer']
    """
    renamed: set[str] = set()
    for ok, nk in delta["renames"]:  # 1. old nodes whose names resolve elsewhere now
        if ok not in G:
            continue
        had_name = G.nodes[ok].get("name") is not None
        _move_node(G, ok, nk)
        G.nodes[nk]["paper_count"] = _paper_count(G, nk)
        if had_name:
            renamed.add(nk)
    for i, d in enumerate(delta["nodes"]):  # 2. the new papers' nodes and edges
        _check_item(d, None, i)
        n = d["key"]
        if n in G:
            if d["label"] in _ENTITY_LABELS or d["label"] == "Repository":
                G.nodes[n]["paper_count"] += d["paper_count"]
        else:
            G.add_node(n, **d)
    for i, d in enumerate(delta["edges"]):
        _check_item(d, G._node, i)
        d = dict(d)
        u, v, t = d.pop("source"), d.pop("target"), d.pop("key")
        _add_edge(G, u, v, t, d)
    for pkey, srcs in delta["sources"].items():  # repeated papers: their new source file:line
        if pkey in G:
            G.nodes[pkey]["sources"] = sorted({*G.nodes[pkey]["sources"], *srcs})
    refresh = delta["refresh"]
    for n in sorted(renamed | set(refresh)):  # 3. entity nodes show their cluster as it is now
        d = G.nodes.get(n) if n in G else None
        if d is None or d["label"] not in _ENTITY_LABELS or n not in refresh:
            continue
        new = refresh[n]
        was = d["name"]
        d.update(new)
        if n in renamed or was != new["name"]:
            for res, _, t in G.in_edges(n, keys=True):
                if t in _RESULT_ATTR:
                    G.nodes[res][_RESULT_ATTR[t]] = new["name"]
    return G


def delta_paths(graph_path: str | os.PathLike) -> list[Path]:
    """The delta segments ``kg build --update`` wrote next to a store, oldest first.

    >>> delta_paths("/nonexistent/graph.json.gz")
    []
    """
    p = Path(graph_path)
    stem = p.name.removesuffix(".gz").removesuffix(".json")
    found = []
    if p.parent.is_dir():
        for q in p.parent.glob(f"{glob_escape(stem)}.delta-*.json.gz"):
            num = q.name[len(stem) + len(".delta-"):-len(".json.gz")]
            if num.isdigit():
                found.append((int(num), q))
    return [q for _, q in sorted(found)]


def glob_escape(s: str) -> str:
    """``s`` with glob metacharacters escaped."""
    return re.sub(r"([*?\[])", r"[\1]", s)


def write_delta(graph_path: str | os.PathLike, delta: dict[str, Any]) -> Path:
    """Write ``delta`` as the next segment next to the store (gzip'd JSON, mtime 0, keys sorted)."""
    p = Path(graph_path)
    stem = p.name.removesuffix(".gz").removesuffix(".json")
    have = delta_paths(p)
    n = int(have[-1].name[len(stem) + len(".delta-"):-len(".json.gz")]) + 1 if have else 1
    out = p.with_name(f"{stem}.delta-{n:05d}.json.gz")
    with _GzipBytes(out) as f:
        f.write(_dumps(delta) + b"\n")
    return out


def read_delta(path: str | os.PathLike) -> dict[str, Any]:
    """A segment written by :func:`write_delta`."""
    with gzip.open(path, "rb") as f:
        d = orjson.loads(f.read())
    if not isinstance(d, dict) or d.get("kg_delta") != 1:
        raise ValueError("not a kg delta segment")
    return d


def compact(graph_path: str | os.PathLike = DEFAULT_GRAPH) -> Path:
    """Fold the delta segments into the store: the bytes one full build of all the papers writes.

    (Up to the documented ``--update`` difference; see :func:`update_graph`.)
    """
    deltas = delta_paths(graph_path)
    if deltas:
        save_graph(load_graph(graph_path), graph_path)
        for q in deltas:
            q.unlink()
    return Path(graph_path)


def remove_deltas(graph_path: str | os.PathLike) -> None:
    """Delete the delta segments of a store (a full build replaces them)."""
    for q in delta_paths(graph_path):
        q.unlink()


def save_graph(G: nx.MultiDiGraph, path: str | os.PathLike = DEFAULT_GRAPH) -> Path:
    """Write ``G`` as gzip'd node-link JSON, byte-identical for the same graph.

    >>> import tempfile, os
    >>> G = nx.MultiDiGraph(); G.add_node("paper:1", label="Paper", key="paper:1")
    >>> d = tempfile.mkdtemp(); p = save_graph(G, os.path.join(d, "g.json.gz"))
    >>> list(load_graph(p).nodes)
    ['paper:1']
    """
    dumps = _dumps
    nodes = (dumps({**G.nodes[n], "key": n}) for n in sorted(G.nodes))
    edges = (dumps({**G.edges[u, v, k], "source": u, "target": v, "key": k}) for u, v, k in sorted(G.edges(keys=True)))
    _write_store(Path(path), G.graph, nodes, edges)
    return Path(path)


def _write_store(path: Path, graph: dict, nodes: Iterable[bytes], edges: Iterable[bytes]) -> tuple[int, int]:
    """One JSON document, one node or edge per line (read back line by line); returns the counts."""
    with _GzipBytes(path) as out:
        out.write(b'{"directed":true,"multigraph":true,"graph":' + _dumps(graph) + b',"nodes":[\n')
        n = _write_joined(out, nodes)
        out.write(b'\n],"edges":[\n')
        m = _write_joined(out, edges)
        out.write(b"\n]}\n")
    return n, m


def _write_joined(out: "_GzipBytes", lines: Iterable[bytes], batch: int = 4096) -> int:
    """Write ``lines`` separated by ``,\\n`` (``batch`` lines per write); returns how many."""
    n = 0
    it = iter(lines)
    while chunk := list(itertools.islice(it, batch)):
        out.write((b",\n" if n else b"") + b",\n".join(chunk))
        n += len(chunk)
    return n


def _dumps(obj: Any) -> bytes:
    """Compact JSON, keys sorted, UTF-8 (orjson; a byte-identical file for the same graph)."""
    return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)


#: Threads compressing store and sidecar members at once (ISA-L and zlib release the GIL): the bytes do not depend on it.
GZIP_THREADS = 2
#: Uncompressed bytes per gzip member of the store and the records sidecar (about +0.1 % size against one stream).
GZIP_MEMBER = 4 << 20

try:  # ISA-L's deflate (the ``isal`` package): on store JSON ~3.5x less CPU than zlib level 1, and ~4 % smaller
    from isal import igzip as _igzip
except ImportError:  # pragma: no cover - isal is a dependency; without it the members are zlib's (other bytes)
    _igzip = None


def _gzip_member(data: bytes) -> bytes:
    """One gzip member of ``data`` (mtime 0): ISA-L level 2 where ``isal`` is installed, else zlib level 1.

    Same input, same bytes on a machine (each compressor is deterministic); the two give
    different bytes for the same text, both read by any gzip reader.

    >>> gzip.decompress(_gzip_member(b"abc" * 100))[:6]
    b'abcabc'
    """
    if _igzip is not None:
        return _igzip.compress(data, 2, mtime=0)
    return gzip.compress(data, 1, mtime=0)


class _GzipBytes:
    """Buffered bytes writer to ``path`` through gzip (:func:`_gzip_member`), atomically via a temporary file.

    The bytes written are cut into members of :data:`GZIP_MEMBER` bytes (a cut falls
    after the write that reaches the size, so it depends only on what was written) and
    each is compressed as an independent gzip member (RFC 1952 allows several; ``gzip``
    readers read them as one stream) by :data:`GZIP_THREADS` threads, while the caller
    produces the next lines. Same input, same bytes, however many threads.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "x.gz"
    >>> with _GzipBytes(p, buffer=4) as out:
    ...     for b in (b"ab", b"cde", b"f"):
    ...         out.write(b)
    >>> gzip.decompress(p.read_bytes()), p.read_bytes().count(b"\\x1f\\x8b\\x08")
    (b'abcdef', 2)
    """

    def __init__(self, path: Path, append: bool = False, buffer: int | None = None) -> None:
        self.path, self.append, self.limit = path, append, buffer or GZIP_MEMBER
        self.tmp = path if append else path.with_name(path.name + ".tmp")
        self.parts: list[bytes] = []
        self.size = 0
        self.members = 0

    def __enter__(self) -> "_GzipBytes":
        from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.raw = open(self.tmp, "ab" if self.append else "wb")
        self.pool = ThreadPoolExecutor(max_workers=GZIP_THREADS, thread_name_prefix="kg-gzip")
        self.pending: collections.deque = collections.deque()
        return self

    def write(self, b: bytes) -> None:
        self.parts.append(b)
        self.size += len(b)
        if self.size >= self.limit:
            self._flush()

    def _flush(self) -> None:
        self.pending.append(self.pool.submit(_gzip_member, b"".join(self.parts)))
        self.parts, self.size = [], 0
        self.members += 1
        while len(self.pending) > 2 * GZIP_THREADS:
            self.raw.write(self.pending.popleft().result())

    def __exit__(self, exc_type, exc, tb) -> None:
        done = False
        try:
            if exc_type is None:
                if self.parts or not (self.members or self.append):  # an empty file is one empty member
                    self._flush()
                while self.pending:
                    self.raw.write(self.pending.popleft().result())
                done = True
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.raw.close()
            if not self.append:
                if done:
                    os.replace(self.tmp, self.path)
                else:
                    self.tmp.unlink(missing_ok=True)


def load_graph(path: str | os.PathLike = DEFAULT_GRAPH, *, deltas: bool = True) -> nx.MultiDiGraph:
    """Read the store written by :func:`save_graph`, with the delta segments ``--update`` wrote next to it.

    ``deltas=False`` reads the base alone (what plain networkx sees).

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
    except _Damaged as exc:
        raise GraphError(f"{path}:{exc} (the store is damaged: rebuild it with "
                         f"`kg build INPUT --graph {path}`)") from exc
    except (OSError, EOFError, zlib.error, orjson.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError,
            ValueError, AttributeError, nx.NetworkXError) as exc:
        raise GraphError(f"{path}: not a readable graph store ({type(exc).__name__}: {exc}); "
                         f"rebuild it with `kg build INPUT --graph {path}`") from exc
    for n, d in G.nodes(data=True):
        if d.get("id") == n:  # a store written before Paper.id was kept (node-link "id" = node key)
            del d["id"]
    if deltas:
        for q in delta_paths(path):
            try:
                apply_delta(G, read_delta(q))
            except _Damaged as exc:
                raise GraphError(f"{q}:{exc} (the segment is damaged: rebuild with "
                                 f"`kg build INPUT --graph {path}`)") from exc
            except (OSError, EOFError, zlib.error, orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise GraphError(f"{q}: not a readable delta segment ({type(exc).__name__}: {exc}); "
                                 f"rebuild with `kg build INPUT --graph {path}`") from exc
    return G


_HEAD = b'{"directed":true,"multigraph":true,"graph":'


class _Damaged(ValueError):
    """An item of the store that the commands cannot use: ``str()`` is ``"line: field 'f': what"``."""


_INT, _NUM = frozenset((int, type(None))), frozenset((int, float, type(None)))
#: the fields the commands compute with (sort, add, compare), by node label and for edges, with the exact types
#: they may have (null, or missing, too)
_NUMBERS: dict[str, tuple[tuple[str, frozenset], ...]] = {
    **dict.fromkeys(("Method", "Dataset", "Metric", "Task", "Repository"), (("paper_count", _INT),)),
    "Paper": (),
    "Result": (("numeric", _NUM), ("start", _INT), ("end", _INT), ("confidence", _NUM)),
    "edge": (("support", _INT), ("confidence", _NUM)),
}
_EDGE_TYPES = frozenset(EDGE_TYPES)


def _check(d: Any, nodes: dict | None) -> None:
    """Raise :class:`_Damaged` (without the line) for a node (``nodes`` ``None``) or an edge (``nodes``: the
    graph's nodes so far) that is not what :func:`save_graph` writes.

    >>> _check({"key": "method:a", "label": "Method", "paper_count": "many"}, None)
    Traceback (most recent call last):
    ...
    kg.graph._Damaged: field 'paper_count': node 'method:a' has str 'many', expected int
    """
    if not isinstance(d, dict):
        raise _Damaged(f"an item is {type(d).__name__}, not a JSON object")
    if nodes is None:
        label = d.get("label")
        if not isinstance(d.get("key"), str):
            raise _Damaged(f"field 'key': a node has no text key ({d.get('key')!r})")
        if label not in _NUMBERS or label == "edge":
            raise _Damaged(f"field 'label': {_what(d, nodes)} has label {label!r}, not one of "
                           f"{', '.join(NODE_LABELS)}")
    else:
        label = "edge"
        if d.get("source") not in nodes or d.get("target") not in nodes:
            end = "source" if d.get("source") not in nodes else "target"
            raise _Damaged(f"field '{end}': {_what(d, nodes)}: {d.get(end)!r} is no node")
        if d.get("type") not in _EDGE_TYPES or not isinstance(d.get("key"), str):
            raise _Damaged(f"field 'type': {_what(d, nodes)}: not one of {', '.join(EDGE_TYPES)} with a text key")
    for f, types in _NUMBERS[label]:
        v = d.get(f)
        if type(v) not in types:
            want = " or ".join(sorted(t.__name__ for t in types if t is not type(None)))
            raise _Damaged(f"field '{f}': {_what(d, nodes)} has {type(v).__name__} {v!r:.40}, expected {want}")


def _check_item(d: Any, nodes: dict | None, i: int) -> None:
    """:func:`_check` for the ``i``-th item of a node or edge list (a node-link document, a delta segment)."""
    try:
        _check(d, nodes)
    except _Damaged as exc:
        raise _Damaged(f" {'node' if nodes is None else 'edge'} {i + 1} of the list: {exc}") from None


def _what(d: dict, nodes: dict | None) -> str:
    """How :func:`_check` names an item: ``node 'method:a'``, ``edge USES 'paper:1' -> 'method:a'``."""
    if nodes is None:
        return f"node {d.get('key')!r}"
    return f"edge {d.get('type')} {d.get('source')!r} -> {d.get('target')!r}"


def _read_lines(f, batch: int = 20000) -> nx.MultiDiGraph | None:
    """Read the one-item-per-line layout of :func:`save_graph` without holding the whole document.

    Lines are parsed ``batch`` at a time (one ``orjson.loads`` per batch); an item that is not
    valid JSON or not what :func:`save_graph` writes (:func:`_check`) raises :class:`_Damaged` with its line.
    """
    head = f.readline()
    if not head.startswith(_HEAD) or not head.endswith(b',"nodes":[\n'):
        return None
    G = nx.MultiDiGraph()
    G.graph.update(orjson.loads(head[len(_HEAD):-len(b',"nodes":[\n')]))
    nodes = True
    pending: list[bytes] = []
    n = 1  # the line last read

    def flush() -> None:
        if not pending:
            return
        first = n - len(pending) + (not line.startswith(b"]"))  # the line of pending[0]
        try:
            items = orjson.loads(b"[" + b",".join(pending) + b"]")
        except orjson.JSONDecodeError:
            for i, raw in enumerate(pending):
                try:
                    orjson.loads(raw)
                except orjson.JSONDecodeError as exc:
                    raise _Damaged(f"{first + i}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
            raise
        pending.clear()
        known = None if nodes else G._node
        for i, d in enumerate(items):
            try:
                _check(d, known)
            except _Damaged as exc:
                raise _Damaged(f"{first + i}: {exc}") from None
            if nodes:
                G.add_node(d["key"], **d)
            else:
                u, v, k = d.pop("source"), d.pop("target"), d.pop("key")
                G.add_edge(u, v, key=k, **d)

    for line in f:
        n += 1
        if line == b"\n":  # an empty list
            continue
        if line.startswith(b"]"):
            flush()
            if nodes and line == b'],"edges":[\n':
                nodes = False
                continue
            if not nodes and line.rstrip() == b"]}":
                return G
            raise _Damaged(f"{n}: unexpected line {line[:40]!r}")
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
        _check_item(d, None, i)
        G.add_node(d["key"], **d)
    del nodes
    for i, d in enumerate(edges):
        edges[i] = None
        _check_item(d, G._node, i)
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
