"""``kg query``: run a read-only Cypher query on Neo4j (Bolt) or on the embedded graph."""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import QueryError
from kg.graph import DEFAULT_GRAPH


@click.command("query")
@click.argument("cypher", required=False)
@click.option("-f", "--file", "file_", type=click.Path(dir_okay=False), default=None,
              help="Read the query from a .cypher file; its `// :param name => value` lines give defaults.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Query parameter (repeatable); VALUE is JSON when it parses (3, null, [..]), else text.")
@click.option("--uri", envvar="NEO4J_URI", default=None,
              help="Bolt URI (env NEO4J_URI); without it the embedded graph is queried.")
@click.option("--user", envvar="NEO4J_USERNAME", default=None, help="User (env NEO4J_USERNAME).")
@click.option("--password", envvar="NEO4J_PASSWORD", default=None, help="Password (env NEO4J_PASSWORD).")
@click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database (env NEO4J_DATABASE).")
@click.option("--graph", "graph_path", default=str(DEFAULT_GRAPH), show_default=True,
              help="Embedded graph file (used when no --uri).")
@click.option("--json", "as_json", is_flag=True, help="Rows as a JSON array of objects.")
@click.option("--csv", "as_csv", is_flag=True, help="Rows as CSV with a header.")
def query(cypher, file_, params, uri, user, password, database, graph_path, as_json, as_csv):
    """Run a read query; Neo4j when --uri/NEO4J_URI is set, else the embedded graph.

    The embedded backend runs a read-only subset of Cypher: MATCH / OPTIONAL
    MATCH / WHERE / WITH / UNWIND / RETURN, ORDER BY, SKIP, LIMIT, DISTINCT,
    variable-length and shortestPath patterns, aggregates, CASE, list
    comprehensions, any()/all(), common string/number functions, and
    db.index.fulltext.queryNodes (word match). Writes, UNION, subqueries and
    other procedures stop with an error naming the unsupported part.

    \b
    Examples:
      kg query --file cypher/queries/leaderboard.cypher --param dataset=ImageNet
      kg query "MATCH (m:Method) RETURN m.name AS name ORDER BY name LIMIT 5" --csv
      kg query -f cypher/queries/trend.cypher -p since=2025-01 --uri bolt://localhost:7687 --json
    """
    from kg.query import declared_params, parse_params, referenced_params, run_bolt, run_embedded
    from kg.query import to_csv, to_json, to_table

    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    if bool(cypher) == bool(file_):
        raise click.UsageError("give a query as an argument or with --file (one of them)")
    if file_:
        try:
            text = Path(file_).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{file_}: cannot read the query file ({exc})") from exc
        values = declared_params(text)
    else:
        text, values = cypher, {}
    values.update(parse_params(params))
    missing = [p for p in referenced_params(text) if p not in values]
    if missing:
        raise QueryError("missing parameter(s): " + ", ".join(f"${m}" for m in missing)
                         + f" (pass --param {missing[0]}=VALUE)")
    if file_ and not text.strip():
        raise QueryError(f"{file_}: the query file is empty (write a read query ending in RETURN)")
    if uri:
        from kg.neo4j import close_quietly, connect, server_quirks
        driver = connect(uri, user, password)
        try:
            res = run_bolt(driver, text, values, database=database,
                           escape=server_quirks(driver, database).escape)
        finally:
            close_quietly(driver)
    else:
        from kg.graph import load_graph
        G = load_graph(graph_path)
        try:
            res = run_embedded(G, text, values)
        except QueryError as exc:  # the query's line and column are the file's
            if not file_:
                raise
            raise QueryError(f"{file_}: {exc}") from exc
    if as_json:
        click.echo(to_json(res))
    elif as_csv:
        click.echo(to_csv(res), nl=False)
    else:
        click.echo(to_table(res))


COMMANDS = [query]
