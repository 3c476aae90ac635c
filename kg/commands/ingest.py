"""``kg ingest``: read papers from any supported format and print them. Thin over :mod:`kg.ingest`."""

from __future__ import annotations

import json

import click

from kg.commands import finish_skip_report

_FORMATS = ("hf", "jsonl", "json", "csv", "atom", "acl-xml", "bibtex", "openalex", "s2", "arxiv-oai")
_FIELDS = ("id", "title", "abstract", "date", "authors", "urls", "doi", "arxiv_id", "categories", "venue")


def _parse_fields(ctx, param, values):
    out = {}
    for v in values:
        ours, eq, theirs = v.partition("=")
        if not eq or ours not in _FIELDS or not theirs:
            raise click.BadParameter(f"{v!r}: use OURS=THEIRS with OURS one of {', '.join(_FIELDS)}")
        out[ours] = theirs
    return out


def _table_row(p) -> str:
    title = p.title if len(p.title) <= 90 else p.title[:89] + "…"
    return f"{p.id[:28]:<28}  {p.date or '':<10}  {title}"


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default=None,
              help="Input format (default: detected per file from its content).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of papers.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON paper per line.")
@click.option("--strict", is_flag=True, help="Fail on the first bad record instead of skipping it.")
@click.option("--report", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Write skipped records and warnings (file, line, field, error, hint) to FILE as JSONL.")
@click.option("--dedupe/--no-dedupe", default=True, show_default=True,
              help="Merge the same paper read from several files/formats (holds all papers in memory); "
                   "--no-dedupe streams.")
@click.option("--field", "fields", multiple=True, metavar="OURS=THEIRS", callback=_parse_fields,
              help="Read our field OURS from the input's field THEIRS (dotted paths allowed), e.g. abstract=body.")
def ingest_cmd(inputs, fmt, as_json, as_jsonl, strict, report, dedupe, fields):
    """Read papers from files, folders, globs or - (stdin) and print them.

    Formats are detected from content: Hugging Face papers pages saved as
    text, JSONL / JSON / CSV (any usual field names), arXiv Atom and snapshot
    JSONL, OpenAlex, Semantic Scholar, ACL Anthology XML, BibTeX; gzip, bz2
    and xz are read transparently. Bad records are skipped and counted (one
    summary line on stderr); --strict stops at the first one.

    \b
    Examples:
      kg ingest ../shared/data/hf-papers --json        # 5 pages -> papers with dates
      kg ingest papers.jsonl.gz refs.bib --report skipped.jsonl
      kg ingest 'data/**/*.xml' --format acl-xml --jsonl --no-dedupe
      curl -s 'http://export.arxiv.org/api/query?search_query=cat:cs.CL' | kg ingest -
      kg ingest export.csv --field abstract=body --field id=paper_key
    """
    from kg.ingest import SkipReport, merge_duplicates, read_papers

    if as_json and as_jsonl:
        raise click.UsageError("choose one of --json and --jsonl")
    skip = SkipReport()
    try:
        papers = read_papers(list(inputs), format=fmt, strict=strict, report=skip, fields=fields or None)
        if dedupe:
            papers = merge_duplicates(papers)
            skip.distinct = len(papers)
        first = True
        if as_json:
            click.echo("[", nl=False)
        for p in papers:
            if as_json:
                click.echo(("\n" if first else ",\n") + json.dumps(p.to_dict(), ensure_ascii=False), nl=False)
            elif as_jsonl:
                click.echo(json.dumps(p.to_dict(), ensure_ascii=False))
            else:
                if first:
                    click.echo(f"{'id':<28}  {'date':<10}  title")
                click.echo(_table_row(p))
            first = False
        if as_json:
            click.echo("\n]")
    except BaseException:
        if report:
            skip.write_jsonl(report)  # what was skipped before the failure is still reported
        raise
    finish_skip_report(skip, report)


COMMANDS = [ingest_cmd]
