"""Parallel and distributed extraction: local process pools and Dask clusters.

:func:`extract_parallel` is a drop-in for ``kg.extract.extract_papers`` that
spreads the work over several processes, a ``dask.distributed`` cluster on
this machine (``dask="local:N"``), or an existing cluster
(``dask="tcp://scheduler:8786"``). Results come back in input order and are
the same records a single process gives.

The input is streamed in partitions (never materialised); only a bounded
number of partitions is in flight at once. With a Dask cluster and a
``workdir``, each partition's records are written to
``workdir/part-NNNNN.jsonl`` (renamed into place when complete) and a
``manifest.json`` maps each partition to a fingerprint of its input, so a
re-run with the same workdir skips finished partitions and recomputes only
missing ones or ones whose input changed. Each partition file also gets a
``part-NNNNN.jsonl.sha256`` sidecar with that fingerprint, so a task that Dask
reruns after a worker died (its result was lost with the worker, its file was
not) returns the file instead of extracting again. ``workdir/tasks.log`` gets
one line per partition actually computed.

Importing this module does not import Dask; that happens only when a Dask
cluster is asked for.

>>> partition_name(7)
'part-00007.jsonl'
>>> parse_dask_target("local:3"), parse_dask_target("tcp://10.0.0.5:8786")
(('local', 3), ('remote', 'tcp://10.0.0.5:8786'))
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import importlib
import io
import itertools
import json
import os
import socket
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from kg.errors import ExtractError, InputError, extraction_failed
from kg.models import Paper, PaperExtraction, extraction_from_dict

__all__ = ["extract_parallel", "extract_tasks", "read_block", "partition_name", "partition_problems",
           "parse_dask_target", "partition_fingerprint", "extract_partition", "MANIFEST", "TASK_LOG"]

MANIFEST = "manifest.json"
TASK_LOG = "tasks.log"
PROBLEMS_SUFFIX = ".problems"  # part-NNNNN.jsonl.problems: the partition's extraction warnings (JSON list)
#: Module providing ``build_nlp(model)`` and ``extract_papers(papers, nlp=...)``.
#: ``KG_EXTRACT_MODULE`` may name another module with the same two functions.
EXTRACT_MODULE_ENV = "KG_EXTRACT_MODULE"

_NLP_CACHE: dict[str | None, Any] = {}  # one pipeline per worker process and model


def _extract_module():
    name = os.environ.get(EXTRACT_MODULE_ENV, "kg.extract")
    try:
        mod = importlib.import_module(name)
        # the module's extraction pipeline (kg.extract.extraction_nlp: no doc.spans, lean vocabulary), else build_nlp
        return getattr(mod, "extraction_nlp", None) or mod.build_nlp, mod.extract_papers
    except (ImportError, AttributeError) as exc:
        raise ExtractError(f"the extraction pipeline ({name}.build_nlp / extract_papers) is not available: {exc}") from exc


def _nlp(spacy_model: str | None):
    """The worker's cached pipeline for ``spacy_model`` (built on first use; :func:`kg.extract.extraction_nlp`
    for kg's own extractor)."""
    if spacy_model not in _NLP_CACHE:
        build_nlp, _ = _extract_module()
        _NLP_CACHE[spacy_model] = build_nlp(spacy_model)
    return _NLP_CACHE[spacy_model]


def _extract_iter(papers: Iterable[Paper], spacy_model: str | None,
                  on_failure: Callable[[InputError], None] | None = None) -> Iterator[PaperExtraction]:
    """``extract_papers`` with this process's pipeline; a paper it fails on goes to ``on_failure`` as
    :func:`kg.errors.extraction_failed` and is yielded with no entities (``None``: the exception propagates)."""
    _, extract_papers = _extract_module()
    if on_failure is None:
        return extract_papers(papers, nlp=_nlp(spacy_model))
    return extract_papers(papers, nlp=_nlp(spacy_model), on_error=lambda p, exc: on_failure(extraction_failed(p, exc)))


