"""``kg extract``: entities, code links, results and relations per paper, as JSONL."""

from __future__ import annotations

import json
import sys

import click

from kg.errors import InputError
from kg.models import Paper


def _read_jsonl(path: str):
    fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield Paper.from_dict(json.loads(line))
            except (ValueError, KeyError) as exc:
                raise InputError(f"bad record: {exc}", path=path, line=i, hint="each line must be a JSON paper with 'id'") from exc


def _papers(inputs):
    try:
        from kg.ingest import read_papers  # type: ignore[attr-defined]
    except ImportError:
        read_papers = None
    for path in inputs:
        if read_papers is not None and path != "-":
            yield from read_papers([path])
        else:
            yield from _read_jsonl(path)


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.File("w"), default="-", help="Output JSONL (default stdout).")
@click.option("--spacy-model", default=None, help="Installed spaCy pipeline to add our components to.")
@click.option("--processes", default=1, show_default=True, help="Worker processes for nlp.pipe.")
@click.option("--batch-size", default=64, show_default=True)
def extract_cmd(inputs, output, spacy_model, processes, batch_size):
    """Extract methods, datasets, metrics, tasks and code links from each paper.

    \b
    Examples:
      kg extract papers.jsonl -o extractions.jsonl
      cat papers.jsonl | kg extract - --processes 2
    """
    from kg.extract import build_nlp, extract_papers

    nlp = build_nlp(spacy_model)
    for x in extract_papers(_papers(inputs), nlp=nlp, n_process=processes, batch_size=batch_size):
        output.write(json.dumps(x.to_dict(), ensure_ascii=False) + "\n")


COMMANDS = [extract_cmd]
