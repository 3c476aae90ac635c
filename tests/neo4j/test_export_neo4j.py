"""`kg export cypher` and `kg export neo4j-admin`: escaping, Neo4j's parser, a real Bolt server, CSV round trips."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli
from kg.export.cypher_script import cypher_statements, write_cypher_script
from kg.export.neo4j_admin import read_neo4j_admin, write_neo4j_admin
from kg.neo4j import close_quietly, node_properties, rel_rows
from tests.neo4j.lint import lint, problems

neo4j = pytest.importorskip("neo4j")

WEIRD = ["it's", 'say "hi"', "back\\slash", "trail\\", "\\'", "new\nline\ttab\r", "é中😀 ﬁ", "ctl\x01\x7f",
         "\u2028sep", "$param {x}", "// not a comment", "a;b|c", "x'); MATCH (n) DETACH DELETE n; //"]


def weird_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i, w in enumerate(WEIRD):
        G.add_node(f"method:m{i}", label="Method", key=f"method:m{i}", name=w, aliases=[w, "plain"], paper_count=i,
                   ambiguous=bool(i % 2))
    G.add_node("paper:p'1", label="Paper", key="paper:p'1", title=WEIRD[5], date="2024-01-02", authors=["O'Neil", "Zoë"])
    G.add_edge("paper:p'1", "method:m0", key="PROPOSES", type="PROPOSES", confidence=0.5, support=1,
               papers=["p'1"], evidence=[{"paper": "p'1", "sentence": WEIRD[0] + WEIRD[2]}])
    G.add_edge("method:m0", "method:m1", key="BASED_ON", type="BASED_ON", confidence=1.0, support=2,
               papers=["a", "b"], evidence=[])
    return G


def run_all(uri, statements):
    d = neo4j.GraphDatabase.driver(uri, auth=None)
    try:
        with d.session() as s:
            for st in statements:
                s.run(st).consume()
    finally:
        close_quietly(d)


def read_back(uri):
    d = neo4j.GraphDatabase.driver(uri, auth=None)
    try:
        with d.session() as s:
            nodes = {r["k"]: (r["l"], r["p"]) for r in s.run("MATCH (n) RETURN n.key AS k, labels(n)[0] AS l, "
                                                               "properties(n) AS p")}
            rels = sorted((r["a"], r["t"], r["b"], r["p"]) for r in s.run(
                "MATCH (a)-[r]->(b) RETURN a.key AS a, type(r) AS t, b.key AS b, properties(r) AS p"))
    finally:
        close_quietly(d)
    return nodes, rels


def expected(G):
    nodes = {k: (a["label"], node_properties(k, a)) for k, a in G.nodes(data=True)}
    rels = []
    for (t, _, _), rows in rel_rows(G).items():
        for r in rows:
            p = {f: r[f] for f in ("confidence", "support", "papers", "evidence") if r[f] is not None}
            rels.append((r["s"], t, r["t"], {**p, **r["props"]}))
    return nodes, sorted(rels)


def data_statements(G, **kw):
    return [s for s in cypher_statements(G, schema=False, **kw)]


def test_script_values_arrive_exactly_on_a_bolt_server(falkor):
    G = weird_graph()
    run_all(falkor.uri, ["MATCH (n) DETACH DELETE n"] + data_statements(G, batch_size=1, max_bytes=3000))
    assert read_back(falkor.uri) == expected(G)
    run_all(falkor.uri, data_statements(G, batch_size=3, max_bytes=3000))  # again: MERGE, nothing doubles
    assert read_back(falkor.uri) == expected(G)


def sample(script: str) -> str:
    """The schema plus the first data statement of every kind (linting a whole script takes minutes)."""
    from kg.neo4j import split_statements
    seen, out = set(), []
    for st in split_statements(script):
        kind = st.split(" AS row", 1)[-1] if st.startswith("UNWIND [") else st
        if kind not in seen:
            seen.add(kind)
            out.append(st)
    return ";\n".join(out) + ";\n"


@pytest.fixture(scope="module")
def scripts(fixture_graph, tmp_path_factory):
    """The CLI's script of the built fixture graph, a sample of it and the weird-values script, linted in one run."""
    tmp = tmp_path_factory.mktemp("scripts")
    built = tmp / "graph.cypher"
    r = CliRunner().invoke(cli, ["export", "cypher", "--graph", str(fixture_graph), "-o", str(built)])
    assert r.exit_code == 0, r.output
    one_row = io.StringIO()  # same writer, one row per statement, so the sample stays small
    write_cypher_script(kg.load_graph(fixture_graph), one_row, batch_size=1)
    (tmp / "built_sample.cypher").write_text(sample(one_row.getvalue()), encoding="utf-8")
    buf = io.StringIO()
    write_cypher_script(weird_graph(), buf)
    (tmp / "weird.cypher").write_text(buf.getvalue(), encoding="utf-8")
    # what pasting a value without escaping would give: the linter must reject it
    (tmp / "unescaped.cypher").write_text(buf.getvalue().replace("\\'", "'", 1), encoding="utf-8")
    code, res = lint(tmp / "built_sample.cypher", tmp / "weird.cypher", tmp / "unescaped.cypher")
    return built, {r["file"].rsplit("/", 1)[-1]: r["diagnostics"] for r in res}


