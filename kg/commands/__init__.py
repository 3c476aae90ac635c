"""Click commands, one module per area; collected by :mod:`kg.cli`."""

from __future__ import annotations

import click

from kg.errors import InputError


def problems_line(problems: list[dict], report: str | None) -> str:
    """One stderr line for a command's skip report (entries with ``kind``): the counts, then the first in full.

    >>> problems_line([{"path": "a.jsonl", "line": 4, "field": None, "error": "not valid JSON", "hint": None,
    ...                 "kind": "skipped"}], None)
    'skipped 1 bad record(s); first: a.jsonl:4: not valid JSON (use --report F)'
    """
    warnings = sum(d.get("kind") == "warning" for d in problems)
    counts = ([f"skipped {len(problems) - warnings} bad record(s)"] if len(problems) > warnings else []) + (
        [f"{warnings} warning(s)"] if warnings else [])
    return (f"{', '.join(counts)}; first: {InputError.from_dict(problems[0])}"
            + (f" (details in {report})" if report else " (use --report F)"))


def finish_skip_report(skip, report: str | None) -> None:
    """Write the skip report (when asked), print its summary on stderr, fail when no paper was read.

    Shared by the commands that read papers (``kg ingest``, ``kg extract``); call it from a ``finally``-free
    point after reading, with the :class:`kg.ingest.SkipReport` the readers filled.
    """
    if report:
        skip.write_jsonl(report)
    click.echo(skip.summary(report), err=True)
    if skip.papers == 0:
        raise InputError("no papers read from the inputs", hint="check the files and --format"
                         + ("; see " + report if report else "; rerun with --report FILE for the reasons"))
