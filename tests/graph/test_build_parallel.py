"""``kg build --processes 2`` and ``--dask local:2`` give the same graph bytes as one process."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph import extractions_path
from kg.pipeline import default_workdir
from tests.conftest import FIXTURES

SMALL = FIXTURES / "papers_small.jsonl"


def _build(*args: str) -> str:
    r = CliRunner().invoke(cli, ["build", str(SMALL), *args])
    assert r.exit_code == 0, r.output
    return r.output


@pytest.fixture
def single(tmp_path_factory):
    """The one-process build, made right before the parallel one (the extractor may change on disk meanwhile)."""
    g = tmp_path_factory.mktemp("single") / "g.json.gz"
    out = _build("--graph", str(g))
    assert "30 papers (30 new" in out
    return g


@pytest.mark.slow
def test_processes_2_same_bytes(single, tmp_path):
    g = tmp_path / "g.json.gz"
    _build("--graph", str(g), "--processes", "2")
    assert g.read_bytes() == single.read_bytes()
    assert extractions_path(g).read_bytes() == extractions_path(single).read_bytes()


@pytest.mark.slow
@pytest.mark.integration
def test_dask_local_2_same_bytes_and_default_workdir(single, tmp_path):
    g = tmp_path / "g.json.gz"
    _build("--graph", str(g), "--dask", "local:2", "--partition-size", "7")
    assert g.read_bytes() == single.read_bytes()
    assert extractions_path(g).read_bytes() == extractions_path(single).read_bytes()
    parts = default_workdir(g)
    assert sorted(p.name for p in parts.glob("part-*.jsonl")) == [f"part-{i:05d}.jsonl" for i in range(5)]
    assert (parts / "manifest.json").exists()


def test_workdir_without_dask_is_a_usage_error(tmp_path):
    r = CliRunner().invoke(cli, ["build", str(SMALL), "--graph", str(tmp_path / "g.json.gz"), "--workdir",
                                 str(tmp_path / "w")])
    assert r.exit_code == 2 and "--workdir is only used with --dask" in r.output


def test_unreachable_scheduler_is_one_error_line(tmp_path):
    r = CliRunner().invoke(cli, ["build", str(SMALL), "--graph", str(tmp_path / "g.json.gz"), "--dask",
                                 "tcp://127.0.0.1:1"])
    assert r.exit_code == 1 and r.output.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:1")
    assert "Traceback" not in r.output