def test_exported_scripts_pass_neo4j_parser_and_unescaped_fails(scripts):
    built, diags = scripts
    text = built.read_text(encoding="utf-8")
    assert text.count("CREATE CONSTRAINT") == 7 and "$rows" not in text
    assert sum(ln.startswith("UNWIND [") for ln in text.splitlines()) >= 14
    sampled = (built.parent / "built_sample.cypher").read_text(encoding="utf-8")
    assert sampled.count("UNWIND [") >= 14  # every node label and most relationship kinds are linted
    for name in ("built_sample.cypher", "weird.cypher"):
        assert problems([{"file": name, "diagnostics": diags[name]}]) == []
    assert any(d["severity"] == 1 for d in diags["unescaped.cypher"])


def test_script_of_the_built_graph_loads_exactly(falkor, fixture_graph):
    G = kg.load_graph(fixture_graph)
    run_all(falkor.uri, ["MATCH (n) DETACH DELETE n"] + data_statements(G, batch_size=1, max_bytes=3000))
    assert read_back(falkor.uri) == expected(G)


def test_neo4j_admin_headers_id_spaces_arrays_and_round_trip(tmp_path):
    G = weird_graph()
    files = write_neo4j_admin(G, tmp_path)
    names = sorted(p.name for p in files)
    assert names == ["nodes_Method.csv", "nodes_Paper.csv", "rels_Method_BASED_ON_Method.csv",
                     "rels_Paper_PROPOSES_Method.csv"]
    with open(tmp_path / "nodes_Method.csv", newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header == ["key:ID(Method)", ":LABEL", "aliases:string[]", "ambiguous:boolean", "name",
                      "paper_count:long"]
    with open(tmp_path / "rels_Paper_PROPOSES_Method.csv", newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[:3] == [":START_ID(Paper)", ":END_ID(Method)", ":TYPE"]
    assert "papers:string[]" in header and "confidence:double" in header and "evidence" in header
    script = (tmp_path / "import.sh").read_text()
    # ';' and '|' occur inside list values, so the unit separator is the array delimiter
    assert "--array-delimiter=$'\\x1f'" in script and "--nodes=nodes_Method.csv" in script
    H = read_neo4j_admin(tmp_path)
    nodes, rels = expected(G)
    assert {k: (a["label"], {x: y for x, y in a.items() if x != "label"}) for k, a in H.nodes(data=True)} == nodes
    got = sorted((s, k, t, {x: y for x, y in a.items() if x != "type"}) for s, t, k, a in H.edges(keys=True, data=True))
    assert got == rels


def test_neo4j_admin_files_read_with_pandas(fixture_graph, tmp_path):
    pd = pytest.importorskip("pandas")
    G = kg.load_graph(fixture_graph)
    r = CliRunner().invoke(cli, ["export", "neo4j-admin", "--graph", str(fixture_graph), "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    n_nodes = n_rels = 0
    for p in sorted(tmp_path.glob("nodes_*.csv")):
        df = pd.read_csv(p, dtype=str, keep_default_na=False)
        label = p.stem.removeprefix("nodes_")
        assert df.columns[0] == f"key:ID({label})" and set(df[":LABEL"]) == {label}
        assert df[df.columns[0]].is_unique
        n_nodes += len(df)
    for p in sorted(tmp_path.glob("rels_*.csv")):
        df = pd.read_csv(p, dtype=str, keep_default_na=False)
        _, head, *type_, tail = p.stem.split("_")
        assert list(df.columns[:3]) == [f":START_ID({head})", f":END_ID({tail})", ":TYPE"]
        assert set(df[":TYPE"]) == {"_".join(type_)}
        n_rels += len(df)
    assert (n_nodes, n_rels) == (G.number_of_nodes(), G.number_of_edges())
    H = read_neo4j_admin(tmp_path)
    assert expected(H) == expected(G)
    if "--array-delimiter=';'" in (tmp_path / "import.sh").read_text():
        df = pd.read_csv(tmp_path / "nodes_Paper.csv", dtype=str, keep_default_na=False)
        first = next(k for k in sorted(G) if G.nodes[k]["label"] == "Paper")
        authors = df.loc[df["key:ID(Paper)"] == first, "authors:string[]"].iloc[0]
        assert authors.split(";") == G.nodes[first]["authors"]
