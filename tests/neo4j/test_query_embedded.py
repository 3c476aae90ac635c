"""kg query on the embedded graph: the Cypher subset, its errors, the CLI and every query file."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli
from kg.errors import QueryError
from kg.neo4j import cypher_dir
from kg.query import declared_params, run_embedded

QUERIES = sorted((cypher_dir() / "queries").glob("*.cypher"))


def toy() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for k, lb, a in [("paper:1", "Paper", dict(title="One", date="2024-01-05")),
                     ("paper:2", "Paper", dict(title="Two", date="2024-02-01")),
                     ("paper:3", "Paper", dict(title="Three", date=None)),
                     ("method:a", "Method", dict(name="A", aliases=["Alpha"])),
                     ("method:b", "Method", dict(name="B", aliases=[])),
                     ("method:c", "Method", dict(name="C")),
                     ("dataset:d", "Dataset", dict(name="D")),
                     ("dataset:e", "Dataset", dict(name="E"))]:
        G.add_node(k, label=lb, key=k, **a)
    for s, t, ty, sup in [("paper:1", "method:a", "PROPOSES", 1), ("paper:2", "method:a", "USES", 1),
                          ("paper:2", "method:b", "USES", 1), ("method:a", "method:b", "OUTPERFORMS", 2),
                          ("method:b", "dataset:d", "EVALUATED_ON", 1), ("method:a", "dataset:d", "EVALUATED_ON", 3),
                          ("paper:3", "dataset:e", "EVALUATES_ON", 1)]:
        G.add_edge(s, t, key=ty, type=ty, support=sup, evidence=[{"paper": "1", "sentence": "s"}])
    return G


def rows(_q, **params):
    return run_embedded(toy(), _q, params).rows


def test_match_where_order_limit_and_params():
    assert rows("MATCH (m:Method) WHERE m.name <> $x RETURN m.name AS n ORDER BY n DESC LIMIT 1", x="C") == \
        [{"n": "B"}]
    assert rows("MATCH (m:Method {name: 'A'})-[o:OUTPERFORMS]->(b) RETURN b.name, o.support") == \
        [{"b.name": "B", "o.support": 2}]
    assert rows("MATCH (b:Method)<-[:OUTPERFORMS]-(a) RETURN a.name") == [{"a.name": "A"}]


def test_aggregation_distinct_collect_and_with_where():
    assert rows("MATCH (p:Paper)-[:PROPOSES|USES]->(m:Method) RETURN m.name AS m, count(DISTINCT p) AS n "
                "ORDER BY n DESC, m") == [{"m": "A", "n": 2}, {"m": "B", "n": 1}]
    assert rows("MATCH (m:Method)-[:EVALUATED_ON]->(d) WITH d, collect(m.name) AS ms WHERE size(ms) > 1 "
                "RETURN d.name AS d, ms") == [{"d": "D", "ms": ["B", "A"]}] or \
        rows("MATCH (m:Method)-[:EVALUATED_ON]->(d) WITH d, collect(m.name) AS ms WHERE size(ms) > 1 "
             "RETURN d.name AS d, ms") == [{"d": "D", "ms": ["A", "B"]}]
    assert rows("MATCH (m:Method) RETURN count(*) AS c, sum(size(m.name)) AS s, min(m.name) AS lo") == \
        [{"c": 3, "s": 3, "lo": "A"}]
    assert rows("MATCH (m:Nope) RETURN count(m) AS c") == [{"c": 0}]


def test_optional_match_nulls_and_null_ordering():
    got = rows("MATCH (m:Method) OPTIONAL MATCH (m)-[:EVALUATED_ON]->(d) "
               "RETURN m.name AS m, d.name AS d ORDER BY d DESC, m")
    assert got == [{"m": "C", "d": None}, {"m": "A", "d": "D"}, {"m": "B", "d": "D"}]
    orphans = rows("MATCH (m:Method) OPTIONAL MATCH (p:Paper)-->(m) WITH m, count(p) AS c WHERE c = 0 "
                   "RETURN m.name AS m")
    assert orphans == [{"m": "C"}]


def test_properties_look_like_the_loaded_graph():
    got = rows("MATCH (m:Method {name: 'B'}) RETURN m.aliases AS a, m.label AS l, coalesce(m.aliases, []) AS c")
    assert got == [{"a": None, "l": None, "c": []}]
    ev = rows("MATCH ()-[r:OUTPERFORMS]->() RETURN r.evidence AS e, type(r) AS t")[0]
    assert json.loads(ev["e"]) == [{"paper": "1", "sentence": "s"}] and ev["t"] == "OUTPERFORMS"
    assert rows("MATCH (p:Paper {title: 'One'}) RETURN p.id AS id, p.key AS k") == [{"id": "1", "k": "paper:1"}]


def test_expressions():
    got = rows("UNWIND [3, 1, 2] AS x WITH x ORDER BY x RETURN collect(x)[0..2] AS xs, "
               "[y IN collect(x) WHERE y > 1 | y * 10] AS big, any(y IN collect(x) WHERE y = 2) AS has2")
    assert got == [{"xs": [1, 2], "big": [20, 30], "has2": True}]
    got = rows("MATCH (p:Paper) RETURN p.title AS t, CASE WHEN p.date >= '2024-02' THEN 'new' "
               "WHEN p.date IS NULL THEN 'undated' ELSE 'old' END AS age, substring(p.date, 0, 7) AS month "
               "ORDER BY t")
    assert got == [{"t": "One", "age": "old", "month": "2024-01"}, {"t": "Three", "age": "undated", "month": None},
                   {"t": "Two", "age": "new", "month": "2024-02"}]
    assert rows("RETURN 7 / 2 AS i, 7 / 2.0 AS f, toLower('AbC') + '!' AS s, 2 IN [1, 2] AS isin, "
                "'abc' STARTS WITH 'a' AS sw, null = null AS nn") == \
        [{"i": 3, "f": 3.5, "s": "abc!", "isin": True, "sw": True, "nn": None}]
    assert rows("MATCH (n) WHERE n:Dataset RETURN DISTINCT labels(n)[0] AS l") == [{"l": "Dataset"}]


def test_variable_length_and_shortest_path():
    assert rows("MATCH (p:Paper {title: 'One'})-[*2]-(x:Method) RETURN DISTINCT x.name AS x ORDER BY x") == \
        [{"x": "B"}]
    got = rows("MATCH (a:Method {name: 'A'}), (d:Dataset {name: 'E'}) "
               "MATCH path = shortestPath((a)-[*..6]-(d)) RETURN length(path) AS hops")
    assert got == []  # E is only linked to paper 3, which nothing else reaches
    got = rows("MATCH (a:Method {name: 'B'}), (p:Paper {title: 'One'}) MATCH path = shortestPath((a)-[*..6]-(p)) "
               "RETURN [n IN nodes(path) | coalesce(n.name, n.title)] AS ns, length(path) AS hops")
    assert got == [{"ns": ["B", "A", "One"], "hops": 2}]


def test_fulltext_word_match():
    got = rows("CALL db.index.fulltext.queryNodes('kg_text', $q) YIELD node, score "
               "RETURN node.key AS k, score", q="alpha")
    assert got == [{"k": "method:a", "score": 1.0}]


@pytest.mark.parametrize("q, msg", [
    ("CREATE (n:Method) RETURN n", "CREATE is not supported"),
    ("MATCH (n) SET n.x = 1 RETURN n", "SET is not supported"),
    ("MATCH (n) RETURN n UNION MATCH (m) RETURN m", "UNION is not supported"),
    ("MATCH (n) WHERE NOT (n)--() RETURN n", "a pattern used as an expression"),
    ("MATCH (n) WHERE EXISTS { (n)--() } RETURN n", "EXISTS { subquery }"),
    ("CALL db.labels() YIELD label RETURN label", "procedure db.labels"),
    ("MATCH (n) RETURN apoc.text.join(n.name)", "function apoc.text.join()"),
    ("MATCH (n) RETURN n.name", None),
    ("MATCH (n RETURN n", "line 1, column 10: expected ')'"),
    ("MATCH (n)", "must end with RETURN"),
    ("MATCH (n) RETURN $missing", "parameter $missing is not set"),
])
def test_unsupported_and_invalid_queries_fail_clearly(q, msg):
    if msg is None:
        assert len(run_embedded(toy(), q).rows) == 8
        return
    with pytest.raises(QueryError) as ei:
        run_embedded(toy(), q)
    assert msg in str(ei.value)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_every_query_file_runs_on_the_built_fixture_graph(path, fixture_graph):
    text = path.read_text()
    res = run_embedded(kg.load_graph(fixture_graph), text, declared_params(text))
    assert res.columns
    if path.stem in ("graph_summary", "top_methods", "datasets_per_month", "trend", "results_without_dataset"):
        assert res.rows, f"{path.name} returned nothing on the fixture graph"


def _query(name: str, G, **params):
    text = (cypher_dir() / "queries" / f"{name}.cypher").read_text()
    return run_embedded(G, text, {**declared_params(text), **params}).rows


def test_query_answers_match_networkx(fixture_graph):
    """Queries against answers computed directly on the networkx graph (parameters taken from it)."""
    G = kg.load_graph(fixture_graph)
    lab = lambda n: G.nodes[n]["label"]  # noqa: E731
    edges = [(s, t, k) for s, t, k in G.edges(keys=True)]
    # papers with code for a task
    pairs = {(s, t) for s, t, k in edges if k == "ADDRESSES"}
    code = {(s, t) for s, t, k in edges if k == "HAS_CODE"}
    task = next(t for p, t in sorted(pairs) if any(c[0] == p for c in code))
    want = {(p.removeprefix("paper:"), G.nodes[c]["url"]) for p, t in pairs if t == task for q, c in code if q == p}
    got = {(r["paper"], r["code"]) for r in _query("papers_with_code_for_task", G, task=G.nodes[task]["name"].upper())}
    assert got == want and want
    # methods on a dataset
    ev = [(s, t) for s, t, k in edges if k == "EVALUATED_ON"]
    ds = ev[0][1]
    got = {r["method"] for r in _query("methods_on_dataset", G, dataset=G.nodes[ds]["name"])}
    assert got == {G.nodes[m]["name"] for m, d in ev if d == ds}
    # top methods
    n_papers = {}
    for s, t, k in edges:
        if k in ("PROPOSES", "USES") and lab(t) == "Method":
            n_papers.setdefault(t, set()).add(s)
    got = _query("top_methods", G, limit=1000)
    assert {r["method"]: r["papers"] for r in got} == {G.nodes[m]["name"]: len(p) for m, p in n_papers.items()}
    # leaderboard: every result on the dataset, nothing else
    on = [(r, d) for r, d, k in edges if k == "ON_DATASET"]
    ds = on[0][1]
    got = _query("leaderboard", G, dataset=G.nodes[ds]["name"], metric=None)
    assert sorted(r["value"] for r in got) == sorted(G.nodes[r]["value"] for r, d in on if d == ds)
    # orphans: entity nodes without an incoming paper edge
    orph = {n for n in G if lab(n) in ("Method", "Dataset", "Metric", "Task")
            and not any(lab(p) == "Paper" for p in G.predecessors(n))}
    assert {r["key"] for r in _query("orphan_entities", G)} == orph


def test_cli_leaderboard_table_json_csv(fixture_graph):
    f = str(cypher_dir() / "queries" / "leaderboard.cypher")
    base = ["query", "--file", f, "--param", "dataset=imagenet", "--graph", str(fixture_graph)]
    r = CliRunner().invoke(cli, base)
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[0].split(" | ")[0].strip() == "dataset" and "rows)" in r.output
    every = json.loads(CliRunner().invoke(cli, base + ["--json"]).output)
    metric = next(d["metric"] for d in every if d["metric"])
    r = CliRunner().invoke(cli, base + ["--param", f"metric={metric.upper()}", "--json"])
    data = json.loads(r.output)
    assert data and {d["metric"] for d in data} == {metric}
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)
    r = CliRunner().invoke(cli, base + ["--csv"])
    table = list(csv.DictReader(io.StringIO(r.output)))
    assert table[0].keys() == {"dataset", "metric", "method", "value", "score", "paper"}
    assert {t["dataset"] for t in table} == {"ImageNet"}


def test_cli_errors_are_one_line(fixture_graph):
    g = ["--graph", str(fixture_graph)]
    r = CliRunner().invoke(cli, ["query", "MATCH (n) WHERE n.name = $name RETURN n", *g])
    assert r.exit_code == 1 and r.output == "Error: missing parameter(s): $name (pass --param name=VALUE)\n"
    r = CliRunner().invoke(cli, ["query", "MERGE (n:X) RETURN n", *g])
    assert r.exit_code == 1 and "MERGE is not supported by the embedded backend" in r.output
    assert len(r.output.strip().splitlines()) == 1
    r = CliRunner().invoke(cli, ["query", "RETURN 1", "--param", "oops", *g])
    assert r.exit_code == 1 and "expected NAME=VALUE" in r.output
    r = CliRunner().invoke(cli, ["query", *g])
    assert r.exit_code == 2


def test_a_query_file_error_names_the_file(fixture_graph, tmp_path):
    """A syntax error in --file said 'line 1, column 17' without the file; an empty file said 'must end with RETURN'."""
    syn, empty = tmp_path / "syn.cypher", tmp_path / "empty.cypher"
    syn.write_text("// a test query\nMATCH (m:Method RETURN m\n", encoding="utf-8")
    empty.write_text("\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["query", "--file", str(syn), "--graph", str(fixture_graph)])
    assert r.exit_code == 1 and r.stderr.startswith(f"Error: {syn}: line 2, column 17: expected ')'")
    r = CliRunner().invoke(cli, ["query", "--file", str(empty), "--graph", str(fixture_graph)])
    assert r.exit_code == 1
    assert r.stderr == f"Error: {empty}: the query file is empty (write a read query ending in RETURN)\n"
