"""`kg build` -> `kg export html|graphml` -> headless Chromium, on the real graph store (kg.graph)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import FIXTURES_DIR, open_page

from kg.cli import cli
from kg.export.formats import read_graphml
from kg.graph import load_graph
from kg.models import Entity, Mention, Paper, PaperExtraction

XSS_FIXTURE = FIXTURES_DIR / "xss_papers.jsonl"


def _xss_extractions(path):
    """Extraction records for the XSS papers, with hostile entity names too (no extractor needed)."""
    rows = []
    for line in XSS_FIXTURE.read_text(encoding="utf-8").splitlines():
        paper = Paper.from_dict(json.loads(line))
        ents = (
            Entity(type="Method", name="<script>window.__xss=7</script>", role="proposed",
                   aliases=('<img src=x onerror="window.__xss=8">',),
                   mentions=(Mention(text="method", start=0, end=6, field="abstract", sentence=0),)),
            Entity(type="Dataset", name="ImageNet", role="used",
                   mentions=(Mention(text="ImageNet", start=0, end=8, field="abstract", sentence=0),)),
        )
        rows.append(PaperExtraction(paper=paper, entities=ents).to_dict(with_paper=True))
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("built")
    graph = d / "graph.json.gz"
    res = CliRunner().invoke(cli, ["build", "--from-extractions", str(_xss_extractions(d / "ex.jsonl")),
                                   "--graph", str(graph)])
    assert res.exit_code == 0, res.output
    return graph


def test_built_graph_in_browser(browser, built, tmp_path):
    out = tmp_path / "built.html"
    res = CliRunner().invoke(cli, ["export", "html", "--graph", str(built), "-o", str(out)])
    assert res.exit_code == 0, res.output
    G = load_graph(built)
    open_page(browser, out)
    assert browser.execute_script("return [kg.nodes.length, kg.edges.length]") == [G.number_of_nodes(),
                                                                                  G.number_of_edges()]
    texts = browser.execute_script("return kg.nodes.get().map(function (n) { return n.title.textContent; })")
    assert any("<script>window.__xss=5</script>" in t for t in texts)  # a title, shown as text
    assert any("<script>window.__xss=2</script>" in t for t in texts)  # an evidence sentence
    assert browser.execute_script("return document.querySelectorAll('#mynetwork img, #mynetwork script, svg').length") == 0
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_built_graph_focus_and_graphml(built, tmp_path):
    out = tmp_path / "g.graphml"
    res = CliRunner().invoke(cli, ["export", "graphml", "--graph", str(built), "--focus", "imagenet",
                                   "--depth", "1", "--types", "Dataset,Paper", "-o", str(out)])
    assert res.exit_code == 0, res.output
    H = read_graphml(out)
    assert sorted(d["label"] for _, d in H.nodes(data=True)) == ["Dataset", "Paper", "Paper"]


def test_missing_store_is_one_line(tmp_path):
    res = CliRunner().invoke(cli, ["export", "html", "--graph", str(tmp_path / "nope.json.gz"), "-o",
                                   str(tmp_path / "x.html")])
    assert res.exit_code == 1
    assert res.output.startswith(f"Error: {tmp_path / 'nope.json.gz'}: no graph store here")
