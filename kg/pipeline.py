"""The one place the stages are wired: ingest -> extract -> resolve -> graph -> store.

``build`` streams papers through extraction (spaCy Docs are never all held).
Whoever extracts a record (with ``processes > 1``: the pool's workers, which
also parse their own JSONL lines) packs it (:func:`pack_record`): the alias-table
ops of the first resolution pass, played here as they arrive, and the record's
sidecar line and resolver-free graph part, spilled to a temporary file rather
than held in memory. After the decisions the records are replayed in paper id
order into :class:`kg.graph.GraphParts` (split over forked processes with
``processes > 1`` while that fits ``MEMORY_BUDGET_MB``) and the store is written from the parts, with two
sidecars: the records (``*.extractions.jsonl.gz``, for audits and rebuilds; with
``processes > 1`` written by a forked process while this one decides) and
the resolver state (``*.resolver.pickle``: alias table, decisions, paper ids; with
``processes > 1`` pickled by a forked process while this one builds and writes the
graph, and put in place once the store is).
``update=True`` reads only the resolver state (neither the store nor the old
records), extracts only papers whose id is not in the graph yet, resolves their
names against the alias table and writes what changes as a delta segment next
to the store (:func:`kg.graph.make_delta`), which :func:`kg.graph.load_graph`
applies; time grows with the new papers plus one read and one write of the
resolver state. ``build A; build --update B`` gives the same graph as ``build A B``
except where B teaches a second sense of a short form that A's papers used bare
(see :func:`kg.graph.update_graph`).
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import itertools
import json
import marshal
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import orjson

from kg.errors import ExtractError, InputError
from kg.graph import (DEFAULT_GRAPH, GraphParts, _dumps, _GzipBytes, delta_is_empty, delta_paths,
                      extractions_path, make_delta, prepare, remove_deltas, source_keys, state_path, write_delta)
from kg.graph import compact as compact_store
from kg.ingest.report import Problems
from kg.ingest.streams import open_binary, read_errors
from kg.models import Paper, PaperExtraction, Source, extraction_from_dict
from kg.resolve import AliasTable, load_state, local_definitions, save_state, table_ops

__all__ = ["BuildSummary", "build", "read_extractions", "read_papers", "dedupe_papers", "default_workdir"]


@dataclass
class BuildSummary:
    """What a build did, for the CLI to print."""

    graph: str
    papers: int = 0
    new_papers: int = 0
    repeated: int = 0
    #: the skip report: skipped records and warnings (``kind``), as :meth:`kg.errors.InputError.to_dict` entries
    skipped: list[dict[str, Any]] = field(default_factory=list)
    nodes: int | None = 0
    edges: int | None = 0
    delta: str | None = None  # --update: the delta segment written (None: nothing changed)
    delta_nodes: int = 0
    delta_edges: int = 0
    compacted: bool = False
    #: wall seconds per phase: read+extract (with the first resolution pass), decide, graph+store, state
    timings: dict[str, float] = field(default_factory=dict)
    #: peak resident memory in MB of this process and of the largest finished worker process
    peak_rss_mb: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        warnings = sum(d.get("kind") == "warning" for d in self.skipped)
        return {"graph": self.graph, "papers": self.papers, "new_papers": self.new_papers,
                "repeated": self.repeated, "skipped": len(self.skipped) - warnings, "warnings": warnings,
                "nodes": self.nodes,
                "edges": self.edges, "delta": self.delta, "delta_nodes": self.delta_nodes,
                "delta_edges": self.delta_edges, "compacted": self.compacted,
                "timings": {k: round(v, 2) for k, v in self.timings.items()}, "peak_rss_mb": self.peak_rss_mb}


def read_papers(inputs: Iterable[str], *, strict: bool = False, report: list | None = None) -> Iterator[Paper]:
    """Papers from any input format (``kg.ingest.read_papers``; plain JSONL until that module exists)."""
    try:
        from kg.ingest import read_papers as _read  # noqa: PLC0415
    except ImportError:
        for path in inputs:
            yield from _read_jsonl_papers(path, strict=strict, report=report)
        return
    yield from _read(list(inputs), strict=strict, report=report)


def _read_jsonl_papers(path: str, *, strict: bool, report: list | None) -> Iterator[Paper]:
    """Minimal JSONL(.gz) paper reader used only while ``kg.ingest`` is not available."""
    import gzip  # noqa: PLC0415
    from kg.models import Source  # noqa: PLC0415

    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                pid = str(d.get("id") or "").strip()
                if not pid:
                    raise KeyError("id")
                date = d.get("date") or (str(d["year"]) if d.get("year") else None)
                urls = tuple(u for u in (d.get("url"), d.get("code_url")) if u)
                cats = d.get("categories") or ()
                authors = d.get("authors") or ()
                if isinstance(authors, str):
                    authors = [a.strip() for a in authors.split(",") if a.strip()]
                yield Paper(id=pid, title=(d.get("title") or "").strip(), abstract=(d.get("abstract") or "").strip(),
                            date=date, authors=tuple(authors), urls=urls,
                            sources=(Source(str(path), n, "jsonl"),), doi=d.get("doi"),
                            arxiv_id=d.get("arxiv_id"), categories=tuple(cats.split() if isinstance(cats, str) else cats),
                            venue=d.get("venue"))
            except (ValueError, KeyError, TypeError) as exc:
                err = InputError(f"not a paper record ({exc})", path=str(path), line=n,
                                 field=exc.args[0] if isinstance(exc, KeyError) else None,
                                 hint="each line must be a JSON object with at least 'id' and 'title'")
                if strict:
                    raise err from exc
                if report is not None:
                    report.append(err.to_dict())


def read_extractions(path: str, *, strict: bool = False, report: list | None = None) -> Iterator[PaperExtraction]:
    """Pre-extracted records: the JSONL ``kg extract`` writes, or the records sidecar a build writes next to
    the store (``*.extractions.jsonl.gz``; gzip, bz2 and xz are read by their magic bytes). A bad line is
    reported, or raised with ``strict``; so is a damaged or truncated compressed file (the records before
    the damage are kept); an empty file is a warning.
    """
    f, _ = open_binary(path)
    with f:
        lines, n, seen = iter(f), 0, False
        while True:
            try:
                line = next(lines, None)
            except read_errors as exc:
                err = InputError(f"the file is damaged after line {n} ({exc}); the records before it were kept",
                                 path=path, line=n + 1, hint="re-compress the file, or rebuild it with `kg extract`")
                if strict:
                    raise err from exc
                if report is not None:
                    report.append(err.to_dict())
                return
            if line is None:
                if not seen:
                    err = InputError("the file is empty: no records", path=path,
                                     hint="check that the file was written completely")
                    if strict:
                        raise err
                    if report is not None:
                        report.append({**err.to_dict(), "kind": "warning"})
                return
            n += 1
            if not line.strip():
                continue
            seen = True
            try:
                d = orjson.loads(line)
                if not isinstance(d, dict):
                    raise TypeError("a JSON object per line")
                yield extraction_from_dict(d)
            except (ValueError, KeyError, TypeError) as exc:
                fld = exc.args[0] if isinstance(exc, KeyError) else None
                err = InputError(f"not an extraction record ({type(exc).__name__}: {exc})", path=path, line=n,
                                 field=fld, hint="each line must be a `kg extract` JSON record")
                if strict:
                    raise err from exc
                if report is not None:
                    report.append(err.to_dict())


def dedupe_papers(papers: Iterable[Paper], known: dict[str, Paper], extra_sources: dict[str, list]) -> Iterator[Paper]:
    """Yield papers whose id is not in ``known`` (first wins); remember the sources of repeats."""
    for p in papers:
        if p.id in known:
            extra_sources.setdefault(p.id, []).extend(p.sources)
            continue
        known[p.id] = p
        yield p


def _with_sources(x: PaperExtraction, extra: list) -> PaperExtraction:
    if not extra:
        return x
    srcs = tuple(dict.fromkeys((*x.paper.sources, *extra)))
    return dataclasses.replace(x, paper=dataclasses.replace(x.paper, sources=srcs))


def _extract(papers: Iterable[Paper], processes: int, spacy_model: str | None, dask: str | None = None,
             workdir: str | None = None, partition_size: int = 2000, pack=None,
             on_failure: Callable[[InputError], None] | None = None) -> Iterator[Any]:
    """Extraction records (``pack(record)`` with ``pack``) in input order: one process, a local pool, or a
    Dask cluster (``kg.parallel``); a paper the extractor fails on goes to ``on_failure``."""
    try:
        from kg.extract import extract_papers  # noqa: PLC0415, F401
    except ImportError as exc:
        raise ExtractError(f"the extraction pipeline is not available ({exc}); "
                           "build from pre-extracted records with --from-extractions FILE.jsonl") from exc
    from kg.parallel import extract_parallel  # noqa: PLC0415

    yield from extract_parallel(papers, processes=processes, dask=dask, workdir=workdir,
                                partition_size=partition_size, spacy_model=spacy_model, pack=pack,
                                on_failure=on_failure)


#: Papers (JSONL lines) per task of the local extraction pool.
TASK_SIZE = 256


def _read_tasks(inputs: list[str], size: int | None = None) -> Iterator[tuple[tuple, list[dict]]]:
    """Extraction tasks for ``kg.parallel.extract_tasks``, each with the problems met while reading it.

    A JSONL file goes out as blocks of raw lines (``("jsonl", path, first line, block)``;
    the worker parses and cleans them, :func:`kg.parallel.read_block`), any other
    format as parsed papers. Lines are read with ``kg.ingest``'s own line reader, so
    its problems (bad UTF-8, over-long lines, a damaged stream) are reported here,
    with the same numbering.
    """
    from kg.ingest import read_file  # noqa: PLC0415
    from kg.ingest.detect import sniff  # noqa: PLC0415
    from kg.ingest.report import Problems  # noqa: PLC0415
    from kg.ingest.streams import expand_inputs, iter_lines, open_binary  # noqa: PLC0415

    size = size or TASK_SIZE
    problems = Problems([])  # kept with the task they were met in (``strict`` raises them in that order)

    def task(t: tuple) -> tuple[tuple, list[dict]]:
        found, problems.report = problems.report, []
        return t, found

    for path in expand_inputs(inputs):
        try:
            stream, head = open_binary(path)
        except InputError as err:
            problems(err)
            continue
        with stream:
            jsonl = sniff(head, path) == "jsonl"
            lines: list[bytes] = [b""]  # a guard line: a block's first line is not a file's first line
            first = nxt = 1
            for n, text in iter_lines(stream, path, problems) if jsonl else ():
                if len(lines) == 1:
                    first = nxt = n
                lines.extend([b""] * (n - nxt))  # lines the reader skipped keep their numbers
                lines.append(text.encode())
                nxt = n + 1
                if len(lines) > size:
                    yield task(("jsonl", path, first, b"\n".join(lines) + b"\n"))
                    lines = [b""]
            if len(lines) > 1:
                yield task(("jsonl", path, first, b"\n".join(lines) + b"\n"))
        if not jsonl:
            papers = read_file(path, problems)
            while chunk := list(itertools.islice(papers, size)):
                yield task(("papers", chunk))
        if problems.report:
            yield task(("papers", []))


def _report(pre: list[dict], found: list[dict], strict: bool, out: list[dict]) -> None:
    """Problems of one extraction task in line order (on a line, the reader's before the worker's);
    ``strict`` raises the first."""
    if found:
        pre = [d for _, _, d in sorted([(d["line"] or -1, 0, d) for d in pre] + [(d["line"] or -1, 1, d) for d in found],
                                       key=lambda t: t[:2])]
    if pre and strict:
        raise InputError.from_dict(pre[0])
    out.extend(pre)


def default_workdir(graph_path: str | Path) -> Path:
    """Where ``--dask`` keeps per-partition outputs unless ``--workdir`` is given.

    >>> default_workdir("kg-data/graph.json.gz").as_posix()
    'kg-data/graph.parts'
    """
    p = Path(graph_path)
    return p.with_name(p.name.removesuffix(".gz").removesuffix(".json") + ".parts")


#: ``--update`` folds its delta segments into the store once they hold more than this share of its bytes.
COMPACT_RATIO = 0.25


_SPILL: dict[str, list[int]] = {}  # spill directory -> [fd, bytes written, pid] of this process's file there


def _spill(directory: str, data: bytes) -> tuple[int, int, int]:
    """Append ``data`` to this process's file in ``directory``; returns ``(pid, offset, length)`` to read it back."""
    f = _SPILL.get(directory)
    if f is None or f[2] != os.getpid():  # a forked worker opens its own file
        path = os.path.join(directory, f"spill-{os.getpid()}.bin")
        f = _SPILL[directory] = [os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), 0, os.getpid()]
    view = memoryview(data)
    while view:  # unbuffered: a pool worker ends with os._exit, so nothing may wait in a buffer
        view = view[os.write(f[0], view):]
    f[1] += len(data)
    return f[2], f[1] - len(data), len(data)


