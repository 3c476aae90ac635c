"""Unit tests of kg.neo4j with a fake driver (the real server is exercised in test_falkordb_integration)."""

from __future__ import annotations

import neo4j
import pytest
from neo4j.exceptions import AuthError, ServiceUnavailable

from kg.errors import StoreError
from kg.neo4j import batches, connect, escape_strings, fit_row, node_rows, rel_rows, server_quirks


class FakeDriver:
    def __init__(self, exc=None, echo=None):
        self.exc, self.echo = exc, echo

    def verify_connectivity(self):
        if self.exc:
            raise self.exc

    def session(self, database=None):
        return FakeSession(self.echo)

    def close(self):
        pass


class FakeSession:
    def __init__(self, echo):
        self.echo = echo

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def run(self, q, **p):
        outer = self

        class R:
            def single(self):
                return [outer.echo(p["x"])]
        return R()


def test_bad_password_is_one_clear_line(monkeypatch):
    """FalkorDB cannot test this (its Bolt endpoint crashes when redis has requirepass), so a fake raises."""
    monkeypatch.setattr(neo4j.GraphDatabase, "driver", lambda *a, **k: FakeDriver(AuthError("bad credentials")))
    with pytest.raises(StoreError) as ei:
        connect("bolt://db:7687", "neo4j", "wrong")
    assert str(ei.value) == ("bolt://db:7687: authentication failed for user 'neo4j' "
                             "(check --user/--password or NEO4J_USERNAME/NEO4J_PASSWORD)")


def test_unreachable_is_one_clear_line(monkeypatch):
    monkeypatch.setattr(neo4j.GraphDatabase, "driver", lambda *a, **k: FakeDriver(ServiceUnavailable("x")))
    with pytest.raises(StoreError, match=r"^bolt://db:7687: server unreachable"):
        connect("bolt://db:7687", None, None)


def test_quirks_probe():
    assert not server_quirks(FakeDriver(echo=lambda x: x)).escape  # Neo4j keeps strings verbatim
    q = server_quirks(FakeDriver(echo=lambda x: x.replace("\\t", "\t")))  # FalkorDB unescapes
    assert q.escape and q.max_bytes == 3000


def test_escape_round_trip_under_falkordb_unescaping():
    import ast
    for s in ["it's", "a\\b", "x\\", "\\'", 'd"q', "tab\t", "é 中 😀", "{$x}"]:
        # FalkorDB pastes the value into '...' and parses it as a Cypher string literal
        assert ast.literal_eval("'" + escape_strings(s) + "'") == s


def test_oversized_rows_split_and_batches_respect_the_budget():
    big = {"key": "paper:1", "props": {"abstract": "a" * 2000, "title": "t" * 1500, "authors": ["x"] * 50}}
    parts, dropped = fit_row(big, 2500)
    assert dropped == [] and len(parts) == 2
    merged = {}
    for p in parts:
        assert p["key"] == "paper:1"
        merged.update(p["props"])
    assert merged == big["props"]
    for b in batches(parts + [{"key": "k", "props": {}}] * 10, 500, 2500):
        assert len(b) == 1 or sum(len(str(r)) for r in b) <= 2600


def test_rows_follow_the_schema():
    import networkx as nx
    G = nx.MultiDiGraph()
    G.add_node("paper:1", label="Paper", title="T", urls=[])
    G.add_node("x", label="Nope")
    with pytest.raises(StoreError, match="not in the schema"):
        node_rows(G)
    G.remove_node("x")
    G.add_node("method:a", label="Method", name="A")
    G.add_edge("paper:1", "method:a", key="PROPOSES", type="PROPOSES", confidence=0.9, support=1, papers=["1"],
               evidence=[{"paper": "1", "sentence": "We propose A."}])
    assert node_rows(G)["Paper"] == [{"key": "paper:1", "props": {"id": "1", "title": "T"}}]
    (row,) = rel_rows(G)[("PROPOSES", "Paper", "Method")]
    assert row["evidence"] == '[{"paper": "1", "sentence": "We propose A."}]' and row["support"] == 1


def test_load_reads_credentials_from_the_environment(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.graph import save_graph
    import networkx as nx
    seen = {}

    def fake(uri, auth=None, **kw):
        seen.update(uri=uri, auth=auth)
        return FakeDriver(AuthError("no"))
    monkeypatch.setattr(neo4j.GraphDatabase, "driver", fake)
    g = save_graph(nx.MultiDiGraph(), tmp_path / "g.json.gz")
    res = CliRunner().invoke(cli, ["load", "--graph", str(g)], env={
        "NEO4J_URI": "bolt://h:1", "NEO4J_USERNAME": "u", "NEO4J_PASSWORD": "p"})
    assert seen == {"uri": "bolt://h:1", "auth": ("u", "p")}
    assert res.exit_code == 1
    assert res.output == ("Error: bolt://h:1: authentication failed for user 'u' "
                          "(check --user/--password or NEO4J_USERNAME/NEO4J_PASSWORD)\n")
