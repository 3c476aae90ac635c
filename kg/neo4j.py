"""Load the embedded graph into Neo4j (or any Bolt + openCypher server) idempotently.

Every statement is a fixed ``UNWIND $rows AS row MERGE ...`` whose label and
relationship type come only from :data:`kg.models.NODE_LABELS` /
:data:`kg.models.EDGE_TYPES`; values travel only as parameters. Batches are cut
by row count *and* by the byte size of their parameters, so small servers
(FalkorDB's Bolt endpoint) are not sent oversized requests.

>>> node_statement("Paper")
'UNWIND $rows AS row MERGE (n:Paper {key: row.key}) SET n += row.props'
>>> rel_statement("PROPOSES", "Paper", "Method")
'UNWIND $rows AS row MATCH (a:Paper {key: row.s}) MATCH (b:Method {key: row.t}) MERGE (a)-[r:PROPOSES]->(b) SET r += row.props'
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

import networkx as nx

from kg.errors import StoreError
from kg.models import EDGE_TYPES, NODE_LABELS

__all__ = ["node_statement", "rel_statement", "to_property", "node_rows", "rel_rows", "batches",
           "LoadReport", "load_graph_into", "connect", "close_quietly", "total_rows"]


def node_statement(label: str) -> str:
    """The MERGE statement for one node label (label checked against the schema)."""
    if label not in NODE_LABELS:
        raise StoreError(f"label {label!r} is not in the schema")
    return f"UNWIND $rows AS row MERGE (n:{label} {{key: row.key}}) SET n += row.props"


def rel_statement(type_: str, head: str, tail: str) -> str:
    """The MERGE statement for one relationship type between two labels."""
    if type_ not in EDGE_TYPES or head not in NODE_LABELS or tail not in NODE_LABELS:
        raise StoreError(f"relationship {head}-{type_}->{tail} is not in the schema")
    return (f"UNWIND $rows AS row MATCH (a:{head} {{key: row.s}}) MATCH (b:{tail} {{key: row.t}}) "
            f"MERGE (a)-[r:{type_}]->(b) SET r += row.props")


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


def node_rows(G: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Rows per label: ``{"key": ..., "props": {...}}``, sorted by key."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for key, a in sorted(G.nodes(data=True), key=lambda t: t[0]):
        label = a.get("label")
        if label not in NODE_LABELS:
            raise StoreError(f"node {key!r} has label {label!r}, not in the schema")
        rows[label].append({"key": key, "props": _props(a, ("label", "key"))})
    return rows


def rel_rows(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict]]:
    """Rows per (type, head label, tail label): ``{"s", "t", "props"}``."""
    rows: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for s, t, k, a in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        type_ = a.get("type", k)
        rows[(type_, G.nodes[s]["label"], G.nodes[t]["label"])].append(
            {"s": s, "t": t, "props": _props(a, ("type",))})
    return rows


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
        n = len(json.dumps(row, ensure_ascii=False).encode())
        if batch and (len(batch) >= max_rows or size + n > max_bytes):
            yield batch
            batch, size = [], 0
        batch.append(row)
        size += n
    if batch:
        yield batch


@dataclass(frozen=True)
class LoadReport:
    """What a load did: rows sent and how the key index was set up."""

    nodes: int
    relationships: int
    index_mode: str


_SCHEMA_ATTEMPTS: tuple[tuple[str, str], ...] = (
    ("neo4j-constraint", "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE"),
    ("index", "CREATE INDEX FOR (n:{label}) ON (n.key)"),
)


def _ensure_keys(session) -> str:
    """Create a uniqueness constraint per label, else a plain index, else nothing."""
    for mode, template in _SCHEMA_ATTEMPTS:
        try:
            for label in NODE_LABELS:
                stmt = template.format(name=f"{label.lower()}_key", label=label)
                try:
                    session.run(stmt).consume()
                except Exception as exc:  # FalkorDB: "already indexed" is fine
                    if "already" in str(exc).lower():
                        continue
                    raise
            return mode
        except Exception:
            continue
    return "none"


def connect(uri: str, user: str | None, password: str | None):
    """Open a driver and verify connectivity; failures become one-line StoreErrors."""
    import neo4j
    from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

    auth = (user or "neo4j", password or "") if (user or password) else None
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=5,
                                            max_transaction_retry_time=10)
        driver.verify_connectivity()
    except AuthError as exc:
        raise StoreError(f"{uri}: authentication failed for user {user!r} (check --user/--password)") from exc
    except (ServiceUnavailable, OSError) as exc:
        raise StoreError(f"{uri}: server unreachable (is it running? check --uri)") from exc
    except (Neo4jError, ValueError) as exc:
        raise StoreError(f"{uri}: {exc}") from exc
    return driver


def load_graph_into(driver, G: nx.MultiDiGraph, *, database: str | None = None, batch_size: int = 500,
                    max_bytes: int = 3000,
                    progress: Callable[[int], None] | None = None) -> LoadReport:
    """MERGE every node, then every relationship, in managed write transactions.

    Re-running (after a full or interrupted load) creates no duplicates.
    """
    from neo4j.exceptions import DriverError, Neo4jError

    nrows = node_rows(G)
    rrows = rel_rows(G)
    done_nodes = done_rels = 0

    def write(tx, stmt, rows):
        tx.run(stmt, rows=rows).consume()

    try:
        with driver.session(database=database) as session:
            mode = _ensure_keys(session)
            for label in NODE_LABELS:
                stmt = node_statement(label)
                for b in batches(nrows.get(label, []), batch_size, max_bytes):
                    session.execute_write(write, stmt, b)
                    done_nodes += len(b)
                    if progress:
                        progress(len(b))
            for (type_, head, tail), rows in sorted(rrows.items()):
                stmt = rel_statement(type_, head, tail)
                for b in batches(rows, batch_size, max_bytes):
                    session.execute_write(write, stmt, b)
                    done_rels += len(b)
                    if progress:
                        progress(len(b))
    except (Neo4jError, DriverError, OSError) as exc:
        raise StoreError(f"load failed after {done_nodes} nodes and {done_rels} relationships: "
                         f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'connection lost'} "
                         "(re-run `kg load` to resume; loading is idempotent)") from exc
    return LoadReport(nodes=done_nodes, relationships=done_rels, index_mode=mode)


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
