"""Unit tests for the learned relation scorer (kg.extract.relscore) on sentences written for these tests."""

from __future__ import annotations


import numpy as np
import pytest

from kg.extract import relations as rel
from kg.extract.relscore import FEATURES, REL_TYPES, _cues, candidates, load_scorer, score
from tests.conftest import load_script

F = {f: i for i, f in enumerate(FEATURES)}


def feats(text, sents, ments, proposed=None, rules=None, field="abstract"):
    return {k: dict(zip(FEATURES, x)) for k, (x, _) in candidates(text, sents, ments, field, proposed, rules or {}).items()}


def test_features_of_a_cue_sentence():
    t = "We propose AlphaNet. AlphaNet is built on BetaNet and evaluated on FooSet."
    ms = [(11, 19, "Method", "AlphaNet"), (21, 29, "Method", "AlphaNet"), (42, 49, "Method", "BetaNet"),
          (67, 73, "Dataset", "FooSet")]
    f = feats(t, [(0, 20), (21, len(t))], ms, "AlphaNet", {("AlphaNet", "BASED_ON", "BetaNet"): 0.85})
    b = f[("AlphaNet", "BASED_ON", "BetaNet")]
    assert (b["rule_conf"], b["rule_fired"], b["same_sent"], b["head_before"], b["btw_based"]) == (0.85, 1, 1, 1, 1)
    assert b["head_proposed"] == 1 and b["head_first"] == 1 and b["sent_after"] == 1 and b["btw_eval"] == 0
    e = f[("AlphaNet", "EVALUATED_ON", "FooSet")]
    assert e["rule_fired"] == 0 and e["btw_eval"] == 1 and e["pre_on"] == 1 and e["methods_between"] == 1
    r = f[("BetaNet", "BASED_ON", "AlphaNet")]  # the reverse pair is a candidate too, without the cue rule
    assert r["rule_fired"] == 0 and r["head_before"] == 0 and r["head_first"] == 0


def test_candidates_need_a_shared_sentence_unless_the_head_is_proposed():
    t = "AlphaNet is fast. BetaNet works. Tests on FooSet."
    ms = [(0, 8, "Method", "AlphaNet"), (18, 25, "Method", "BetaNet"), (42, 48, "Dataset", "FooSet")]
    sents = [(0, 17), (18, 32), (33, len(t))]
    assert set(feats(t, sents, ms)) == set()
    f = feats(t, sents, ms, proposed="AlphaNet")
    # the proposed method pairs with every dataset and method of the field, across sentences
    assert set(f) == {("AlphaNet", "EVALUATED_ON", "FooSet"), ("AlphaNet", "OUTPERFORMS", "BetaNet"),
                      ("AlphaNet", "BASED_ON", "BetaNet")}
    x = f[("AlphaNet", "EVALUATED_ON", "FooSet")]
    assert x["same_sent"] == 0 and x["sent_dist"] == pytest.approx(np.log1p(2)) and x["sent_eval"] == 1


def test_training_data_cue_before_the_tail():
    t = "AlphaNet trained on FooSet reaches 90% on BarSet."
    ms = [(0, 8, "Method", "AlphaNet"), (20, 26, "Dataset", "FooSet"), (42, 48, "Dataset", "BarSet")]
    f = feats(t, [(0, len(t))], ms)
    assert f[("AlphaNet", "EVALUATED_ON", "FooSet")]["pre_train"] == 1
    assert f[("AlphaNet", "EVALUATED_ON", "BarSet")]["pre_train"] == 0


def test_cue_groups_match_word_stems_not_substrings():
    assert _cues("a model for the task", 0, 20) == {"task"}
    assert _cues("a forward pass on top", 0, 21) == {"on", "based"}  # "forward" is not "for"
    assert _cues("nothing", 0, 7) == set()


def test_shipped_weights_cover_every_feature_and_type():
    sc = load_scorer()
    assert sc["features"] == list(FEATURES)
    for typ in REL_TYPES:
        m = sc["types"][typ]
        assert len(m["weights"]) == len(FEATURES) and 0 < m["threshold"] < 1


def test_learned_mode_scores_candidates_and_is_off_by_default():
    t = "AlphaNet outperforms BetaNet on FooSet."
    ms = [(0, 8, "Method", "AlphaNet"), (21, 28, "Method", "BetaNet"), (32, 38, "Dataset", "FooSet")]
    assert rel.USE_LEARNED is False
    default = rel.find_relations(t, [(0, len(t))], ms)
    assert default == rel.rule_relations(t, [(0, len(t))], ms)
    learned = rel.find_relations(t, [(0, len(t))], ms, learned=True)
    sc = load_scorer()
    cands = rel.relation_candidates(t, [(0, len(t))], ms, "abstract", None, rel.rule_relations(t, [(0, len(t))], ms, min_confidence=0))
    want = {k for k, (x, _, _) in cands.items() if score(x, sc["types"][k[1]]["weights"]) >= sc["types"][k[1]]["threshold"]}
    assert {(r.head, r.type, r.tail) for r in learned} == want
    assert ("AlphaNet", "OUTPERFORMS", "BetaNet") in want  # a subject-cue-object comparison is kept
    assert all(r.evidence.sentence == t and 0 < r.confidence <= 1 for r in learned)


def _train_module():
    return load_script("scripts/train_relations.py")


def test_fit_recovers_a_separating_weight_deterministically():
    tr = _train_module()
    rng = np.random.default_rng(0)
    X = np.c_[np.ones(400), rng.normal(size=(400, 2))]
    y = (X[:, 1] - X[:, 2] + rng.normal(scale=0.3, size=400) > 0).astype(float)
    w1, w2 = tr.fit(X, y, 1.0), tr.fit(X, y, 1.0)
    assert np.array_equal(w1, w2)
    assert w1[1] > 2 and w1[2] < -2 and abs(w1[0]) < 1


def test_shared_logreg_doctest_and_stopping():
    """scripts/logreg.py (shared by both training scripts): its doctest, and more Newton steps never move a
    converged fit."""
    import doctest

    lr = load_script("scripts/logreg.py")
    assert doctest.testmod(lr).failed == 0
    rng = np.random.default_rng(1)
    X = np.c_[np.ones(200), rng.normal(size=(200, 1))]
    y = (X[:, 1] + rng.normal(scale=0.5, size=200) > 0).astype(float)
    assert np.allclose(lr.fit(X, y, 1.0, iters=50), lr.fit(X, y, 1.0, iters=200), atol=1e-7)
    assert not np.allclose(lr.fit(X, y, 1.0, iters=1), lr.fit(X, y, 1.0, iters=50), atol=1e-3)
