"""`kg extract` writes the same bytes whatever the string-hash seed (sets and dicts of strings must never
decide an order, a type or a canonical name)."""
import gzip
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[2]


def _extract_under_seeds(src: Path, tmp_path: Path, seeds=("0", "1", "4242")) -> list[bytes]:
    outs = []
    for seed in seeds:
        out = tmp_path / f"x{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg.cli", "extract", str(src), "-o", str(out)], check=True, env=env,
                       cwd=ROOT, capture_output=True)
        outs.append(out.read_bytes())
    return outs


def test_same_output_under_different_hash_seeds_fixture(tmp_path):
    outs = _extract_under_seeds(Path(__file__).parent / "fixtures" / "contract_papers.jsonl", tmp_path)
    assert outs[0], "no output written"
    assert outs[0] == outs[1] == outs[2]


def test_same_output_under_different_hash_seeds_real_abstracts(tmp_path):
    src = shared_path("arxiv", "arxiv-cs-2024-2026.jsonl.gz")
    cut = tmp_path / "cut.jsonl"
    with gzip.open(src, "rt", encoding="utf-8") as fh, open(cut, "w", encoding="utf-8") as out:
        for i, line in enumerate(fh):
            if i == 300:
                break
            out.write(line)
    outs = _extract_under_seeds(cut, tmp_path)
    assert outs[0].count(b"\n") == 300
    assert b'"entities": [{' in outs[0]
    assert outs[0] == outs[1] == outs[2]
