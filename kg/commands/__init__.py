"""Click commands, one module per area; collected by :mod:`kg.cli`."""

from __future__ import annotations

import click

from kg.errors import InputError


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
