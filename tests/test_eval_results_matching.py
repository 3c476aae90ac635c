"""benchmarks/eval_results.py matches predicted and gold relations one-to-one with a maximum matching: the count
does not depend on the order of the predictions. A greedy pass over a Python set gave different counts for the
same predictions under different hash seeds (set i EVALUATED_ON: 16 or 17 of 17)."""
import doctest
import os
import subprocess
import sys

from tests.conftest import ROOT, load_script

CASE = """
import sys; sys.path.insert(0, {root!r})
from tests.conftest import load_script
from types import SimpleNamespace as R
er = load_script("benchmarks/eval_results.py")
gold = {{"methods": [{{"name": "FooNet"}}], "tasks": [{{"name": "segmentation"}}, {{"name": "semantic segmentation"}}]}}
rels = [{{"head": "FooNet", "type": "APPLIED_TO", "tail": "segmentation"}},
        {{"head": "FooNet", "type": "APPLIED_TO", "tail": "semantic segmentation"}}]
# "semantic segmentation" fits both gold tails (a Task tail may carry extra modifiers); "segmentation" only one
pred = [R(head="FooNet", type="APPLIED_TO", tail=t) for t in ("semantic segmentation", "segmentation")]
t = er.Tally()
t.relations(rels, pred, er.GoldNames(gold), "p1")
print(t.rel["APPLIED_TO"])
"""


def test_doctests():
    assert doctest.testmod(load_script("benchmarks/eval_results.py")).failed == 0


def test_relation_matching_does_not_depend_on_the_hash_seed():
    seen = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        out = subprocess.run([sys.executable, "-c", CASE.format(root=str(ROOT))], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT)
        assert out.returncode == 0, out.stderr
        seen.add(out.stdout.strip())
    assert seen == {"[2, 2, 2]"}  # both gold relations matched, under every seed


def test_max_matching_takes_the_assignment_greedy_misses():
    er = load_script("benchmarks/eval_results.py")
    assert er.max_matching([[0, 1], [0]]) == {0: 1, 1: 0}
    assert er.max_matching([[0], [0], [1]]) == {0: 0, 1: 2}
