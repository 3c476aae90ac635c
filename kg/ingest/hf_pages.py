"""Hugging Face papers listing pages saved as plain text.

Three layouts occur and may mix: ``title / blank / abstract``; the same with a
trailer (``  • N authors`` / ``·`` / ``Mon D, YYYY`` optionally followed by a
vote count) giving the date; and title and abstract on consecutive lines with
no blank line, the first title glued to the word ``Subscribe``. Page chrome
(``new``, ``Subscribe``, ``Daily Papers``, ``byAK and the research
community``, ``Get trending papers…``, the page date ``Jun 5``) is dropped.

Lines are paired title -> abstract. A line that cannot be an abstract (short,
no sentence) right after a title means the title had none: that title is
reported and skipped and the line starts the next paper. Trailer dates without
a year (``May 21``: the current year of a page whose save date is unknown)
leave ``date`` empty.

>>> import io
>>> from kg.ingest.report import Problems
>>> page = '''new\\n\\nSubscribe\\n\\nJun 5\\n\\nA Title\\n\\nWe study many small things in this note. The method works well on all tests.\\n\\n  • 3 authors\\n·\\nFeb 18, 2023 4\\n'''
>>> [(p.title, p.date, p.sources[0].line) for p in read_hf_pages(io.BytesIO(page.encode()), "p.txt", Problems())]
[('A Title', '2023-02-18', 7)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from kg.errors import InputError
from kg.ingest.records import build_paper
from kg.ingest.report import Problems
from kg.ingest.streams import iter_lines
from kg.models import Paper, Source

__all__ = ["read_hf_pages", "is_chrome", "MARKERS"]

#: Whole lines that identify a saved Hugging Face papers page (format detection).
MARKERS = re.compile(r"^(?:Get trending papers in your email inbox.*|byAK and the research community|Daily Papers"
                     r"|Subscribe.*)\s*$", re.M)
_CHROME = {"new", "subscribe", "daily papers", "byak and the research community", "trending papers",
           "get trending papers in your email inbox!", "get trending papers in your email inbox once a day!"}
_PAGE_DATE = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}$")
_AUTHORS = re.compile(r"^\s*[•·]\s*(\d+)\s+authors?\s*$")
_DOT = re.compile(r"^\s*[·•]\s*$")
_TRAILER_DATE = re.compile(
    r"^\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2})(?:,\s*(\d{4}))?(?:\s+\d+)?\s*$")
_GLUED = re.compile(r"^Subscribe(?=[A-Z0-9\"'(\[])")


def is_chrome(line: str) -> bool:
    """True for page furniture that is not part of any paper.

    >>> [is_chrome(x) for x in ("new", "Get trending papers in your email inbox!", "Jun 5", "ViT")]
    [True, True, True, False]
    """
    s = " ".join(line.split())
    return s.lower() in _CHROME or s.lower().startswith("get trending papers") or bool(_PAGE_DATE.match(s))


def looks_like_pages(text: str) -> bool:
    """True if ``text`` is a saved papers page, or plain text in its title-then-abstract layout.

    >>> looks_like_pages("Daily Papers\\n"), looks_like_pages("A Title\\n\\n" + "Some words here. " * 20)
    (True, True)
    >>> looks_like_pages("task one\\ntask two\\ntask three\\n")
    False
    """
    if MARKERS.search(text):
        return True
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not is_chrome(ln)][:12]
    return any(not _abstract_like(a) and _abstract_like(b) for a, b in zip(lines, lines[1:]))


def _abstract_like(text: str) -> bool:
    return len(text) >= 250 or (len(text.split()) >= 12 and bool(re.search(r"[.!?]\s", text + " ")))


def read_hf_pages(stream: BinaryIO, path: str, problems: Problems) -> Iterator[Paper]:
    """Papers from a saved Hugging Face papers page; ``Source.line`` is the title's line."""
    title: tuple[int, str] | None = None     # waiting for its abstract
    current: dict | None = None              # last complete paper, waiting for a trailer
    after_dot = False

    def emit() -> Paper | None:
        nonlocal current
        if current is None:
            return None
        f, current = current, None
        return build_paper(f, Source(path, f.pop("_line"), "hf"), problems)

    for n, line in iter_lines(stream, path, problems):
        s = line.strip()
        if not s:
            continue
        if current is not None and _AUTHORS.match(s):
            continue  # the author count: Paper has no field for a count without names
        if current is not None and _DOT.match(s):
            after_dot = True
            continue
        m = _TRAILER_DATE.match(s)
        if after_dot and m and current is not None:
            after_dot = False
            current["date"] = f"{m[1]}, {m[2]}" if m[2] else None
            continue
        after_dot = False
        if is_chrome(s):
            continue
        s = _GLUED.sub("", s)
        if title is None:
            if _abstract_like(s) and len(s) > 400:
                problems(InputError("text without a title line before it; skipped", path=path, line=n,
                                    field="title", hint="each paper needs a title line before its abstract"))
                continue
            if (p := emit()) is not None:
                yield p
            title = (n, s)
        elif _abstract_like(s):
            current = {"title": title[1], "abstract": s, "_line": title[0]}
            title = None
        else:
            problems(InputError(f"title without an abstract: {title[1][:80]!r}; skipped", path=path,
                                line=title[0], field="abstract", hint="the line after a title must be its abstract"))
            title = (n, s)
    if (p := emit()) is not None:
        yield p
    if title is not None:
        problems(InputError(f"title without an abstract at the end of the page: {title[1][:80]!r}; skipped",
                            path=path, line=title[0], field="abstract",
                            hint="the page may have been saved incompletely"))
