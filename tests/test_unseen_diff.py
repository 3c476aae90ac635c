"""benchmarks/unseen_diff.py: the entries it compares, per type and with aliases, and its --types check; --relations."""
import doctest
import json
from pathlib import Path

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


def test_compare_relations_key_is_type_head_tail():
    ud = load_script("benchmarks/unseen_diff.py")
    r = ("BASED_ON", "XNet", "ResNet-50", "0.7", "XNet is built on ResNet-50.")
    same_rel_new_conf = ("BASED_ON", "XNet", "resnet-50", "0.85", "XNet is built on ResNet-50.")
    counts, changes = ud.compare({"1": {r}, "2": {r}}, {"1": {same_rel_new_conf}, "2": set()}, key=3)
    assert counts == {"changed": 2, "gain only": 0, "lose only": 1, "other": 1}
    assert changes[0] == ("1", [r], [same_rel_new_conf])
    # with the entity key (two fields) two relations of one type and head would count as one entry
    assert ud.compare({"1": {r}}, {"1": {r, ("BASED_ON", "XNet", "ViT", "0.7", "")}}, key=2)[0]["other"] == 1


def _one_paper(tmp_path, abstract: str):
    """The script, the repository root and a papers file of one paper "p1" titled ZetaNet."""
    ud = load_script("benchmarks/unseen_diff.py")
    papers = tmp_path / "papers.jsonl"
    papers.write_text(json.dumps({"id": "p1", "title": "ZetaNet", "abstract": abstract}) + "\n")
    return ud, Path(ud.__file__).resolve().parents[1], papers


def test_extract_with_relations_runs_the_snapshot(tmp_path):
    ud, root, papers = _one_paper(tmp_path, "We propose ZetaNet. ZetaNet outperforms ResNet-50 on ImageNet.")
    rels = ud.extract_with(root, papers, tmp_path / "out.jsonl", relations=True)
    got = {e[:3] for e in rels["p1"]}
    assert ("OUTPERFORMS", "ZetaNet", "ResNet-50") in got and ("EVALUATED_ON", "ZetaNet", "ImageNet") in got
    one = next(e for e in rels["p1"] if e[0] == "OUTPERFORMS")
    assert float(one[3]) >= 0.7 and one[4] == "ZetaNet outperforms ResNet-50 on ImageNet."
    ents = ud.extract_with(root, papers, tmp_path / "out2.jsonl")
    assert ("Method", "ZetaNet", "proposed") in ents["p1"]


def test_extract_with_results_and_their_key(tmp_path):
    ud, root, papers = _one_paper(tmp_path, "We propose ZetaNet. ZetaNet reaches an F1 of 84.1% on SQuAD.")
    res = ud.extract_with(root, papers, tmp_path / "out.jsonl", results=True)
    assert ("84.1", "F1 score", "SQuAD", "%", "ZetaNet reaches an F1 of 84.1% on SQuAD.") in res["p1"]
    # a result is the same one when value, metric and dataset are: another metric is a lost and a gained entry
    a = {"1": {("84.1", "F1", "SQuAD", "%", "s")}, "2": {("3", "", "", "points", "s")}}
    b = {"1": {("84.1", "accuracy", "SQuAD", "%", "s")}, "2": {("3", "", "", "%", "s")}}
    counts, changes = ud.compare(a, b, key=3)
    assert counts == {"changed": 2, "gain only": 0, "lose only": 0, "other": 2}
    assert changes[0] == ("1", [("84.1", "F1", "SQuAD", "%", "s")], [("84.1", "accuracy", "SQuAD", "%", "s")])
