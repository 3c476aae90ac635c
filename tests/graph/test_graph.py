"""The graph built from records (schema.md), the store (determinism, plain networkx), kg build / --update."""

from __future__ import annotations

import gzip
from pathlib import Path
import json

import networkx as nx
import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli
from kg.errors import GraphError
from kg.graph import build_graph, extractions_path, load_extractions, load_graph, save_graph, state_path
from kg.models import EDGE_TYPES, NODE_LABELS
from kg.pipeline import _parts_of as _REAL_PARTS_OF
from tests.graph.records import records_a, records_b, write_jsonl


@pytest.fixture(scope="module")
def G():
    return build_graph(records_a() + records_b())


def test_schema_labels_types_and_edge_properties(G):
    assert {d["label"] for _, d in G.nodes(data=True)} <= set(NODE_LABELS)
    for u, v, k, d in G.edges(keys=True, data=True):
        assert k == d["type"] in EDGE_TYPES
        assert d["support"] == len(d["papers"]) and d["papers"] == sorted(d["papers"])
        assert len(d["evidence"]) <= 3 and 0 < d["confidence"] <= 1
    for n, d in G.nodes(data=True):
        assert d["key"] == n
        if d["label"] in ("Method", "Dataset", "Metric", "Task"):
            assert {"name", "aliases", "paper_count", "catalog_id", "ambiguous", "long_forms"} <= set(d)


def test_support_counts_distinct_papers_and_evidence_has_sentence(G):
    e = G.edges["paper:2401.00001", "method:vision transformer", "PROPOSES"]
    assert e["evidence"][0]["sentence"].startswith("We introduce the Vision Transformer (ViT)")
    assert G.nodes["method:vision transformer"]["paper_count"] == 3
    assert G.nodes["dataset:imagenet"]["paper_count"] == 2


def test_result_is_a_leaderboard_row(G):
    res = [n for n, d in G.nodes(data=True) if d["label"] == "Result" and d["paper"] == "2401.00001"]
    assert len(res) == 1
    d = G.nodes[res[0]]
    assert d["numeric"] == 88.5 and d["method"] == "Vision Transformer" and d["dataset"] == "ImageNet"
    assert {k for _, _, k in G.out_edges(res[0], keys=True)} == {"ACHIEVED_BY", "ON_DATASET", "MEASURED_BY"}


def test_relations_resolve_names_across_papers(G):
    assert G.has_edge("method:vision transformer", "method:resnet 50", "OUTPERFORMS")
    assert G.has_edge("method:vision transformer", "method:bert large", "BASED_ON")
    assert not G.has_edge("method:vision transformer", "method:bert", "BASED_ON")


def test_ambiguous_sam_kept_as_flagged_node(G):
    assert G.nodes["method:sam"]["ambiguous"] is True
    assert G.has_edge("paper:2401.00006", "method:segment anything model", "USES")
    assert G.has_edge("paper:2401.00007", "method:sam", "USES")


def test_repeated_paper_is_not_duplicated(G):
    assert sum(1 for _, d in G.nodes(data=True) if d["label"] == "Paper") == 8


def test_store_is_byte_identical_and_loads_with_plain_networkx(G, tmp_path):
    a, b = save_graph(G, tmp_path / "a.json.gz"), save_graph(build_graph(records_a() + records_b()), tmp_path / "b.json.gz")
    assert a.read_bytes() == b.read_bytes()
    plain = nx.node_link_graph(json.load(gzip.open(a)), edges="edges", name="key", multigraph=True, directed=True)
    assert isinstance(plain, nx.MultiDiGraph)
    # the node-link id field is "key", so Paper.id survives a plain load; only the "key" attribute
    # moves into the node id
    assert plain.nodes["paper:2401.00001"]["id"] == "2401.00001"
    assert all("key" not in d for _, d in plain.nodes(data=True))
    for n, d in plain.nodes(data=True):
        d["key"] = n
    assert nx.utils.graphs_equal(plain, G)
    assert nx.utils.graphs_equal(kg.load_graph(a), G)


def test_missing_and_corrupt_store_errors(tmp_path):
    with pytest.raises(GraphError, match="no graph store here; build one with `kg build"):
        load_graph(tmp_path / "nope.json.gz")
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(GraphError, match="not a readable graph store"):
        load_graph(bad)
    r = CliRunner().invoke(cli, ["stats", "--graph", str(bad)])
    assert r.exit_code == 1
    assert r.output.startswith(f"Error: {bad}: not a readable graph store")
    assert "Traceback" not in r.output


