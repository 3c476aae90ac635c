"""``kg stats | top | leaderboard | related | trends | communities | cooccur``: thin over :mod:`kg.analytics`.

Every command prints a table by default, or ``--json`` / ``--csv``.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Callable

import click

from kg.graph import DEFAULT_GRAPH


def _common(func: Callable) -> Callable:
    opts = [
        click.option("--graph", "graph_path", default=DEFAULT_GRAPH, show_default=True,
                     type=click.Path(dir_okay=False), help="Graph written by `kg build`."),
        click.option("--json", "fmt", flag_value="json", help="Print JSON."),
        click.option("--csv", "fmt", flag_value="csv", help="Print CSV."),
        click.option("--table", "fmt", flag_value="table", default=True, help="Print a table (default)."),
    ]
    for opt in reversed(opts):
        func = opt(func)
    return func


def _load(path: str):
    from kg.graph import load_graph
    return load_graph(path)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, (list, tuple)):
        return ", ".join(map(str, v))
    return str(v)


def emit(rows: list[dict], fmt: str, columns: list[str] | None = None, payload: Any = None) -> None:
    """Print rows as a table, JSON (``payload`` if given) or CSV."""
    columns = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        click.echo(json.dumps(payload if payload is not None else rows, indent=1, ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: _cell(r.get(c)) for c in columns})
        click.echo(buf.getvalue(), nl=False)
    else:
        if not rows:
            click.echo("(no rows)")
            return
        cells = [[_cell(r.get(c))[:60] for c in columns] for r in rows]
        widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
        click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
        click.echo("  ".join("-" * w for w in widths))
        for row in cells:
            click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


@click.command("stats")
@_common
def stats_cmd(graph_path, fmt):
    """Counts by label and edge type, papers with code, top entities.

    \b
    Examples:
      kg stats
      kg stats --graph kg-data/graph.json.gz --json
    """
    from kg.analytics import stats
    s = stats(_load(graph_path))
    rows = [{"what": "nodes", "count": s["nodes"]}, {"what": "edges", "count": s["edges"]},
            {"what": "papers with code", "count": s["papers_with_code"]},
            {"what": "ambiguous entities", "count": s["ambiguous"]}]
    rows += [{"what": f"label {k}", "count": v} for k, v in s["labels"].items()]
    rows += [{"what": f"edge {k}", "count": v} for k, v in s["edge_types"].items()]
    for lab, tops in s["top"].items():
        rows += [{"what": f"top {lab}", "count": t["papers"], "name": t["name"]} for t in tops]
    emit(rows, fmt, ["what", "count", "name"], payload=s)


@click.command("top")
@click.argument("kind", type=click.Choice(["methods", "datasets", "metrics", "tasks"]))
@click.option("--by", type=click.Choice(["papers", "pagerank"]), default="papers", show_default=True)
@click.option("--since", default=None, metavar="DATE", help="Count only papers dated on/after DATE (YYYY[-MM[-DD]]).")
@click.option("-n", "n", type=click.IntRange(min=1), default=20, show_default=True)
@_common
def top_cmd(kind, by, since, n, graph_path, fmt):
    """The most used methods, datasets, metrics or tasks.

    \b
    Examples:
      kg top methods
      kg top datasets --by pagerank -n 10
      kg top tasks --since 2025-01 --csv
    """
    from kg.analytics import LABELS_BY_WORD, top
    rows = top(_load(graph_path), LABELS_BY_WORD[kind], by=by, since=since, n=n)
    emit(rows, fmt, ["rank", "name", "papers"] + (["pagerank"] if by == "pagerank" else []) + ["key"])


@click.command("leaderboard")
@click.argument("dataset")
@click.option("--metric", default=None, metavar="M", help="Only this metric (name or alias).")
@_common
def leaderboard_cmd(dataset, metric, graph_path, fmt):
    """Results reported on DATASET, best first (lower-is-better metrics such as error, FID, WER respected).

    \b
    Examples:
      kg leaderboard ImageNet
      kg leaderboard "MS COCO" --metric mAP --json
    """
    from kg.analytics import leaderboard
    rows = leaderboard(_load(graph_path), dataset, metric)
    emit(rows, fmt, ["rank", "metric", "value", "kind", "method", "paper", "title", "date"])


@click.command("related")
@click.argument("name")
@_common
def related_cmd(name, graph_path, fmt):
    """What an entity is evaluated on, compared with, built on, applied to, and who proposes/uses it.

    \b
    Examples:
      kg related ViT
      kg related "Vision Transformer" --json
    """
    from kg.analytics import related
    r = related(_load(graph_path), name)
    rows = [{"relation": f, "name": x["name"], "support": x["support"], "key": x["key"]}
            for f, v in r.items() if isinstance(v, list) for x in v]
    if fmt == "table":
        click.echo(f"{r['name']} ({r['label']}, {r['key']})")
    emit(rows, fmt, ["relation", "name", "support", "key"], payload=r)


@click.command("trends")
@click.argument("kind", type=click.Choice(["methods", "datasets", "metrics", "tasks"]), default="methods")
@click.option("-n", "n", type=click.IntRange(min=1), default=5, show_default=True, help="How many entities.")
@click.option("--since", default=None, metavar="DATE")
@_common
def trends_cmd(kind, n, since, graph_path, fmt):
    """Papers per month for the most frequent entities (dated inputs only).

    \b
    Examples:
      kg trends methods -n 5
      kg trends datasets --since 2025-01 --csv
    """
    from kg.analytics import LABELS_BY_WORD, trends
    emit(trends(_load(graph_path), LABELS_BY_WORD[kind], n=n, since=since), fmt, ["month", "name", "papers"])


@click.command("communities")
@click.option("--seed", type=int, default=42, show_default=True)
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("-n", "n", type=click.IntRange(min=1), default=20, show_default=True)
@_common
def communities_cmd(seed, min_size, n, graph_path, fmt):
    """Louvain communities of co-occurring entities (fixed seed, so reproducible).

    \b
    Examples:
      kg communities -n 10
      kg communities --seed 7 --json
    """
    from kg.analytics import communities
    rows = communities(_load(graph_path), seed=seed, min_size=min_size)[:n]
    emit(rows, fmt, ["community", "size", "members"])


@click.command("cooccur")
@click.argument("pair", type=click.Choice(["method-dataset", "method-task", "dataset-metric", "method-metric"]),
                default="method-dataset")
@click.option("-n", "n", type=click.IntRange(min=1), default=20, show_default=True)
@_common
def cooccur_cmd(pair, n, graph_path, fmt):
    """Entity pairs appearing in the same papers (a networkx projection).

    \b
    Examples:
      kg cooccur method-dataset -n 10
      kg cooccur method-task --csv
    """
    from kg.analytics import cooccurrence_rows
    a, b = (w.capitalize() for w in pair.split("-"))
    rows = cooccurrence_rows(_load(graph_path), a, b, n)
    emit(rows, fmt, [a.lower(), b.lower(), "papers"])


COMMANDS = [stats_cmd, top_cmd, leaderboard_cmd, related_cmd, trends_cmd, communities_cmd, cooccur_cmd]
