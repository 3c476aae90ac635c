"""Run tools/lint-cypher.mjs (Neo4j's own parser) from tests; skip when node or the package is missing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.models import EDGE_TYPES, NODE_LABELS

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"
SCRIPT = TOOLS / "lint-cypher.mjs"


def lint(*paths: str | Path, stdin: str | None = None) -> tuple[int, list[dict]]:
    """(exit code, [{file, diagnostics}]) for files/dirs, or for ``stdin`` text when given."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (needed for @neo4j-cypher/language-support)")
    if not (TOOLS / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.skip("tools/node_modules is missing: run `npm ci --prefix tools`")
    args = [node, str(SCRIPT), "--json", "--labels", ",".join(NODE_LABELS), "--types", ",".join(EDGE_TYPES)]
    args += ["-"] if stdin is not None else [str(p) for p in paths]
    proc = subprocess.run(args, input=stdin, capture_output=True, text=True, cwd=TOOLS, timeout=600)
    if proc.returncode not in (0, 1):
        raise AssertionError(f"lint-cypher.mjs failed: {proc.stderr}")
    return proc.returncode, json.loads(proc.stdout)


def problems(results: list[dict]) -> list[str]:
    """Errors, plus warnings about labels or relationship types outside the schema."""
    out = []
    for r in results:
        for d in r["diagnostics"]:
            if d["severity"] == 1 or "not present in the database" in d["message"]:
                out.append(f"{r['file']}:{d['line']}:{d['column']}: {d['message']}")
    return out
