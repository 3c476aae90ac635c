"""The build's tail with ``processes > 1``: the resolver state written by a forked process beside the graph."""

from __future__ import annotations

import gzip
import os
import pickle

import pytest

from kg import pipeline
from kg.graph import extractions_path, state_path
from kg.resolve import load_state
from tests.graph.records import records_a, records_b, write_jsonl


def _build(recs, g, processes):
    return pipeline.build(graph_path=str(g), from_extractions=str(recs), processes=processes)


def _state(g):
    """What the state file holds (plain values: the packed alias table, decisions, clusters, papers in order)."""
    load_state(state_path(g))  # readable as a state
    state = pickle.loads(state_path(g).read_bytes())
    return state, list(state[-1].items())


@pytest.fixture
def recs(tmp_path):
    return write_jsonl(records_a() + records_b(), tmp_path / "recs.jsonl")


def test_forked_state_is_the_one_process_state(recs, tmp_path):
    one, two = tmp_path / "1" / "g.json.gz", tmp_path / "2" / "g.json.gz"
    _build(recs, one, 1)
    s = _build(recs, two, 2)
    assert s.papers == len(_state(two)[1]) > 5
    assert _state(two) == _state(one)
    assert two.read_bytes() == one.read_bytes()
    assert extractions_path(two).read_bytes() == extractions_path(one).read_bytes()
    assert sorted(p.name for p in two.parent.iterdir()) == sorted(p.name for p in one.parent.iterdir())  # no .part


def test_a_failed_state_process_is_made_up_for_here(recs, tmp_path, monkeypatch):
    """The forked writer fails (its save_state raises): the build writes the state itself, the same."""
    one, two = tmp_path / "1" / "g.json.gz", tmp_path / "2" / "g.json.gz"
    _build(recs, one, 1)
    parent, real, calls = os.getpid(), pipeline.save_state, []

    def save_state(*args, **kwargs):
        if os.getpid() != parent:
            raise OSError("disk full")
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "save_state", save_state)
    _build(recs, two, 2)
    assert calls == [state_path(two)]  # written here, after the child failed
    assert _state(two) == _state(one)
    assert not state_path(two).with_name(state_path(two).name + ".part").exists()


def test_a_failed_store_keeps_the_old_state(recs, tmp_path, monkeypatch):
    g = tmp_path / "g.json.gz"
    _build(recs, g, 2)
    before = state_path(g).read_bytes()
    more = write_jsonl(records_a()[:2], tmp_path / "fewer.jsonl")

    def broken(self, path):
        raise OSError("no space left on device")

    monkeypatch.setattr(pipeline.GraphParts, "write", broken)
    with pytest.raises(OSError, match="no space"):
        _build(more, g, 2)
    assert state_path(g).read_bytes() == before  # the state of the store still there
    assert sorted(p.name for p in tmp_path.iterdir() if ".part" in p.name or ".tmp" in p.name) == []


@pytest.fixture
def forked_graph(monkeypatch):
    """Forked graph builders and the forked records-sidecar writer on a few records."""
    monkeypatch.setattr(pipeline, "PARALLEL_GRAPH_MIN", 0)
    monkeypatch.setattr(pipeline, "MEMORY_BUDGET_MB", 10**6)


def test_forked_sidecar_and_graph_are_the_one_process_ones(recs, tmp_path, forked_graph):
    one, two = tmp_path / "1" / "g.json.gz", tmp_path / "2" / "g.json.gz"
    _build(recs, one, 1)
    _build(recs, two, 2)
    assert two.read_bytes() == one.read_bytes()
    assert extractions_path(two).read_bytes() == extractions_path(one).read_bytes()
    assert _state(two) == _state(one)
    assert sorted(p.name for p in two.parent.iterdir()) == sorted(p.name for p in one.parent.iterdir())  # no .part


