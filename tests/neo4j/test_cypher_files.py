"""Every .cypher file passes Neo4j's own parser; the files match the schema and the loader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.models import ENTITY_EDGES, NODE_LABELS, PAPER_EDGES, RESULT_EDGES
from kg.neo4j import cypher_dir, node_statement, rel_statement, split_statements
from tests.neo4j.lint import lint, problems

CYPHER = cypher_dir()
QUERIES = sorted((CYPHER / "queries").glob("*.cypher"))


@pytest.fixture(scope="module")
def lint_all():
    return lint(CYPHER)


def test_every_cypher_file_lints_clean(lint_all):
    code, results = lint_all
    linted = {r["file"].split("cypher/", 1)[-1] for r in results}
    expected = {p.relative_to(CYPHER).as_posix() for p in CYPHER.rglob("*.cypher")}
    assert expected <= linted and len(expected) >= 40
    assert problems(results) == []
    assert code == 0


def test_linter_catches_syntax_errors_unknown_labels_and_undeclared_params():
    code, res = lint(stdin="MATCH (p:Paper RETURN p;")
    assert code == 1 and any("Invalid input" in d["message"] for d in res[0]["diagnostics"])
    code, res = lint(stdin="// :param a => 1\nMATCH (p:Paper) WHERE p.x = $a AND p.y = $b RETURN p;")
    assert code == 1 and [d["message"] for d in res[0]["diagnostics"]] == ["Parameter $b is not defined."]
    code, res = lint(stdin="MATCH (p:Papr)-[:PROPOSE]->(m) RETURN m;")
    assert len(problems(res)) == 2


def test_load_files_cover_the_schema_exactly():
    combos = {(t, "Paper", tl) for t, tails in PAPER_EDGES.items() for tl in tails}
    combos |= {(t, h, tl) for t, (h, tl) in ENTITY_EDGES.items()}
    combos |= {(t, "Result", tl) for t, tl in RESULT_EDGES.items()}
    files = {p.stem for p in (CYPHER / "load").glob("*.cypher")}
    assert files == {f"node_{lb}" for lb in NODE_LABELS} | {f"rel_{h}_{t}_{tl}" for t, h, tl in combos}
    for t, h, tl in combos:
        stmt = rel_statement(t, h, tl)
        assert stmt.startswith("UNWIND $rows AS row") and f"[r:{t}]" in stmt and "ON MATCH SET" in stmt
        assert all(f"r.{f} = row.{f}" in stmt for f in ("evidence", "confidence", "support"))
    for lb in NODE_LABELS:
        assert f"MERGE (n:{lb} {{key: row.key}}) ON CREATE SET" in node_statement(lb)


def test_schema_has_constraint_per_label_and_fulltext():
    stmts = split_statements((CYPHER / "schema.cypher").read_text())
    assert all("IF NOT EXISTS" in s for s in stmts)
    for lb in NODE_LABELS:
        assert any(f"(n:{lb}) REQUIRE n.key IS UNIQUE" in s for s in stmts), lb
    assert any(s.startswith("CREATE FULLTEXT INDEX") and "n.abstract" in s and "n.aliases" in s for s in stmts)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_query_files_have_a_header(path):
    text = path.read_text()
    header = [ln for ln in text.splitlines() if ln.startswith("//")]
    assert len(header) >= 3 and any("Answers:" in ln for ln in header) and any("Parameters:" in ln for ln in header)
    used = set(re.findall(r"\$([A-Za-z_]\w*)", "\n".join(ln for ln in text.splitlines() if not ln.startswith("//"))))
    declared = set(re.findall(r"^// :param (\w+) =>", text, re.M))
    assert used == declared, path.name


def test_at_least_twelve_queries_and_style_file():
    assert len(QUERIES) >= 12
    grass = (CYPHER / "style.grass").read_text()
    for lb in NODE_LABELS:
        assert f"node.{lb} {{" in grass


def test_cypher_files_ship_inside_the_package(tmp_path):
    """kg/cypher is a symlink to cypher/; setuptools copies the files into the wheel's kg/cypher."""
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    src = tmp_path / "src"
    src.mkdir()
    for name in ("kg", "cypher", "pyproject.toml"):
        p = root / name
        (shutil.copytree(p, src / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
         if p.is_dir() else shutil.copy(p, src / name))
    (src / "README.md").write_text("x")
    proc = subprocess.run([sys.executable, "-c", "import setuptools; setuptools.setup()", "-q", "build_py",
                           "--build-lib", str(tmp_path / "lib")], cwd=src, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    shipped = tmp_path / "lib" / "kg" / "cypher"
    assert not shipped.is_symlink()
    assert sorted(p.relative_to(shipped).as_posix() for p in shipped.rglob("*") if p.is_file()) == \
        sorted(p.relative_to(root / "cypher").as_posix() for p in (root / "cypher").rglob("*") if p.is_file())
    out = subprocess.run([sys.executable, "-c", "from kg.neo4j import cypher_dir; print(cypher_dir())"],
                         cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "lib")}, capture_output=True, text=True)
    assert out.stdout.strip() == str(shipped), out.stderr
