"""Subgraph filters shared by every export format: pure functions on the graph.

Each function takes a ``networkx.MultiDiGraph`` of the schema in
``docs/schema.md`` and returns a new (copied) subgraph; nothing is mutated.
:func:`apply_filters` applies a :class:`SubgraphSpec` in a fixed order:
``since`` -> ``focus``/``depth`` -> ``types`` -> ``min_papers`` -> ``top``.

>>> G = _demo_graph()
>>> sorted(filter_types(G, ["method"]).nodes)
['method:bert', 'method:vision transformer']
>>> sorted(ego_graph(G, "ViT", depth=1).nodes)
['method:vision transformer', 'paper:1']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from kg.errors import GraphError
from kg.models import NODE_LABELS, normalize_name

__all__ = [
    "SubgraphSpec", "apply_filters", "filter_types", "filter_min_papers", "filter_since",
    "ego_graph", "resolve_node", "top_nodes", "overview_nodes", "node_weights", "paper_count", "parse_types",
    "PER_PAPER_LABELS",
]

#: labels that stand for one paper each; everything else is an entity (Method, Dataset, ...).
PER_PAPER_LABELS = frozenset({"Paper", "Result"})


@dataclass(frozen=True, slots=True)
class SubgraphSpec:
    """Which part of the graph to export; ``None`` / empty means "no filter"."""

    types: tuple[str, ...] = ()
    min_papers: int | None = None
    top: int | None = None
    since: str | None = None
    focus: str | None = None
    depth: int = 2
    rank_by: str = "papers"

    @property
    def is_empty(self) -> bool:
        return not (self.types or self.min_papers or self.top or self.since or self.focus)


def _demo_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("paper:1", label="Paper", key="paper:1", title="ViT paper", date="2021-01-05")
    G.add_node("paper:2", label="Paper", key="paper:2", title="BERT paper", date="2018-10-11")
    G.add_node("method:vision transformer", label="Method", key="method:vision transformer",
               name="Vision Transformer", aliases=["ViT"], paper_count=1)
    G.add_node("method:bert", label="Method", key="method:bert", name="BERT", aliases=[], paper_count=3)
    G.add_edge("paper:1", "method:vision transformer", key="PROPOSES", type="PROPOSES", papers=["1"])
    G.add_edge("paper:2", "method:bert", key="PROPOSES", type="PROPOSES", papers=["2"])
    return G


def paper_count(data: dict) -> int:
    """Papers a node stands for: its ``paper_count``, else 1 (a Paper or Result is one paper).

    >>> paper_count({"paper_count": 7}), paper_count({"label": "Paper"})
    (7, 1)
    """
    value = data.get("paper_count")
    return int(value) if isinstance(value, (int, float)) else 1


def node_weights(G: nx.MultiDiGraph, by: str = "papers") -> dict[str, float]:
    """Importance of each node: paper count (ties broken by the number of neighbours) or PageRank.

    >>> w = node_weights(_demo_graph())
    >>> max(w, key=w.get)
    'method:bert'
    """
    if by == "pagerank":
        if G.number_of_nodes() == 0:
            return {}
        simple = nx.DiGraph(G)
        try:
            return nx.pagerank(simple, max_iter=200)
        except nx.PowerIterationFailedConvergence as exc:  # pragma: no cover - pathological graphs
            raise GraphError(f"PageRank did not converge: {exc}") from exc
    if by != "papers":
        raise GraphError(f"unknown ranking {by!r}: use 'papers' or 'pagerank'")
    n = max(G.number_of_nodes(), 1)
    # neighbour counts from the raw adjacency dicts, not multi-edge degrees (a sum per node on big graphs)
    count = {v: len(nbrs) for v, nbrs in G.adjacency()}
    if G.is_directed():
        for v, nbrs in G.reverse(copy=False).adjacency():
            count[v] += len(nbrs)
    return {v: paper_count(d) + count[v] / (20 * n) for v, d in G.nodes(data=True)}


def parse_types(types: Iterable[str]) -> tuple[str, ...]:
    """Canonical node labels for user-given names, case-insensitive.

    >>> parse_types(["method", "DATASET"])
    ('Method', 'Dataset')
    >>> parse_types(["Methd"])
    Traceback (most recent call last):
    ...
    kg.errors.GraphError: unknown node type 'Methd' (did you mean: Method, Metric?); types are Paper, Method, Dataset, Metric, Task, Repository, Result
    """
    by_lower = {label.lower(): label for label in NODE_LABELS}
    out = []
    for t in types:
        t = t.strip()
        if not t:
            continue
        label = by_lower.get(t.lower())
        if label is None:
            close = difflib.get_close_matches(t, NODE_LABELS, n=3, cutoff=0.5)
            hint = f" (did you mean: {', '.join(close)}?)" if close else ""
            raise GraphError(f"unknown node type {t!r}{hint}; types are {', '.join(NODE_LABELS)}")
        out.append(label)
    return tuple(out)


def filter_types(G: nx.MultiDiGraph, types: Iterable[str]) -> nx.MultiDiGraph:
    """Keep only nodes whose label is one of ``types`` (and the edges among them)."""
    keep = set(parse_types(types))
    return G.subgraph(v for v, d in G.nodes(data=True) if d.get("label") in keep).copy()


def filter_min_papers(G: nx.MultiDiGraph, n: int) -> nx.MultiDiGraph:
    """Keep nodes standing for at least ``n`` papers (see :func:`paper_count`).

    >>> sorted(filter_min_papers(_demo_graph(), 2).nodes)
    ['method:bert']
    """
    return G.subgraph(v for v, d in G.nodes(data=True) if paper_count(d) >= n).copy()


def filter_since(G: nx.MultiDiGraph, date: str) -> nx.MultiDiGraph:
    """Keep papers dated on or after ``date`` (ISO prefix), and what they connect to.

    Undated papers are dropped. Other nodes stay when a kept paper points at
    them (Results: when their paper is kept); entity-to-entity edges stay when
    one of their ``papers`` is kept.

    >>> sorted(filter_since(_demo_graph(), "2020").nodes)
    ['method:vision transformer', 'paper:1']
    """
    date = str(date).strip()
    papers = {v for v, d in G.nodes(data=True)
              if d.get("label") == "Paper" and d.get("date") and str(d["date"])[:len(date)] >= date}
    paper_ids = {G.nodes[v].get("id", v.removeprefix("paper:")) for v in papers}
    keep = set(papers)
    for p in papers:
        keep.update(G.successors(p))
    H = G.subgraph(keep).copy()
    drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
            if u not in papers and d.get("papers") is not None and not paper_ids.intersection(d["papers"])]
    H.remove_edges_from(drop)
    return H


def resolve_node(G: nx.MultiDiGraph, name: str) -> str:
    """Node key for a name, title, key or alias (case-insensitive); the most cited wins.

    >>> resolve_node(_demo_graph(), "vit")
    'method:vision transformer'
    >>> resolve_node(_demo_graph(), "Bret")
    Traceback (most recent call last):
    ...
    kg.errors.GraphError: no node named 'Bret' (close matches: BERT); try a name, alias or key such as method:bert
    """
    if name in G:
        return name
    want = normalize_name(name)
    exact, alias = [], []
    names: dict[str, str] = {}
    for v, d in G.nodes(data=True):
        primary = d.get("name") or d.get("title") or ""
        names.setdefault(normalize_name(str(primary)), str(primary))
        if normalize_name(str(primary)) == want or normalize_name(v) == want:
            exact.append(v)
        elif any(normalize_name(str(a)) == want for a in d.get("aliases") or ()):
            alias.append(v)
    found = exact or alias
    if found:
        return max(found, key=lambda v: (paper_count(G.nodes[v]), v))
    close = difflib.get_close_matches(want, list(names), n=5, cutoff=0.6)
    hint = f" (close matches: {', '.join(names[c] for c in close)})" if close else ""
    raise GraphError(f"no node named {name!r}{hint}; try a name, alias or key such as method:bert")


def ego_graph(G: nx.MultiDiGraph, focus: str, depth: int = 2) -> nx.MultiDiGraph:
    """Nodes within ``depth`` hops of ``focus`` (edges followed both ways)."""
    if depth < 0:
        raise GraphError(f"--depth must be 0 or more, got {depth}")
    centre = resolve_node(G, focus)
    H = nx.ego_graph(G, centre, radius=depth, undirected=True)
    return H.copy()


def top_nodes(G: nx.MultiDiGraph, n: int, by: str = "papers",
              weights: dict[str, float] | None = None) -> nx.MultiDiGraph:
    """Keep the ``n`` most important nodes (:func:`node_weights`), ties by key.

    >>> list(top_nodes(_demo_graph(), 1).nodes)
    ['method:bert']
    """
    if n < 0:
        raise GraphError(f"--top/--max-nodes must be 0 or more, got {n}")
    if G.number_of_nodes() <= n:
        return G.copy()
    w = weights if weights is not None else node_weights(G, by)
    ranked = sorted(G.nodes, key=lambda v: (-w.get(v, 0.0), v))[:n]
    return G.subgraph(ranked).copy()


def overview_nodes(G: nx.MultiDiGraph, n: int, by: str = "papers", weights: dict[str, float] | None = None,
                   entity_share: float = 0.6) -> tuple[list[str], list[str]]:
    """A connected overview of at most ``n`` nodes: top entities, then the papers that link them.

    Ranking all nodes by paper count keeps only entities once the graph is big
    (every paper counts 1), and entities are rarely linked to each other directly,
    so the top-``n`` view would be a cloud of isolated dots. Instead
    ``entity_share`` of the budget goes to the most important entities
    (:func:`node_weights`) and the rest to papers (and results) adjacent to them:
    first greedily so that as many chosen entities as possible get a paper,
    then those adjacent to the most chosen entities. Chosen entities left without
    any link are dropped and their budget goes to more papers. Returns
    ``(entities, papers)``, each most important first.

    >>> G = _demo_graph()
    >>> _ = G.add_edge("paper:2", "method:vision transformer", key="USES", type="USES")
    >>> overview_nodes(G, 3)
    (['method:bert', 'method:vision transformer'], ['paper:2'])
    """
    import heapq  # noqa: PLC0415

    if n < 0:
        raise GraphError(f"--max-nodes must be 0 or more, got {n}")
    w = weights if weights is not None else node_weights(G, by)
    order = lambda v: (-w.get(v, 0.0), v)  # noqa: E731
    nbrs = lambda v: (*G.predecessors(v), *G.successors(v))  # noqa: E731
    all_entities = [v for v, d in G.nodes(data=True) if d.get("label") not in PER_PAPER_LABELS]
    n_other = G.number_of_nodes() - len(all_entities)
    k = min(len(all_entities), max(round(n * entity_share), n - n_other))
    entities = heapq.nsmallest(k, all_entities, key=order)
    chosen = set(entities)
    links: dict[str, set[str]] = {}
    for e in entities:
        for u in nbrs(e):
            if G.nodes[u].get("label") in PER_PAPER_LABELS:
                links.setdefault(u, set()).add(e)
    # 1. lazy greedy cover: the paper linking the most still-uncovered entities, ties by importance;
    #    when the budget runs out, the least important uncovered entity gives its place to a paper
    rank = {e: i for i, e in enumerate(entities)}
    uncovered = {e for e in chosen if not any(u in chosen and u != e for u in nbrs(e))}
    picked: list[str] = []
    heap = [(-len(es), *order(v)) for v, es in links.items()]
    heapq.heapify(heap)
    while uncovered and heap:
        if len(picked) >= n - len(chosen):
            e = max(uncovered, key=rank.__getitem__)
            uncovered.discard(e)
            chosen.discard(e)
            continue
        neg, _, v = heapq.heappop(heap)
        gain = len(links[v] & uncovered)
        if gain and gain < -neg:
            heapq.heappush(heap, (-gain, -w.get(v, 0.0), v))
        elif gain:
            picked.append(v)
            uncovered -= links[v]
    # 2. drop chosen entities that nothing kept links to
    keep = chosen | set(picked)
    chosen = {e for e in chosen if any(u in keep and u != e for u in nbrs(e))}
    # 3. fill the rest with the papers linking the most chosen entities, then (few papers) more entities
    seen = set(picked)
    rest = sorted((v for v in links if v not in seen), key=lambda v: (-len(links[v] & chosen), *order(v)))
    picked += rest[: n - len(chosen) - len(picked)]
    if len(chosen) + len(picked) < n:
        more = sorted((e for e in all_entities if e not in chosen), key=order)
        chosen.update(more[: n - len(chosen) - len(picked)])
    if len(chosen) + len(picked) < n:
        seen = set(picked)
        picked += sorted((v for v, d in G.nodes(data=True) if d.get("label") in PER_PAPER_LABELS and v not in seen),
                         key=order)[: n - len(chosen) - len(picked)]
    return sorted(chosen, key=order), picked


def apply_filters(G: nx.MultiDiGraph, spec: SubgraphSpec) -> nx.MultiDiGraph:
    """Apply every filter of ``spec``: since, focus, types, min papers, top.

    >>> H = apply_filters(_demo_graph(), SubgraphSpec(types=("Method",), min_papers=2))
    >>> list(H.nodes)
    ['method:bert']
    """
    H = G
    if spec.since:
        H = filter_since(H, spec.since)
    if spec.focus:
        H = ego_graph(H, spec.focus, spec.depth)
    if spec.types:
        H = filter_types(H, spec.types)
    if spec.min_papers:
        H = filter_min_papers(H, spec.min_papers)
    if spec.top is not None:
        H = top_nodes(H, spec.top, spec.rank_by)
    return H if H is not G else G.copy()
