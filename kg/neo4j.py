"""Load the embedded graph into Neo4j (or any Bolt + openCypher server) idempotently.

The Cypher lives in ``cypher/`` (packaged as ``kg/cypher``): ``schema.cypher``
(Neo4j 5 constraints and indexes), ``schema_fallback.cypher`` (plain indexes for
servers without Neo4j 5 DDL, such as FalkorDB) and ``load/*.cypher``, one
``UNWIND $rows AS row MERGE ...`` statement per node label and per
(head label, relationship type, tail label). Python only picks a file by name;
labels and types come from :data:`kg.models.NODE_LABELS` /
:data:`kg.models.EDGE_TYPES`, values travel only as parameters. Batches are cut
by row count *and* by the byte size of their parameters, so small servers
(FalkorDB's Bolt endpoint) are not sent oversized requests.

>>> node_statement("Paper")
'UNWIND $rows AS row MERGE (n:Paper {key: row.key}) ON CREATE SET n += row.props ON MATCH SET n += row.props'
>>> rel_statement("PROPOSES", "Paper", "Method").split(" MERGE ")[1][:29]
'(a)-[r:PROPOSES]->(b) ON CREA'
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator

import networkx as nx

from kg.errors import StoreError
from kg.models import EDGE_TYPES, NODE_LABELS

__all__ = ["cypher_dir", "read_cypher", "strip_comments", "split_statements", "node_statement",
           "rel_statement", "to_property", "node_properties", "node_rows", "rel_rows", "fit_row", "batches", "escape_strings",
           "LoadReport", "load_graph_into", "connect", "server_quirks", "close_quietly", "total_rows"]

#: Fields of a relationship row that the load statements set one by one.
REL_FIELDS: tuple[str, ...] = ("confidence", "support", "papers", "evidence")


def cypher_dir() -> Path:
    """The folder holding ``schema.cypher``, ``load/`` and ``queries/``.

    Installed packages carry it as ``kg/cypher`` (a symlink to the top-level
    ``cypher/`` in a checkout, copied into wheels); a source tree without the
    link falls back to ``<repo>/cypher``.

    >>> (cypher_dir() / "schema.cypher").is_file()
    True
    """
    packaged = resources.files("kg").joinpath("cypher")
    if packaged.is_dir():
        return Path(str(packaged))
    top = Path(__file__).resolve().parent.parent / "cypher"
    if top.is_dir():
        return top
    raise StoreError("the kg Cypher files are missing (expected kg/cypher or ./cypher); reinstall kg")


def read_cypher(name: str) -> str:
    """Text of ``cypher/<name>`` (``.cypher`` added when missing).

    >>> read_cypher("load/node_Task").splitlines()[0][:20]
    '// Load Task nodes: '
    """
    rel = name if name.endswith((".cypher", ".grass")) else name + ".cypher"
    path = cypher_dir() / rel
    if not path.is_file():
        raise StoreError(f"{path}: no such Cypher file")
    return path.read_text(encoding="utf-8")


def strip_comments(text: str) -> str:
    """Drop ``//`` comment lines (whole lines only; a ``//`` inside a string stays).

    >>> strip_comments("// header\\nMATCH (n)\\n  // note\\nRETURN n")
    'MATCH (n)\\nRETURN n'
    """
    return "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("//")).strip()


def split_statements(text: str) -> list[str]:
    """Split a script on ``;`` outside strings, backticks and comments; comments dropped.

    >>> split_statements("RETURN ';' AS a; // c;\\nRETURN 2;")
    ["RETURN ';' AS a", 'RETURN 2']
    """
    out: list[str] = []
    buf: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"`":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" and c != "`" else 1
            buf.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c == ";":
            out.append("".join(buf).strip())
            buf = []
            i += 1
        else:
            buf.append(c)
            i += 1
    out.append("".join(buf).strip())
    return [s for s in out if s]


def _compact(text: str) -> str:
    return " ".join(strip_comments(text).split())


def node_statement(label: str) -> str:
    """The MERGE statement for one node label, from ``cypher/load/node_<Label>.cypher``."""
    if label not in NODE_LABELS:
        raise StoreError(f"label {label!r} is not in the schema")
    return _compact(read_cypher(f"load/node_{label}"))


def rel_statement(type_: str, head: str, tail: str) -> str:
    """The MERGE statement for one relationship type between two labels."""
    if type_ not in EDGE_TYPES or head not in NODE_LABELS or tail not in NODE_LABELS:
        raise StoreError(f"relationship {head}-{type_}->{tail} is not in the schema")
    path = cypher_dir() / "load" / f"rel_{head}_{type_}_{tail}.cypher"
    if not path.is_file():
        raise StoreError(f"relationship {head}-{type_}->{tail} is not in the schema (no {path.name})")
    return _compact(path.read_text(encoding="utf-8"))


def to_property(value: Any) -> Any:
    """A value Bolt can store: scalars and lists of scalars as is, anything else as JSON.

    >>> to_property(["a", "b"]), to_property([{"paper": "1"}]), to_property(None)
    (['a', 'b'], '[{"paper": "1"}]', None)
    """
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float, bool)) for v in value):
        return list(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _props(attrs: dict[str, Any], skip: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for k, v in sorted(attrs.items()):
        if k in skip:
            continue
        p = to_property(v)
        if p is not None and p != []:
            out[k] = p
    return out


def node_properties(key: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """The properties a node gets in Neo4j: no ``label``, no nulls or empty lists, nested values as JSON.

    A Paper's ``id`` (the key without ``paper:``) is filled in when the store left it out.

    >>> node_properties("paper:1", {"label": "Paper", "key": "paper:1", "title": "T", "doi": None, "urls": []})
    {'id': '1', 'key': 'paper:1', 'title': 'T'}
    """
    props = _props(attrs, ("label",))
    if attrs.get("label") == "Paper" and props.get("id") is None:
        props["id"] = key.removeprefix("paper:")
    props["key"] = key
    return dict(sorted(props.items()))


def node_rows(G: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Rows per label: ``{"key": ..., "props": {...}}``, sorted by key.

    >>> G = nx.MultiDiGraph(); G.add_node("task:qa", label="Task", name="QA", aliases=[])
    >>> node_rows(G)["Task"]
    [{'key': 'task:qa', 'props': {'name': 'QA'}}]
    """
    rows: dict[str, list[dict]] = defaultdict(list)
    for key, a in sorted(G.nodes(data=True), key=lambda t: t[0]):
        label = a.get("label")
        if label not in NODE_LABELS:
            raise StoreError(f"node {key!r} has label {label!r}, not in the schema")
        props = node_properties(key, a)
        del props["key"]
        rows[label].append({"key": key, "props": props})
    return rows


