"""Questions over the graph: counts, rankings, leaderboards, neighbours, co-occurrence, communities, trends.

Every function takes the ``networkx.MultiDiGraph`` of docs/schema.md and returns
plain rows (lists of dicts) or networkx graphs; the CLI only formats them.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("paper:1", label="Paper", date="2024-01-02", urls=[])
>>> G.add_node("method:bert", label="Method", name="BERT", aliases=["Bert"], paper_count=1)
>>> G.add_edge("paper:1", "method:bert", key="USES", type="USES", support=1)
'USES'
>>> [r["name"] for r in top(G, "Method")]
['BERT']
>>> find_entity(G, "bert")
'method:bert'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any, Iterable

import networkx as nx

from kg.errors import GraphError
from kg.resolve import match_key

__all__ = ["LABELS_BY_WORD", "stats", "top", "pagerank", "find_entity", "lower_is_better", "leaderboard",
           "related", "cooccurrence", "cooccurrence_rows", "entity_cooccurrence", "communities", "trends", "papers_of"]

LABELS_BY_WORD = {"methods": "Method", "datasets": "Dataset", "metrics": "Metric", "tasks": "Task"}
ENTITY_LABELS = ("Method", "Dataset", "Metric", "Task")
_LOWER = re.compile(r"error|perplexity|\bppl\b|\bfid\b|\bkid\b|\bmse\b|\bmae\b|rmse|latency|\bwer\b|\bcer\b|"
                    r"\bloss\b|\beer\b|distance|\bter\b|runtime|time|memory|\bnll\b|bits per|\bbpc\b|\bbpd\b|"
                    r"\bfpr\b|miss rate|chamfer|\bepe\b", re.I)


def _label(G: nx.MultiDiGraph, n: str) -> str | None:
    return G.nodes[n].get("label")


def papers_of(G: nx.MultiDiGraph, node: str, since: str | None = None) -> set[str]:
    """Paper keys with an edge to ``node`` (dated on/after ``since`` when given)."""
    out = set()
    for u in G.predecessors(node):
        if _label(G, u) == "Paper":
            if since is None or (G.nodes[u].get("date") or "") >= since:
                out.add(u)
    return out


def stats(G: nx.MultiDiGraph, n_top: int = 5) -> dict[str, Any]:
    """Counts by label and edge type, papers with code, the most-cited entities of each label.

    >>> stats(nx.MultiDiGraph())["nodes"]
    0
    """
    labels = Counter(d.get("label") for _, d in G.nodes(data=True))
    types = Counter(t for _, _, t in G.edges(keys=True))
    with_code = {u for u, _, t in G.edges(keys=True) if t == "HAS_CODE"}
    tops = {lab: [{"name": r["name"], "papers": r["papers"]} for r in top(G, lab, n=n_top)]
            for lab in ENTITY_LABELS}
    return {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "labels": dict(sorted(labels.items())), "edge_types": dict(sorted(types.items())),
            "papers": labels.get("Paper", 0), "papers_with_code": len(with_code),
            "ambiguous": sum(1 for _, d in G.nodes(data=True) if d.get("ambiguous")), "top": tops}


def pagerank(G: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank over the graph with parallel edges collapsed (weight = support)."""
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes)
    for u, v, d in G.edges(data=True):
        w = d.get("support") or 1
        if D.has_edge(u, v):
            D[u][v]["weight"] += w
        else:
            D.add_edge(u, v, weight=w)
    if D.number_of_nodes() == 0:
        return {}
    return nx.pagerank(D, weight="weight")


