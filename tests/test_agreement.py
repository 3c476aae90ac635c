"""benchmarks/agreement.py: two annotations of the same abstracts scored with the extractor's scorers."""
import doctest
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT, load_script

FIX = ROOT / "tests" / "fixtures" / "agreement"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
pytestmark = pytest.mark.skipif(not SCORER.exists(), reason=f"the judge's scorer {SCORER} is absent (../shared/eval)")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "benchmarks" / "agreement.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_doctests():
    assert doctest.testmod(load_script("benchmarks/agreement.py")).failed == 0


def test_a_file_agrees_with_itself():
    out = run(FIX / "a.jsonl", FIX / "a.jsonl")
    assert out.returncode == 0, out.stderr
    assert "seeds Method=1.000 Dataset=1.000 Metric=1.000 Task=1.000 Repo=1.000" in out.stdout
    assert "| ALL (method-level) | 1.000 (2/2) / 1.000 (2/2) |" in out.stdout


def test_disagreements_are_counted_both_ways():
    out = run(FIX / "a.jsonl", FIX / "b.jsonl", "--both")
    assert out.returncode == 0, out.stderr
    first, second = out.stdout.split("# a.jsonl scored against b.jsonl")
    # B leaves BERT optional (A: core) -> B misses it; B's core "transformer" is optional in A -> not wrong
    assert "Method   P=1.000 R=0.500" in first
    # "accuracy" vs "top-1 accuracy" are different names for score.py
    assert "Metric   P=0.000 R=0.000" in first
    # the acronym/long form swap still matches, and so does the relation written with the acronym
    assert "| EVALUATED_ON | 1.000 (1/1) / 1.000 (1/1) |" in first
    assert "| BASED_ON | n/a / 0.000 (0/1) |" in first and "| APPLIED_TO | 0.000 (0/1) / n/a |" in first
    assert "| BASED_ON | 0.000 (0/1) / n/a |" in second and "| APPLIED_TO | n/a / 0.000 (0/1) |" in second


@pytest.mark.parametrize("line, message", [("not json", "not JSON"), ('{"source": "x"}', 'needs an "id"')])
def test_bad_gold_line_names_file_and_line(tmp_path, line, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(FIX.joinpath("a.jsonl").read_text() + line + "\n")
    out = run(FIX / "a.jsonl", bad)
    assert out.returncode != 0
    assert f"{bad}:2:" in out.stderr and message in out.stderr


def test_paper_level_precision_counts_predictions_not_gold_entities():
    """One predicted entity matching two core gold entities (a name and its acronym annotated apart) is one right
    prediction: precision 1/1, not 2/1; recall counts both gold entities."""
    eh = load_script("benchmarks/eval_heldout.py")
    gold = [{"id": "p", "methods": [{"name": "GraphMixer", "aliases": [], "core": True, "role": "proposed"},
                                    {"name": "GM", "aliases": [], "core": True, "role": "proposed"}],
             "datasets": [], "metrics": [], "tasks": [], "repos": []}]
    pred = {"p": {"entities": [{"type": "Method", "name": "GraphMixer", "aliases": ["GM"], "role": "proposed",
                                "mentions": []}]}}
    assert eh.paper_level(gold, pred)["PROPOSES"] == [1, 1, 2, 2]
    pred["p"]["entities"][0]["aliases"] = []
    assert eh.paper_level(gold, pred)["PROPOSES"] == [1, 1, 1, 2]


def test_eval_heldout_names_file_and_line_of_a_bad_gold_line(tmp_path):
    """eval_heldout reads its --gold file with the same reader (it used to stop with a JSON traceback)."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "p1"}\n[1, 2]\n')
    eh = load_script("benchmarks/eval_heldout.py")
    with pytest.raises(SystemExit, match=rf"eval_heldout: {re.escape(str(bad))}:2: a gold record needs an \"id\""):
        eh.read_gold(bad)


def test_an_empty_file_is_an_error_not_a_zero_score(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    out = run(empty, FIX / "a.jsonl")
    assert out.returncode != 0 and f"{empty} holds no gold records" in out.stderr
    out = run(FIX / "a.jsonl", empty)
    assert out.returncode != 0 and "lacks 1 ids" in out.stderr
