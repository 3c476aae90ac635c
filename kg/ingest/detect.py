"""Tell an input's format from its first bytes (after decompression), then its name.

>>> sniff(b'{"id": "1", "title": "t"}\\n{"id": "2"}\\n', "x")
'jsonl'
>>> sniff(b'<?xml version="1.0"?>\\n<feed xmlns="http://www.w3.org/2005/Atom">', "q")
'atom'
>>> sniff(b"id,title,abstract\\n1,a,b\\n", "papers.dat"), sniff(b"\\x00\\x01\\xff", "x"), sniff(b"  ", "x")
('csv', 'binary', 'empty')
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

from kg.errors import InputError
from kg.ingest.hf_pages import MARKERS, looks_like_pages
from kg.ingest.records import ALIASES
from kg.ingest.streams import open_binary

__all__ = ["FORMATS", "CONTAINERS", "FLAVOUR_FORMATS", "sniff", "detect_format", "describe_unknown"]

#: Formats a reader exists for (``--format`` choices).
CONTAINERS = ("hf", "jsonl", "json", "csv", "atom", "acl-xml", "bibtex")
#: Record flavours inside JSON/JSONL, also accepted by ``--format`` (forces the mapping).
FLAVOUR_FORMATS = ("openalex", "s2", "arxiv-oai")
FORMATS = CONTAINERS + FLAVOUR_FORMATS

_EXT = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "csv", ".bib": "bibtex",
        ".bibtex": "bibtex", ".txt": "hf", ".atom": "atom"}
_TITLE = {a.lower() for a in ALIASES["title"]}
_ABSTRACT = {a.lower() for a in ALIASES["abstract"]}


def _ext(name: str) -> str:
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    while suffixes and suffixes[-1] in (".gz", ".bz2", ".xz", ".gzip"):
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _is_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    sample = head[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(sample) * 0.05:
        return True
    text = sample[:-4].decode("utf-8", errors="replace") if len(sample) > 4 else sample.decode("utf-8", "replace")
    return text.count("\ufffd") > max(8, len(text) * 0.1)


def sniff(head: bytes, name: str) -> str:
    """Format name for content starting with ``head`` (file ``name`` as a fallback).

    Besides the :data:`FORMATS` it returns ``"empty"``, ``"binary"`` or ``"unknown"``.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"  # UTF-16: see describe_unknown
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.strip():
        return "empty"
    if _is_binary(head):
        return "binary"
    text = head.decode("utf-8", errors="replace").lstrip()
    if text.startswith("<"):
        m = re.search(r"<(?![?!])(?:[\w.-]+:)?([\w.-]+)", text)
        root = m[1] if m else ""
        return {"feed": "atom", "collection": "acl-xml", "volume": "acl-xml"}.get(root, "unknown")
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        first, nl, _ = text.partition("\n")
        if not nl:
            return "jsonl"  # one line longer than the peek (or the whole file)
        try:
            json.loads(first)
            return "jsonl"
        except ValueError:  # a JSON document, or JSONL whose first record is cut or broken
            return "jsonl" if _objects_follow(text) else "json"
    first_line = next((ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("%")), "")
    if re.match(r"\s*@\s*[A-Za-z]+\s*[{(]", first_line) or (
            _ext(name) == ".bib" and re.search(r"^\s*@", text, re.M)):
        return "bibtex"
    if MARKERS.search(text):
        return "hf"
    header = text.split("\n", 1)[0]
    cells = {c.strip().strip('"').lower() for c in re.split(r"[,\t;|]", header)}
    if cells & _TITLE and cells & _ABSTRACT:
        return "csv"
    by_name = _EXT.get(_ext(name), "unknown")
    if by_name == "hf" and not looks_like_pages(text):
        return "unknown"  # a .txt file that is not in the title-then-abstract layout
    return by_name


def _objects_follow(text: str) -> bool:
    r"""Whether every whole line after the first (at least one; the peek's last line may be cut) is a JSON object:
    JSONL whose first line is broken, which must lose that line only, not the file. A JSON document's later lines
    are not all objects (``"key": ...`` lines, records followed by commas, the closing bracket).

    >>> _objects_follow('{"id": "1", "tit\n{"id": "2"}\n{"id": "3"}\n'), _objects_follow('{\n "a": {"b": 1}\n}\n')
    (True, False)
    """
    lines = [ln for ln in text.split("\n")[1:-1] if ln.strip()]
    for ln in lines:
        try:
            if not isinstance(json.loads(ln), dict):
                return False
        except ValueError:
            return False
    return bool(lines)


def describe_unknown(kind: str, path: str, head: bytes) -> InputError:
    """The error for an input whose format could not be told."""
    if kind == "empty":
        return InputError("the file is empty: no papers", path=path, hint="check that the file was written completely")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return InputError("the file is UTF-16 text; skipped", path=path, hint="re-save it as UTF-8")
    if kind == "binary":
        return InputError("binary content, not a paper format; skipped", path=path,
                          hint="pass text files (JSON/JSONL/CSV/XML/BibTeX/HF pages), optionally gzip-compressed")
    shown = head[:40].decode("utf-8", errors="replace")
    return InputError(f"cannot tell the format (starts with {shown!r}); skipped", path=path,
                      hint="pass --format " + "|".join(FORMATS))


def detect_format(path: str) -> str:
    """The format of the file at ``path``, from its content (gzip/bz2/xz read transparently).

    Raises :class:`InputError` when the file is empty, binary or of no known format.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".dat", delete=False) as f:
    ...     _ = f.write("@article{k, title={T}, abstract={A}}")
    >>> detect_format(f.name)
    'bibtex'
    >>> os.unlink(f.name)
    """
    stream, head = open_binary(path)
    stream.close()
    kind = sniff(head, path)
    if kind not in FORMATS:
        raise describe_unknown(kind, path, head)
    return kind