def top(G: nx.MultiDiGraph, label: str, by: str = "papers", since: str | None = None, n: int = 20,
        ranks: dict[str, float] | None = None) -> list[dict[str, Any]]:
    """The ``n`` entities of ``label`` with most papers (or highest PageRank), ties by name."""
    if by not in ("papers", "pagerank"):
        raise GraphError(f"unknown ranking {by!r}: use 'papers' or 'pagerank'")
    if by == "pagerank" and ranks is None:
        ranks = pagerank(G)
    rows = []
    for k, d in G.nodes(data=True):
        if d.get("label") != label:
            continue
        papers = len(papers_of(G, k, since)) if since else d.get("paper_count") or len(papers_of(G, k))
        if since and not papers:
            continue
        row = {"name": d.get("name", k), "key": k, "papers": papers}
        if by == "pagerank":
            row["pagerank"] = round(ranks.get(k, 0.0), 6)
        rows.append(row)
    sort = (lambda r: (-r["pagerank"], r["name"])) if by == "pagerank" else (lambda r: (-r["papers"], r["name"]))
    rows.sort(key=sort)
    return [{"rank": i, **r} for i, r in enumerate(rows[:n], 1)]


def find_entity(G: nx.MultiDiGraph, name: str, labels: Iterable[str] = ENTITY_LABELS) -> str:
    """Node key for a name, alias or key (case-insensitive; plurals and hyphens folded).

    Raises GraphError naming close candidates when nothing matches.
    """
    labels = set(labels)
    if name in G and G.nodes[name].get("label") in labels:
        return name
    want, mk = name.strip().lower(), match_key(name)
    exact, folded = [], []
    for k, d in G.nodes(data=True):
        if d.get("label") not in labels:
            continue
        forms = [d.get("name") or "", *(d.get("aliases") or []), *(d.get("long_forms") or [])]
        if any(f.lower() == want for f in forms):
            exact.append((-(d.get("paper_count") or 0), k))
        elif any(match_key(f) == mk for f in forms):
            folded.append((-(d.get("paper_count") or 0), k))
    for cands in (exact, folded):
        if cands:
            return min(cands)[1]
    raise GraphError(f"no {'/'.join(sorted(labels))} named {name!r} in the graph; "
                     "try `kg top methods` or `kg top datasets` to see the names it holds")


def lower_is_better(metric: str | None) -> bool:
    """Whether smaller values of ``metric`` are better.

    >>> [lower_is_better(m) for m in ("Top-1 error", "accuracy", "FID", "WER", "BLEU", "latency")]
    [True, False, True, True, False, True]
    """
    return bool(metric and _LOWER.search(metric))


def leaderboard(G: nx.MultiDiGraph, dataset: str, metric: str | None = None) -> list[dict[str, Any]]:
    """Results on ``dataset`` (name or alias), best first per metric; absolute values before gains."""
    dkey = find_entity(G, dataset, ("Dataset",))
    mkey = find_entity(G, metric, ("Metric",)) if metric else None
    rows = []
    for r in G.predecessors(dkey):
        d = G.nodes[r]
        if d.get("label") != "Result":
            continue
        rm = [v for _, v, t in G.out_edges(r, keys=True) if t == "MEASURED_BY"]
        if mkey and mkey not in rm:
            continue
        meth = [v for _, v, t in G.out_edges(r, keys=True) if t == "ACHIEVED_BY"]
        paper = f"paper:{d.get('paper')}"
        p = G.nodes[paper] if paper in G else {}
        rows.append({"dataset": G.nodes[dkey].get("name"), "metric": G.nodes[rm[0]]["name"] if rm else d.get("metric"),
                     "value": d.get("value"), "numeric": d.get("numeric"), "unit": d.get("unit"), "kind": d.get("kind"),
                     "method": G.nodes[meth[0]]["name"] if meth else d.get("method"),
                     "paper": d.get("paper"), "title": p.get("title"), "date": p.get("date")})

    def order(r):
        num = r["numeric"]
        worst = num is None
        val = 0.0 if worst else (num if lower_is_better(r["metric"]) else -num)
        return (r["metric"] or "", r["kind"] != "absolute", worst, val, r["paper"] or "")
    rows.sort(key=order)
    return [{"rank": i, **r} for i, r in enumerate(rows, 1)]