def rel_rows(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict]]:
    """Rows per (type, head label, tail label): ``{s, t, confidence, support, papers, evidence, props}``.

    >>> G = nx.MultiDiGraph(); G.add_node("m:a", label="Method"); G.add_node("m:b", label="Method")
    >>> G.add_edge("m:a", "m:b", key="OUTPERFORMS", type="OUTPERFORMS", support=1, evidence=[{"paper": "1"}])
    'OUTPERFORMS'
    >>> rel_rows(G)[("OUTPERFORMS", "Method", "Method")]
    [{'s': 'm:a', 't': 'm:b', 'confidence': None, 'support': 1, 'papers': None, 'evidence': '[{"paper": "1"}]', 'props': {}}]
    """
    rows: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for s, t, k, a in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        type_ = a.get("type", k)
        row = {"s": s, "t": t}
        for f in REL_FIELDS:
            v = to_property(a.get(f))
            row[f] = None if v == [] else v
        row["props"] = _props(a, ("type", *REL_FIELDS))
        rows[(type_, G.nodes[s]["label"], G.nodes[t]["label"])].append(row)
    return rows


def _size(row: dict) -> int:
    return len(json.dumps(escape_strings(row), ensure_ascii=False).encode())


def fit_row(row: dict, max_bytes: int) -> tuple[list[dict], list[str]]:
    """Split a node row whose parameters exceed ``max_bytes`` into rows with the same key.

    The load statements add properties with ``+=``, so several rows for one
    key build the same node as one row would. A single property that alone
    exceeds the budget cannot be sent; it is left out and its name returned.

    >>> rows, dropped = fit_row({"key": "k", "props": {"a": "x" * 50, "b": "y" * 50}}, 90)
    >>> [sorted(r["props"]) for r in rows], dropped
    ([['a'], ['b']], [])
    >>> fit_row({"key": "k", "props": {"a": "x" * 500}}, 90)[1]
    ['a']
    """
    if _size(row) <= max_bytes or "props" not in row or "key" not in row:
        return [row], []
    base = {k: v for k, v in row.items() if k != "props"}
    out: list[dict] = []
    dropped: list[str] = []
    cur: dict[str, Any] = {}
    for k, v in row["props"].items():
        if _size({**base, "props": {k: v}}) > max_bytes:
            dropped.append(k)
            continue
        if cur and _size({**base, "props": {**cur, k: v}}) > max_bytes:
            out.append({**base, "props": cur})
            cur = {}
        cur[k] = v
    out.append({**base, "props": cur})
    return out, dropped


