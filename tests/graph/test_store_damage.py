"""A store damaged inside (a broken line, a field of the wrong type, an edge to no node, an unknown label) was read
without a word: the commands then crashed with a traceback (`kg stats`: TypeError) or wrote a node with no label
(`kg export`). Each now stops with the file, the line (or item) and the field, and what to do."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import GraphError
from kg.graph import build_graph, load_graph, save_graph
from tests.graph.records import records_a, records_b


@pytest.fixture(scope="module")
def lines(tmp_path_factory):
    p = save_graph(build_graph(records_a() + records_b()), tmp_path_factory.mktemp("g") / "g.json.gz")
    return gzip.decompress(p.read_bytes()).split(b"\n")


def _line(lines, start: bytes) -> int:
    return next(i for i, x in enumerate(lines) if x.startswith(start))


def _damage(tmp_path, lines, i, old: bytes, new: bytes):
    lines = list(lines)
    assert old in lines[i]
    lines[i] = lines[i].replace(old, new, 1)
    p = tmp_path / "g.json.gz"
    p.write_bytes(gzip.compress(b"\n".join(lines)))
    return p


def _stats_error(p) -> str:
    r = CliRunner().invoke(cli, ["stats", "--graph", str(p)])
    assert r.exit_code == 1 and "Traceback" not in r.output
    [line] = r.stderr.splitlines()
    assert line.endswith(f"(the store is damaged: rebuild it with `kg build INPUT --graph {p}`)")
    return line


def test_a_field_of_the_wrong_type_names_line_and_field(tmp_path, lines):
    i = _line(lines, b'{"aliases"')  # an entity node
    p = _damage(tmp_path, lines, i, b'"paper_count":', b'"paper_count":"many","x":')
    assert _stats_error(p).startswith(f"Error: {p}:{i + 1}: field 'paper_count': node '")
    assert "has str 'many', expected int" in _stats_error(p)


def test_an_edge_to_no_node(tmp_path, lines):
    i = lines.index(b'],"edges":[') + 1  # the first edge
    p = _damage(tmp_path, lines, i, b'"target":"', b'"target":"gone:')
    assert _stats_error(p).startswith(f"Error: {p}:{i + 1}: field 'target': edge ")
    assert "is no node" in _stats_error(p)
    r = CliRunner().invoke(cli, ["export", "json", "-o", str(tmp_path / "x.json"), "--graph", str(p)])
    assert r.exit_code == 1 and not (tmp_path / "x.json").exists()


def test_a_broken_line_and_an_unknown_label(tmp_path, lines):
    i = _line(lines, b'{"aliases"')
    p = _damage(tmp_path, lines, i, b'"label":"', b'"label":"X')
    assert f"{p}:{i + 1}: field 'label': node '" in _stats_error(p)
    p = _damage(tmp_path, lines, i + 1, b'":', b'":,')
    assert _stats_error(p).startswith(f"Error: {p}:{i + 2}: not valid JSON (")


def test_the_whole_document_layout_names_the_item(tmp_path, lines):
    doc = json.loads(b"\n".join(lines))
    doc["edges"][2]["support"] = "3"
    p = tmp_path / "doc.json.gz"
    p.write_bytes(gzip.compress(json.dumps(doc, indent=1).encode()))
    with pytest.raises(GraphError, match=r"doc\.json\.gz: edge 3 of the list: field 'support': edge \w+ '.*' -> "
                                         r"'.*' has str '3', expected int"):
        load_graph(p)