def pack_record(spill: str, x: PaperExtraction) -> tuple[str, tuple, bytes, tuple[int, int, int, int]]:
    """One record as the build holds it: ``(paper id, sources, alias-table ops, where it was spilled)``.

    The ops (:func:`kg.resolve.table_ops`, ``marshal``'d) are what the alias table
    records; the records-sidecar line, then the ``marshal`` of the resolver-free graph part
    (:func:`kg.graph.prepare`) and the paper's source keys, are appended to a file of the
    calling process in the directory ``spill`` (not held in memory: the page cache
    keeps it); ``where`` is ``(writer pid, offset, length, length of the line)``, so the
    sidecar writer reads the line alone. Extraction workers call it (``kg.parallel``: the
    work leaves the main process and the single-core graph phase) and only small tuples travel back.
    """
    line = _dumps(x.to_dict(with_paper=True))
    local = local_definitions(x)
    writer, offset, length = _spill(spill, line + marshal.dumps((prepare(x, local), source_keys(x.paper.sources))))
    return (x.paper.id, tuple((s.path, s.line, s.format) for s in x.paper.sources),
            marshal.dumps(table_ops(x, local)), (writer, offset, length, len(line)))


class _Held:
    """New records held until all are read: where :func:`pack_record` spilled each, by paper id."""

    def __init__(self, spill: str, sources: bool = False) -> None:
        self.spill = spill
        self.lines: dict[str, tuple[int, int, int, int]] = {}
        self.files: dict[int, int] = {}  # writer pid -> read descriptor
        #: with ``sources``: each paper's ``(path, line, format)`` tuples, for :meth:`source_keys`
        self.sources: dict[str, tuple] | None = {} if sources else None

    def put(self, pid: str, where: tuple[int, int, int, int], sources: tuple = ()) -> None:
        self.lines[pid] = where
        if self.sources is not None:
            self.sources[pid] = sources

    def source_keys(self, extra: dict[str, list]) -> dict[str, list[str]]:
        """Paper id -> :func:`kg.graph.source_keys` of its sources (with those it was seen again at), in id order:
        what the graph phase finds in the records, known before it."""
        out = {}
        for pid in sorted(self.sources):
            keys = {f"{path}:{line}" for path, line, _ in self.sources[pid]}
            keys.update(f"{s.path}:{s.line}" for s in extra.get(pid, ()))
            out[pid] = sorted(keys)
        return out

    def __len__(self) -> int:
        return len(self.lines)

    def __contains__(self, pid: str) -> bool:
        return pid in self.lines

    def _read(self, pid: str, line_only: bool = False) -> tuple[bytes, int]:
        """The spilled bytes of ``pid`` (``line_only``: its sidecar line alone) and the length of the line."""
        writer, offset, length, n = self.lines[pid]
        fd = self.files.get(writer)
        if fd is None:
            fd = self.files[writer] = os.open(os.path.join(self.spill, f"spill-{writer}.bin"), os.O_RDONLY)
        return os.pread(fd, n if line_only else length, offset), n

    def close(self) -> None:
        """Close the spill files (and this process's writer)."""
        for fd in self.files.values():
            os.close(fd)
        self.files.clear()
        f = _SPILL.pop(self.spill, None)
        if f is not None and f[2] == os.getpid():
            os.close(f[0])

    def prepared(self, pid: str, extra: dict[str, list]) -> tuple[bytes, tuple, list[str]]:
        """``(sidecar line, graph part, source keys)`` of one held paper; a paper seen again gets its new sources."""
        data, n = self._read(pid)
        if not extra.get(pid):
            return data[:n], *marshal.loads(memoryview(data)[n:])
        x = _with_sources(extraction_from_dict(orjson.loads(data[:n])), extra[pid])
        return _dumps(x.to_dict(with_paper=True)), prepare(x), source_keys(x.paper.sources)

    def line(self, pid: str, extra: dict[str, list]) -> bytes:
        """The sidecar line of one held paper (read alone: the graph part is not unmarshalled)."""
        if extra.get(pid):
            return self.prepared(pid, extra)[0]
        return self._read(pid, line_only=True)[0]

    def drain(self, extra: dict[str, list]) -> Iterator[tuple[bytes, PaperExtraction]]:
        """``(sidecar line, record)`` in paper id order, each forgotten once given."""
        for line, _, _ in self.drain_prepared(extra):
            yield line, extraction_from_dict(orjson.loads(line))

    def drain_prepared(self, extra: dict[str, list]) -> Iterator[tuple[bytes, tuple, list[str]]]:
        """``(sidecar line, graph part, source keys)`` in paper id order, each forgotten once given."""
        for pid in sorted(self.lines):
            item = self.prepared(pid, extra)
            del self.lines[pid]
            yield item


