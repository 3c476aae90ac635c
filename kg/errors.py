"""The package's exceptions: one root, :class:`KGError`, and a subclass per stage.

Every error says where (file, line, field) and what to do; only ``kg.cli``
turns them into click errors.
"""

from __future__ import annotations

__all__ = ["KGError", "InputError", "ExtractError", "GraphError", "StoreError", "QueryError", "extraction_failed"]


class KGError(Exception):
    """Root of every error the library raises on purpose."""


class InputError(KGError):
    """A problem with an input file or record.

    >>> str(InputError("missing 'title'", path="a.jsonl", line=3, field="title", hint="add a title"))
    "a.jsonl:3: field 'title': missing 'title' (add a title)"
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 field: str | None = None, hint: str | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.field = field
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        fld = f"field '{self.field}': " if self.field else ""
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{fld}{self.message}{tail}"

    def to_dict(self) -> dict:
        """Machine-readable form for skip reports."""
        return {"path": self.path, "line": self.line, "field": self.field,
                "error": self.message, "hint": self.hint}

    @classmethod
    def from_dict(cls, d: dict) -> InputError:
        """The error again from :meth:`to_dict`'s form (e.g. a skip-report entry sent back by a worker process).

        >>> str(InputError.from_dict(InputError("bad", path="a.jsonl", line=3).to_dict()))
        'a.jsonl:3: bad'
        """
        return cls(d["error"], path=d.get("path"), line=d.get("line"), field=d.get("field"), hint=d.get("hint"))


def extraction_failed(paper, exc: BaseException) -> InputError:
    """The skip-report warning for a paper the extractor itself failed on (a bug in kg, not bad input).

    ``kg extract`` and ``kg build`` (in any process) keep such a paper with no entities
    (``kg.extract.extract_papers(on_error=...)``) and report this; ``--strict`` raises it.
    ``paper`` is a :class:`kg.models.Paper`: its first source names the file and line.

    >>> from kg.models import Paper, Source
    >>> p = Paper(id="7", title="T", abstract="A.", sources=(Source("a.jsonl", 3, "jsonl"),))
    >>> str(extraction_failed(p, KeyError("unit")))  # doctest: +NORMALIZE_WHITESPACE
    "a.jsonl:3: field 'abstract': paper '7': the extractor failed (KeyError: 'unit'); kept with no entities
    (a bug in kg, not in the input: please report it with this paper's text)"
    """
    src = paper.sources[0] if paper.sources else None
    return InputError(f"paper {paper.id!r}: the extractor failed ({type(exc).__name__}: {exc}); kept with no entities",
                      path=src.path if src else None, line=src.line if src else None, field="abstract",
                      hint="a bug in kg, not in the input: please report it with this paper's text")


class ExtractError(KGError):
    """The extraction pipeline could not be built or run."""


class GraphError(KGError):
    """The embedded graph store is missing, corrupt, or asked something impossible."""


class StoreError(KGError):
    """A graph database (Neo4j / Bolt) could not be reached or refused a write."""


class QueryError(KGError):
    """A Cypher query is unsupported or invalid for the chosen backend."""
