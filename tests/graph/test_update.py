"""``kg build --update``: incremental resolution against the saved alias table equals a full build.

Each case builds A, updates with B (and C), and compares with one build of all
records: byte-identical stores, except in the one documented case (a second sense
of a short form learned after old papers used it bare).
"""

from __future__ import annotations

import random

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import pipeline
from kg.cli import cli
from kg.graph import build_graph, delta_paths, load_graph, update_graph
from kg.models import Relation, Result
from kg.resolve import build_table
from tests.graph.records import px, records_a, records_b, write_jsonl


@pytest.fixture(autouse=True)
def _no_auto_compaction(monkeypatch):
    """These small stores would be compacted after each update; keep the deltas to test reading them."""
    monkeypatch.setattr(pipeline, "COMPACT_RATIO", 1e9)


def _build(*args) -> str:
    r = CliRunner().invoke(cli, ["build", *map(str, args)])
    assert r.exit_code == 0, r.output
    return r.output


def _same_as_full(inc, full) -> None:
    """The store with its delta segments reads as the full build's graph; compacted, it is the same bytes."""
    assert delta_paths(inc), "an update writes a delta segment, not the store"
    assert nx.utils.graphs_equal(load_graph(inc), load_graph(full))
    out = _build("--compact", "--graph", inc)
    assert "delta segment(s) folded in" in out and not delta_paths(inc)
    assert inc.read_bytes() == full.read_bytes()


def _full_and_incremental(tmp_path, *parts):
    files = [write_jsonl(p, tmp_path / f"part{i}.jsonl") for i, p in enumerate(parts)]
    full = tmp_path / "full.json.gz"
    both = write_jsonl([x for p in parts for x in p], tmp_path / "all.jsonl")
    _build("--from-extractions", both, "--graph", full)
    inc = tmp_path / "inc.json.gz"
    _build("--from-extractions", files[0], "--graph", inc)
    for f in files[1:]:
        _build("--from-extractions", f, "--graph", inc, "--update")
    return full, inc


def test_acronym_defined_later_merges_old_bare_node(tmp_path):
    # the titles share words: the evidence a 3-letter acronym defined in one paper needs (kg.resolve.evidence_needed)
    a = [px("2402.00001", "We use ViT and compare ViT with ResNet-50.",
            [("Method", "ViT", [], "used"), ("Method", "ResNet-50", [], "used")],
            results=[Result("accuracy", "81%", "%", method="ViT", dataset="ImageNet")],
            relations=[Relation("ViT", "Method", "OUTPERFORMS", "ResNet-50", "Method", 0.8)],
            title="Image classifiers compared"),
         px("2402.00002", "ViT is strong.", [("Method", "ViT", [], "used")], title="Image classification at scale")]
    b = [px("2402.00003", "We propose the Vision Transformer (ViT).",
            [("Method", "Vision Transformer", ["ViT"], "proposed")], src="b.jsonl",
            title="Transformers for image classification")]
    full, inc = _full_and_incremental(tmp_path, a, b)
    G = load_graph(inc)
    assert "method:vit" not in G and G.nodes["method:vision transformer"]["paper_count"] == 3
    assert G.has_edge("method:vision transformer", "method:resnet 50", "OUTPERFORMS")
    res = [d for _, d in G.nodes(data=True) if d["label"] == "Result"]
    assert [d["method"] for d in res] == ["Vision Transformer"]
    _same_as_full(inc, full)


def test_canonical_name_that_changes_with_counts_rekeys_the_node(tmp_path):
    a = [px("2403.00001", "Graph neural networks work.", [("Method", "graph neural networks", [], "used")],
            relations=[Relation("graph neural networks", "Method", "BASED_ON", "MLP", "Method", 0.7)])]
    b = [px(f"2403.0000{i}", "A Graph Neural Network.", [("Method", "Graph Neural Network", [], "used")],
            src="b.jsonl") for i in (2, 3)]
    full, inc = _full_and_incremental(tmp_path, a, b)
    G = load_graph(inc)
    assert "method:graph neural networks" not in G
    assert G.nodes["method:graph neural network"]["aliases"] == ["graph neural networks"]
    _same_as_full(inc, full)