def batches(rows: list[dict], max_rows: int, max_bytes: int) -> Iterator[list[dict]]:
    """Cut rows into batches of at most ``max_rows`` rows and ~``max_bytes`` JSON bytes.

    A row bigger than ``max_bytes`` goes alone.

    >>> [len(b) for b in batches([{"k": "x" * 10}] * 5, 3, 10_000)]
    [3, 2]
    >>> [len(b) for b in batches([{"k": "x" * 10}] * 5, 100, 40)]
    [2, 2, 1]
    """
    batch: list[dict] = []
    size = 0
    for row in rows:
        n = _size(row)
        if batch and (len(batch) >= max_rows or size + n > max_bytes):
            yield batch
            batch, size = [], 0
        batch.append(row)
        size += n
    if batch:
        yield batch


def escape_strings(value: Any) -> Any:
    """Backslash-escape ``\\`` and ``'`` in every string of a parameter value.

    FalkorDB's Bolt endpoint pastes string parameters into single-quoted Cypher
    literals without escaping them (a ``'`` breaks the request, ``\\t`` turns
    into a tab); pre-escaping gives back exactly the original string. Used only
    for servers where :func:`server_quirks` detected this.

    >>> escape_strings({"a": ["it's", "c:\\\\x"], "n": 1})
    {'a': ["it\\\\'s", 'c:\\\\\\\\x'], 'n': 1}
    """
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'").replace("\x00", "")
    if isinstance(value, list):
        return [escape_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: escape_strings(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Quirks:
    """What a Bolt server needs: string pre-escaping, a request byte budget."""

    escape: bool = False
    max_bytes: int | None = None

    def params(self, value: Any) -> Any:
        return escape_strings(value) if self.escape else value


def server_quirks(driver, database: str | None = None) -> Quirks:
    """Probe how the server treats a string parameter holding a backslash.

    Neo4j returns it unchanged; FalkorDB (which also reports itself as
    ``Neo4j/5.x``) interprets ``\\t`` as an escape: then strings must be
    pre-escaped and requests kept under ~4 KB.
    """
    probe = "\\t"
    try:
        with driver.session(database=database) as s:
            got = s.run(read_cypher("probe"), x=probe).single()[0]
    except Exception:  # a server that cannot even echo a parameter gets the cautious settings
        return Quirks(escape=False, max_bytes=3000)
    if got == probe:
        return Quirks()
    return Quirks(escape=True, max_bytes=3000)


@dataclass(frozen=True)
class LoadReport:
    """What a load did: rows sent, how keys were indexed, property values that could not be sent."""

    nodes: int
    relationships: int
    index_mode: str
    dropped: tuple[str, ...] = field(default_factory=tuple)


def _ensure_keys(session) -> str:
    """Apply ``schema.cypher`` (Neo4j 5); if refused, ``schema_fallback.cypher``.

    Neo4j 5 runs every statement (all ``IF NOT EXISTS``). A server refusing the
    first Neo4j 5 statement gets the plain indexes instead; FalkorDB reports an
    existing index as an unknown error, so refusals there are counted, not fatal.
    """
    stmts = split_statements(read_cypher("schema"))
    try:
        session.run(stmts[0]).consume()
    except Exception:
        created = 0
        for stmt in split_statements(read_cypher("schema_fallback")):
            try:
                session.run(stmt).consume()
                created += 1
            except Exception:
                continue
        return f"plain indexes ({created} created, others present or refused)"
    for stmt in stmts[1:]:
        session.run(stmt).consume()
    return "neo4j constraints"


def connect(uri: str, user: str | None, password: str | None):
    """Open a driver and verify connectivity; failures become one-line StoreErrors."""
    import neo4j
    from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

    log = logging.getLogger("neo4j")
    if not log.handlers:  # the driver's own warnings would add a second, noisier line
        log.addHandler(logging.NullHandler())
        log.propagate = False
    auth = (user or "neo4j", password or "") if (user or password) else None
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=5,
                                            max_transaction_retry_time=10)
        driver.verify_connectivity()
    except AuthError as exc:
        raise StoreError(f"{uri}: authentication failed for user {user or 'neo4j'!r} "
                         "(check --user/--password or NEO4J_USERNAME/NEO4J_PASSWORD)") from exc
    except (ServiceUnavailable, OSError) as exc:
        raise StoreError(f"{uri}: server unreachable (is it running? check --uri or NEO4J_URI)") from exc
    except Neo4jError as exc:
        msg = (exc.message or str(exc) or type(exc).__name__).splitlines()[0]
        raise StoreError(f"{uri}: the server refused the connection: {msg} "
                         "(check --user/--password and --database)") from exc
    except ValueError as exc:
        raise StoreError(f"{uri}: {str(exc).splitlines()[0] if str(exc) else 'invalid URI'}") from exc
    return driver


def load_graph_into(driver, G: nx.MultiDiGraph, *, database: str | None = None, batch_size: int = 500,
                    max_bytes: int | None = None,
                    progress: Callable[[int], None] | None = None) -> LoadReport:
    """MERGE every node, then every relationship, in managed write transactions.

    Re-running (after a full or interrupted load) creates no duplicates.
    ``max_bytes`` caps the parameter bytes per transaction; by default it is
    probed (3000 for FalkorDB, 1 MB otherwise).
    """
    from neo4j.exceptions import DriverError, Neo4jError

    quirks = server_quirks(driver, database)
    budget = max_bytes or quirks.max_bytes or 1_000_000
    nrows = node_rows(G)
    rrows = rel_rows(G)
    done_nodes = done_rels = 0
    dropped: list[str] = []
    seen: set[str] = set()

    def write(tx, stmt, rows):
        tx.run(stmt, rows=quirks.params(rows)).consume()

    try:
        with driver.session(database=database) as session:
            mode = _ensure_keys(session)
            for label in NODE_LABELS:
                stmt = node_statement(label)
                fitted: list[dict] = []
                for row in nrows.get(label, []):
                    parts, lost = fit_row(row, budget)
                    fitted.extend(parts)
                    dropped.extend(f"{row['key']}.{p}" for p in lost)
                for b in batches(fitted, batch_size, budget):
                    session.execute_write(write, stmt, b)
                    new = {r["key"] for r in b} - seen
                    seen |= new
                    done_nodes += len(new)
                    if progress:
                        progress(len(new))
            for (type_, head, tail), rows in sorted(rrows.items()):
                stmt = rel_statement(type_, head, tail)
                for b in batches(rows, batch_size, budget):
                    session.execute_write(write, stmt, b)
                    done_rels += len(b)
                    if progress:
                        progress(len(b))
    except (Neo4jError, DriverError, OSError) as exc:
        raise StoreError(f"load failed after {done_nodes} nodes and {done_rels} relationships: "
                         f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'connection lost'} "
                         "(re-run `kg load` to resume; loading is idempotent)") from exc
    return LoadReport(nodes=done_nodes, relationships=done_rels, index_mode=mode, dropped=tuple(dropped))


def total_rows(G: nx.MultiDiGraph) -> int:
    """Number of progress steps: nodes plus edges."""
    return G.number_of_nodes() + G.number_of_edges()


def close_quietly(driver) -> None:
    """Close a driver without the Bolt GOODBYE message.

    FalkorDB's Bolt endpoint can hang the next connection after a polite
    GOODBYE; dropping the sockets is harmless for Neo4j too (uses the driver's
    private pool, guarded so a driver change only falls back to ``close()``).
    """
    try:
        for conns in getattr(driver._pool, "connections", {}).values():
            for conn in list(conns):
                conn._defunct = True
    except Exception:  # pragma: no cover - driver internals changed
        pass
    driver.close()
