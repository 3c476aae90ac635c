"""Standard file exports of the graph: GraphML, GEXF, node-link JSON and CSV.

Every ``write_*`` takes a path or an open binary/text file (CSV: a directory)
and has a ``read_*`` partner that gives back the schema graph. Lists and dicts
become JSON strings where the format cannot hold them; ``None`` values are
dropped. GEXF reserves ``id``, ``label``, ``key`` and edge ``type``, so there
the schema's attributes are stored as ``kg_id``, ``kg_label``, ``kg_key`` and
``kg_type`` and the GEXF label is the node's display name (what Gephi shows).

>>> import io
>>> G = nx.MultiDiGraph()
>>> G.add_node("method:bert", label="Method", key="method:bert", name="BERT", aliases=["Bert"])
>>> G.add_node("paper:1", label="Paper", key="paper:1", id="1", title="T", doi=None)
>>> _ = G.add_edge("paper:1", "method:bert", key="USES", type="USES", papers=["1"], support=1)
>>> buf = io.BytesIO(); write_graphml(G, buf); _ = buf.seek(0)
>>> H = read_graphml(buf)
>>> H.nodes["method:bert"]["aliases"], list(H.edges(keys=True))
(['Bert'], [('paper:1', 'method:bert', 'USES')])
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.errors import GraphError, InputError

__all__ = [
    "FORMATS", "flatten_value", "unflatten_value", "flat_graph",
    "write_graphml", "read_graphml", "write_gexf", "read_gexf",
    "write_json", "read_json", "write_csv", "read_csv", "write_format",
]

PathOrFile = str | os.PathLike | IO

_GEXF_NODE = {"id": "kg_id", "label": "kg_label", "key": "kg_key"}
_GEXF_EDGE = {"id": "kg_id", "type": "kg_type", "key": "kg_key"}
_NODE_COLUMNS = ("key", "label")
_EDGE_COLUMNS = ("source", "target", "type")


def flatten_value(value: Any) -> Any:
    """A value a flat format can hold: lists and dicts as JSON strings.

    >>> flatten_value(["a", "b"]), flatten_value(3), flatten_value({"p": 1})
    ('["a", "b"]', 3, '{"p": 1}')
    """
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def unflatten_value(value: Any) -> Any:
    """Inverse of :func:`flatten_value`: JSON list/dict strings back to objects.

    >>> unflatten_value('["a"]'), unflatten_value("[not json"), unflatten_value(2.0)
    (['a'], '[not json', 2.0)
    """
    if isinstance(value, str) and value[:1] in "[{" and value:
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _flat_attrs(data: dict, rename: dict[str, str] | None = None) -> dict:
    rename = rename or {}
    return {rename.get(k, k): flatten_value(v) for k, v in data.items() if v is not None}


def flat_graph(G: nx.MultiDiGraph, node_rename: dict[str, str] | None = None,
               edge_rename: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """Copy of ``G`` with list/dict attributes as JSON strings and ``None`` dropped."""
    H = nx.MultiDiGraph()
    for v, d in G.nodes(data=True):
        H.add_node(v, **_flat_attrs(d, node_rename))
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **_flat_attrs(d, edge_rename))
    return H


def _unflat_graph(G: nx.MultiGraph, node_rename: dict[str, str] | None = None,
                  edge_rename: dict[str, str] | None = None) -> nx.MultiDiGraph:
    back_n = {v: k for k, v in (node_rename or {}).items()}
    back_e = {v: k for k, v in (edge_rename or {}).items()}
    H = nx.MultiDiGraph()
    for v, d in G.nodes(data=True):
        H.add_node(v, **{back_n.get(a, a): unflatten_value(x) for a, x in d.items()})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **{back_e.get(a, a): unflatten_value(x) for a, x in d.items()})
    return H


def _display_name(v: str, d: dict) -> str:
    return str(d.get("name") or d.get("title") or d.get("url") or v)


def write_graphml(G: nx.MultiDiGraph, path: PathOrFile) -> None:
    """GraphML (Gephi, yEd, networkx); lists/dicts as JSON strings."""
    nx.write_graphml(flat_graph(G), path, named_key_ids=True)


def read_graphml(path: PathOrFile) -> nx.MultiDiGraph:
    """Read :func:`write_graphml` output back into the schema graph."""
    try:
        G = nx.read_graphml(path, force_multigraph=True)
    except Exception as exc:  # networkx raises several types for bad XML
        raise InputError(f"not a readable GraphML file: {exc}", path=str(path)) from exc
    return _unflat_graph(G)


def write_gexf(G: nx.MultiDiGraph, path: PathOrFile) -> None:
    """GEXF 1.2 (Gephi). Reserved names are stored as ``kg_*`` (see module doc)."""
    H = flat_graph(G, _GEXF_NODE, _GEXF_EDGE)
    for v, d in H.nodes(data=True):
        d["label"] = _display_name(v, G.nodes[v])
    nx.write_gexf(H, path)


def read_gexf(path: PathOrFile) -> nx.MultiDiGraph:
    """Read :func:`write_gexf` output back into the schema graph."""
    try:
        G = nx.read_gexf(path)
    except Exception as exc:
        raise InputError(f"not a readable GEXF file: {exc}", path=str(path)) from exc
    if not G.is_multigraph():
        G = nx.MultiDiGraph(G)
    for _, d in G.nodes(data=True):
        d.pop("label", None)
    for _, _, d in G.edges(data=True):
        d.pop("id", None)
    H = _unflat_graph(G, _GEXF_NODE, _GEXF_EDGE)
    # networkx stores the edge key as "networkx_key"; rebuild edges keyed by type
    out = nx.MultiDiGraph()
    out.add_nodes_from(H.nodes(data=True))
    for u, v, d in H.edges(data=True):
        key = d.pop("networkx_key", d.get("type"))
        out.add_edge(u, v, key=key, **d)
    return out


def write_json(G: nx.MultiDiGraph, path: PathOrFile) -> None:
    """Node-link JSON (``networkx.node_link_data(G, edges="edges", name="key")``), keys sorted.

    The node id field is ``key`` (equal to the node's ``key`` property), so a
    Paper's own ``id`` property is kept. A path ending in ``.gz`` is gzip-compressed.
    """
    data = nx.node_link_data(G, edges="edges", name="key")
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    if isinstance(path, (str, os.PathLike)):
        p = Path(path)
        if p.suffix == ".gz":
            with gzip.GzipFile(p, "wb", mtime=0) as fh:
                fh.write(text.encode("utf-8"))
        else:
            p.write_text(text, encoding="utf-8")
    elif isinstance(path, io.TextIOBase):
        path.write(text)
    else:
        path.write(text.encode("utf-8"))


def read_json(path: PathOrFile) -> nx.MultiDiGraph:
    """Read node-link JSON (optionally gzip'd) into a ``MultiDiGraph``.

    Accepts :func:`write_json` output and plain ``node_link_data(G, edges="edges")``.
    """
    try:
        if isinstance(path, (str, os.PathLike)):
            raw = Path(path).read_bytes()
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
        else:
            raw = path.read()
        data = json.loads(raw)
        nodes = data.get("nodes") or []
        # written by write_json (id field "key"), or plain node_link_data (id field "id")
        name = "id" if all("id" in n and n["id"] == n.get("key", n["id"]) for n in nodes) else "key"
        G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges", name=name)
        if name == "key":
            for v, d in G.nodes(data=True):
                d["key"] = v
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a node-link JSON graph: {exc}", path=str(path),
                         hint="write one with `kg export json`") from exc
    return G


def write_csv(G: nx.MultiDiGraph, directory: str | os.PathLike) -> tuple[Path, Path]:
    """``nodes.csv`` (key, label, ...) and ``edges.csv`` (source, target, type, ...) in ``directory``.

    Columns are the union of attribute names, sorted after the fixed ones;
    lists/dicts are JSON strings, missing values empty. Returns both paths.
    """
    d = Path(directory)
    try:
        d.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GraphError(f"cannot create output directory {d}: {exc}") from exc
    node_cols = sorted({a for _, a in G.nodes(data=True) for a in a} - set(_NODE_COLUMNS))
    edge_cols = sorted({a for *_, a in G.edges(keys=True, data=True) for a in a} - set(_EDGE_COLUMNS))
    nodes_path, edges_path = d / "nodes.csv", d / "edges.csv"
    with open(nodes_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow([*_NODE_COLUMNS, *node_cols])
        for v, a in G.nodes(data=True):
            w.writerow([v, a.get("label", ""), *(_csv_cell(a.get(c)) for c in node_cols)])
    with open(edges_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow([*_EDGE_COLUMNS, *edge_cols])
        for u, v, k, a in G.edges(keys=True, data=True):
            w.writerow([u, v, a.get("type", k), *(_csv_cell(a.get(c)) for c in edge_cols)])
    return nodes_path, edges_path


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return flatten_value(value)


#: Schema properties that are numbers or booleans; every other CSV cell is text or JSON.
_CSV_INT = {"paper_count", "support", "start", "end"}
_CSV_FLOAT = {"confidence", "numeric"}
_CSV_BOOL = {"ambiguous"}


def _csv_value(column: str, text: str) -> Any:
    if text == "":
        return None
    try:
        if column in _CSV_INT:
            return int(text)
        if column in _CSV_FLOAT:
            return float(text)
    except ValueError:
        return text
    if column in _CSV_BOOL and text in ("true", "false"):
        return text == "true"
    return unflatten_value(text)


def _csv_attrs(row: dict[str, str]) -> dict[str, Any]:
    values = ((k, _csv_value(k, t)) for k, t in row.items())
    return {k: x for k, x in values if x is not None}


def read_csv(directory: str | os.PathLike) -> nx.MultiDiGraph:
    """Read :func:`write_csv` output back; the schema's numeric, boolean and JSON cells are decoded.

    An empty cell means "no value", so empty strings do not come back.
    """
    d = Path(directory)
    G = nx.MultiDiGraph()
    for name in ("nodes.csv", "edges.csv"):
        if not (d / name).exists():
            raise InputError(f"{name} is missing", path=str(d), hint="write it with `kg export csv -o DIR`")
    with open(d / "nodes.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            G.add_node(row["key"], **_csv_attrs(row))
    with open(d / "edges.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            u, v = row.pop("source"), row.pop("target")
            G.add_edge(u, v, key=row["type"], **_csv_attrs(row))
    return G


FORMATS = {"graphml": write_graphml, "gexf": write_gexf, "json": write_json, "csv": write_csv}


def write_format(G: nx.MultiDiGraph, fmt: str, path: PathOrFile) -> None:
    """Write ``G`` in one of :data:`FORMATS`.

    >>> write_format(nx.MultiDiGraph(), "xml", "x")
    Traceback (most recent call last):
    ...
    kg.errors.GraphError: unknown export format 'xml'; formats are graphml, gexf, json, csv
    """
    writer = FORMATS.get(fmt)
    if writer is None:
        raise GraphError(f"unknown export format {fmt!r}; formats are {', '.join(FORMATS)}")
    try:
        writer(G, path)
    except OSError as exc:
        raise GraphError(f"cannot write {fmt} to {path}: {exc}") from exc
