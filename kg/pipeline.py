"""The one place the stages are wired: ingest -> extract -> resolve -> graph -> store.

``build`` streams papers through extraction (spaCy Docs are never all held:
only the small :class:`~kg.models.PaperExtraction` records are kept), then runs
the two resolution passes over the records and saves the graph plus two
sidecars: the records (``*.extractions.jsonl.gz``, for audits and rebuilds) and
the resolver state (``*.resolver.pickle``: alias table and decisions).
``update=True`` loads the graph and the resolver state (not the old records),
extracts only papers whose id is not in the graph yet, resolves their names
against the alias table and merges their nodes and edges in
(:func:`kg.graph.update_graph`): time grows with the new papers plus one read
and one write of the store. ``build A; build --update B`` gives the same graph as
``build A B`` except where B teaches a second sense of a short form that A's
papers used bare (see ``update_graph``).
"""

from __future__ import annotations

import dataclasses
import gc
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from kg.errors import ExtractError, InputError
from kg.graph import (DEFAULT_GRAPH, build_graph, extractions_path, load_graph,
                      save_extractions, save_graph, state_path, update_graph)
from kg.models import Paper, PaperExtraction, extraction_from_dict
from kg.resolve import build_table, load_state, save_state

__all__ = ["BuildSummary", "build", "read_extractions", "read_papers", "dedupe_papers", "default_workdir"]


@dataclass
class BuildSummary:
    """What a build did, for the CLI to print."""

    graph: str
    papers: int = 0
    new_papers: int = 0
    repeated: int = 0
    skipped: list[dict[str, Any]] = field(default_factory=list)
    nodes: int = 0
    edges: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"graph": self.graph, "papers": self.papers, "new_papers": self.new_papers,
                "repeated": self.repeated, "skipped": len(self.skipped), "nodes": self.nodes,
                "edges": self.edges}


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
    """Pre-extracted records (``kg extract`` JSONL); a bad line is reported, or raised with ``strict``."""
    try:
        f = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read extractions ({exc.strerror})", path=path,
                         hint="pass the JSONL written by `kg extract`") from exc
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
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
             workdir: str | None = None, partition_size: int = 2000) -> Iterator[PaperExtraction]:
    """Extraction records in input order: one process, a local pool, or a Dask cluster (``kg.parallel``)."""
    try:
        from kg.extract import extract_papers  # noqa: PLC0415, F401
    except ImportError as exc:
        raise ExtractError(f"the extraction pipeline is not available ({exc}); "
                           "build from pre-extracted records with --from-extractions FILE.jsonl") from exc
    from kg.parallel import extract_parallel  # noqa: PLC0415

    yield from extract_parallel(papers, processes=processes, dask=dask, workdir=workdir,
                                partition_size=partition_size, spacy_model=spacy_model)


def _drain(items: list) -> Iterator:
    """Yield the items of ``items`` from its end, removing each (so it can be freed once used)."""
    while items:
        yield items.pop()


def default_workdir(graph_path: str | Path) -> Path:
    """Where ``--dask`` keeps per-partition outputs unless ``--workdir`` is given.

    >>> default_workdir("kg-data/graph.json.gz").as_posix()
    'kg-data/graph.parts'
    """
    p = Path(graph_path)
    return p.with_name(p.name.removesuffix(".gz").removesuffix(".json") + ".parts")


def build(inputs: Iterable[str] = (), *, graph_path: str = DEFAULT_GRAPH, update: bool = False,
          from_extractions: str | None = None, processes: int = 1, spacy_model: str | None = None,
          strict: bool = False, dask: str | None = None, workdir: str | None = None,
          partition_size: int = 2000) -> BuildSummary:
    """Build (or update) the graph store from paper inputs and/or extraction records.

    Extraction runs in this process (``processes=1``), in a local process pool
    (``processes=N``) or on a Dask cluster (``dask="local:N"`` or a scheduler
    address; per-partition records go to ``workdir``, default
    :func:`default_workdir`, so a failed run can be resumed). All give the same
    records in the same order, so the same graph bytes.

    Returns a :class:`BuildSummary`; bad records are listed in ``summary.skipped``
    (``strict`` raises on the first one instead).
    """
    summary = BuildSummary(graph=str(graph_path))
    appending = update and Path(graph_path).exists()
    G = table = old_keys = None
    if appending:  # the old records are not read: new names are resolved against the saved alias table
        table, old_keys = load_state(state_path(graph_path))
        G = load_graph(graph_path)
    known: dict[str, Any] = ({d["id"]: None for _, d in G.nodes(data=True) if d.get("label") == "Paper"}
                             if G is not None else {})
    records: dict[str, PaperExtraction] = {}
    extra: dict[str, list] = {}
    new: list[PaperExtraction] = []
    if from_extractions:
        for x in read_extractions(from_extractions, strict=strict, report=summary.skipped):
            if x.paper.id in known:
                extra.setdefault(x.paper.id, []).extend(x.paper.sources)
                continue
            known[x.paper.id] = x.paper
            new.append(x)
    inputs = list(inputs)
    if inputs:
        papers = dedupe_papers(read_papers(inputs, strict=strict, report=summary.skipped), known, extra)
        if dask and workdir is None:
            workdir = str(default_workdir(graph_path).resolve())
        new.extend(_extract(papers, processes, spacy_model, dask, workdir, partition_size))
    for x in new:
        records[x.paper.id] = x
    for pid, srcs in extra.items():  # a paper seen again: only its new source file:line is kept
        if pid in records:
            records[pid] = _with_sources(records[pid], srcs)
    summary.new_papers = len(new)
    summary.repeated = sum(len(v) for v in extra.values())
    ordered = [records[k] for k in sorted(records)]
    gc.disable()  # millions of small long-lived objects: cyclic GC passes would only cost time
    try:
        save_extractions(ordered, extractions_path(graph_path), append=appending)
        fresh = G is None
        if fresh:
            table = build_table(ordered)
        else:
            for x in ordered:
                table.add(x)
        resolver = table.freeze()
        ids = set(records)
        records.clear()
        ordered.reverse()  # the graph is built popping records off the list: each is freed once used
        if fresh:
            G = build_graph(_drain(ordered), resolver)
        else:
            update_graph(G, old_keys, resolver, _drain(ordered))
            for pid, srcs in extra.items():
                node = G.nodes.get(f"paper:{pid}") if pid not in ids else None
                if node is not None:
                    node["sources"] = sorted({*node["sources"], *(f"{s.path}:{s.line}" for s in srcs)})
        save_graph(G, graph_path)
        save_state(table, resolver, state_path(graph_path))
    finally:
        gc.enable()
    summary.papers = sum(1 for _, d in G.nodes(data=True) if d.get("label") == "Paper")
    summary.nodes, summary.edges = G.number_of_nodes(), G.number_of_edges()
    return summary