def build(inputs: Iterable[str] = (), *, graph_path: str = DEFAULT_GRAPH, update: bool = False,
          from_extractions: str | None = None, processes: int = 1, spacy_model: str | None = None,
          strict: bool = False, dask: str | None = None, workdir: str | None = None,
          partition_size: int = 2000, compact: bool = False) -> BuildSummary:
    """Build (or update) the graph store from paper inputs and/or extraction records.

    Extraction runs in this process (``processes=1``), in a local process pool
    (``processes=N``) or on a Dask cluster (``dask="local:N"`` or a scheduler
    address; per-partition records go to ``workdir``, default
    :func:`default_workdir`, so a failed run can be resumed). All give the same
    records in the same order, so the same graph bytes. Each record is added to
    the alias table as it arrives (the first resolution pass overlaps extraction)
    and spilled to a temporary directory (``TMPDIR``; about 6 KB a paper, removed at
    the end); the graph is then built in paper id order and written
    streaming (:class:`kg.graph.GraphParts`), without a networkx graph in memory.

    ``update=True`` on an existing store writes a delta segment next to it instead
    of rewriting it (:func:`kg.graph.make_delta`), and folds the segments into the
    store when they grow past :data:`COMPACT_RATIO` of it; ``compact=True`` folds them
    now. Returns a :class:`BuildSummary`; bad records are listed in ``summary.skipped``
    (``strict`` raises on the first one instead). A paper the extractor itself fails on (a bug, not
    bad input) is built with no entities and listed there as a warning
    (:func:`kg.errors.extraction_failed`; ``strict`` raises it), in one process or many, or on a Dask cluster.
    A full build that reads no paper raises :class:`InputError` (its ``skipped`` holds the problems met) and
    leaves the store there as it was.
    """
    summary = BuildSummary(graph=str(graph_path))
    clock = _Clock(summary.timings)
    appending = update and Path(graph_path).exists()
    old_keys = old_clusters = None
    papers: dict[str, list[str]] = {}
    if appending:  # neither the graph nor the old records are read: new names resolve against the alias table
        table, old_keys, old_clusters, papers = load_state(state_path(graph_path))
        clock.lap("read state")
    else:
        table = AliasTable()
    known: dict[str, Any] = dict.fromkeys(papers)
    extra: dict[str, list] = {}
    spill = tempfile.mkdtemp(prefix="kg-build-")  # the records, until the graph is written
    # the state written beside the graph (not after a Dask client: its threads may still run at the fork)
    fork_state = processes > 1 and not dask and not appending and hasattr(os, "fork")
    held = _Held(spill, sources=fork_state)
    pack = functools.partial(pack_record, spill)
    state_writer = side_writer = None
    gc.disable()  # millions of small long-lived objects: cyclic GC passes would only cost time
    try:
        def take(items: Iterable[tuple[str, tuple, bytes, tuple]]) -> None:
            for pid, srcs, ops, blob in items:  # pack_record()s, in input order
                if pid in held or pid in papers:  # read again (workers reading their input see repeats only now)
                    extra.setdefault(pid, []).extend(Source(*s) for s in srcs)
                    continue
                known[pid] = None
                table.apply(marshal.loads(ops))
                held.put(pid, blob, srcs)

        if from_extractions:
            take(map(pack, read_extractions(from_extractions, strict=strict, report=summary.skipped)))
        inputs = list(inputs)
        if inputs and processes > 1 and not dask and not appending and "-" not in inputs:
            from kg.parallel import extract_tasks  # noqa: PLC0415
            # the workers parse and clean their own JSONL lines: this process only reads lines and plays ops
            for pre, found, items in extract_tasks(_read_tasks(inputs), processes=processes,
                                                   spacy_model=spacy_model, pack=pack):
                _report(pre, found, strict, summary.skipped)
                take(items)
        elif inputs:
            papers_in = dedupe_papers(read_papers(inputs, strict=strict, report=summary.skipped), known, extra)
            if dask and workdir is None:
                workdir = str(default_workdir(graph_path).resolve())
            take(_extract(papers_in, processes, spacy_model, dask, workdir, partition_size, pack=pack,
                          on_failure=Problems(summary.skipped, strict=strict).warn))
        summary.new_papers = len(held)
        summary.repeated = sum(len(v) for v in extra.values())
        if not appending and not held:  # an empty graph would replace the store there
            first = f"; first problem: {InputError.from_dict(summary.skipped[0])}" if summary.skipped else ""
            err = InputError(f"no papers read from the inputs, so {graph_path} was not written{first}",
                             hint="check the files and --format")
            err.skipped = summary.skipped  # for the caller's skip report
            raise err
        clock.lap("read, extract, alias table")
        side = extractions_path(graph_path)
        # decided once, here: the decisions grow this process, and a graph built in one process after a
        # forked sidecar would lose both the parallel graph and the sidecar written in its loop
        fork_graph = fork_state and _fork_graph(held, processes)
        if fork_graph:  # the sidecar needs no decision: written meanwhile
            side_writer = _fork_sidecar(held, extra, side)
        resolver = table.freeze()
        clock.lap("decide")
        if appending:
            _update(graph_path, held, extra, papers, table, resolver, old_keys, old_clusters, summary)
            clock.lap("delta")
        else:
            if fork_state:
                papers.update(held.source_keys(extra))
                state_writer = _fork_state(table, resolver, state_path(graph_path), papers)
            parts = _graph_parts(held, extra, resolver, None if side_writer else side, papers,
                                 processes if fork_graph else 1)
            if side_writer is not None:
                if not _state_written(side_writer, side):  # it failed: write it here (raising its error)
                    _write_sidecar(held, extra, side)
                side_writer = None
            held.lines.clear()
            clock.lap("graph, records sidecar")
            summary.nodes, summary.edges = parts.write(graph_path)
            remove_deltas(graph_path)  # the old store's: only once the new one is in place
            clock.lap("write store")
        if state_writer is None or not _state_written(state_writer, state_path(graph_path)):
            save_state(table, resolver, state_path(graph_path), papers)
        state_writer = None
        clock.lap("write state")
        summary.papers = len(papers)
    finally:
        for writer in (state_writer, side_writer):
            if writer is not None:  # the build failed: the old state and sidecar stay
                _state_written(writer, None)
        gc.enable()
        held.close()
        shutil.rmtree(spill, ignore_errors=True)
    if compact or (appending and _deltas_outgrow(graph_path)):
        compact_store(graph_path)
        summary.compacted = True
        clock.lap("compact")
    summary.peak_rss_mb = _peak_rss()
    return summary