def test_a_failed_sidecar_process_is_made_up_for_here(recs, tmp_path, monkeypatch, forked_graph):
    """The forked sidecar writer fails: the build writes the records sidecar itself, the same bytes."""
    one, two = tmp_path / "1" / "g.json.gz", tmp_path / "2" / "g.json.gz"
    _build(recs, one, 1)
    parent, real, calls = os.getpid(), pipeline._GzipBytes, []

    def gzip_bytes(path, *args, **kwargs):
        if os.getpid() != parent:
            (tmp_path / "child-tried").write_text(path.name)
            raise OSError("disk full")
        calls.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "_GzipBytes", gzip_bytes)
    _build(recs, two, 2)
    assert (tmp_path / "child-tried").read_text() == "g.extractions.jsonl.gz.part"  # the forked writer ran
    assert calls == [extractions_path(two)]  # written here, after the child failed
    assert extractions_path(two).read_bytes() == extractions_path(one).read_bytes()
    assert two.read_bytes() == one.read_bytes()
    assert sorted(p.name for p in two.parent.iterdir()) == sorted(p.name for p in one.parent.iterdir())


def test_rebuild_from_the_records_sidecar_gives_the_same_store(recs, tmp_path):
    """The gzip records sidecar a build writes is a valid --from-extractions input: the same store again."""
    first, again = tmp_path / "1" / "g.json.gz", tmp_path / "2" / "g.json.gz"
    _build(recs, first, 1)
    s = pipeline.build(graph_path=str(again), from_extractions=str(extractions_path(first)))
    assert s.papers > 5 and not s.skipped
    assert again.read_bytes() == first.read_bytes()


def test_truncated_records_file_is_reported_and_strict_fails(recs, tmp_path):
    """A cut gzip keeps the records before the cut, reports file and line, and fails the build with strict."""
    import gzip  # noqa: PLC0415

    from kg.ingest.streams import HEAD_BYTES  # noqa: PLC0415

    first = tmp_path / "1" / "g.json.gz"
    _build(recs, first, 1)
    lines = gzip.decompress(extractions_path(first).read_bytes())
    data = gzip.compress(lines * (4 * HEAD_BYTES // len(lines) + 1))  # the cut lies past the peeked head
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) * 3 // 4])
    report: list = []
    got = list(pipeline.read_extractions(str(cut), report=report))
    assert len(got) > 5 * lines.count(b"\n")
    assert len(report) == 1 and report[0]["path"] == str(cut) and report[0]["line"] == len(got) + 1
    assert "damaged" in report[0]["error"]
    with pytest.raises(pipeline.InputError, match="damaged"):
        pipeline.build(graph_path=str(tmp_path / "4" / "g.json.gz"), from_extractions=str(cut), strict=True)


def test_a_paper_read_twice_has_both_sources_in_the_forked_sidecar_and_graph(tmp_path, forked_graph):
    """The forked sidecar writer reads only the spilled line of a paper; one read again gets its new
    source in the sidecar, the store and the state, as in one process."""
    import dataclasses  # noqa: PLC0415

    from kg.models import Source  # noqa: PLC0415
    first = records_a()[0]
    again = dataclasses.replace(first, paper=dataclasses.replace(first.paper, sources=(Source("b.jsonl", 9, "jsonl"),)))
    recs = write_jsonl(records_a() + records_b() + [again], tmp_path / "recs.jsonl")
    one, two = tmp_path / "1" / "g.json.gz", tmp_path / "2" / "g.json.gz"
    _build(recs, one, 1)
    s = _build(recs, two, 2)
    assert s.repeated >= 1
    assert b"b.jsonl" in gzip.decompress(extractions_path(two).read_bytes())
    assert b"b.jsonl:9" in gzip.decompress(two.read_bytes())
    assert extractions_path(two).read_bytes() == extractions_path(one).read_bytes()
    assert two.read_bytes() == one.read_bytes()
    assert _state(two) == _state(one)
