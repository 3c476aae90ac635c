"""JSON documents read incrementally: a top-level array, an API envelope, or one object.

A 300 MB JSON array is never loaded whole: :func:`iter_json_records`
decodes one element at a time with ``json.JSONDecoder.raw_decode`` over a
sliding text buffer, tracking the line each element starts on. Envelopes
(``{"data": [...]}``, OpenAlex ``{"meta": .., "results": [...]}``) are
streamed the same way. A malformed element is reported with its line and ends
the file (the elements before it are kept): inside one JSON document there is
no safe place to resume.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from kg.errors import InputError
from kg.ingest.dicts import ENVELOPE_KEYS, dict_to_paper, records_of
from kg.ingest.report import Problems
from kg.ingest.streams import MAX_RECORD_BYTES, iter_chunks
from kg.models import Paper

__all__ = ["iter_json_records", "read_json", "JSONStreamError"]

_WS = " \t\r\n"
_DECODER = json.JSONDecoder()


class JSONStreamError(ValueError):
    """Malformed or truncated JSON at ``line``."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class _Buffer:
    def __init__(self, chunks: Iterable[str], max_bytes: int) -> None:
        self._chunks = iter(chunks)
        self.buf = ""
        self.pos = 0
        self.line = 1
        self.eof = False
        self.max = max_bytes

    def fill(self) -> bool:
        if self.eof:
            return False
        chunk = next(self._chunks, None)
        if chunk is None:
            self.eof = True
            return False
        self.buf = self.buf[self.pos:] + chunk
        self.pos = 0
        return True

    def advance(self, to: int) -> None:
        self.line += self.buf.count("\n", self.pos, to)
        self.pos = to

    def peek(self) -> str:
        """Next non-whitespace character ('' at end), whitespace consumed."""
        while True:
            i = self.pos
            n = len(self.buf)
            while i < n and self.buf[i] in _WS:
                i += 1
            self.advance(i)
            if i < n:
                return self.buf[i]
            if not self.fill():
                return ""

    def take(self, ch: str, what: str) -> None:
        if self.peek() != ch:
            got = self.peek() or "end of file"
            raise JSONStreamError(f"expected {what}, found {got!r}", self.line)
        self.advance(self.pos + 1)

    def more(self, close: str) -> bool:
        """After an item: True on ',' (another item follows), False on ``close``."""
        c = self.peek()
        if c not in (",", close):
            raise JSONStreamError(f"expected ',' or '{close}'" if c else "the JSON ends early (truncated)",
                                  self.line)
        self.advance(self.pos + 1)
        return c == ","

    def value(self) -> tuple[Any, int]:
        """Decode the next JSON value; ``(value, start line)``."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                incomplete = exc.pos >= len(self.buf) - 8 or exc.msg.startswith("Unterminated string")
                if incomplete and not self.eof and len(self.buf) - self.pos <= self.max:
                    self.fill()
                    continue
                line = self.line + self.buf.count("\n", self.pos, exc.pos)
                if len(self.buf) - self.pos > self.max:
                    raise JSONStreamError(f"a record is over the {self.max:,}-byte limit", self.line) from exc
                what = "the JSON ends early (truncated)" if self.eof and incomplete else f"malformed JSON ({exc.msg})"
                raise JSONStreamError(what, line) from exc
            except RecursionError as exc:
                raise JSONStreamError("JSON nested too deeply", self.line) from exc
            if end == len(self.buf) and not self.eof and not isinstance(value, (dict, list, str)):
                self.fill()  # a number or literal may continue in the next chunk
                continue
            line = self.line
            self.advance(end)
            return value, line


def iter_json_records(chunks: Iterable[str], *, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[tuple[Any, int]]:
    """``(record, line)`` for each record of a JSON text given in chunks.

    Raises :class:`JSONStreamError` (with the line) on malformed JSON, after
    the records before it were yielded.

    >>> list(iter_json_records(['[{"a": 1},\\n', ' {"a": 2}]']))
    [({'a': 1}, 1), ({'a': 2}, 2)]
    >>> list(iter_json_records(['{"meta": {"n": 1}, "results": [{"title": "x"}]}']))
    [({'title': 'x'}, 1)]
    """
    buf = _Buffer(chunks, max_bytes)
    while True:
        c = buf.peek()
        if not c:
            return
        if c == "[":
            buf.advance(buf.pos + 1)
            yield from _array(buf)
        elif c == "{":
            yield from _object(buf)
        else:
            value, line = buf.value()
            for rec in records_of(value):
                yield rec, line


def _array(buf: _Buffer) -> Iterator[tuple[Any, int]]:
    if buf.peek() == "]":
        buf.advance(buf.pos + 1)
        return
    while True:
        yield buf.value()
        if not buf.more("]"):
            return


def _object(buf: _Buffer) -> Iterator[tuple[Any, int]]:
    """An object: stream an envelope's list, else yield the object itself."""
    start = buf.line
    buf.take("{", "'{'")
    collected: dict[str, Any] = {}
    streamed = False
    if buf.peek() == "}":
        buf.advance(buf.pos + 1)
        yield collected, start
        return
    while True:
        key, _ = buf.value()
        if not isinstance(key, str):
            raise JSONStreamError("expected a property name", buf.line)
        buf.take(":", "':'")
        if key in ENVELOPE_KEYS and buf.peek() == "[" and not streamed and not _looks_like_paper(collected):
            buf.advance(buf.pos + 1)
            yield from _array(buf)
            streamed = True
        else:
            collected[key] = buf.value()[0]
        if not buf.more("}"):
            break
    if not streamed:
        yield collected, start


def _looks_like_paper(d: Mapping[str, Any]) -> bool:
    return any(k in d for k in ("title", "abstract", "paperId", "display_name"))


def read_json(stream: BinaryIO, path: str, problems: Problems, *, flavour: str | None = None,
              fields: Mapping[str, str] | None = None, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[Paper]:
    """Papers from a JSON document; ``Source.line`` is the line each record starts on."""
    try:
        for record, line in iter_json_records(iter_chunks(stream, path, problems), max_bytes=max_bytes):
            paper = dict_to_paper(record, path, line, "json", problems, flavour=flavour, fields=fields)
            if paper is not None:
                yield paper
    except JSONStreamError as exc:
        problems(InputError(f"{exc}; the records before it were kept, the rest of the file was not read",
                            path=path, line=exc.line, hint="fix the JSON at that line (or convert the file to JSONL)"))