def _fork_state(table: AliasTable, resolver, path: Path, papers: dict[str, list[str]]) -> tuple[int, Path]:
    """Write the resolver state (:func:`kg.resolve.save_state`) to ``path`` + ``.part`` in a forked process.

    It needs only the decisions and the papers' sources, so it is written while this
    process builds and writes the graph (one core would idle otherwise): the same
    objects pickled, in the same order. :func:`_state_written` waits for it; the file
    replaces the old state only once the store is written.
    """
    return _forked_writer(path, lambda part: save_state(table, resolver, part, papers))


def _forked_writer(path: Path, write: Callable[[Path], None]) -> tuple[int, Path]:
    """Run ``write(path + ".part")`` in a forked process; :func:`_state_written` waits for it."""
    part = path.with_name(path.name + ".part")
    child = os.fork()
    if child == 0:  # leave without the parent's cleanup (its temporary files, its atexit hooks)
        code = 1
        try:
            write(part)
            code = 0
        finally:
            os._exit(code)
    return child, part


def _state_written(writer: tuple[int, Path], path: Path | None) -> bool:
    """Wait for :func:`_fork_state`'s (or :func:`_fork_sidecar`'s) process; move its file to ``path``
    (``None``: discard it).

    ``False`` when it failed (the caller then writes the state itself, which raises the error).
    """
    child, part = writer
    _, status = os.waitpid(child, 0)
    if path is not None and os.waitstatus_to_exitcode(status) == 0 and part.exists():
        os.replace(part, path)
        return True
    part.unlink(missing_ok=True)
    return False


