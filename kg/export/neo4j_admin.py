"""CSV files for ``neo4j-admin database import full``: the bulk path for graphs of millions of papers.

One node file per label (``nodes_<Label>.csv``) and one relationship file per
(head label, type, tail label) (``rels_<Head>_<TYPE>_<Tail>.csv``), each with
its header as the first row. Every label is its own ID space, so the ID column
is ``key:ID(<Label>)`` (the key is also stored as the ``key`` property) and
relationship files use ``:START_ID(<Head>)`` / ``:END_ID(<Tail>)``. Typed
columns: ``:long``, ``:double``, ``:boolean``, ``:string[]`` for lists of
strings (joined with the array delimiter written to ``import.sh``); nested
values (``evidence``) are JSON strings. Properties follow the loader
(:func:`kg.neo4j.node_properties`), so an import and ``kg load`` give the same
graph. ``import.sh`` holds the exact command; :func:`read_neo4j_admin` reads
the files back.

>>> import tempfile
>>> G = nx.MultiDiGraph()
>>> G.add_node("method:a", label="Method", key="method:a", name="A", aliases=["a;1", "b"], paper_count=2)
>>> d = tempfile.mkdtemp(); files = write_neo4j_admin(G, d)
>>> open(f"{d}/nodes_Method.csv").readline().strip()
'key:ID(Method),:LABEL,aliases:string[],name,paper_count:long'
>>> read_neo4j_admin(d).nodes["method:a"]["aliases"]
['a;1', 'b']
"""

from __future__ import annotations

import csv
import json
import os
import re
import shlex
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import GraphError
from kg.models import NODE_LABELS
from kg.neo4j import REL_FIELDS, node_properties, rel_rows

__all__ = ["column_type", "write_neo4j_admin", "read_neo4j_admin", "import_command", "ARRAY_DELIMITERS"]

#: Tried in order; the first that occurs in no list element is used.
ARRAY_DELIMITERS = (";", "|", "\u001f")


def column_type(values: list[Any]) -> str:
    """The neo4j-admin type of a property column from its non-null values.

    >>> column_type([1, 2]), column_type([1, 2.5]), column_type([True]), column_type([["a"]]), column_type(["x", 1])
    ('long', 'double', 'boolean', 'string[]', 'string')
    """
    vals = [v for v in values if v is not None]
    if vals and all(isinstance(v, bool) for v in vals):
        return "boolean"
    if vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return "long"
    if vals and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
        return "double"
    if vals and all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in vals):
        return "string[]"
    return "string"


def _cell(value: Any, typ: str, delim: str) -> str:
    if value is None:
        return ""
    if typ == "string[]":
        return delim.join(value)
    if typ == "boolean":
        return "true" if value else "false"
    if typ == "string" and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _delimiter(G: nx.MultiDiGraph) -> str:
    elements = set()
    for _, a in G.nodes(data=True):
        for v in a.values():
            if isinstance(v, (list, tuple)):
                elements.update(x for x in v if isinstance(x, str))
    for *_, a in G.edges(data=True):
        if isinstance(a.get("papers"), list):
            elements.update(a["papers"])
    for d in ARRAY_DELIMITERS:
        if not any(d in e for e in elements):
            return d
    raise GraphError("every array delimiter (; | \\x1f) occurs inside a list value; cannot write neo4j-admin CSV")


