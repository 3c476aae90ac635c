"""Interactive HTML view of the graph: pyvis/vis-network, inlined, opens offline.

:func:`to_pyvis` is pure (graph -> ``pyvis.network.Network`` with styled nodes
and edges, tooltips as structured data); :func:`render_html` fills the page
template (``templates/graph.html``) with vis-network's JavaScript and CSS
inlined from the pyvis package, a legend with type toggles, a search box and
the data as escaped JSON; :func:`write_html` caps big graphs and writes the file.

Nothing from the input is ever parsed as HTML: tooltips are built in the page
with ``textContent`` (vis-network would render string ``title`` values as
HTML), the data sits in a JSON ``<script>`` block with ``<``, ``>`` and ``&``
escaped, and links are kept only when they are ``http(s)`` URLs.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("method:bert", label="Method", key="method:bert", name="<b>BERT</b>", aliases=["Bert"], paper_count=2)
>>> net = to_pyvis(G)
>>> net.nodes[0]["label"], net.nodes[0]["tip"]["rows"][0]
('<b>BERT</b>', ('aliases', 'Bert'))
>>> "<b>BERT</b>" in render_html(net)
False
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO, Any

import jinja2
import networkx as nx
from pyvis.network import Network

from kg.errors import GraphError
from kg.export.subgraph import node_weights, overview_nodes, paper_count
from kg.models import EDGE_TYPES, NODE_LABELS

__all__ = [
    "NODE_STYLE", "EDGE_COLORS", "DEFAULT_MAX_NODES", "HtmlResult",
    "cap_graph", "to_pyvis", "render_html", "write_html", "physics_options", "safe_json", "label_px",
]

DEFAULT_MAX_NODES = 2000

#: label -> (colour, vis-network shape); labels come only from kg.models.NODE_LABELS.
NODE_STYLE: dict[str, tuple[str, str]] = {
    "Paper": ("#9aa5b1", "dot"),
    "Method": ("#2f80ed", "dot"),
    "Dataset": ("#f2994a", "diamond"),
    "Metric": ("#27ae60", "triangle"),
    "Task": ("#9b51e0", "star"),
    "Repository": ("#333f4b", "square"),
    "Result": ("#eb5757", "triangleDown"),
}
_EDGE_PALETTE = ("#b8c2cc", "#56a0f5", "#f5a25d", "#6fcf97", "#bb86fc", "#7b8794", "#f28b8b", "#1c64b5",
                 "#0f9d58", "#d93025", "#8e44ad", "#e67e22", "#16a085", "#c0392b", "#2c3e50")
#: edge type -> colour.
EDGE_COLORS: dict[str, str] = dict(zip(EDGE_TYPES, _EDGE_PALETTE))

_MAX_LABEL = 40
#: legend glyph per vis-network shape (text, so the legend needs no images).
_GLYPH = {"dot": "\u25cf", "diamond": "\u25c6", "triangle": "\u25b2", "star": "\u2605", "square": "\u25a0",
          "triangleDown": "\u25bc"}
#: on-screen label size (px) at the fitted zoom: the top entity gets _TOP_PX, papers and results _MINOR_PX.
_TOP_PX, _MINOR_PX, _LABEL_K = 19.0, 4.5, 14
_MAX_EVIDENCE = 3
_MAX_LINKS = 4


@dataclass(frozen=True, slots=True)
class HtmlResult:
    """What :func:`write_html` wrote: counts, and what the node cap cut (or ``None``)."""

    path: str
    nodes: int
    edges: int
    notice: str | None
    bytes: int


def _short(text: str, n: int = _MAX_LABEL) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _display(v: str, d: dict) -> str:
    if d.get("label") == "Result":
        metric = d.get("metric") or "result"
        return f"{metric} = {d.get('value', '?')}{d.get('unit') or ''}"
    return str(d.get("name") or d.get("title") or d.get("url") or v)


def _is_url(url: Any) -> bool:
    return isinstance(url, str) and url.lower().startswith(("http://", "https://")) and not any(
        c in url for c in " \"'<>\n")


def _paper_links(d: dict) -> list[tuple[str, str]]:
    links = []
    if d.get("arxiv_id"):
        links.append(("arXiv", f"https://arxiv.org/abs/{d['arxiv_id']}"))
    if d.get("doi"):
        links.append(("DOI", f"https://doi.org/{d['doi']}"))
    links += [("link", u) for u in d.get("urls") or () if _is_url(u)]
    return links


def _evidence(edges: list[dict]) -> list[str]:
    out: list[str] = []
    ranked = sorted(edges, key=lambda e: (-(e.get("support") or 0), -(e.get("confidence") or 0)))
    for e in ranked:
        for ev in e.get("evidence") or ():
            s = ev.get("sentence") if isinstance(ev, dict) else None
            if s and s not in out:
                out.append(s)
            if len(out) >= _MAX_EVIDENCE:
                return out
    return out


def _node_tip(G: nx.MultiDiGraph, v: str, d: dict) -> dict:
    label = d.get("label", "")
    rows: list[tuple[str, Any]] = []
    links: list[tuple[str, str]] = []
    in_edges = [e for _, _, e in G.in_edges(v, data=True)]
    if label == "Paper":
        for k in ("date", "venue"):
            if d.get(k):
                rows.append((k, d[k]))
        if d.get("authors"):
            a = list(d["authors"])
            rows.append(("authors", ", ".join(a[:5]) + (" et al." if len(a) > 5 else "")))
        links = _paper_links(d)
        evidence = _evidence([e for _, _, e in G.out_edges(v, data=True)])
    elif label == "Result":
        for k in ("metric", "value", "unit", "dataset", "method", "task", "paper"):
            if d.get(k) is not None:
                rows.append((k, d[k]))
        evidence = [d["sentence"]] if d.get("sentence") else []
    else:
        if d.get("aliases"):
            rows.append(("aliases", ", ".join(map(str, d["aliases"]))))
        rows.append(("papers", paper_count(d)))
        if d.get("catalog_id"):
            rows.append(("catalog", d["catalog_id"]))
        if label == "Repository" and _is_url(d.get("url")):
            links.append(("repository", d["url"]))
        evidence = _evidence(in_edges)
        for u, _, e in G.in_edges(v, data=True):
            pd = G.nodes[u]
            if pd.get("label") == "Paper" and len(links) < _MAX_LINKS:
                links += [(f"{name}: {_short(pd.get('title') or u, 30)}", url)
                          for name, url in _paper_links(pd)[:1]]
    return {"h": _display(v, d), "sub": f"{label} \u00b7 {v}", "rows": rows, "ev": evidence,
            "links": links[:_MAX_LINKS]}


def _edge_tip(G: nx.MultiDiGraph, u: str, v: str, d: dict) -> dict:
    rows = [(k, d[k]) for k in ("support", "confidence") if d.get(k) is not None]
    papers = list(d.get("papers") or ())
    if papers:
        rows.append(("papers", ", ".join(map(str, papers[:5])) + (" \u2026" if len(papers) > 5 else "")))
    links = []
    for p in papers[:_MAX_LINKS]:
        pd = G.nodes.get(f"paper:{p}")
        if pd:
            links += [(f"{name} {p}", url) for name, url in _paper_links(pd)[:1]]
    return {"h": f"{_short(_display(u, G.nodes[u]))} \u2192 {d.get('type', '')} \u2192 {_short(_display(v, G.nodes[v]))}",
            "sub": d.get("type", ""), "rows": rows, "ev": _evidence([d]), "links": links}


def label_px(ranked: list[str], minor: set[str] | frozenset = frozenset(), *, top_px: float = _TOP_PX,
             k: int = _LABEL_K, minor_px: float = _MINOR_PX) -> dict[str, float]:
    """On-screen label size, in pixels at the zoom that fits the whole graph, per node.

    ``ranked`` lists nodes most important first. The first entity gets ``top_px``,
    the ``k``-th about 60 % of it, and sizes decay from there; ``minor`` nodes
    (papers, results) get ``minor_px``. The page divides these by the fitted zoom
    scale and hides labels under 9 px, so about ``2 * k`` entity labels are
    readable at first and the rest appear as the user zooms in (a label of ``p`` px
    shows from a zoom of ``9 / p`` times the fitted one).

    >>> px = label_px(["a", "b", "p"], {"p"}, k=1)
    >>> px["a"], round(px["b"], 1), px["p"]
    (19.0, 11.7, 4.5)
    """
    out: dict[str, float] = {}
    rank = 0
    for v in ranked:
        if v in minor:
            out[v] = minor_px
        else:
            out[v] = round(top_px * (k / (rank + k)) ** 0.7, 2)
            rank += 1
    return out


def physics_options(n_nodes: int) -> dict:
    """vis-network options: bounded stabilisation, then frozen by the page.

    Iterations shrink as the graph grows so a 2,000-node view settles in a few
    seconds; ``improvedLayout`` (quadratic) is only used for small graphs.

    >>> [physics_options(n)["physics"]["stabilization"]["iterations"] for n in (50, 2000, 10_000)]
    [300, 40, 30]
    >>> physics_options(5000)["layout"]["improvedLayout"]
    False
    """
    small = n_nodes <= 300
    iterations = 300 if small else max(30, min(300, 80_000 // max(n_nodes, 1)))
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 7},
        "physics": {
            "enabled": n_nodes > 0,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -220 if small else -60, "centralGravity": 0.012,
                                 "springLength": 160 if small else 90, "springConstant": 0.05, "damping": 0.5,
                                 "avoidOverlap": 0.6 if small else 0,
                                 # coarser Barnes-Hut for big graphs: 2.5x faster repulsion, same picture
                                 "theta": 0.5 if small else 1.0},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True},
            "minVelocity": 1.0, "maxVelocity": 60, "timestep": 0.5,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 500,
                        "navigationButtons": False, "multiselect": True},
        # label sizes are set per node by the page once the layout is fitted (see label_px)
        "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3,
                                             "strokeColor": "#ffffff"},
                  "scaling": {"min": 8, "max": 40,
                              "label": {"enabled": False, "drawThreshold": 10, "maxVisible": 22}}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
                  "width": 1, "selectionWidth": 2, "hoverWidth": 1.5,
                  "color": {"inherit": False, "opacity": 0.55}},
    }


def cap_graph(G: nx.MultiDiGraph, max_nodes: int | None = DEFAULT_MAX_NODES, by: str = "papers",
              weights: dict[str, float] | None = None) -> tuple[nx.MultiDiGraph, str | None]:
    """At most ``max_nodes`` nodes: the top entities and the papers linking them; say what was cut.

    See :func:`kg.export.subgraph.overview_nodes` for the choice.

    >>> G = nx.MultiDiGraph(); G.add_nodes_from(["a", "b", "c"], label="Method")
    >>> H, notice = cap_graph(G, 2)
    >>> H.number_of_nodes(), notice.split(";")[0]
    (2, 'Showing 2 of 3 nodes: the 2 entities with the most papers and 0 papers linking the most of them')
    """
    if max_nodes is None or max_nodes <= 0 or G.number_of_nodes() <= max_nodes:
        return G, None
    entities, others = overview_nodes(G, max_nodes, by, weights)
    H = G.subgraph([*entities, *others]).copy()
    what = "the highest PageRank" if by == "pagerank" else "the most papers"
    n = G.number_of_nodes()
    m = sum(len(keys) for _, nbrs in G.adjacency() for keys in nbrs.values()) if G.is_multigraph() \
        else G.number_of_edges()  # the raw dicts: networkx's own count builds a view per node
    notice = (f"Showing {H.number_of_nodes():,} of {n:,} nodes: the {len(entities):,} entities with {what} and "
              f"{len(others):,} papers linking the most of them; {n - H.number_of_nodes():,} nodes and "
              f"{m - H.number_of_edges():,} edges were cut. To see more: raise --max-nodes (0 = no cap), or narrow "
              f"the view with --focus NAME --depth N, --types, --min-papers or --since.")
    return H, notice


def to_pyvis(G: nx.MultiDiGraph, *, size_by: str = "papers", heading: str = "Knowledge graph",
             weights: dict[str, float] | None = None) -> Network:
    """Styled ``pyvis`` network for ``G``; each node/edge carries a structured ``tip``.

    ``size_by`` is ``"papers"`` (paper count) or ``"pagerank"``. Nothing is
    escaped here: the page template escapes the data and builds tooltips safely.
    """
    if size_by not in ("papers", "pagerank"):
        raise GraphError(f"unknown --size-by {size_by!r}: use 'papers' or 'pagerank'")
    if weights is None:
        weights = node_weights(G, "pagerank") if size_by == "pagerank" else None
    net = Network(directed=True, cdn_resources="in_line", heading=heading)
    minor = {v for v, d in G.nodes(data=True) if d.get("label") in ("Paper", "Result")}
    importance = weights if weights is not None else {v: paper_count(d) for v, d in G.nodes(data=True)}
    ranked = sorted(G.nodes, key=lambda v: (-importance.get(v, 0.0), -G.degree(v), str(v)))
    px = label_px(ranked, minor)
    for v, d in G.nodes(data=True):
        label = d.get("label") if d.get("label") in NODE_STYLE else "Paper"
        color, shape = NODE_STYLE[label]
        if weights is not None:
            value = round(1 + 1000 * weights.get(v, 0.0), 3)
        else:
            value = math.log2(1 + paper_count(d)) if label not in ("Paper", "Result") else 0.5
        names = [_display(v, d), *map(str, d.get("aliases") or ()), v]
        extra = {"font": {"color": "#52606d"}} if v in minor else {}
        net.add_node(v, label=_short(_display(v, d), 30 if extra else _MAX_LABEL), shape=shape, color=color,
                     value=value, kgLabel=label, labelPx=px[v], search="\n".join(n.lower() for n in names),
                     tip=_node_tip(G, v, d), **extra)
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        etype = str(d.get("type", k))
        # appended directly: pyvis's add_edge scans every node per edge (quadratic)
        net.edges.append({"id": f"e{i}", "from": u, "to": v, "kgType": etype,
                          "color": EDGE_COLORS.get(etype, "#b8c2cc"),
                          "width": 1 + min(4.0, math.log2(1 + (d.get("support") or 1)) - 1),
                          "tip": _edge_tip(G, u, v, d)})
    net.options = physics_options(len(net.nodes))
    return net


def safe_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>``, ``&`` or line separators.

    >>> safe_json({"t": "</script><b>&"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, default=str)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _vis_asset(name: str) -> str:
    import pyvis
    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GraphError(f"pyvis is installed without its vis-network assets ({path}): {exc}; "
                         f"reinstall pyvis") from exc


def render_html(net: Network, notice: str | None = None, size_by: str = "papers") -> str:
    """The complete, self-contained page for ``net`` (from :func:`to_pyvis`)."""
    template_text = resources.files("kg.export").joinpath("templates/graph.html").read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    counts_n: dict[str, int] = {}
    for n in net.nodes:
        counts_n[n["kgLabel"]] = counts_n.get(n["kgLabel"], 0) + 1
    counts_e: dict[str, int] = {}
    for e in net.edges:
        counts_e[e["kgType"]] = counts_e.get(e["kgType"], 0) + 1
    node_legend = [{"name": lab, "color": NODE_STYLE[lab][0], "shape": NODE_STYLE[lab][1],
                    "glyph": _GLYPH.get(NODE_STYLE[lab][1], "\u25cf"), "count": counts_n[lab]}
                   for lab in NODE_LABELS if lab in counts_n]
    edge_legend = [{"name": t, "color": EDGE_COLORS[t], "count": counts_e[t]} for t in EDGE_TYPES if t in counts_e]
    edge_legend += [{"name": t, "color": "#b8c2cc", "count": c} for t, c in counts_e.items() if t not in EDGE_COLORS]
    data = {"nodes": net.nodes, "edges": net.edges, "options": net.options}
    return env.from_string(template_text).render(
        heading=net.heading, vis_css=_vis_asset("vis-network.css"), vis_js=_vis_asset("vis-network.min.js"),
        data_json=safe_json(data), node_legend=node_legend, edge_legend=edge_legend, notice=notice,
        n_nodes=len(net.nodes), n_edges=len(net.edges),
        size_by="PageRank" if size_by == "pagerank" else "paper count (log)")


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike | IO[str], *, size_by: str = "papers",
               max_nodes: int | None = DEFAULT_MAX_NODES, heading: str = "Knowledge graph") -> HtmlResult:
    """Cap ``G`` to ``max_nodes`` (by paper count or PageRank), render and write the page."""
    if size_by not in ("papers", "pagerank"):
        raise GraphError(f"unknown --size-by {size_by!r}: use 'papers' or 'pagerank'")
    weights = node_weights(G, "pagerank") if size_by == "pagerank" else None
    H, notice = cap_graph(G, max_nodes, size_by, weights)
    net = to_pyvis(H, size_by=size_by, heading=heading, weights=weights)
    html = render_html(net, notice, size_by)
    if hasattr(path, "write"):
        path.write(html)
        name = getattr(path, "name", "<stream>")
    else:
        name = str(path)
        try:
            Path(path).write_text(html, encoding="utf-8")
        except OSError as exc:
            raise GraphError(f"cannot write {path}: {exc}") from exc
    return HtmlResult(path=name, nodes=H.number_of_nodes(), edges=H.number_of_edges(), notice=notice,
                      bytes=len(html.encode("utf-8")))