def _extract_list(papers: list[Paper], spacy_model: str | None, pack: Callable | None = None,
                  on_failure: Callable[[InputError], None] | None = None) -> list:
    xs = _extract_iter(papers, spacy_model, on_failure)
    return list(xs) if pack is None else [pack(x) for x in xs]


def partition_name(index: int) -> str:
    """File name of partition ``index`` inside a workdir."""
    return f"part-{index:05d}.jsonl"


def parse_dask_target(dask: str) -> tuple[str, Any]:
    """``"local"`` / ``"local:N"`` -> ``("local", N or None)``; a scheduler address -> ``("remote", addr)``.

    >>> parse_dask_target("local")
    ('local', None)
    >>> parse_dask_target("local:x")
    Traceback (most recent call last):
    ...
    kg.errors.ExtractError: --dask local:N needs a whole number of workers, got 'local:x'
    """
    if dask == "local" or dask.startswith("local:"):
        n = dask.partition(":")[2]
        if n and not n.isdigit() or n == "0":
            raise ExtractError(f"--dask local:N needs a whole number of workers, got {dask!r}")
        return "local", int(n) if n else None
    return "remote", dask


def partition_fingerprint(papers: list[Paper], spacy_model: str | None) -> str:
    """SHA-256 over the partition's paper records and the model name.

    >>> a = partition_fingerprint([Paper(id="1", title="T", abstract="A.")], None)
    >>> a == partition_fingerprint([Paper(id="1", title="T", abstract="B.")], None)
    False
    """
    h = hashlib.sha256(json.dumps(spacy_model).encode())
    for p in papers:
        h.update(json.dumps(p.to_dict(), sort_keys=True, ensure_ascii=False).encode())
        h.update(b"\n")
    return h.hexdigest()


