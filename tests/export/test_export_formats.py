"""GraphML / GEXF / JSON / CSV: write, read back (networkx, pandas), compare; filters on every format."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from export_graphs import XSS_SCRIPT, schema_graph

from kg.errors import GraphError, InputError
from kg.export.formats import (read_csv, read_gexf, read_graphml, read_json, write_csv, write_format,
                               write_gexf, write_graphml, write_json)
from kg.export.subgraph import SubgraphSpec, apply_filters
from kg.models import entity_key


def _expected(G: nx.MultiDiGraph, drop=(None,)) -> nx.MultiDiGraph:
    """The graph a flat format should give back: ``None`` values dropped, nothing else changed."""
    H = nx.MultiDiGraph()
    for v, d in G.nodes(data=True):
        H.add_node(v, **{k: x for k, x in d.items() if x not in drop})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **{a: x for a, x in d.items() if x is not None})
    return H


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    ea = sorted((u, v, k, json.dumps(d, sort_keys=True)) for u, v, k, d in a.edges(keys=True, data=True))
    eb = sorted((u, v, k, json.dumps(d, sort_keys=True)) for u, v, k, d in b.edges(keys=True, data=True))
    assert ea == eb


@pytest.mark.parametrize("write,read,name", [
    (write_graphml, read_graphml, "g.graphml"),
    (write_gexf, read_gexf, "g.gexf"),
    (write_json, read_json, "g.json"),
    (write_json, read_json, "g.json.gz"),
])
def test_round_trip(tmp_path, write, read, name):
    G = schema_graph()
    write(G, tmp_path / name)
    back = read(tmp_path / name)
    _same(back, G if write is write_json else _expected(G))


def test_csv_round_trip_and_pandas(tmp_path):
    pd = pytest.importorskip("pandas")
    G = schema_graph()
    write_csv(G, tmp_path / "csv")
    _same(read_csv(tmp_path / "csv"), _expected(G, drop=(None, "")))  # CSV: empty cell = missing
    nodes = pd.read_csv(tmp_path / "csv" / "nodes.csv")
    edges = pd.read_csv(tmp_path / "csv" / "edges.csv")
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert list(nodes.columns[:2]) == ["key", "label"] and list(edges.columns[:3]) == ["source", "target", "type"]
    vit = nodes.set_index("key").loc[entity_key("Method", "Vision Transformer")]
    assert json.loads(vit["aliases"]) == ["ViT"] and vit["paper_count"] == 2


def test_plain_networkx_reads_graphml_and_gexf(tmp_path):
    G = schema_graph()
    write_graphml(G, tmp_path / "g.graphml")
    write_gexf(G, tmp_path / "g.gexf")
    a = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    b = nx.read_gexf(tmp_path / "g.gexf")
    assert a.number_of_nodes() == b.number_of_nodes() == G.number_of_nodes()
    assert a.number_of_edges() == b.number_of_edges() == G.number_of_edges()
    bad = entity_key("Method", XSS_SCRIPT)
    assert json.loads(a.nodes[bad]["aliases"]) == G.nodes[bad]["aliases"]  # lists are JSON strings
    assert b.nodes[bad]["label"] == XSS_SCRIPT and b.nodes[bad]["kg_label"] == "Method"  # Gephi shows names
    assert "doi" not in a.nodes["paper:2101.00001"]  # None dropped


def test_write_to_open_file():
    buf = io.BytesIO()
    write_graphml(schema_graph(), buf)
    assert buf.getvalue().startswith(b"<?xml")
    text = io.StringIO()
    write_json(schema_graph(), text)
    assert json.loads(text.getvalue())["directed"] is True


def test_filters_apply_to_every_format(tmp_path):
    G = schema_graph()
    spec = SubgraphSpec(focus="vit", depth=1, types=("Method", "Dataset"))
    H = apply_filters(G, spec)
    assert set(H) == {entity_key("Method", "Vision Transformer"), entity_key("Method", "BERT"),
                      entity_key("Method", XSS_SCRIPT), entity_key("Dataset", "ImageNet")}
    for fmt, name, read in (("graphml", "f.graphml", read_graphml), ("gexf", "f.gexf", read_gexf),
                            ("json", "f.json", read_json), ("csv", "csvdir", read_csv)):
        write_format(H, fmt, tmp_path / name)
        assert set(read(tmp_path / name)) == set(H), fmt


def test_errors_are_kg_errors(tmp_path):
    with pytest.raises(GraphError, match="unknown export format"):
        write_format(schema_graph(), "dot", tmp_path / "x")
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(InputError, match="bad.json"):
        read_json(tmp_path / "bad.json")
    with pytest.raises(InputError, match="nodes.csv is missing"):
        read_csv(tmp_path)
