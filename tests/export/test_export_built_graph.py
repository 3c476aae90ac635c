"""`kg build` (the real extractor) -> `kg export html|graphml` -> headless Chromium.

The graph is built from ``tests/fixtures/papers_small.jsonl`` and the XSS fixture
``tests/fixtures/xss_papers.jsonl`` by the real pipeline, plus extraction records
with hostile entity names and aliases (the extractor would not invent those).
"""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner
from conftest import FIXTURES_DIR, open_page

from kg.cli import cli
from kg.export.formats import read_graphml
from kg.graph import load_graph
from kg.models import Entity, Mention, Paper, PaperExtraction

SMALL = FIXTURES_DIR / "papers_small.jsonl"
XSS_FIXTURE = FIXTURES_DIR / "xss_papers.jsonl"
HOSTILE_NAME = "<script>window.__xss=7</script>"
HOSTILE_ALIAS = '<img src=x onerror="window.__xss=8">'


def _hostile_extractions(path):
    """Records whose entity names are hostile, for papers that are not in the inputs."""
    rows = []
    for i, line in enumerate(XSS_FIXTURE.read_text(encoding="utf-8").splitlines()):
        d = json.loads(line)
        paper = Paper.from_dict({**d, "id": f"hostile-{i}"})
        ents = (
            Entity(type="Method", name=HOSTILE_NAME, role="proposed", aliases=(HOSTILE_ALIAS,),
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
    res = CliRunner().invoke(cli, ["build", str(SMALL), str(XSS_FIXTURE), "--from-extractions",
                                   str(_hostile_extractions(d / "ex.jsonl")), "--graph", str(graph)])
    assert res.exit_code == 0, res.output
    return graph


def test_real_build_has_extracted_entities(built):
    G = load_graph(built)
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert {"Paper", "Method", "Dataset", "Metric"} <= labels
    n_papers = sum(1 for _, d in G.nodes(data=True) if d["label"] == "Paper")
    assert n_papers == len(SMALL.read_text().splitlines()) + 2 + 2  # fixture + XSS inputs + hostile records
    # the real extractor ran on the XSS inputs: their paper has outgoing extracted edges
    assert G.out_degree("paper:2302.99902") > 0


def _severe(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _hover(driver, node_id):
    """Move the real mouse over ``node_id`` and return the visible vis tooltip's text."""
    from selenium.webdriver.common.action_chains import ActionChains

    driver.execute_script("kg.network.focus(arguments[0], {scale: 1.5, animation: false})", node_id)
    canvas = driver.find_element("css selector", "#mynetwork canvas")
    x, y, w, h = driver.execute_script(
        "var p = kg.network.canvasToDOM(kg.network.getPositions([arguments[0]])[arguments[0]]);"
        "var c = arguments[1]; return [p.x, p.y, c.clientWidth, c.clientHeight]", node_id, canvas)
    ActionChains(driver).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).perform()
    for _ in range(60):
        text = driver.execute_script(
            "var t = document.getElementById('kg-tooltip');"
            "return t && !t.hidden ? t.textContent : ''")
        if text:
            return text
        time.sleep(0.05)
    return ""


def test_built_graph_in_browser(browser, built, tmp_path):
    out = tmp_path / "built.html"
    res = CliRunner().invoke(cli, ["export", "html", "--graph", str(built), "-o", str(out)])
    assert res.exit_code == 0, res.output
    G = load_graph(built)
    state = open_page(browser, out)
    assert state["stable"] and state["fitScale"] > 0
    # the vis network exists and holds every node and edge of the store
    assert browser.execute_script("return kg.network instanceof vis.Network")
    assert browser.execute_script("return [kg.nodes.length, kg.edges.length, kg.network.body.nodeIndices.length]") \
        == [G.number_of_nodes(), G.number_of_edges(), G.number_of_nodes()]
    # legend: one row per label and edge type present, with its count
    legend = browser.find_element("id", "kg-legend").text
    labels: dict[str, int] = {}
    for _, d in G.nodes(data=True):
        labels[d["label"]] = labels.get(d["label"], 0) + 1
    for label, n in labels.items():
        assert f"{label}\n{n}" in legend or f"{label} {n}" in legend, (label, n, legend)
    for t in {d["type"] for _, _, d in G.edges(data=True)}:
        assert t in legend
    # hostile text from the inputs is shown as text: titles, evidence sentences, entity names
    texts = browser.execute_script("return kg.nodes.get().map(function (n) { return kg.buildTip(kg.tipOf(n.id)).textContent; })")
    assert any("<script>window.__xss=5</script>" in t for t in texts)  # a title
    assert any("window.__xss=2" in t for t in texts)  # from an abstract
    bad = next(v for v, d in G.nodes(data=True) if d.get("name") == HOSTILE_NAME)
    tip = _hover(browser, bad)
    assert HOSTILE_NAME in tip and HOSTILE_ALIAS in tip
    assert browser.execute_script("return document.querySelector('#kg-tooltip img, #kg-tooltip script')") is None
    # an ordinary tooltip of a real extracted entity: its paper count and a link to a fixture paper
    imagenet = next(v for v, d in G.nodes(data=True) if d["label"] == "Dataset" and d.get("name") == "ImageNet")
    tip = _hover(browser, imagenet)
    assert "ImageNet" in tip and "papers: " in tip
    # nothing executed, nothing failed to load (a parsed <img src=x> would log an error)
    assert browser.execute_script("return document.querySelectorAll('#mynetwork img, #mynetwork script, svg').length") == 0
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    assert _severe(browser) == []
    shot = tmp_path / "built.png"
    assert browser.save_screenshot(str(shot))
    from PIL import Image

    with Image.open(shot) as img:  # the canvas drew something: many distinct colours, not a blank page
        assert img.size[0] >= 1000 and len(img.convert("RGB").getcolors(1 << 20) or ()) > 50


def test_built_graph_focus_and_graphml(built, tmp_path):
    out = tmp_path / "g.graphml"
    res = CliRunner().invoke(cli, ["export", "graphml", "--graph", str(built), "--focus", HOSTILE_NAME,
                                   "--depth", "1", "--types", "Method,Paper", "-o", str(out)])
    assert res.exit_code == 0, res.output
    H = read_graphml(out)
    assert sorted((d["label"], d.get("name") or d.get("id")) for _, d in H.nodes(data=True)) == [
        ("Method", HOSTILE_NAME), ("Paper", "hostile-0"), ("Paper", "hostile-1")]


def test_missing_store_is_one_line(tmp_path):
    res = CliRunner().invoke(cli, ["export", "html", "--graph", str(tmp_path / "nope.json.gz"), "-o",
                                   str(tmp_path / "x.html")])
    assert res.exit_code == 1
    assert res.output.startswith(f"Error: {tmp_path / 'nope.json.gz'}: no graph store here")