def _chunks(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    it = iter(papers)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _ordered(submit: Callable[[int, list[Paper]], Any], result: Callable[[Any], Iterable[PaperExtraction]],
             chunks: Iterable[list[Paper]], in_flight: int) -> Iterator[PaperExtraction]:
    """Submit chunks with at most ``in_flight`` pending; yield their results in input order."""
    pending: collections.deque = collections.deque()
    for i, chunk in enumerate(chunks):
        pending.append(submit(i, chunk))
        if len(pending) >= in_flight:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


# ---------------------------------------------------------------- process pool

def _pool_init(spacy_model: str | None) -> None:
    _nlp(spacy_model)


def _report_failures(found: Iterable[dict], on_failure: Callable[[InputError], None] | None) -> None:
    """A worker's extraction failures (skip-report dicts), reported here in input order, before its records.

    Without ``on_failure`` the first is raised (a Dask partition kept by an earlier run that reported them)."""
    for d in found:
        err = InputError.from_dict(d)
        if on_failure is None:
            raise err
        on_failure(err)


def _extract_local(papers: Iterable[Paper], processes: int, chunk: int, spacy_model: str | None,
                   pack: Callable | None = None, on_failure: Callable[[InputError], None] | None = None
                   ) -> Iterator[Any]:
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    def result(f) -> list:
        found, records = f.result()
        _report_failures(found, on_failure)
        return records

    with ProcessPoolExecutor(max_workers=processes, initializer=_pool_init, initargs=(spacy_model,)) as pool:
        yield from _ordered(lambda i, c: pool.submit(_extract_task, ("papers", c), spacy_model, pack,
                                                     on_failure is not None),
                            result, _chunks(papers, chunk), 2 * processes)


def read_block(path: str, first: int, block: bytes) -> tuple[list[Paper], list[dict]]:
    """Papers of a block of JSONL lines read by a worker: ``kg.ingest.jsonl.read_jsonl`` with the file's numbering.

    ``block`` holds whole lines of ``path``: an empty guard line, then line ``first``
    and the lines after it (an empty line stands for a line the reader skipped).
    Returns the papers (sources numbered as in the file) and the problems met, as
    skip-report dicts.

    >>> ps, probs = read_block("a.jsonl", 7, b'\\n{"id": "1", "title": "T", "abstract": "A."}\\n{oops\\n')
    >>> [(p.id, p.sources[0].line) for p in ps], [d["line"] for d in probs]
    ([('1', 7)], [8])
    """
    from kg.ingest.jsonl import read_jsonl  # noqa: PLC0415
    from kg.ingest.report import Problems  # noqa: PLC0415
    from kg.models import Source  # noqa: PLC0415

    found: list[dict] = []
    shift = first - 2
    papers = [dataclasses.replace(p, sources=tuple(Source(s.path, s.line + shift, s.format) for s in p.sources))
              for p in read_jsonl(io.BytesIO(block), path, Problems(found))]
    for d in found:
        if d.get("line") is not None:
            d["line"] += shift
    return papers, found


def _extract_task(task: tuple, spacy_model: str | None, pack: Callable | None,
                  catch: bool = True) -> tuple[list[dict], list]:
    """One pool task: ``("papers", [Paper, ...])`` or ``("jsonl", path, first line, block)`` -> (problems, records).

    With ``catch`` a paper the extractor fails on is a record with no entities and a warning among the problems
    (:func:`kg.errors.extraction_failed`), after the reader's problems of its line."""
    from kg.ingest.report import Problems  # noqa: PLC0415

    if task[0] == "jsonl":
        papers, found = read_block(*task[1:])
    else:
        papers, found = task[1], []
    if not papers:
        return found, []
    return found, _extract_list(papers, spacy_model, pack, Problems(found).warn if catch else None)


def extract_tasks(tasks: Iterable[tuple[tuple, Any]], *, processes: int, spacy_model: str | None = None,
                  pack: Callable | None = None) -> Iterator[tuple[Any, list[dict], list]]:
    """Run extraction tasks on a local pool; for each, in order: ``(its tag, problems met, records)``.

    A task is ``("papers", [Paper, ...])`` or ``("jsonl", path, first line, block of raw
    lines)`` (see :func:`read_block`): the worker then parses and cleans the papers
    itself, so the process feeding the pool only reads lines. The tag (anything) comes
    back with the task's results; ``pack`` is applied to each record in the worker. A paper
    the extractor fails on comes back with no entities, and a warning among the problems
    (:func:`kg.errors.extraction_failed`).

    >>> list(extract_tasks([], processes=2))
    []
    """
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    it = iter(tasks)
    first = list(itertools.islice(it, 1))
    if not first:
        return
    with ProcessPoolExecutor(max_workers=processes, initializer=_pool_init, initargs=(spacy_model,)) as pool:
        yield from _ordered(lambda i, t: (t[1], pool.submit(_extract_task, t[0], spacy_model, pack)),
                            lambda f: [(f[0], *f[1].result())], itertools.chain(first, it), 2 * processes)


# ---------------------------------------------------------------- dask

def extract_partition(index: int, papers: list[Paper], spacy_model: str | None,
                      workdir: str | None, fingerprint: str | None = None, catch: bool = False
                      ) -> str | list[PaperExtraction] | tuple[list[dict], list[PaperExtraction]]:
    """One Dask task: extract a partition on the worker (pipeline cached per process).

    With ``workdir`` the records go to ``workdir/part-NNNNN.jsonl`` (written to a
    temporary name, then renamed), then ``fingerprint`` goes to the sidecar
    ``part-NNNNN.jsonl.sha256``, a line is appended to ``workdir/tasks.log`` and the
    path is returned. A task that finds the partition already written for the same
    fingerprint returns it without extracting again: Dask recomputes a finished task
    whose result was held by a worker that died, and the file makes that free.
    Without ``workdir`` the records themselves are returned.

    With ``catch`` a paper the extractor fails on is kept with no entities and its
    :func:`kg.errors.extraction_failed` warning (a skip-report dict) is kept too: in
    the sidecar ``part-NNNNN.jsonl.problems`` (written before the fingerprint, so a
    re-run that reuses the partition reports it again; see :func:`partition_problems`),
    or, without ``workdir``, returned as ``(problems, records)``.
    """
    if workdir is not None and fingerprint is not None:
        out = Path(workdir) / partition_name(index)
        if _sidecar(out) == fingerprint and out.exists():
            return str(out)
    from kg.ingest.report import Problems  # noqa: PLC0415

    found: list[dict] = []
    xs = _extract_list(papers, spacy_model, None, Problems(found).warn if catch else None)
    if workdir is None:
        return (found, xs) if catch else xs
    records = [x.to_dict(with_paper=True) for x in xs]
    out = Path(workdir) / partition_name(index)
    tag = f"{socket.gethostname()}.{os.getpid()}.tmp"
    tmp = out.with_name(f"{out.name}.{tag}")
    with open(tmp, "w", encoding="utf-8") as f:
        for d in records:
            f.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
    os.replace(tmp, out)
    if found:
        _replace_text(out.with_name(f"{out.name}{PROBLEMS_SUFFIX}"), json.dumps(found, ensure_ascii=False,
                                                                                sort_keys=True), tag)
    else:  # left by an earlier run of a partition whose input changed since
        out.with_name(f"{out.name}{PROBLEMS_SUFFIX}").unlink(missing_ok=True)
    if fingerprint is not None:
        _replace_text(out.with_name(f"{out.name}.sha256"), fingerprint, tag)
    with open(Path(workdir) / TASK_LOG, "a", encoding="utf-8") as log:
        log.write(f"{partition_name(index)} {socket.gethostname()} {os.getpid()} {len(records)}\n")
    return str(out)


def _replace_text(path: Path, text: str, tag: str) -> None:
    """Write ``text`` to ``path`` atomically: a temporary name ending in ``tag``, then a rename."""
    tmp = path.with_name(f"{path.name}.{tag}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def partition_problems(path: str | Path) -> list[dict]:
    """The extraction warnings (skip-report dicts) kept beside a partition file by :func:`extract_partition`
    (``[]`` when none).

    >>> partition_problems("/nonexistent/part-00000.jsonl")
    []
    """
    try:
        text = Path(f"{path}{PROBLEMS_SUFFIX}").read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return json.loads(text)


def _sidecar(out: Path) -> str | None:
    try:
        return out.with_name(f"{out.name}.sha256").read_text(encoding="utf-8")
    except OSError:
        return None


def _read_partition(path: str) -> Iterator[PaperExtraction]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield extraction_from_dict(json.loads(line))


class _Manifest:
    """``workdir/manifest.json``: partition file -> input fingerprint, rewritten atomically."""

    def __init__(self, workdir: Path) -> None:
        self.path = workdir / MANIFEST
        try:
            self.parts: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))["partitions"]
        except (OSError, ValueError, KeyError, TypeError):
            self.parts = {}

    def done(self, name: str, fingerprint: str) -> bool:
        return self.parts.get(name) == fingerprint and (self.path.parent / name).exists()

    def record(self, name: str, fingerprint: str) -> None:
        self.parts[name] = fingerprint
        self._write()

    def forget(self, name: str) -> None:
        if self.parts.pop(name, None) is not None:
            self._write()

    def _write(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"partitions": self.parts}, indent=0, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)


