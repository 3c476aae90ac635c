"""``kg load``: push the embedded graph into Neo4j (or another Bolt server)."""

from __future__ import annotations

import sys

import click

from kg.graph import DEFAULT_GRAPH, load_graph
from kg.neo4j import close_quietly, connect, load_graph_into, total_rows


@click.command("load")
@click.option("--uri", envvar="NEO4J_URI", required=True, help="Bolt URI (env NEO4J_URI).")
@click.option("--user", envvar="NEO4J_USERNAME", default=None, help="User (env NEO4J_USERNAME).")
@click.option("--password", envvar="NEO4J_PASSWORD", default=None, help="Password (env NEO4J_PASSWORD).")
@click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database (env NEO4J_DATABASE).")
@click.option("--graph", "graph_path", default=str(DEFAULT_GRAPH), show_default=True, help="Embedded graph file.")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1), help="Max rows per transaction.")
@click.option("--max-bytes", default=None, type=click.IntRange(200),
              help="Max parameter bytes per transaction (default: probed; 3000 for FalkorDB, 1 MB for Neo4j).")
@click.option("--no-progress", is_flag=True, help="No progress bar on stderr.")
def load(uri, user, password, database, graph_path, batch_size, max_bytes, no_progress):
    """MERGE the graph into a Bolt server; re-running never duplicates.

    Applies cypher/schema.cypher first (Neo4j 5 constraints, indexes, full-text
    index); servers without Neo4j 5 DDL get cypher/schema_fallback.cypher.

    \b
    Examples:
      kg load --uri bolt://localhost:7687 --user neo4j --password secret
      NEO4J_URI=bolt://localhost:7687 kg load --graph kg-data/graph.json.gz --batch-size 200
    """
    G = load_graph(graph_path)
    driver = connect(uri, user, password)
    try:
        with click.progressbar(length=total_rows(G), label="loading", file=sys.stderr,
                               hidden=no_progress) as bar:
            rep = load_graph_into(driver, G, database=database, batch_size=batch_size,
                                  max_bytes=max_bytes, progress=bar.update)
    finally:
        close_quietly(driver)
    if rep.dropped:
        click.echo(f"warning: {len(rep.dropped)} property values too large for this server's request limit "
                   f"were not sent (first: {rep.dropped[0]}); use Neo4j or --max-bytes", err=True)
    click.echo(f"loaded {rep.nodes} nodes, {rep.relationships} relationships into {uri} "
               f"(key index: {rep.index_mode})")


COMMANDS = [load]