def _write_table(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_neo4j_admin(G: nx.MultiDiGraph, directory: str | os.PathLike) -> list[Path]:
    """Write node and relationship CSVs plus ``import.sh`` into ``directory``; return the CSV paths."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    delim = _delimiter(G)
    written: list[Path] = []
    by_label: dict[str, list[tuple[str, dict]]] = {}
    for key, a in sorted(G.nodes(data=True), key=lambda t: t[0]):
        label = a.get("label")
        if label not in NODE_LABELS:
            raise GraphError(f"node {key!r} has label {label!r}, not in the schema")
        by_label.setdefault(label, []).append((key, node_properties(key, a)))
    for label in NODE_LABELS:
        items = by_label.get(label)
        if not items:
            continue
        names = sorted({k for _, p in items for k in p} - {"key"})
        types = {n: column_type([p.get(n) for _, p in items]) for n in names}
        header = [f"key:ID({label})", ":LABEL"] + [n if types[n] == "string" else f"{n}:{types[n]}" for n in names]
        rows = [[key, label] + [_cell(p.get(n), types[n], delim) for n in names] for key, p in items]
        path = out / f"nodes_{label}.csv"
        _write_table(path, header, rows)
        written.append(path)
    for (type_, head, tail), rows in sorted(rel_rows(G).items()):
        flat = [{**{f: r[f] for f in REL_FIELDS}, **r["props"]} for r in rows]
        names = sorted({k for p in flat for k, v in p.items() if v is not None})
        types = {n: column_type([p.get(n) for p in flat]) for n in names}
        header = [f":START_ID({head})", f":END_ID({tail})", ":TYPE"] + \
                 [n if types[n] == "string" else f"{n}:{types[n]}" for n in names]
        table = [[r["s"], r["t"], type_] + [_cell(p.get(n), types[n], delim) for n in names]
                 for r, p in zip(rows, flat)]
        path = out / f"rels_{head}_{type_}_{tail}.csv"
        _write_table(path, header, table)
        written.append(path)
    (out / "import.sh").write_text(
        "#!/bin/sh\n# Written by `kg export neo4j-admin`. Run from this folder with Neo4j stopped;\n"
        "# it replaces the database (default name neo4j). Then apply cypher/schema.cypher.\n"
        + import_command([p.name for p in written], delim) + "\n", encoding="utf-8")
    return written


def import_command(files: list[str], delimiter: str = ";", database: str = "neo4j") -> str:
    """The ``neo4j-admin database import full`` command line for these files.

    >>> import_command(["nodes_Task.csv", "rels_Paper_ADDRESSES_Task.csv"])
    "neo4j-admin database import full neo4j --overwrite-destination --multiline-fields=true --array-delimiter=';' --nodes=nodes_Task.csv --relationships=rels_Paper_ADDRESSES_Task.csv"
    """
    delim = "$'\\x1f'" if delimiter == "\u001f" else shlex.quote(delimiter)
    parts = ["neo4j-admin", "database", "import", "full", database, "--overwrite-destination",
             "--multiline-fields=true", f"--array-delimiter={delim}"]
    parts += [f"--nodes={f}" for f in files if f.startswith("nodes_")]
    parts += [f"--relationships={f}" for f in files if f.startswith("rels_")]
    return " ".join(parts)


_TYPED = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>[A-Za-z_\[\]]+)(?:\((?P<space>[^)]*)\))?)?$")


def _parse(cell: str, typ: str | None, delim: str) -> Any:
    if cell == "":
        return None
    if typ == "long":
        return int(cell)
    if typ == "double":
        return float(cell)
    if typ == "boolean":
        return cell == "true"
    if typ == "string[]":
        return cell.split(delim)
    return cell


def read_neo4j_admin(directory: str | os.PathLike) -> nx.MultiDiGraph:
    """Read files written by :func:`write_neo4j_admin` back into a schema graph (JSON strings stay strings)."""
    d = Path(directory)
    script = (d / "import.sh").read_text(encoding="utf-8") if (d / "import.sh").exists() else ""
    m = re.search(r"--array-delimiter=(\$'\\x1f'|'[^']*'|\S+)", script)
    delim = ";" if not m else "\u001f" if m[1].startswith("$") else m[1].strip("'")
    G = nx.MultiDiGraph()
    for path in sorted(d.glob("nodes_*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            r = csv.reader(f)
            header = [_TYPED.match(h).groupdict() for h in next(r)]
            for row in r:
                attrs: dict[str, Any] = {}
                key = None
                for h, cell in zip(header, row):
                    if h["type"] == "ID":
                        key = cell
                    elif h["type"] == "LABEL":
                        attrs["label"] = cell
                    else:
                        v = _parse(cell, h["type"], delim)
                        if v is not None:
                            attrs[h["name"]] = v
                if key is None:
                    raise GraphError(f"{path}: no :ID column")
                G.add_node(key, key=key, **attrs)
    for path in sorted(d.glob("rels_*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            r = csv.reader(f)
            header = [_TYPED.match(h).groupdict() for h in next(r)]
            for row in r:
                s = t = type_ = None
                attrs = {}
                for h, cell in zip(header, row):
                    if h["type"] == "START_ID":
                        s = cell
                    elif h["type"] == "END_ID":
                        t = cell
                    elif h["type"] == "TYPE":
                        type_ = cell
                    else:
                        v = _parse(cell, h["type"], delim)
                        if v is not None:
                            attrs[h["name"]] = v
                G.add_edge(s, t, key=type_, type=type_, **attrs)
    return G