def test_three_updates_in_any_order_equal_one_build(tmp_path):
    # the shared records without the SAM papers (a bare SAM before both senses is the documented case)
    recs = [x for x in records_a() + records_b()[:2] if "SAM" not in x.paper.abstract]
    for seed in range(4):
        random.Random(seed).shuffle(recs)
        d = tmp_path / str(seed)
        d.mkdir()
        full, inc = _full_and_incremental(d, recs[:1], recs[1:3], recs[3:])
        _same_as_full(inc, full)


def test_update_with_nothing_new_and_repeated_paper_changes_nothing_but_sources(tmp_path):
    a = write_jsonl(records_a(), tmp_path / "a.jsonl")
    g = tmp_path / "g.json.gz"
    _build("--from-extractions", a, "--graph", g)
    before = g.read_bytes()
    out = _build("--from-extractions", a, "--graph", g, "--update")
    assert "6 papers (0 new, 6 repeated); nothing changed" in out
    assert g.read_bytes() == before and not delta_paths(g)
    assert sum(1 for _, d in load_graph(g).nodes(data=True) if d["label"] == "Paper") == 6


def test_second_sense_learned_later_is_the_documented_difference(tmp_path):
    """Old bare 'SAM' keeps the sense it had; one build of all would send it to the ambiguous node."""
    a = [px("2404.00001", "We present the Segment Anything Model (SAM).",
            [("Method", "Segment Anything Model", ["SAM"], "proposed")]),
         px("2404.00002", "We study SAM here.", [("Method", "SAM", [], "used")])]
    b = [px("2404.00003", "Sharpness-Aware Minimization (SAM) helps.",
            [("Method", "Sharpness-Aware Minimization", ["SAM"], "proposed")], src="b.jsonl")]
    full, inc = _full_and_incremental(tmp_path, a, b)
    F, G = load_graph(full), load_graph(inc)
    assert F.has_edge("paper:2404.00002", "method:sam", "USES") and F.nodes["method:sam"]["ambiguous"]
    assert G.has_edge("paper:2404.00002", "method:segment anything model", "USES") and "method:sam" not in G
    # ... and that is the only difference: both senses exist, with 'SAM' among their aliases
    for H in (F, G):
        assert {"method:segment anything model", "method:sharpness aware minimization"} <= set(H)
        assert "SAM" in H.nodes["method:sharpness aware minimization"]["aliases"]
    F.remove_node("method:sam")
    G.remove_edge("paper:2404.00002", "method:segment anything model", "USES")
    G.nodes["method:segment anything model"]["paper_count"] = 1
    assert nx.utils.graphs_equal(F, G)


def test_update_graph_function_matches_build_graph():
    old, new = records_a()[:4], records_a()[4:] + records_b()[:2]
    table = build_table(old)
    r0 = table.freeze()
    G = build_graph(old, r0)
    for x in new:
        table.add(x)
    r1 = table.freeze()
    update_graph(G, r0.element_key, r1, new)
    assert nx.utils.graphs_equal(G, build_graph(old + new))


def test_deltas_are_folded_in_once_they_outgrow_the_ratio(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "COMPACT_RATIO", 0.25)
    a, b = records_a(), records_b()
    full, inc = _full_and_incremental(tmp_path, a, b)  # B's delta is more than a quarter of A's store
    assert not delta_paths(inc) and inc.read_bytes() == full.read_bytes()


def test_plain_networkx_reads_the_base_without_the_deltas(tmp_path):
    a = [px("2405.00001", "We use BERT.", [("Method", "BERT", [], "used")])]
    b = [px("2405.00002", "We use BERT too.", [("Method", "BERT", [], "used")], src="b.jsonl")]
    full, inc = _full_and_incremental(tmp_path, a, b)
    import gzip, json  # noqa: E401, PLC0415
    plain = nx.node_link_graph(json.load(gzip.open(inc)), edges="edges", name="key", multigraph=True, directed=True)
    assert "paper:2405.00002" not in plain and plain.nodes["method:bert"]["paper_count"] == 1
    assert load_graph(inc, deltas=False).nodes["method:bert"]["paper_count"] == 1
    assert load_graph(inc).nodes["method:bert"]["paper_count"] == 2


def test_a_full_build_over_an_updated_store_drops_its_deltas(tmp_path):
    a, b = records_a(), records_b()
    full, inc = _full_and_incremental(tmp_path, a, b)
    assert delta_paths(inc)
    _build("--from-extractions", tmp_path / "all.jsonl", "--graph", inc)
    assert not delta_paths(inc) and inc.read_bytes() == full.read_bytes()
