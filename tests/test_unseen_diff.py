"""benchmarks/unseen_diff.py: the entries it compares, per type and with aliases, and its --types check."""
import doctest

import pytest

from kg.models import Entity
from tests.conftest import load_script


def test_entries_per_type_and_aliases():
    ud = load_script("benchmarks/unseen_diff.py")
    assert doctest.testmod(ud).failed == 0
    es = [Entity(type="Metric", name="accuracy", aliases=("detection accuracy",)),
          Entity(type="Method", name="BERT", role="used"), Entity(type="Task", name="question answering")]
    assert ud.entries(es) == [["Method", "BERT", "used"]]  # the default: Method and Dataset only
    assert ud.entries(es, ["Metric", "Task"]) == [["Metric", "accuracy", ""], ["Task", "question answering", ""]]
    assert ud.entries(es, ["Metric"], aliases=True) == [["Metric", "accuracy", "", "detection accuracy"]]
    # an alias gained is a change of the paper, counted as "other" (same names)
    counts, changes = ud.compare({"1": {("Metric", "accuracy", "", "")}},
                                 {"1": {("Metric", "accuracy", "", "detection accuracy")}})
    assert counts == {"changed": 1, "gain only": 0, "lose only": 0, "other": 1}


def test_unknown_type_is_a_clear_error(capsys):
    ud = load_script("benchmarks/unseen_diff.py")
    with pytest.raises(SystemExit):
        ud.main(["/tmp/a", "/tmp/b", "--types", "Metric,Model"])
    assert "unknown type(s) ['Model']" in capsys.readouterr().err