def _dask_client(dask: str):
    try:
        from dask.distributed import Client, LocalCluster  # noqa: PLC0415
    except ImportError as exc:
        raise ExtractError("--dask needs dask.distributed: pip install 'kg[dask]'") from exc
    kind, arg = parse_dask_target(dask)
    if kind == "local":
        n = arg or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=":0")
        return Client(cluster), cluster
    try:
        return Client(arg, timeout="5s"), None
    except (OSError, TimeoutError) as exc:
        raise ExtractError(f"cannot reach the Dask scheduler at {arg} ({exc}); start one with "
                           f"`dask scheduler` and workers with `dask worker {arg}`, or use --dask local") from exc


def _extract_dask(papers: Iterable[Paper], dask: str, workdir: Path | None, partition_size: int,
                  spacy_model: str | None, on_failure: Callable[[InputError], None] | None = None
                  ) -> Iterator[PaperExtraction]:
    client, cluster = _dask_client(dask)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        manifest = None
        if workdir is not None:
            workdir.mkdir(parents=True, exist_ok=True)
            manifest = _Manifest(workdir)

        catch = on_failure is not None

        def submit(i: int, chunk: list[Paper]):
            if manifest is None:
                return None, client.submit(extract_partition, i, chunk, spacy_model, None, None, catch,
                                           retries=2, pure=False)
            name, fp = partition_name(i), partition_fingerprint(chunk, spacy_model)
            if manifest.done(name, fp):
                return (name, fp), str(workdir / name)
            manifest.forget(name)
            return (name, fp), client.submit(extract_partition, i, chunk, spacy_model, str(workdir), fp, catch,
                                             retries=2, pure=False, key=f"kg-extract-{name}-{fp[:16]}")

        def result(item) -> Iterable[PaperExtraction]:
            entry, fut = item
            if manifest is None:
                if not catch:
                    return fut.result()
                found, xs = fut.result()
                _report_failures(found, on_failure)
                return xs
            path = fut if isinstance(fut, str) else fut.result()
            if not isinstance(fut, str):
                manifest.record(*entry)
                fut.release()
            _report_failures(partition_problems(path), on_failure)
            return _read_partition(path)

        yield from _ordered(submit, result, _chunks(papers, partition_size), 2 * workers + 1)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------- entry point