def _peak_rss() -> dict[str, int]:
    """Peak RSS (MB) of this process and of its largest finished child (Linux: ru_maxrss in KB)."""
    try:
        import resource  # noqa: PLC0415
    except ImportError:  # not on Windows
        return {}
    return {"main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "workers": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024}


def _rss_mb() -> float:
    """Current RSS of this process in MB (0 where /proc is absent)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


class _Clock:
    """Wall seconds per phase into ``out``."""

    def __init__(self, out: dict[str, float]) -> None:
        self.out, self.t = out, time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.out[name] = self.out.get(name, 0.0) + now - self.t
        self.t = now


#: Fewer held records than this build their graph in one process (forking costs more than it saves).
PARALLEL_GRAPH_MIN = 2000
#: Forked graph builders each hold their share of the graph on top of this process: together about
#: ``FORK_KB_PER_RECORD`` per record (measured on the 157k arXiv build: 4.6 GB summed PSS forked, 2.1 GB
#: in one process). They are used only while this process's RSS plus that estimate stays inside
#: ``MEMORY_BUDGET_MB`` (environment ``KG_MEMORY_BUDGET_MB``); above it the graph is built here.
MEMORY_BUDGET_MB = int(os.environ.get("KG_MEMORY_BUDGET_MB", "3000"))
FORK_KB_PER_RECORD = 16
_FORKED: tuple = ()  # what forked graph builders read: (held records, extra sources, resolver, sorted ids)


def _graph_parts(held: _Held, extra: dict[str, list], resolver, side: Path | None, papers: dict[str, list[str]],
                 processes: int) -> GraphParts:
    """The graph of the held records (and the records sidecar), split over ``processes`` forked processes
    (the caller checked :func:`_fork_graph`; 1: built here).

    Each forked process builds the parts of a contiguous range of paper ids; they are
    joined in id order (:meth:`kg.graph.GraphParts.absorb`), which gives what one
    process gives. Meanwhile this process writes the sidecar to ``side``; with ``side``
    ``None`` (``processes > 1`` only: :func:`_fork_sidecar` writes it) it builds the first
    range itself instead (its parts need not be pickled, sent and absorbed). Built here,
    the records are forgotten as they are added; split, the caller clears them.
    """
    global _FORKED
    import multiprocessing  # noqa: PLC0415

    if processes > 1:
        ids = sorted(held.lines)
        step = -(-len(ids) // processes)
        ranges = [(i, min(i + step, len(ids))) for i in range(0, len(ids), step)]
        own = int(side is None and len(ranges) > 1)  # no sidecar to write here: build the first range here
        _FORKED = (held, extra, resolver, ids)
        try:
            with multiprocessing.get_context("fork").Pool(len(ranges) - own) as pool:
                jobs = [pool.apply_async(_parts_of, r) for r in ranges[own:]]
                if own:  # not sent through a pipe: the largest part of the absorb's cost saved
                    parts, got = _parts_of(*ranges[0], export=False)
                    papers.update(got)
                else:
                    parts = GraphParts(resolver)
                    if side is not None:
                        _write_sidecar(held, extra, side)
                for job in jobs:  # absorbed in id order, each as soon as it is there
                    state, got = job.get()
                    papers.update(got)
                    parts.absorb(state)
        finally:
            _FORKED = ()
        return parts
    parts = GraphParts(resolver)
    with _GzipBytes(side) as out:
        for line, prep, keys in held.drain_prepared(extra):
            out.write(line + b"\n")
            papers[prep[0]] = keys
            parts.add_prepared(prep)
    return parts


def _fork_graph(held: _Held, processes: int) -> bool:
    """Whether :func:`_graph_parts` splits the graph over forked processes (enough records, memory to spare)."""
    import multiprocessing  # noqa: PLC0415

    return (processes > 1 and len(held) >= PARALLEL_GRAPH_MIN and "fork" in multiprocessing.get_all_start_methods()
            and _rss_mb() + len(held) * FORK_KB_PER_RECORD / 1024 <= MEMORY_BUDGET_MB)


def _fork_sidecar(held: _Held, extra: dict[str, list], side: Path) -> tuple[int, Path]:
    """Write the records sidecar (paper id order) to ``side`` + ``.part`` in a forked process.

    It needs no resolution decision, so it is written while this process decides and
    builds the graph (one core would idle while the decisions are made);
    :func:`_state_written` waits for it and puts it in place. The held records are
    only read, so this process still has them if the writer fails.
    """
    return _forked_writer(side, lambda part: _write_sidecar(held, extra, part))


def _write_sidecar(held: _Held, extra: dict[str, list], path: Path) -> None:
    """The records sidecar of the held records, in paper id order, to ``path`` (the held records stay)."""
    with _GzipBytes(path) as out:
        for pid in sorted(held.lines):
            out.write(held.line(pid, extra) + b"\n")


def _parts_of(lo: int, hi: int, export: bool = True) -> tuple[Any, dict[str, list[str]]]:
    """The graph parts of the held records ``ids[lo:hi]`` (exported: in a forked process) and their source keys."""
    gc.disable()
    held, extra, resolver, ids = _FORKED
    parts = GraphParts(resolver)
    papers = {}
    for pid in ids[lo:hi]:
        _, prep, papers[pid] = held.prepared(pid, extra)
        parts.add_prepared(prep)
    return parts.export() if export else parts, papers


def _deltas_outgrow(graph_path: str) -> bool:
    size = sum(q.stat().st_size for q in delta_paths(graph_path))
    return size > COMPACT_RATIO * Path(graph_path).stat().st_size


def _update(graph_path, held: _Held, extra: dict[str, list], papers: dict[str, list[str]], table, resolver,
            old_keys, old_clusters, summary: BuildSummary) -> None:
    """``--update``: append the new records, write one delta segment, save the state (the store is not read)."""
    records = []
    with _GzipBytes(extractions_path(graph_path), append=True) as out:
        for line, x in held.drain(extra):
            out.write(line + b"\n")
            papers[x.paper.id] = source_keys(x.paper.sources)
            records.append(x)
    sources = {}
    new_ids = {x.paper.id for x in records}
    for pid, srcs in sorted(extra.items()):  # an old paper seen again: only its new source file:line is kept
        if pid in new_ids or pid not in papers:
            continue
        now = sorted({*papers[pid], *source_keys(srcs)})
        if now != papers[pid]:
            papers[pid] = now
            sources[f"paper:{pid}"] = now
    delta = make_delta(old_keys, old_clusters, resolver, records, sources)
    summary.nodes = summary.edges = None  # known only once the store and its deltas are read
    summary.delta_nodes, summary.delta_edges = len(delta["nodes"]), len(delta["edges"])
    if not delta_is_empty(delta):
        summary.delta = str(write_delta(graph_path, delta))
