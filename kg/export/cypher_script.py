"""A Cypher script that recreates the graph in Neo4j: ``cypher-shell -f graph.cypher``.

The script is ``cypher/schema.cypher`` followed by the loader's own statements
(``cypher/load/*.cypher``) with ``$rows`` replaced by a literal list of rows, a
few hundred rows per statement. Values are written as escaped Cypher literals
(:func:`cypher_literal`), never pasted raw, so quotes, backslashes, newlines
and any Unicode survive. Running it twice changes nothing (``MERGE``).

>>> print(cypher_literal({"title": "It's a \\\\ test\\n", "n": [1, 2.5, None, True]}))
{title: 'It\\'s a \\\\ test\\n', n: [1, 2.5, null, true]}
"""

from __future__ import annotations

import io
import math
import os
import re
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.errors import GraphError
from kg.models import NODE_LABELS
from kg.neo4j import batches, node_rows, node_statement, read_cypher, rel_rows, rel_statement, split_statements

__all__ = ["cypher_literal", "cypher_statements", "write_cypher_script"]

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r"[\\'\n\r\t\b\f]")


def _string(s: str) -> str:
    # Other control characters go in raw: Neo4j reads them, FalkorDB has no \uXXXX escape. NUL cannot be stored.
    return "'" + _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], s.replace("\x00", "")) + "'"


def cypher_literal(value: Any) -> str:
    """``value`` as a Cypher literal (strings single-quoted and escaped, maps with safe keys).

    >>> cypher_literal("a'b\\\\c"), cypher_literal("é\\n"), cypher_literal({"odd key": 1})
    ("'a\\\\'b\\\\\\\\c'", "'é\\\\n'", '{`odd key`: 1}')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return "null"  # Cypher has no literal for them; the loader would not store them either
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = []
        for k, v in value.items():
            k = str(k)
            name = k if _IDENT.fullmatch(k) else "`" + k.replace("`", "``") + "`"
            items.append(f"{name}: {cypher_literal(v)}")
        return "{" + ", ".join(items) + "}"
    raise GraphError(f"cannot write a {type(value).__name__} as a Cypher literal")


def cypher_statements(G: nx.MultiDiGraph, *, batch_size: int = 200, max_bytes: int = 200_000,
                      schema: bool = True) -> list[str]:
    """Schema statements, then one ``UNWIND [rows] AS row MERGE ...`` per batch of nodes/relationships.

    >>> G = nx.MultiDiGraph(); G.add_node("task:qa", label="Task", name="Q'A")
    >>> cypher_statements(G, schema=False)
    ["UNWIND [{key: 'task:qa', props: {name: 'Q\\\\'A'}}] AS row MERGE (n:Task {key: row.key}) ON CREATE SET n += row.props ON MATCH SET n += row.props"]
    """
    out = split_statements(read_cypher("schema")) if schema else []
    nrows = node_rows(G)
    for label in NODE_LABELS:
        stmt = node_statement(label)
        for b in batches(nrows.get(label, []), batch_size, max_bytes):
            out.append(_with_rows(stmt, b))
    for (type_, head, tail), rows in sorted(rel_rows(G).items()):
        stmt = rel_statement(type_, head, tail)
        for b in batches(rows, batch_size, max_bytes):
            out.append(_with_rows(stmt, b))
    return out


def _with_rows(stmt: str, rows: list[dict]) -> str:
    head = "UNWIND $rows AS row"
    if not stmt.startswith(head):
        raise GraphError(f"load statement does not start with {head!r}: {stmt[:40]}")
    return f"UNWIND {cypher_literal(rows)} AS row" + stmt[len(head):]


def write_cypher_script(G: nx.MultiDiGraph, path: str | os.PathLike | IO[str], *, batch_size: int = 200) -> None:
    """Write the script to a path or an open text file (UTF-8); one statement per line, ``;``-terminated."""
    header = ("// Knowledge graph written by `kg export cypher`: schema (Neo4j 5), then idempotent MERGE batches.\n"
              f"// {G.number_of_nodes()} nodes, {G.number_of_edges()} relationships.\n"
              "// Run: cypher-shell -a bolt://localhost:7687 -u neo4j -p <password> -f <this file>\n")
    if isinstance(path, (str, os.PathLike)):
        with open(Path(path), "w", encoding="utf-8", newline="\n") as f:
            _write(G, f, header, batch_size)
    else:
        _write(G, path, header, batch_size)


def _write(G: nx.MultiDiGraph, f: IO[str] | io.StringIO, header: str, batch_size: int) -> None:
    f.write(header)
    for stmt in cypher_statements(G, batch_size=batch_size):
        f.write(stmt + ";\n")
