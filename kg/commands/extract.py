"""``kg extract``: entities, code links, results and relations per paper, as JSONL. Thin over :mod:`kg.extract`."""

from __future__ import annotations

import json

import click

from kg.commands import finish_skip_report
from kg.errors import ExtractError, extraction_failed

_FORMATS = ("hf", "jsonl", "json", "csv", "atom", "acl-xml", "bibtex", "openalex", "s2", "arxiv-oai")


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Output JSONL, one object per paper in input order (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default=None,
              help="Input format (default: detected per file from its content, as in kg ingest).")
@click.option("--strict", is_flag=True, help="Fail on the first bad input record instead of skipping it.")
@click.option("--report", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Write skipped records (file, line, field, error, hint) to FILE as JSONL.")
@click.option("--spacy-model", default=None, metavar="NAME_OR_PATH",
              help="Installed spaCy pipeline to add the kg components to (default: spacy.blank('en')).")
@click.option("--processes", default=1, show_default=True, type=click.IntRange(1),
              help="Worker processes, each running the whole extraction on chunks of papers (the pool kg build uses); "
                   "output is identical to one process.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1))
def extract_cmd(inputs, output, fmt, strict, report, spacy_model, processes, batch_size):
    """Extract methods, datasets, metrics, tasks and code links from each paper.

    INPUTS are files, folders, globs or - (stdin) in any format kg ingest reads.
    Bad records are skipped and counted (one summary line on stderr);
    --strict stops at the first one. A paper the extractor itself fails on
    (a bug) is written with no entities and counted as a warning in the
    same report; --strict stops there too.

    \b
    Examples:
      kg extract papers.jsonl -o extractions.jsonl
      cat papers.jsonl | kg extract - --processes 2 > extractions.jsonl
      kg extract ../shared/data/hf-papers --report skipped.jsonl -o x.jsonl
    """
    from kg.extract import extract_papers, extraction_nlp
    from kg.ingest import SkipReport, read_papers
    from kg.parallel import extract_parallel

    # with --processes the workers build their own pipelines; one is built here only to run in this process, or to
    # make a bad --spacy-model fail before any work (kg's default pipeline cannot fail; it costs ~1.3 s)
    nlp = extraction_nlp(spacy_model) if processes == 1 or spacy_model else None
    skip = SkipReport()

    def report_failure(err) -> None:
        if strict:
            raise ExtractError(str(err))
        skip.add(err, kind="warning")

    try:
        papers = read_papers(list(inputs), format=fmt, strict=strict, report=skip)
        if processes > 1:  # the rules are most of the work: run all of it in the workers, not only nlp.pipe
            xs = extract_parallel(papers, processes=processes, spacy_model=spacy_model, on_failure=report_failure)
        else:
            xs = extract_papers(papers, nlp=nlp, batch_size=batch_size,
                                on_error=lambda paper, exc: report_failure(extraction_failed(paper, exc)))
        for x in xs:
            output.write(json.dumps(x.to_dict(), ensure_ascii=False) + "\n")
        output.flush()
    except BaseException:
        if report:
            skip.write_jsonl(report)  # what was skipped before the failure is still reported
        raise
    finish_skip_report(skip, report)


COMMANDS = [extract_cmd]
