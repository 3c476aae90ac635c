"""``kg evaluate``: score extraction output against a gold file."""

from __future__ import annotations

import click


@click.command("evaluate")
@click.argument("mode", type=click.Choice(["seeds", "scirex", "scierc"]))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
def evaluate_cmd(mode, gold, pred):
    """Per-type precision, recall and F1 of PRED (kg extract JSONL) against GOLD.

    \b
    Examples:
      kg evaluate scirex train-abstracts.jsonl pred.jsonl
      kg evaluate seeds tests/gold/arxiv_gold.jsonl pred.jsonl
    """
    from kg.evaluate import format_table, score

    click.echo(format_table(score(mode, gold, pred)))


COMMANDS = [evaluate_cmd]
