"""Opening inputs: paths, directories, globs, stdin; compression by magic bytes; safe lines.

Everything here streams: files are read in chunks or line by line, never
loaded whole. Problems (truncated gzip, over-long lines, invalid UTF-8) go to
a :class:`~kg.ingest.report.Problems` sink with the file and line.
"""

from __future__ import annotations

import bz2
import codecs
import glob
import gzip
import io
import lzma
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError
from kg.ingest.report import Problems

__all__ = ["MAX_RECORD_BYTES", "HEAD_BYTES", "expand_inputs", "open_binary", "iter_lines",
           "iter_chunks", "read_errors", "STDIN"]

#: Longest record (line, JSON element, BibTeX entry) read; longer ones are skipped with a message.
MAX_RECORD_BYTES = 16 * 1024 * 1024
#: How much of a file is peeked at to detect its format.
HEAD_BYTES = 64 * 1024
STDIN = "-"
#: Exceptions a damaged compressed stream raises while being read.
read_errors = (EOFError, OSError, zlib.error, lzma.LZMAError, ValueError)

_GLOB_CHARS = set("*?[")


def expand_inputs(inputs: list[str] | tuple[str, ...] | str) -> list[str]:
    """Paths to read: directories walked (sorted, hidden entries skipped), globs expanded.

    A path that does not exist, or a glob matching nothing, raises
    :class:`InputError` at once (a typo should not read as "0 papers").

    >>> expand_inputs(["-"])
    ['-']
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    out: list[str] = []
    for item in inputs:
        item = str(item)
        if item == STDIN:
            out.append(item)
            continue
        p = Path(item)
        if p.is_dir():
            out.extend(_walk(p))
        elif p.exists():
            out.append(item)
        elif _GLOB_CHARS & set(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError("the pattern matches no file", path=item,
                                 hint="check the pattern; quote it so the shell does not expand it")
            for m in matches:
                out.extend(_walk(Path(m)) if Path(m).is_dir() else [m])
        else:
            raise InputError("no such file or directory", path=item, hint="check the path")
    return out


def _walk(root: Path) -> list[str]:
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        files.extend(os.path.join(dirpath, f) for f in sorted(filenames) if not f.startswith("."))
    return files


class _Prefixed(io.RawIOBase):
    """A raw stream that first returns ``head`` then continues with ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._head.nbytes:
            n = min(len(b), self._head.nbytes)
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def close(self) -> None:
        try:
            self._rest.close()
        finally:
            super().close()


def open_binary(path: str) -> tuple[BinaryIO, bytes]:
    """Open ``path`` (or stdin for ``"-"``), decompressing gzip/bz2/xz by magic bytes.

    Returns the stream (positioned at the start) and the first
    :data:`HEAD_BYTES` of decompressed content. A damaged compressed head
    raises :class:`InputError`.
    """
    try:
        raw: BinaryIO = sys.stdin.buffer if path == STDIN else open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot open the file ({exc.strerror})", path=path,
                         hint="check the path and its permissions") from exc
    magic = raw.read(6)
    stream: BinaryIO
    if magic[:2] == b"\x1f\x8b":
        stream = gzip.GzipFile(fileobj=io.BufferedReader(_Prefixed(magic, raw)))
    elif magic[:3] == b"BZh":
        stream = bz2.BZ2File(io.BufferedReader(_Prefixed(magic, raw)))
    elif magic == b"\xfd7zXZ\x00":
        stream = lzma.LZMAFile(io.BufferedReader(_Prefixed(magic, raw)))
    else:
        stream = raw
        head = magic + raw.read(HEAD_BYTES - len(magic))
        return io.BufferedReader(_Prefixed(head, raw), buffer_size=1 << 20), head
    head = b""
    try:
        while len(head) < HEAD_BYTES:
            chunk = stream.read(HEAD_BYTES - len(head))
            if not chunk:
                break
            head += chunk
    except read_errors as exc:
        if not head:
            raw.close()
            raise InputError(f"the compressed file is damaged ({exc})", path=path,
                             hint="re-download or re-compress the file") from exc
        # the damage is reported when reading reaches it
        return io.BufferedReader(_Prefixed(head, _Raising(exc))), head
    return io.BufferedReader(_Prefixed(head, stream), buffer_size=1 << 20), head


class _Raising(io.RawIOBase):
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        raise EOFError(str(self.exc))


def _damaged(path: str, line: int, exc: BaseException) -> InputError:
    what = "ends early (truncated)" if isinstance(exc, EOFError) else f"is damaged ({exc})"
    return InputError(f"the file {what} after line {line}; the records before it were kept",
                      path=path, line=line + 1,
                      hint="re-download or re-compress the file to read the rest")


def iter_lines(stream: BinaryIO, path: str, problems: Problems, *,
               max_bytes: int = MAX_RECORD_BYTES) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` for each line, newline stripped, decoded as UTF-8.

    Invalid UTF-8 is replaced by U+FFFD and reported as a warning (the record
    is kept); a line longer than ``max_bytes`` is skipped and reported; a
    truncated or damaged compressed stream stops the file with a report.
    """
    n = 0
    while True:
        try:
            line = stream.readline(max_bytes + 1)
        except read_errors as exc:
            problems(_damaged(path, n, exc))
            return
        if not line:
            return
        n += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            try:
                while line and not line.endswith(b"\n"):
                    line = stream.readline(1 << 20)
                    size += len(line)
            except read_errors as exc:
                problems(_damaged(path, n, exc))
                return
            problems(InputError(f"line is {size:,} bytes, over the {max_bytes:,}-byte limit for one record;"
                                " skipped", path=path, line=n,
                                hint="split the record or check that the file is line-oriented"))
            continue
        if n == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = line.decode("utf-8", errors="replace")
            problems.warn(InputError(f"invalid UTF-8 at byte {exc.start}: replaced by U+FFFD, record kept",
                                     path=path, line=n, hint="re-save the file as UTF-8"))
        yield n, text.rstrip("\r\n")


def iter_chunks(stream: BinaryIO, path: str, problems: Problems, *,
                size: int = 1 << 20) -> Iterator[str]:
    """Decoded text chunks (UTF-8, invalid bytes replaced and reported once)."""
    utf8 = codecs.getincrementaldecoder("utf-8")(errors="strict")
    warned = False
    first = True
    while True:
        try:
            data = stream.read(size)
        except read_errors as exc:
            problems(InputError("the file ends early (truncated) or is damaged; the records before it were kept",
                                path=path, hint=f"re-download the file ({exc})"))
            return
        if first and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        first = False
        try:
            text = utf8.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            if not warned:
                problems.warn(InputError(f"invalid UTF-8 ({exc.reason}): replaced by U+FFFD",
                                         path=path, hint="re-save the file as UTF-8"))
                warned = True
            utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
            text = utf8.decode(data, final=not data)
        if text:
            yield text
        if not data:
            return
