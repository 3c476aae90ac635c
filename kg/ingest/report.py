"""What went wrong while reading: skipped records, warnings, and the one-line summary.

Every problem is a :class:`kg.errors.InputError` (file, line, field, what to
do). By default a problem is recorded and reading goes on; with ``strict`` the
first problem is raised.

>>> r = SkipReport()
>>> r.papers = 412
>>> for n in (3, 9, 17):
...     r.add(InputError("no abstract", path="a.jsonl", line=n, field="abstract", hint="add one"))
>>> r.summary()
"412 papers read; skipped 3 bad record(s); first: a.jsonl:3: field 'abstract': no abstract (add one) (use --report F)"
>>> r.skipped[0]["line"], r.skipped[0]["kind"]
(3, 'skipped')
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.errors import InputError

__all__ = ["SkipReport", "Problems", "problems_line"]


def problems_line(problems: list[dict], report: str | None) -> str:
    """The problems part of a command's stderr line: the counts, then the first problem in full.

    Every command that reads records words its problems this way (``kg ingest``, ``kg extract``, ``kg build``,
    ``kg evaluate``), so the line always names a file, line and field.

    >>> problems_line([{"path": "a.jsonl", "line": 4, "field": None, "error": "not valid JSON", "hint": None,
    ...                 "kind": "skipped"}], None)
    'skipped 1 bad record(s); first: a.jsonl:4: not valid JSON (use --report F)'
    """
    warnings = sum(d.get("kind") == "warning" for d in problems)
    counts = ([f"skipped {len(problems) - warnings} bad record(s)"] if len(problems) > warnings else []) + (
        [f"{warnings} warning(s)"] if warnings else [])
    return (f"{', '.join(counts)}; first: {InputError.from_dict(problems[0])}"
            + (f" (details in {report})" if report else " (use --report F)"))


class SkipReport:
    """Counts papers read and records every skipped record and warning.

    ``skipped`` and ``warnings`` hold :meth:`InputError.to_dict` entries plus a
    ``kind`` key (``"skipped"``: the record or the rest of a file was not read;
    ``"warning"``: the paper was kept but something was altered, e.g. invalid
    UTF-8 replaced). ``distinct`` is set when duplicates were merged.
    """

    def __init__(self) -> None:
        self.papers = 0
        self.files = 0
        self.skipped: list[dict[str, Any]] = []
        self.warnings: list[dict[str, Any]] = []
        self.distinct: int | None = None

    def add(self, err: InputError, *, kind: str = "skipped") -> None:
        """Record one problem (``kind`` is ``"skipped"`` or ``"warning"``)."""
        entry = {**err.to_dict(), "kind": kind}
        (self.warnings if kind == "warning" else self.skipped).append(entry)

    @property
    def problems(self) -> list[dict[str, Any]]:
        """Skipped records and warnings, in the order they were met (by file, then line)."""
        return sorted(self.skipped + self.warnings, key=lambda d: (str(d["path"]), d["line"] or 0))

    def summary(self, report_path: str | None = None) -> str:
        """One line for stderr: the papers read, then :func:`problems_line` when there were problems.

        >>> r = SkipReport(); r.papers = 5; r.distinct = 4
        >>> r.summary()
        '5 papers read (4 distinct after merging duplicates)'
        """
        s = f"{self.papers} paper{'' if self.papers == 1 else 's'} read"
        if self.distinct is not None and self.distinct != self.papers:
            s += f" ({self.distinct} distinct after merging duplicates)"
        problems = self.problems
        return f"{s}; {problems_line(problems, report_path)}" if problems else s

    def to_dicts(self) -> list[dict[str, Any]]:
        """The report as JSON-ready dicts (what :meth:`write_jsonl` writes)."""
        return self.problems

    def write_jsonl(self, path: str | Path) -> None:
        """Write one JSON object per problem: path, line, field, error, hint, kind."""
        try:
            with open(path, "w", encoding="utf-8") as f:
                for d in self.problems:
                    f.write(json.dumps(d, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise InputError(f"cannot write the report ({exc.strerror})", path=str(path),
                             hint="choose a writable --report path") from exc


class Problems:
    """The sink readers send problems to: raise when strict, else record.

    ``report`` may be a :class:`SkipReport` or a plain list (entries are
    appended as dicts), or ``None`` (problems are only counted here).
    """

    def __init__(self, report: SkipReport | list | None = None, *, strict: bool = False) -> None:
        self.report = report
        self.strict = strict
        self.count = 0

    def __call__(self, err: InputError, *, kind: str = "skipped") -> None:
        if self.strict:
            raise err
        self.count += 1
        if isinstance(self.report, SkipReport):
            self.report.add(err, kind=kind)
        elif self.report is not None:
            self.report.append({**err.to_dict(), "kind": kind})

    def warn(self, err: InputError) -> None:
        """A problem that altered a kept record."""
        self(err, kind="warning")
