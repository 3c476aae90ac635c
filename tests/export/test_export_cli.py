"""`kg export ...` through click: options reach the library, errors are one clean line."""

from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner
from export_graphs import schema_graph, synthetic_graph

import kg.commands.export as export_cmd
from kg.cli import cli
from kg.export.formats import read_graphml, read_json


@pytest.fixture
def graph(monkeypatch):
    """Serve a hand-built schema graph as if `kg build` had written it."""
    holder = {"G": schema_graph()}
    monkeypatch.setattr(export_cmd, "_load", lambda path: holder["G"])
    return holder


def test_html_with_filters(graph, tmp_path):
    out = tmp_path / "vit.html"
    res = CliRunner().invoke(cli, ["export", "html", "--focus", "ViT", "--depth", "1", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "wrote" in res.output and "nodes" in res.output
    assert out.exists() and "Vision Transformer" in out.read_text(encoding="utf-8")


def test_cap_message_on_stderr(graph, tmp_path):
    graph["G"] = synthetic_graph(120, seed=3)
    res = CliRunner().invoke(cli, ["export", "html", "--max-nodes", "50", "-o", str(tmp_path / "g.html")])
    assert res.exit_code == 0, res.output
    assert "Showing 50 of 120 nodes: the 30 entities with the most papers" in res.output
    assert "70 nodes and" in res.output and "--max-nodes" in res.output


@pytest.mark.parametrize("fmt,name", [("graphml", "g.graphml"), ("gexf", "g.gexf"), ("json", "g.json"),
                                      ("csv", "csvdir")])
def test_formats_apply_filters(graph, tmp_path, fmt, name):
    out = tmp_path / name
    res = CliRunner().invoke(cli, ["export", fmt, "--types", "method,dataset", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.exists()
    if fmt == "graphml":
        assert {d["label"] for _, d in read_graphml(out).nodes(data=True)} == {"Method", "Dataset"}
    if fmt == "json":
        assert {d["label"] for _, d in read_json(out).nodes(data=True)} == {"Method", "Dataset"}


def test_unknown_focus_is_one_clear_line(graph, tmp_path):
    res = CliRunner().invoke(cli, ["export", "json", "--focus", "Vision Transfomer", "-o", str(tmp_path / "x.json")])
    assert res.exit_code == 1
    assert res.output.strip() == ("Error: no node named 'Vision Transfomer' (close matches: Vision Transformer); "
                                  "try a name, alias or key such as method:bert")


def test_unknown_type_is_one_clear_line(graph, tmp_path):
    res = CliRunner().invoke(cli, ["export", "csv", "--types", "Methods", "-o", str(tmp_path / "c")])
    assert res.exit_code == 1
    assert res.output.startswith("Error: unknown node type 'Methods' (did you mean: Method")
    assert "Traceback" not in res.output


def test_cypher_and_neo4j_admin_call_the_writers(graph, tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(export_cmd, "_external", lambda m, f: lambda G, p: calls.append((m, f, G.number_of_nodes(), str(p))))
    res = CliRunner().invoke(cli, ["export", "cypher", "--types", "Method", "-o", str(tmp_path / "g.cypher")])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(cli, ["export", "neo4j-admin", "-o", str(tmp_path / "adm")])
    assert res.exit_code == 0, res.output
    assert calls == [("cypher_script", "write_cypher_script", 3, str(tmp_path / "g.cypher")),
                     ("neo4j_admin", "write_neo4j_admin", schema_graph().number_of_nodes(), str(tmp_path / "adm"))]


def test_missing_writer_module_is_a_clear_error(monkeypatch):
    from kg.errors import GraphError
    with pytest.raises(GraphError, match="kg.export.no_such_module is not available"):
        export_cmd._external("no_such_module", "write")
