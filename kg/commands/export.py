"""``kg export``: the graph as an interactive HTML page, GraphML, GEXF, JSON, CSV, Cypher or neo4j-admin CSV.

Thin: parse options, load the graph, apply the subgraph filters, call ``kg.export``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

import click

from kg.errors import GraphError

DEFAULT_GRAPH = "kg-data/graph.json.gz"


def _load(path: str):
    try:
        from kg.graph import load_graph
    except ImportError as exc:
        raise GraphError(f"the graph store module is not available ({exc}); build a graph with `kg build` first") from exc
    return load_graph(path)


def _filter_options(func: Callable) -> Callable:
    """The subgraph filters every export format takes."""
    opts = [
        click.option("--graph", "graph_path", default=DEFAULT_GRAPH, show_default=True,
                     type=click.Path(dir_okay=False), help="Graph written by `kg build`."),
        click.option("--types", default=None, help="Keep only these node labels, e.g. Method,Dataset."),
        click.option("--min-papers", type=click.IntRange(min=1), default=None,
                     help="Keep nodes standing for at least N papers."),
        click.option("--top", type=click.IntRange(min=1), default=None,
                     help="Keep the N most important nodes (paper count, or PageRank with --size-by pagerank)."),
        click.option("--since", default=None, metavar="DATE",
                     help="Keep papers dated on/after DATE (YYYY[-MM[-DD]]) and what they link to."),
        click.option("--focus", default=None, metavar="NAME",
                     help="Ego view around a node: name, alias or key, case-insensitive."),
        click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
                     help="Hops around --focus."),
    ]
    for opt in reversed(opts):
        func = opt(func)
    return func


def _subgraph(graph_path: str, types: str | None, min_papers: int | None, top: int | None,
              since: str | None, focus: str | None, depth: int, rank_by: str = "papers"):
    from kg.export.subgraph import SubgraphSpec, apply_filters
    spec = SubgraphSpec(types=tuple((types or "").split(",")) if types else (), min_papers=min_papers,
                        top=top, since=since, focus=focus, depth=depth, rank_by=rank_by)
    return apply_filters(_load(graph_path), spec)


def _done(what: str, path: str, G) -> None:
    click.echo(f"wrote {what} {path}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges", err=True)


@click.group("export")
def export() -> None:
    """Write the graph (or a filtered part of it) in another format.

    \b
    Filters (every format): --types Method,Dataset  --min-papers N  --top N
      --since 2020-01  --focus "Vision Transformer" --depth 2
    Examples:
      kg export html -o graph.html
      kg export html --focus "Vision Transformer" --depth 2 -o vit.html
      kg export graphml -o graph.graphml
      kg export csv -o csv/            # nodes.csv + edges.csv
    """


@export.command("html")
@_filter_options
@click.option("-o", "--output", default="graph.html", show_default=True, type=click.Path(dir_okay=False))
@click.option("--size-by", type=click.Choice(["papers", "pagerank"]), default="papers", show_default=True,
              help="Node size (and the cap's ranking).")
@click.option("--max-nodes", type=click.IntRange(min=0), default=2000, show_default=True,
              help="Cap on nodes drawn: the top entities, then the papers linking the most of them; 0 = no cap.")
@click.option("--title", default="Knowledge graph", show_default=True, help="Page heading.")
def export_html(graph_path, types, min_papers, top, since, focus, depth, output, size_by, max_nodes, title):
    """Interactive, self-contained HTML view (opens offline, no network).

    \b
    Examples:
      kg export html -o graph.html
      kg export html --focus "Vision Transformer" --depth 2 -o vit.html
      kg export html --types Method,Dataset,Task --min-papers 3 --size-by pagerank
    """
    from kg.export.html import write_html
    G = _subgraph(graph_path, types, min_papers, top, since, focus, depth, size_by)
    result = write_html(G, output, size_by=size_by, max_nodes=max_nodes, heading=title)
    if result.notice:
        click.echo(result.notice, err=True)
    click.echo(f"wrote {output}: {result.nodes} nodes, {result.edges} edges, {result.bytes / 1e6:.1f} MB", err=True)


def _format_command(fmt: str, default: str, help_text: str) -> click.Command:
    @_filter_options
    @click.option("-o", "--output", default=default, show_default=True, type=click.Path())
    def command(graph_path, types, min_papers, top, since, focus, depth, output):
        from kg.export.formats import write_format
        G = _subgraph(graph_path, types, min_papers, top, since, focus, depth)
        write_format(G, fmt, output)
        _done(fmt, output, G)

    command.__doc__ = f"{help_text}\n\n    \b\n    Example:\n      kg export {fmt} --types Method,Dataset -o {default}\n"
    return export.command(fmt)(command)


_format_command("graphml", "graph.graphml", "GraphML (Gephi, yEd, networkx); lists as JSON strings.")
_format_command("gexf", "graph.gexf", "GEXF for Gephi; id/label/key/type stored as kg_id/kg_label/kg_key/kg_type.")
_format_command("json", "graph.json", "Node-link JSON (networkx.node_link_data); .gz is compressed.")
_format_command("csv", "csv", "nodes.csv + edges.csv in the -o directory (pandas, spreadsheets).")


def _external(module: str, function: str) -> Callable:
    try:
        mod = importlib.import_module(f"kg.export.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"kg.export.{module}":
            raise
        raise GraphError(f"kg.export.{module} is not available in this installation; "
                         f"use `kg export json` or `kg load` instead") from exc
    return getattr(mod, function)


@export.command("cypher")
@_filter_options
@click.option("-o", "--output", default="graph.cypher", show_default=True, type=click.Path(dir_okay=False))
def export_cypher(graph_path, types, min_papers, top, since, focus, depth, output):
    """Cypher script (cypher-shell -f FILE) that recreates the graph.

    \b
    Example:
      kg export cypher -o graph.cypher && cypher-shell -f graph.cypher
    """
    write = _external("cypher_script", "write_cypher_script")
    G = _subgraph(graph_path, types, min_papers, top, since, focus, depth)
    write(G, output)
    _done("Cypher script", output, G)


@export.command("neo4j-admin")
@_filter_options
@click.option("-o", "--output", default="neo4j-import", show_default=True, type=click.Path(file_okay=False))
def export_neo4j_admin(graph_path, types, min_papers, top, since, focus, depth, output):
    """CSV files for `neo4j-admin database import full`.

    \b
    Example:
      kg export neo4j-admin -o neo4j-import/
    """
    write = _external("neo4j_admin", "write_neo4j_admin")
    G = _subgraph(graph_path, types, min_papers, top, since, focus, depth)
    Path(output).mkdir(parents=True, exist_ok=True)
    write(G, output)
    _done("neo4j-admin import files", output, G)


COMMANDS = [export]