def extract_parallel(papers: Iterable[Paper], *, processes: int = 1, dask: str | None = None,
                     workdir: Path | str | None = None, partition_size: int = 2000,
                     spacy_model: str | None = None, pack: Callable | None = None,
                     on_failure: Callable[[InputError], None] | None = None) -> Iterator[Any]:
    """Extract papers in parallel; same records, same order as ``kg.extract.extract_papers``.

    Parameters
    ----------
    papers
        Any iterable of :class:`~kg.models.Paper`; read lazily, one partition at a time.
    processes
        Local worker processes when ``dask`` is not given (1: extract in this process).
    dask
        ``"local"`` / ``"local:N"`` for a ``LocalCluster`` of N single-threaded worker
        processes on loopback, or a scheduler address such as ``"tcp://host:8786"``.
    workdir
        Dask only: where per-partition outputs and the manifest go. Must be visible to
        the workers and this process (a shared filesystem for a multi-node cluster).
        Re-running with the same workdir skips finished partitions.
    partition_size
        Papers per Dask partition (per local chunk: at most this, at most 256).
    spacy_model
        Passed to ``kg.extract.build_nlp`` in every worker.
    pack
        A module-level function applied to each record, where it is made (in the
        local pool's workers): ``pack(record)`` is yielded instead of the record,
        so only what it returns travels back (``kg.pipeline.pack_record``).
    on_failure
        Called in this process, in input order, with :func:`kg.errors.extraction_failed` for each
        paper the extractor fails on (a bug, not bad input; from a pool worker too), which is then
        yielded with no entities (``kg.extract.extract_papers(on_error=...)``). It may raise to stop.
        Default: the exception propagates. With ``dask`` and ``workdir`` the warnings are kept beside
        the partition (:func:`partition_problems`) and reported again when a re-run reuses it.

    Examples
    --------
    >>> list(extract_parallel([], processes=2))
    []
    """
    if partition_size < 1:
        raise ExtractError(f"partition size must be at least 1, got {partition_size}")
    if dask:
        xs = _extract_dask(papers, dask, Path(workdir) if workdir is not None else None, partition_size, spacy_model,
                           on_failure)
        yield from xs if pack is None else map(pack, xs)
        return
    if processes <= 1:
        xs = _extract_iter(papers, spacy_model, on_failure)
        yield from xs if pack is None else map(pack, xs)
        return
    it = iter(papers)
    first = list(itertools.islice(it, 1))
    if not first:
        return
    yield from _extract_local(itertools.chain(first, it), processes, min(partition_size, 256), spacy_model, pack,
                              on_failure)
