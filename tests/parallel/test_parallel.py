"""extract_parallel: process pool and real Dask LocalClusters give the single-process records."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from kg.errors import ExtractError
from kg.parallel import MANIFEST, TASK_LOG, extract_parallel, partition_name
from tests.conftest import ROOT
from tests.parallel.conftest import fixture_papers


def dicts(xs):
    return [x.to_dict(with_paper=True) for x in xs]


def test_importing_kg_does_not_import_dask():
    import subprocess  # noqa: PLC0415

    code = "import sys, kg, kg.parallel, kg.models; print(any(m.split('.')[0] in ('dask', 'distributed') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_baseline_is_nontrivial(baseline):
    # the comparisons below would be empty otherwise
    assert len(baseline) >= 40
    assert sum(len(d["entities"]) for d in baseline) > 40


def test_processes_2_identical(papers, baseline):
    got = dicts(extract_parallel(iter(papers), processes=2, partition_size=7))
    assert got == baseline


def test_bad_arguments():
    with pytest.raises(ExtractError, match="partition size"):
        list(extract_parallel([], partition_size=0))
    with pytest.raises(ExtractError, match="local:N"):
        list(extract_parallel(fixture_papers(1), dask="local:two"))
    with pytest.raises(ExtractError, match="cannot reach the Dask scheduler"):
        list(extract_parallel(fixture_papers(1), dask="tcp://127.0.0.1:1"))


def test_dask_local_in_memory_identical(papers, baseline):
    got = dicts(extract_parallel(iter(papers), dask="local:2", partition_size=9))
    assert got == baseline


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import Client, LocalCluster  # noqa: PLC0415

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0") as c, Client(c) as client:
        yield c, client


def _log_lines(workdir: Path) -> list[str]:
    p = workdir / TASK_LOG
    return p.read_text().splitlines() if p.exists() else []


def test_dask_cluster_workdir_identical_and_graph(cluster, papers, baseline, tmp_path):
    c, _ = cluster
    got = dicts(extract_parallel(iter(papers), dask=c.scheduler_address, workdir=tmp_path, partition_size=8))
    assert got == baseline
    n_parts = -(-len(papers) // 8)
    assert sorted(p.name for p in tmp_path.glob("part-*.jsonl")) == [partition_name(i) for i in range(n_parts)]
    assert len(_log_lines(tmp_path)) == n_parts
    assert not list(tmp_path.glob("*.tmp"))
    graph = pytest.importorskip("kg.graph")
    from kg.models import extraction_from_dict  # noqa: PLC0415

    single = graph.build_graph([extraction_from_dict(d) for d in baseline])
    dist = graph.build_graph([extraction_from_dict(d) for d in got])
    graph.save_graph(single, tmp_path / "a.json.gz")
    graph.save_graph(dist, tmp_path / "b.json.gz")
    assert single.number_of_nodes() > len(papers)
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()


def test_rerun_skips_finished_partitions(cluster, papers, baseline, tmp_path):
    c, _ = cluster
    run = lambda ps: dicts(extract_parallel(iter(ps), dask=c.scheduler_address, workdir=tmp_path, partition_size=10))
    assert run(papers) == baseline
    n_parts = -(-len(papers) // 10)
    assert len(_log_lines(tmp_path)) == n_parts
    # nothing missing: nothing recomputed
    assert run(papers) == baseline
    assert len(_log_lines(tmp_path)) == n_parts
    # a lost partition (e.g. a failed run) is recomputed alone
    (tmp_path / partition_name(1)).unlink()
    assert run(papers) == baseline
    log = _log_lines(tmp_path)
    assert len(log) == n_parts + 1 and log[-1].startswith(partition_name(1))
    # a changed input in partition 2 is not silently reused
    changed = list(papers)
    changed[25] = type(changed[25])(id=changed[25].id, title=changed[25].title,
                                    abstract=changed[25].abstract + " We also release DeltaNet.")
    got = run(changed)
    log = _log_lines(tmp_path)
    assert len(log) == n_parts + 2 and log[-1].startswith(partition_name(2))
    assert got[25]["paper"]["abstract"].endswith("DeltaNet.")
    assert got[:20] == baseline[:20] and got[30:] == baseline[30:]
    assert "part-00002.jsonl" in (tmp_path / MANIFEST).read_text()


def _wait_for_pid(flag: Path, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = flag.read_text() if flag.exists() else ""
        if text.endswith("\n"):
            return int(text)
        time.sleep(0.01)
    raise AssertionError(f"no worker started the hooked partition within {timeout}s")


def test_killed_worker_loses_nothing(tmp_path, monkeypatch, _extractor):
    """SIGKILL the worker that is inside partition 5 (held there by a test hook); nothing lost or doubled."""
    import threading  # noqa: PLC0415

    from dask.distributed import Client, LocalCluster  # noqa: PLC0415

    many = fixture_papers(200)
    size, slow_part = 20, 5
    flag = tmp_path / "hooked.pid"
    monkeypatch.setenv("KG_TEST_INNER_EXTRACT", _extractor)
    monkeypatch.setenv("KG_EXTRACT_MODULE", "tests.parallel.slow_extract")
    monkeypatch.setenv("KG_TEST_SLOW_ID", many[slow_part * size + 3].id)
    monkeypatch.setenv("KG_TEST_SLOW_FILE", str(flag))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    work = tmp_path / "work"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0") as c, Client(c) as client:
        worker_pids = set(client.run(os.getpid).values())
        killed: dict = {}

        def killer():
            try:
                pid = _wait_for_pid(flag, 120)
                killed["in_cluster"] = pid in worker_pids
                os.kill(pid, signal.SIGKILL)
                killed["pid"] = pid
            except BaseException as exc:  # reported by the assertions below
                killed["error"] = exc

        t = threading.Thread(target=killer, daemon=True)
        t.start()
        out = list(extract_parallel(iter(many), dask=c.scheduler_address, workdir=work, partition_size=size))
        t.join(5)
        client.wait_for_workers(2, timeout=60)
        after = set(client.run(os.getpid).values())
    assert "error" not in killed, killed.get("error")
    assert killed.get("in_cluster") is True
    assert killed["pid"] not in after  # that worker process is gone (the nanny started a new one)
    with pytest.raises(ProcessLookupError):
        os.kill(killed["pid"], 0)
    # every paper exactly once, in input order, with its own record
    assert [x.paper.id for x in out] == [p.id for p in many]
    assert all(x.paper == p for x, p in zip(out, many))
    # every partition was completed exactly once; the hooked one by a process other than the killed one
    n_parts = -(-len(many) // size)
    log = [ln.split() for ln in _log_lines(work)]
    assert sorted(ln[0] for ln in log) == [partition_name(i) for i in range(n_parts)]
    hooked = next(ln for ln in log if ln[0] == partition_name(slow_part))
    assert int(hooked[2]) != killed["pid"] and int(hooked[3]) == size
    assert not list(work.glob("*.tmp"))


def test_kg_build_on_a_running_cluster_same_bytes(cluster, tmp_path):
    """`kg build --dask tcp://...` against a LocalCluster started here: the store equals the plain build's."""
    import json  # noqa: PLC0415

    from click.testing import CliRunner  # noqa: PLC0415

    from kg.cli import cli  # noqa: PLC0415
    from kg.graph import extractions_path  # noqa: PLC0415
    from tests.conftest import FIXTURES  # noqa: PLC0415
    from tests.parallel.conftest import written_papers  # noqa: PLC0415

    c, _ = cluster
    written = tmp_path / "written.jsonl"
    written.write_text("".join(json.dumps(p.to_dict()) + "\n" for p in written_papers(40)), encoding="utf-8")
    inputs = [str(written), str(FIXTURES / "papers_small.jsonl")]
    plain, dist = tmp_path / "plain" / "g.json.gz", tmp_path / "dist" / "g.json.gz"
    r = CliRunner().invoke(cli, ["build", *inputs, "--graph", str(plain)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["build", *inputs, "--graph", str(dist), "--dask", c.scheduler_address,
                                 "--workdir", str(tmp_path / "parts"), "--partition-size", "9"])
    assert r.exit_code == 0, r.output
    assert "70 papers" in r.output
    assert dist.read_bytes() == plain.read_bytes()
    assert extractions_path(dist).read_bytes() == extractions_path(plain).read_bytes()
    assert len(_log_lines(tmp_path / "parts")) == 8  # ceil(70 / 9) partitions, each computed once