#: (field, edge type, direction): "out" = edges from the entity, "in" = edges into it.
#: Fields that do not apply to an entity's label simply stay empty.
_RELATED = (("evaluated_on", "EVALUATED_ON", "out"), ("methods_evaluated", "EVALUATED_ON", "in"),
            ("applied_to", "APPLIED_TO", "out"), ("methods_applied", "APPLIED_TO", "in"),
            ("outperforms", "OUTPERFORMS", "out"), ("outperformed_by", "OUTPERFORMS", "in"),
            ("based_on", "BASED_ON", "out"), ("basis_for", "BASED_ON", "in"),
            ("proposed_by", "PROPOSES", "in"), ("used_by", "USES", "in"),
            ("evaluated_in", "EVALUATES_ON", "in"), ("addressed_by", "ADDRESSES", "in"),
            ("measured_in", "MEASURES", "in"))
_RESULT_ATTR = {"ACHIEVED_BY": "method", "ON_DATASET": "dataset", "MEASURED_BY": "metric", "FOR_TASK": "task"}


def related(G: nx.MultiDiGraph, name: str) -> dict[str, Any]:
    """Everything linked to an entity, both directions, with support (distinct papers).

    For a Method: what it is evaluated on, applied to, outperforms / is outperformed by,
    is based on / is the basis for, and the papers proposing and using it. For a Dataset:
    the methods evaluated on it and the papers proposing, using and evaluating on it. For
    a Task / Metric: the methods applied to it, the papers addressing / measuring it.
    ``results_with`` lists the entities that share leaderboard rows (Result nodes) with it,
    support = number of rows.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("paper:1", label="Paper", title="T")
    >>> G.add_node("method:m", label="Method", name="M"); G.add_node("dataset:d", label="Dataset", name="D")
    >>> _ = G.add_edge("method:m", "dataset:d", key="EVALUATED_ON", support=2)
    >>> _ = G.add_edge("paper:1", "dataset:d", key="USES", support=1)
    >>> r = related(G, "D")
    >>> [x["name"] for x in r["methods_evaluated"]], [x["key"] for x in r["used_by"]]
    (['M'], ['paper:1'])
    """
    key = find_entity(G, name)
    out: dict[str, Any] = {"key": key, "name": G.nodes[key].get("name"), "label": G.nodes[key].get("label")}
    for field, etype, direction in _RELATED:
        edges = G.out_edges(key, keys=True, data=True) if direction == "out" else G.in_edges(key, keys=True, data=True)
        rows = []
        for u, v, t, d in edges:
            if t != etype:
                continue
            other = v if direction == "out" else u
            od = G.nodes[other]
            rows.append({"name": od.get("name") or od.get("title") or other, "key": other,
                         "support": d.get("support", 1)})
        rows.sort(key=lambda r: (-r["support"], r["name"], r["key"]))
        out[field] = rows
    counts: Counter = Counter()
    for res, _, t in G.in_edges(key, keys=True):
        if t not in _RESULT_ATTR or _label(G, res) != "Result":
            continue
        for _, other, t2 in G.out_edges(res, keys=True):
            if t2 in _RESULT_ATTR and other != key:
                counts[other] += 1
    out["results_with"] = sorted(({"name": G.nodes[o].get("name") or o, "key": o, "support": c}
                                  for o, c in counts.items()), key=lambda r: (-r["support"], r["name"], r["key"]))
    return out


def cooccurrence(G: nx.MultiDiGraph, a: str = "Method", b: str = "Dataset") -> nx.Graph:
    """Entities of labels ``a`` and ``b`` linked when one paper has both; ``weight`` = shared papers."""
    C = nx.Graph()
    by_paper: dict[str, list[str]] = defaultdict(list)
    for u, v in G.edges():
        if _label(G, u) == "Paper" and _label(G, v) in (a, b):
            by_paper[u].append(v)
    for p, ents in by_paper.items():
        ents = sorted(set(ents))
        for i, x in enumerate(ents):
            for y in ents[i + 1:]:
                lx, ly = _label(G, x), _label(G, y)
                if {lx, ly} == {a, b} or (a == b and lx == ly == a):
                    if C.has_edge(x, y):
                        C[x][y]["weight"] += 1
                    else:
                        C.add_edge(x, y, weight=1)
    for n in C:
        C.nodes[n].update(label=_label(G, n), name=G.nodes[n].get("name"))
    return C


