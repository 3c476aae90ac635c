"""The HTML view: self-contained, escaped, capped; then opened in a real headless Chromium."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

import networkx as nx
import pytest
from conftest import open_page
from export_graphs import XSS_IMG, XSS_SCRIPT, schema_graph, synthetic_graph

from kg.errors import GraphError
from kg.export.html import EDGE_COLORS, NODE_STYLE, cap_graph, physics_options, to_pyvis, write_html
from kg.models import entity_key

VIT = entity_key("Method", "Vision Transformer")
BAD = entity_key("Method", XSS_SCRIPT)


class _Refs(HTMLParser):
    """Every URL-bearing attribute of script/link/img/iframe/source elements."""

    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "data") and tag in ("script", "link", "img", "iframe", "source", "object"):
                self.refs.append((tag, value or ""))


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "graph.html"
    write_html(schema_graph(), path)
    return path


def test_page_needs_no_network(page):
    text = page.read_text(encoding="utf-8")
    parser = _Refs()
    parser.feed(text)
    assert parser.refs == [], f"external resources referenced: {parser.refs}"
    assert "link" not in parser.tags
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), "CSS loads something over the network"
    assert not re.search(r"@import", text)
    assert "vis.Network" in text and len(text) > 400_000  # vis-network itself is inlined


def test_input_is_never_raw_html_in_the_file(page):
    text = page.read_text(encoding="utf-8")
    for probe in (XSS_IMG, XSS_SCRIPT, "<img src=x", "<script>window"):
        assert probe not in text
    assert "javascript:window" not in text  # non-http links dropped in Python (and again in the page)
    script = text[text.index('<script id="kg-data"'):]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script  # our JS only uses textContent


def test_styles_per_label_and_type():
    net = to_pyvis(schema_graph())
    by_id = {n["id"]: n for n in net.nodes}
    assert by_id[VIT]["color"] == NODE_STYLE["Method"][0]
    assert by_id[entity_key("Dataset", "ImageNet")]["shape"] == NODE_STYLE["Dataset"][1]
    assert by_id[VIT]["value"] > by_id[BAD]["value"]  # 2 papers vs 1
    assert {e["color"] for e in net.edges if e["kgType"] == "USES"} == {EDGE_COLORS["USES"]}
    tip = by_id[VIT]["tip"]
    assert ("aliases", "ViT") in tip["rows"] and ("papers", 2) in tip["rows"]
    assert "We propose the Vision Transformer for images." in tip["ev"]
    assert any(url == "https://arxiv.org/abs/2101.00001" for _, url in tip["links"])


def test_size_by_pagerank_changes_sizes():
    G = schema_graph()
    a = {n["id"]: n["value"] for n in to_pyvis(G).nodes}
    b = {n["id"]: n["value"] for n in to_pyvis(G, size_by="pagerank").nodes}
    assert a != b
    with pytest.raises(GraphError, match="size-by"):
        to_pyvis(G, size_by="degree")


def test_cap_keeps_most_cited_and_says_what_was_cut():
    G = synthetic_graph(300, seed=1)
    H, notice = cap_graph(G, 50)
    assert H.number_of_nodes() == 50
    top_entity = max((v for v, d in G.nodes(data=True) if d["label"] != "Paper"),
                     key=lambda v: G.nodes[v]["paper_count"])
    assert top_entity in H
    assert notice.startswith("Showing 50 of 300 nodes: the 30 entities with the most papers and 20 papers")
    assert "250 nodes and" in notice and "--max-nodes" in notice and "--focus" in notice
    assert cap_graph(G, 0) == (G, None)


def test_cap_is_a_connected_overview_not_isolated_dots():
    G = synthetic_graph(3000, seed=3)
    H, _ = cap_graph(G, 200)
    entities = [v for v, d in H.nodes(data=True) if d["label"] not in ("Paper", "Result")]
    papers = [v for v, d in H.nodes(data=True) if d["label"] == "Paper"]
    assert len(entities) == 120 and len(papers) == 80
    # every kept paper links kept entities (ranked by how many), and the view has edges to draw
    assert all(H.out_degree(p) >= 1 for p in papers)
    assert min(d for _, d in H.degree()) >= 1  # no isolated dots
    assert H.number_of_edges() >= 200
    top = sorted((v for v, d in G.nodes(data=True) if d["label"] not in ("Paper", "Result")),
                 key=lambda v: (-G.nodes[v]["paper_count"], v))
    assert {G.nodes[v]["paper_count"] for v in top[:120]} <= {G.nodes[v]["paper_count"] for v in entities}
    # a budget bigger than the entities: all entities, the rest papers
    H2, _ = cap_graph(G, G.number_of_nodes() - 1)
    assert H2.number_of_nodes() == G.number_of_nodes() - 1


def test_physics_is_bounded_for_big_graphs():
    big = physics_options(10_000)
    assert big["physics"]["stabilization"]["iterations"] <= 100
    assert big["layout"]["improvedLayout"] is False


# ---- real browser -------------------------------------------------------------------------------

def _severe(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_browser_renders_counts_legend_and_no_errors(browser, page, tmp_path):
    state = open_page(browser, page)
    shot = tmp_path / "schema_graph.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    assert state["stable"]
    G = schema_graph()
    counts = browser.execute_script("return [kg.nodes.length, kg.edges.length, kg.network.body.nodeIndices.length]")
    assert counts == [G.number_of_nodes(), G.number_of_edges(), G.number_of_nodes()]
    legend = browser.find_element("id", "kg-legend").text
    for name in ("Paper", "Method", "Dataset", "Metric", "Task", "Repository", "Result", "BASED_ON"):
        assert name in legend
    assert browser.execute_script("return kg.network.physics.physicsEnabled") is False  # frozen
    assert _severe(browser) == []


def test_browser_xss_probes_stay_text(browser, page):
    open_page(browser, page)
    tip = browser.execute_script(
        "var t = kg.buildTip(kg.tipOf(arguments[0])); return [t.textContent, t.innerHTML, t.querySelectorAll('img,script').length]",
        BAD)
    assert XSS_SCRIPT in tip[0] and XSS_IMG in tip[0]
    assert "&lt;script&gt;" in tip[1] and tip[2] == 0
    hrefs = browser.execute_script(
        "var t = kg.buildTip(kg.tipOf('paper:2203.00003'));"
        "return Array.from(t.querySelectorAll('a')).map(function (a) { return a.getAttribute('href'); })")
    assert "https://example.org/paper" in hrefs and not any(h.startswith("javascript") for h in hrefs)
    browser.execute_script("kg.showInfo(kg.tipOf(arguments[0]))", BAD)
    info = browser.find_element("id", "kg-info")
    assert XSS_SCRIPT in info.text
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    assert _severe(browser) == []  # an <img src=x> that got parsed would log a failed load


def test_browser_hover_shows_escaped_tooltip(browser, page):
    from selenium.webdriver.common.action_chains import ActionChains

    open_page(browser, page)
    canvas = browser.find_element("css selector", "#mynetwork canvas")
    x, y, w, h = browser.execute_script(
        "var p = kg.network.canvasToDOM(kg.network.getPositions([arguments[0]])[arguments[0]]);"
        "var c = arguments[1]; return [p.x, p.y, c.clientWidth, c.clientHeight]", BAD, canvas)
    ActionChains(browser).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).perform()
    text = ""
    for _ in range(40):
        text = browser.execute_script(
            "var t = document.getElementById('kg-tooltip');"
            "return t && !t.hidden ? t.textContent : ''")
        if text:
            break
        time.sleep(0.05)
    assert XSS_SCRIPT in text
    assert browser.execute_script("return document.querySelector('#kg-tooltip img, #kg-tooltip script')") is None
    assert browser.execute_script("return typeof window.__xss") == "undefined"


def test_browser_search_and_type_toggles(browser, page):
    open_page(browser, page)
    box = browser.find_element("id", "kg-search")
    box.send_keys("vit\n")
    assert browser.execute_script("return kg.network.getSelectedNodes()")[0] == VIT
    assert "match" in browser.find_element("id", "kg-search-status").text
    assert "Vision Transformer" in browser.find_element("id", "kg-info").text
    browser.find_element("css selector", "input[data-group='Method']").click()
    hidden = browser.execute_script("return kg.nodes.get({filter: function (n) { return n.hidden; }}).map(function (n) { return n.id; })")
    assert sorted(hidden) == sorted(v for v, d in schema_graph().nodes(data=True) if d["label"] == "Method")
    assert _severe(browser) == []


def test_browser_capped_page_shows_notice(browser, tmp_path):
    G = synthetic_graph(400, seed=2)
    result = write_html(G, tmp_path / "big.html", max_nodes=150)
    assert result.nodes == 150 and result.notice
    open_page(browser, tmp_path / "big.html")
    assert browser.execute_script("return kg.nodes.length") == 150
    notice = browser.find_element("id", "kg-notice")
    assert notice.is_displayed() and "Showing 150 of 400 nodes" in notice.text and "--max-nodes" in notice.text
    assert _severe(browser) == []


def test_empty_graph_page_loads(browser, tmp_path):
    write_html(nx.MultiDiGraph(), tmp_path / "empty.html")
    open_page(browser, tmp_path / "empty.html")
    assert browser.execute_script("return kg.nodes.length") == 0
    assert _severe(browser) == []