def _build(args):
    r = CliRunner().invoke(cli, ["build", *args])
    assert r.exit_code == 0, r.output
    return r.output


def test_cli_build_deterministic_and_update_equals_full_build(tmp_path):
    a = write_jsonl(records_a(), tmp_path / "a.jsonl")
    b = write_jsonl(records_b(), tmp_path / "b.jsonl")
    both = write_jsonl(records_a() + records_b(), tmp_path / "ab.jsonl")
    full, full2, inc = tmp_path / "full.json.gz", tmp_path / "full2.json.gz", tmp_path / "inc.json.gz"
    _build(["--from-extractions", str(both), "--graph", str(full)])
    _build(["--from-extractions", str(both), "--graph", str(full2)])
    assert full.read_bytes() == full2.read_bytes()
    _build(["--from-extractions", str(a), "--graph", str(inc)])
    before = load_graph(inc)
    out = _build(["--from-extractions", str(b), "--graph", str(inc), "--update"])
    assert "8 papers (2 new, 1 repeated); wrote " in out
    assert nx.utils.graphs_equal(load_graph(inc), load_graph(full))
    # the records sidecar was appended to (new papers only), not rewritten
    assert extractions_path(inc).read_bytes() != extractions_path(full).read_bytes()
    assert [x.id for x in load_extractions(extractions_path(inc))] == [x.id for x in records_a()] + [
        "2401.00007", "2401.00008"]
    # a bare SAM with no context in B becomes the flagged ambiguous node
    assert "method:sam" not in before and load_graph(inc).nodes["method:sam"]["ambiguous"]
    # idempotent: the same update again changes nothing and adds no paper
    out = _build(["--from-extractions", str(b), "--graph", str(inc), "--update"])
    assert "8 papers (0 new, 3 repeated)" in out
    assert load_graph(inc).nodes["paper:2401.00002"]["sources"] == ["a.jsonl:2", "b.jsonl:2"]
    _build(["--compact", "--graph", str(inc)])
    assert inc.read_bytes() == full.read_bytes()


def test_cli_build_bad_record_is_counted_or_fails_with_strict(tmp_path):
    f = write_jsonl(records_a(), tmp_path / "a.jsonl")
    with open(f, "a") as fh:
        fh.write('{"title": "no id"}\n')
    g = tmp_path / "g.json.gz"
    r = CliRunner().invoke(cli, ["build", "--from-extractions", str(f), "--graph", str(g), "--report",
                                 str(tmp_path / "rep.json")])
    assert r.exit_code == 0 and "skipped 1 bad record(s); first: " in r.output and f"{f}:7" in r.output
    assert json.loads((tmp_path / "rep.json").read_text())[0]["line"] == 7
    r = CliRunner().invoke(cli, ["build", "--from-extractions", str(f), "--graph", str(g), "--strict"])
    assert r.exit_code == 1 and r.output.startswith(f"Error: {f}:7: field 'id': not an extraction record")


def test_cli_build_that_reads_no_paper_fails_and_keeps_the_store(tmp_path):
    """It wrote an empty graph over the store there (exit 0), where kg ingest and kg extract fail."""
    g = tmp_path / "g.json.gz"
    _build(["--from-extractions", str(write_jsonl(records_a(), tmp_path / "a.jsonl")), "--graph", str(g)])
    before = g.read_bytes()
    empty, broken = tmp_path / "empty.jsonl", tmp_path / "broken.jsonl"
    empty.write_bytes(b"")
    broken.write_bytes(b'{"id": "2401.1", "title": "T", "abstr\n')
    for f in (empty, broken):
        for args in ([str(f)], ["--from-extractions", str(f)]):
            r = CliRunner().invoke(cli, ["build", *args, "--graph", str(g), "--report", str(tmp_path / "r.json")])
            assert r.exit_code == 1 and "Traceback" not in r.output
            assert r.stderr.startswith(f"Error: no papers read from the inputs, so {g} was not written; first problem: "
                                       f"{f}")
            assert g.read_bytes() == before and json.loads((tmp_path / "r.json").read_text())[0]["path"] == str(f)


def test_cli_build_update_without_sidecar_says_what_to_do(tmp_path):
    f = write_jsonl(records_a(), tmp_path / "a.jsonl")
    g = tmp_path / "g.json.gz"
    _build(["--from-extractions", str(f), "--graph", str(g)])
    state_path(g).unlink()
    r = CliRunner().invoke(cli, ["build", "--from-extractions", str(f), "--graph", str(g), "--update"])
    assert r.exit_code == 1 and "cannot be updated; rebuild from all inputs" in r.output


