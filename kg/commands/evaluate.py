"""``kg evaluate``: score extraction output against a gold file."""

from __future__ import annotations

import click

from kg.ingest.report import problems_line


@click.command("evaluate")
@click.argument("mode", type=click.Choice(["seeds", "scirex", "scierc"]))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
@click.option("--strict", is_flag=True, help="Fail on the first record either file holds that cannot be scored.")
@click.option("--report", type=click.Path(dir_okay=False), default=None, metavar="F",
              help="Write the skipped records (file, line, field, error) to F as JSONL.")
def evaluate_cmd(mode, gold, pred, strict, report):
    """Per-type precision, recall and F1 of PRED (kg extract JSONL) against GOLD.

    A line of either file that cannot be scored (not JSON, no id, a field
    of the wrong type) is skipped and counted (one line on stderr);
    --strict stops at the first one. An empty GOLD is an error.

    \b
    Examples:
      kg evaluate scirex train-abstracts.jsonl pred.jsonl
      kg evaluate seeds tests/gold/arxiv_gold.jsonl pred.jsonl --report skipped.jsonl
    """
    from kg.evaluate import format_table, score
    from kg.ingest import SkipReport

    skip = SkipReport()
    try:
        click.echo(format_table(score(mode, gold, pred, strict=strict, report=skip)))
    finally:
        if report:
            skip.write_jsonl(report)
    if skip.problems:
        click.echo(problems_line(skip.problems, report), err=True)


COMMANDS = [evaluate_cmd]
