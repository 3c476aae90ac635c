"""Streaming XML: yield each wanted element (with its start line) and forget it.

Built on expat directly so every record knows the line it starts on; only
the subtree of a wanted element is ever held in memory.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import BinaryIO
from xml.parsers import expat

from kg.errors import InputError
from kg.ingest.report import Problems
from kg.ingest.streams import read_errors

__all__ = ["iter_xml", "text_of"]

Ancestors = list[tuple[str, dict[str, str]]]


def _qname(name: str) -> str:
    return "{" + name if "}" in name else name


def iter_xml(stream: BinaryIO, path: str, problems: Problems,
             want: set[str]) -> Iterator[tuple[ET.Element, int, Ancestors]]:
    """``(element, start line, ancestors)`` for each element whose tag is in ``want``.

    Tags are ``{namespace}local`` like ElementTree's. Malformed or truncated
    XML is reported (line, expat's reason) and ends the file; elements before
    it are kept.

    >>> import io
    >>> from kg.ingest.report import Problems
    >>> xml = b"<r a='1'>\\n<e><t>x</t></e>\\n<e><t>y</t></e></r>"
    >>> [(e.findtext('t'), line, anc[0][1]['a']) for e, line, anc in iter_xml(io.BytesIO(xml), "f", Problems(), {"e"})]
    [('x', 2, '1'), ('y', 3, '1')]
    """
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    stack: list[tuple[str, dict[str, str]]] = []
    builder: list[ET.TreeBuilder | None] = [None]
    depth = [0]
    start_line = [0]
    done: list[tuple[ET.Element, int, Ancestors]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = _qname(name)
        attrs = {_qname(k): v for k, v in attrs.items()}
        if builder[0] is None and tag in want:
            builder[0] = ET.TreeBuilder()
            depth[0] = 0
            start_line[0] = parser.CurrentLineNumber
        if builder[0] is not None:
            depth[0] += 1
            builder[0].start(tag, attrs)
        else:
            stack.append((tag, attrs))

    def end(name: str) -> None:
        tb = builder[0]
        if tb is None:
            stack.pop()
            return
        elem = tb.end(_qname(name))
        depth[0] -= 1
        if depth[0] == 0:
            builder[0] = None
            done.append((elem, start_line[0], list(stack)))

    def data(text: str) -> None:
        if builder[0] is not None:
            builder[0].data(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    while True:
        try:
            chunk = stream.read(1 << 20)
        except read_errors as exc:
            problems(InputError(f"the file ends early or is damaged ({exc}); the records before it were kept",
                                path=path, line=parser.CurrentLineNumber,
                                hint="re-download or re-compress the file"))
            return
        try:
            parser.Parse(chunk, not chunk)
        except expat.ExpatError as exc:
            yield from done
            reason = expat.errors.messages[exc.code] if exc.code else str(exc)
            truncated = not chunk and reason in ("no element found", "unclosed token")
            problems(InputError(("the XML ends early (truncated)" if truncated else f"malformed XML: {reason}")
                                + "; the records before it were kept", path=path, line=exc.lineno,
                                hint="fix the XML at that line (or re-download the file)"))
            return
        yield from done
        done.clear()
        if not chunk:
            return


def text_of(elem: ET.Element | None) -> str:
    """All text inside ``elem`` (markup such as ``<fixed-case>`` dropped), or ``""``.

    >>> text_of(ET.fromstring("<t>A <fixed-case>B</fixed-case>C</t>"))
    'A BC'
    """
    return "".join(elem.itertext()) if elem is not None else ""