def test_store_bytes_are_one_json_document(G, tmp_path):
    p = save_graph(G, tmp_path / "g.json.gz")
    from networkx.readwrite import json_graph
    data = json.loads(gzip.decompress(p.read_bytes()))
    assert sorted(data) == ["directed", "edges", "graph", "multigraph", "nodes"]
    lines = gzip.decompress(p.read_bytes()).split(b"\n")
    assert len(lines) == G.number_of_nodes() + G.number_of_edges() + 4  # one item per line
    assert [d["key"] for d in data["nodes"]] == sorted(G.nodes)
    assert [(d["source"], d["target"], d["key"]) for d in data["edges"]] == sorted(G.edges(keys=True))
    H = nx.MultiDiGraph()
    H.add_nodes_from(sorted(G.nodes(data=True)))
    H.add_edges_from(sorted(G.edges(keys=True, data=True), key=lambda t: t[:3]))
    expected = json_graph.node_link_data(H, edges="edges", name="key")
    assert data == json.loads(json.dumps(expected))


def test_same_bytes_under_different_hash_seeds(tmp_path):
    import os
    import subprocess
    import sys
    code = ("import sys; from tests.graph.records import records_a, records_b; from kg.graph import build_graph, "
            "save_graph; save_graph(build_graph(records_a() + records_b()), sys.argv[1])")
    outs = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"g{seed}.json.gz"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(out)], check=True, env=env, cwd=Path(__file__).parents[2])
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]


def test_graph_built_on_two_forked_processes_is_the_same(tmp_path, monkeypatch):
    """--processes 2 also splits the graph build by paper id range; the parts join to the same bytes."""
    from kg import pipeline  # noqa: PLC0415

    monkeypatch.setattr(pipeline, "PARALLEL_GRAPH_MIN", 0)
    f = write_jsonl(records_a() + records_b(), tmp_path / "ab.jsonl")
    outs = []
    for n in (1, 2, 3):
        g = tmp_path / f"g{n}.json.gz"
        pipeline.build(from_extractions=str(f), graph_path=str(g), processes=n)
        outs.append((g.read_bytes(), extractions_path(g).read_bytes()))
    assert outs[0] == outs[1] == outs[2]


def _forked_builder_ran(lo, hi, export=True):  # module level: the fork pool pickles it by name
    if export:  # a pool process (the main process builds the first range itself, unexported)
        raise RuntimeError("forked graph builder ran")
    return _REAL_PARTS_OF(lo, hi, export)


def test_graph_fork_only_inside_the_memory_budget(tmp_path, monkeypatch):
    """Forked graph builders are skipped when their estimated memory would pass the budget (and used inside it)."""
    from kg import pipeline  # noqa: PLC0415

    monkeypatch.setattr(pipeline, "PARALLEL_GRAPH_MIN", 0)
    monkeypatch.setattr(pipeline, "_parts_of", _forked_builder_ran)
    f = write_jsonl(records_a() + records_b(), tmp_path / "ab.jsonl")
    monkeypatch.setattr(pipeline, "MEMORY_BUDGET_MB", 0)
    pipeline.build(from_extractions=str(f), graph_path=str(tmp_path / "in_one.json.gz"), processes=2)
    monkeypatch.setattr(pipeline, "MEMORY_BUDGET_MB", 10**6)
    with pytest.raises(RuntimeError, match="forked graph builder ran"):
        pipeline.build(from_extractions=str(f), graph_path=str(tmp_path / "forked.json.gz"), processes=2)


def test_store_in_gzip_members_same_bytes_whatever_the_threads(G, tmp_path, monkeypatch):
    import kg.graph as graph
    monkeypatch.setattr(graph, "GZIP_MEMBER", 1)  # a member per write
    files = []
    for threads in (1, 2, 3):
        monkeypatch.setattr(graph, "GZIP_THREADS", threads)
        files.append(save_graph(G, tmp_path / f"g{threads}.json.gz").read_bytes())
    assert files[0] == files[1] == files[2]
    assert files[0].count(b"\x1f\x8b\x08\x00\x00\x00\x00\x00") >= 5  # header, nodes, ],"edges":[, edges, end
    H = load_graph(tmp_path / "g1.json.gz")
    assert sorted(H.nodes) == sorted(G.nodes) and sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))


def test_gzip_writer_leaves_no_file_when_the_caller_fails(tmp_path):
    from kg.graph import _GzipBytes
    p = tmp_path / "x.gz"
    with pytest.raises(RuntimeError), _GzipBytes(p) as out:
        out.write(b"abc")
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []
    with _GzipBytes(p):
        pass
    assert gzip.decompress(p.read_bytes()) == b""