def cooccurrence_rows(G: nx.MultiDiGraph, a: str = "Method", b: str = "Dataset", n: int = 20) -> list[dict]:
    """The ``n`` heaviest pairs of :func:`cooccurrence`, ``a`` first."""
    C = cooccurrence(G, a, b)
    rows = []
    for x, y, d in C.edges(data=True):
        if C.nodes[x]["label"] != a:
            x, y = y, x
        rows.append({a.lower(): C.nodes[x]["name"], b.lower(): C.nodes[y]["name"], "papers": d["weight"]})
    rows.sort(key=lambda r: (-r["papers"], r[a.lower()], r[b.lower()]))
    return rows[:n]


def entity_cooccurrence(G: nx.MultiDiGraph, labels: Iterable[str] = ENTITY_LABELS) -> nx.Graph:
    """Entities of any of ``labels`` linked when a paper has both; ``weight`` = shared papers.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("paper:1", label="Paper"); G.add_node("method:a", label="Method"); G.add_node("task:b", label="Task")
    >>> _ = G.add_edge("paper:1", "method:a", key="USES"); _ = G.add_edge("paper:1", "task:b", key="ADDRESSES")
    >>> list(entity_cooccurrence(G).edges(data="weight"))
    [('method:a', 'task:b', 1)]
    """
    labels = set(labels)
    C = nx.Graph()
    by_paper: dict[str, set[str]] = defaultdict(set)
    for u, v in G.edges():
        if _label(G, u) == "Paper" and _label(G, v) in labels:
            by_paper[u].add(v)
    for ents in by_paper.values():
        ents = sorted(ents)
        for i, x in enumerate(ents):
            for y in ents[i + 1:]:
                w = C[x][y]["weight"] + 1 if C.has_edge(x, y) else 1
                C.add_edge(x, y, weight=w)
    return C


def communities(G: nx.MultiDiGraph, seed: int = 42, min_size: int = 2, labels=ENTITY_LABELS) -> list[dict]:
    """Louvain communities (fixed seed) of the entity co-occurrence graph, largest first."""
    C = entity_cooccurrence(G, labels)
    if C.number_of_edges() == 0:
        return []
    parts = nx.community.louvain_communities(C, weight="weight", seed=seed)
    rows = []
    for members in parts:
        if len(members) < min_size:
            continue
        ranked = sorted(members, key=lambda k: (-(G.nodes[k].get("paper_count") or 0), k))
        rows.append({"size": len(members), "members": [G.nodes[k].get("name") for k in ranked],
                     "keys": ranked})
    rows.sort(key=lambda r: (-r["size"], r["keys"][0]))
    return [{"community": i, **r} for i, r in enumerate(rows, 1)]


def trends(G: nx.MultiDiGraph, label: str = "Method", n: int = 5, since: str | None = None) -> list[dict]:
    """Papers per month for the ``n`` entities of ``label`` with most dated papers."""
    seen: dict[tuple[str, str], set] = defaultdict(set)
    for u, v in G.edges():
        if _label(G, v) == label and _label(G, u) == "Paper":
            date = G.nodes[u].get("date") or ""
            if len(date) >= 7 and (since is None or date >= since):
                seen[(v, date[:7])].add(u)
    totals: Counter = Counter()
    for (k, month), ps in seen.items():
        totals[k] += len(ps)
    chosen = sorted(totals, key=lambda k: (-totals[k], k))[:n]
    rows = [{"month": month, "name": G.nodes[k].get("name"), "papers": len(ps)}
            for (k, month), ps in seen.items() if k in chosen]
    rows.sort(key=lambda r: (r["month"], -r["papers"], r["name"]))
    return rows
