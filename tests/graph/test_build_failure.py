"""A paper the rules fail on (a bug) does not stop `kg build`, in one process or with --processes N: it goes into
the graph and the records sidecar with no entities and is counted as a warning in the skip report, named by file
and line; `--strict` stops there with one clear line. The failure is forced as in
tests/extract/test_extract_failure.py (the pool's workers are forked, so they see the patch too)."""

from __future__ import annotations

import gzip
import json
import os

import pytest
from click.testing import CliRunner

import kg.extract
from kg.cli import cli
from kg.graph import extractions_path
from tests.conftest import FIXTURES

SMALL = FIXTURES / "papers_small.jsonl"
UPDATE = FIXTURES / "papers_update.jsonl"
BAD = {"2401.10002", "2507.10032"}  # line 2 of each fixture


@pytest.fixture
def failing_papers(monkeypatch):
    real = kg.extract._assemble

    def assemble(paper, docs):
        if paper.id in BAD:
            raise AttributeError("'NoneType' object has no attribute 'unit'")
        return real(paper, docs)
    monkeypatch.setattr(kg.extract, "_assemble", assemble)


def _build(*args):
    return CliRunner().invoke(cli, ["build", *args])


def _records(g):
    with gzip.open(extractions_path(g), "rt", encoding="utf-8") as f:
        return {d["id"]: d for d in map(json.loads, f)}


@pytest.mark.slow
def test_a_failing_paper_is_kept_empty_and_reported_same_with_processes_2(failing_papers, tmp_path):
    out = {}
    for n in ("1", "2"):
        g, rep = tmp_path / n / "g.json.gz", tmp_path / f"report{n}.json"
        r = _build(str(SMALL), "--graph", str(g), "--processes", n, "--report", str(rep))
        assert r.exit_code == 0, r.output
        assert "30 papers (30 new" in r.stdout
        assert r.stderr.startswith(f"1 warning(s); first: {SMALL}:2: field 'abstract': paper '2401.10002': the "
                                   "extractor failed (AttributeError: 'NoneType' object has no attribute 'unit')")
        report = json.loads(rep.read_text(encoding="utf-8"))
        assert [(d["path"], d["line"], d["field"], d["kind"]) for d in report] == [(str(SMALL), 2, "abstract",
                                                                                    "warning")]
        recs = _records(g)
        assert len(recs) == 30 and recs["2401.10002"]["entities"] == [] and recs["2401.10002"]["title"]
        assert recs["2401.10001"]["entities"] and recs["2402.10003"]["entities"]
        out[n] = (g.read_bytes(), extractions_path(g).read_bytes(), rep.read_text(encoding="utf-8"))
    assert out["1"] == out["2"]


@pytest.mark.slow
@pytest.mark.parametrize("processes", ["1", "2"])
def test_update_survives_a_failing_paper(failing_papers, tmp_path, processes):
    """--update with --processes 2 extracts on the other pool path (kg.parallel.extract_parallel)."""
    g, rep = tmp_path / "g.json.gz", tmp_path / "report.json"
    assert _build(str(SMALL), "--graph", str(g)).exit_code == 0
    r = _build(str(UPDATE), "--graph", str(g), "--update", "--processes", processes, "--report", str(rep))
    assert r.exit_code == 0, r.output
    assert "5 new, 1 repeated" in r.stdout and f"{UPDATE}:2: field 'abstract': paper '2507.10032'" in r.stderr
    assert [(d["line"], d["kind"]) for d in json.loads(rep.read_text(encoding="utf-8"))] == [(2, "warning")]
    assert _records(g)["2507.10032"]["entities"] == []


@pytest.mark.parametrize("processes", ["1", "2"])
def test_strict_stops_at_a_failing_paper_with_one_line(failing_papers, tmp_path, processes):
    g = tmp_path / "g.json.gz"
    r = _build(str(SMALL), "--graph", str(g), "--processes", processes, "--strict")
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {SMALL}:2: field 'abstract': paper '2401.10002': the extractor failed "
                               "(AttributeError")
    assert "Traceback" not in r.output and len(r.stderr.strip().splitlines()) == 1
    assert not g.exists()


@pytest.fixture
def failing_module(monkeypatch):
    """The failure forced through ``KG_EXTRACT_MODULE``, which Dask's spawned worker processes inherit."""
    from tests.conftest import ROOT  # noqa: PLC0415

    monkeypatch.setenv("KG_EXTRACT_MODULE", "tests.parallel.failing_extract")
    monkeypatch.setenv("KG_TEST_FAIL_IDS", ",".join(sorted(BAD)))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))


@pytest.mark.slow
@pytest.mark.integration
def test_dask_keeps_a_failing_paper_reports_it_and_again_on_a_rerun(failing_module, tmp_path):
    """--dask local:2: the same store and report as one process; a re-run that reuses the partitions from the
    workdir reports the warning again (it is kept beside its partition); --strict stops with one line."""
    one, rep1 = tmp_path / "one" / "g.json.gz", tmp_path / "report1.json"
    r = _build(str(SMALL), "--graph", str(one), "--report", str(rep1))
    assert r.exit_code == 0, r.output
    work = tmp_path / "parts"
    for run in ("first", "rerun"):
        g, rep = tmp_path / run / "g.json.gz", tmp_path / f"report-{run}.json"
        r = _build(str(SMALL), "--graph", str(g), "--dask", "local:2", "--workdir", str(work),
                   "--partition-size", "7", "--report", str(rep))
        assert r.exit_code == 0, r.output
        assert r.stderr.startswith(f"1 warning(s); first: {SMALL}:2: field 'abstract': paper '2401.10002': the "
                                   "extractor failed (AttributeError: 'NoneType' object has no attribute 'unit')")
        assert rep.read_text(encoding="utf-8") == rep1.read_text(encoding="utf-8")
        assert g.read_bytes() == one.read_bytes()
        assert _records(g)["2401.10002"]["entities"] == [] and _records(g)["2401.10001"]["entities"]
    assert len((work / "tasks.log").read_text().splitlines()) == 5  # the re-run extracted nothing again
    r = _build(str(SMALL), "--graph", str(tmp_path / "strict" / "g.json.gz"), "--dask", "local:2",
               "--partition-size", "7", "--strict")
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {SMALL}:2: field 'abstract': paper '2401.10002': the extractor failed "
                               "(AttributeError")
    assert "Traceback" not in r.output and len(r.stderr.strip().splitlines()) == 1
