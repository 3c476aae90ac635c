"""``kg build``: papers (or extraction records) -> resolved graph store. Thin over :mod:`kg.pipeline`."""

from __future__ import annotations

import json

import click

from kg.ingest.report import problems_line
from kg.errors import InputError
from kg.graph import DEFAULT_GRAPH


@click.command("build")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, dir_okay=True))
@click.option("--graph", "graph_path", default=DEFAULT_GRAPH, show_default=True, type=click.Path(dir_okay=False),
              help="Graph store to write (a records sidecar *.extractions.jsonl.gz is written next to it).")
@click.option("--update", is_flag=True,
              help="Add INPUTS to the existing graph as a small delta segment next to it (the store is not "
                   "rewritten); papers already in it are not extracted again.")
@click.option("--compact", is_flag=True,
              help="Fold the delta segments of --update into the store (also done automatically once they "
                   "hold a quarter of its size). Without INPUTS: only compact.")
@click.option("--processes", type=click.IntRange(min=1), default=1, show_default=True,
              help="Local worker processes for extraction (same graph as 1).")
@click.option("--dask", default=None, metavar="TARGET",
              help="Extract on Dask: 'local' / 'local:N' (a LocalCluster of N processes) or a scheduler "
                   "address such as tcp://host:8786. Resolution and writing stay here.")
@click.option("--workdir", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="With --dask: per-partition outputs (re-used by a re-run; must be visible to the workers). "
                   "Default: GRAPH's folder, <graph>.parts/.")
@click.option("--partition-size", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Papers per Dask partition.")
@click.option("--spacy-model", default=None, metavar="M", help="spaCy pipeline to start from (default: blank 'en').")
@click.option("--from-extractions", type=click.Path(exists=True, dir_okay=False), default=None, metavar="F",
              help="Also read pre-extracted records (JSONL written by `kg extract`).")
@click.option("--strict", is_flag=True, help="Fail on the first bad input record (or paper the extractor fails on) "
                                             "instead of skipping (or keeping) it.")
@click.option("--report", type=click.Path(dir_okay=False), default=None, metavar="F",
              help="Write skipped records and warnings (file, line, field, error, kind) to F as JSON.")
@click.option("--json", "as_json", is_flag=True, help="Print the build summary as JSON.")
def build_cmd(inputs, graph_path, update, compact, processes, dask, workdir, partition_size, spacy_model, from_extractions,
              strict, report, as_json):
    """Extract, resolve and save the knowledge graph.

    The same inputs always give a byte-identical store. Entities are merged
    across papers (acronyms, plurals, hyphens); ambiguous acronyms stay apart.
    Bad records are skipped and counted (one summary line on stderr); a paper
    the extractor itself fails on (a bug) is built with no entities and
    counted as a warning; --strict stops at the first of either.

    \b
    Examples:
      kg build examples/papers.jsonl                       # -> kg-data/graph.json.gz
      kg build b.jsonl --update                            # add b's papers to the graph
      kg build --compact                                   # fold update deltas into the store
      kg build --from-extractions ex.jsonl --graph g.json.gz
      kg build papers/ --processes 2 --report skipped.json
      kg build arxiv.jsonl.gz --dask local:2               # LocalCluster, 2 worker processes
      kg build arxiv.jsonl.gz --dask tcp://sched:8786 --workdir /shared/kg-parts
    """
    from kg.pipeline import build

    if not inputs and not from_extractions:
        if compact:
            from kg.graph import compact as compact_store, delta_paths

            n = len(delta_paths(graph_path))
            compact_store(graph_path)
            click.echo(f"compacted {graph_path}: {n} delta segment(s) folded in")
            return
        raise click.UsageError("give INPUT files/folders or --from-extractions F (or --compact)")
    if workdir and not dask:
        raise click.UsageError("--workdir is only used with --dask")
    try:
        s = build(inputs, graph_path=graph_path, update=update, from_extractions=from_extractions,
                  processes=processes, spacy_model=spacy_model, strict=strict, dask=dask, workdir=workdir,
                  partition_size=partition_size, compact=compact)
    except InputError as exc:  # no paper read: what was skipped is still reported
        if report and getattr(exc, "skipped", None) is not None:
            _write_report(report, exc.skipped)
        raise
    if report:
        _write_report(report, s.skipped)
    if as_json:
        click.echo(json.dumps(s.to_dict(), sort_keys=True))
    elif s.nodes is not None:
        click.echo(f"wrote {s.graph}: {s.papers} papers ({s.new_papers} new, {s.repeated} repeated), "
                   f"{s.nodes} nodes, {s.edges} edges")
    else:
        what = (f"wrote {s.delta} ({s.delta_nodes} nodes, {s.delta_edges} edges)" if s.delta
                else "nothing changed")
        click.echo(f"updated {s.graph}: {s.papers} papers ({s.new_papers} new, {s.repeated} repeated); {what}"
                   + ("; deltas folded into the store" if s.compacted else ""))
    if s.skipped:
        click.echo(problems_line(s.skipped, report), err=True)


def _write_report(path: str, skipped: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(skipped, f, indent=1, sort_keys=True)


COMMANDS = [build_cmd]
