"""The package's exceptions: one root, :class:`KGError`, and a subclass per stage.

Every error says where (file, line, field) and what to do; only ``kg.cli``
turns them into click errors.
"""

from __future__ import annotations

__all__ = ["KGError", "InputError", "ExtractError", "GraphError", "StoreError", "QueryError"]


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


class ExtractError(KGError):
    """The extraction pipeline could not be built or run."""


class GraphError(KGError):
    """The embedded graph store is missing, corrupt, or asked something impossible."""


class StoreError(KGError):
    """A graph database (Neo4j / Bolt) could not be reached or refused a write."""


class QueryError(KGError):
    """A Cypher query is unsupported or invalid for the chosen backend."""
