"""Unit tests for the learned entity scorer (kg.extract.entscore) on text written for these tests."""

from __future__ import annotations

import json

import numpy as np
import pytest

import kg.extract as pipe
from kg.extract import entscore
from kg.extract.entscore import FEATURES, TYPES, Candidate, entity_features, keep, load_scorer, name_shape
from kg.models import Mention, Paper
from tests.conftest import load_script

TEXT = ("We propose GlimmerNet, a lightweight network for leaf disease detection. GlimmerNet reaches 93.1% "
        "accuracy on the PlantVillage dataset, beating ResNet-50 and MobileNetV3. Applications in domains such "
        "as speech recognition and robotics are discussed.")
PAPER = Paper(id="t1", title="GlimmerNet: Fast Leaf Disease Detection", abstract=TEXT)


def _ms(text: str, word: str, field: str = "abstract") -> tuple[Mention, ...]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(Mention(word, i, i + len(word), field, 0))
        i = text.find(word, i + 1)
    return tuple(out)


def _f(c: Candidate, title: str = "") -> dict[str, float]:
    sents = {"abstract": pipe.split_sentences(TEXT), "title": [(0, len(title))]}
    return dict(zip(FEATURES, entity_features(c, {"title": title, "abstract": TEXT}, sents)))


def test_features_of_a_proposed_name():
    c = Candidate("Method", "GlimmerNet", frozenset({"proposal", "name"}), 0.8, "proposed", _ms(TEXT, "GlimmerNet"),
                  False, None)
    f = _f(c)
    assert (f["bias"], f["conf"], f["src_proposal"], f["src_name"], f["src_catalog"]) == (1, 0.8, 1, 1, 0)
    assert (f["role_proposed"], f["known"], f["camel"], f["tok1"], f["all_caps"]) == (1, 0, 1, 1, 0)
    assert f["before_propose"] == 1 and f["after_verb"] == 1 and f["first_sentence"] == 1
    assert f["n_mentions"] == pytest.approx(np.log1p(2)) and f["one_mention"] == 0 and f["in_title"] == 0


def test_features_of_a_dataset_in_context_and_a_list_item():
    d = _f(Candidate("Dataset", "PlantVillage", frozenset({"dataset"}), 0.7, "used", _ms(TEXT, "PlantVillage"), False,
                     None))
    assert d["before_eval"] == 1 and d["after_kind_data"] == 1 and d["sent_digit"] == 1 and d["one_mention"] == 1
    assert d["first_sentence"] == 0 and 0 < d["sent_pos"] <= 1
    r = _f(Candidate("Method", "ResNet-50", frozenset({"catalog"}), 0.9, "used", _ms(TEXT, "ResNet-50"), True, None))
    assert (r["known"], r["has_digit"], r["hyphen"], r["version"], r["in_list"], r["before_compare"]) == (1, 1, 1, 1, 1, 0)
    t = _f(Candidate("Task", "speech recognition", frozenset({"task"}), 0.6, None, _ms(TEXT, "speech recognition"),
                     False, "application_list"))
    assert t["dropped_application_list"] == 1 and t["lower_only"] == 1 and t["tok2"] == 1 and t["last_sentence"] == 1
    assert t["before_list"] == 1 and t["head_task"] == 1


def test_head_class_and_shape():
    f = _f(Candidate("Task", "leaf disease detection", frozenset({"task"}), 0.6, None,
                     _ms(TEXT, "leaf disease detection"), False, None), title="GlimmerNet: Fast Leaf Disease Detection")
    assert f["head_task"] == 1 and f["head_method"] == 0 and f["tok3plus"] == 1
    assert name_shape("SE")["short_caps"] == 1 and name_shape("ImageNet")["short_caps"] == 0
    assert name_shape("Llama 2 7B")["version"] == 1 and name_shape("attention")["version"] == 0


def test_unknown_sources_are_ignored():
    c = Candidate("Task", "x y", frozenset({"some_future_source"}), 0.5, None, (), False, None)
    f = _f(c)
    assert f["conf"] == 0.5 and not any(f[k] for k in FEATURES if k.startswith("src_"))


def test_the_weight_file_loads_and_matches_the_features():
    sc = load_scorer()
    assert tuple(sc["features"]) == FEATURES and set(sc["types"]) == set(TYPES)
    for t in TYPES:
        m = sc["types"][t]
        assert len(m["weights"]) == len(FEATURES)
        assert 0.0 <= m["threshold"] <= 1.0 and 0.0 <= m["admit"] <= 1.01
    assert sc["head"] and sc["trained_on"]


def _model(reject: str) -> dict:
    """Keep every type but ``reject``; admit every dropped candidate."""
    w = lambda z: [z] + [0.0] * (len(FEATURES) - 1)  # noqa: E731
    return {"features": list(FEATURES), "types": {t: {"weights": w(-9.0 if t == reject else 9.0), "threshold": 0.5,
                                                      "admit": 0.5} for t in TYPES}}


def test_the_pipeline_applies_the_scorer_only_when_asked(monkeypatch):
    base = pipe.extract_paper(PAPER)
    assert entscore.USE_LEARNED is False
    monkeypatch.setattr(entscore, "CAPTURE", [])
    assert pipe.extract_paper(PAPER) == base  # recording features changes nothing
    (pid, rows), = entscore.CAPTURE
    assert pid == "t1" and {c.name for c, _, _ in rows if c.dropped is None} == {e.name for e in base.entities}
    assert all(len(x) == len(FEATURES) for _, x, _ in rows)
    monkeypatch.setattr(entscore, "CAPTURE", None)
    monkeypatch.setattr(entscore, "USE_LEARNED", True)
    monkeypatch.setattr(entscore, "load_scorer", lambda: _model("Method"))
    x = pipe.extract_paper(PAPER)
    assert not [e for e in x.entities if e.type == "Method"]
    assert {(e.type, e.name) for e in base.entities if e.type != "Method"} <= {(e.type, e.name) for e in x.entities}
    assert all(r.head_type != "Method" for r in x.relations) and all(r.method is None for r in x.results)
    dropped = {c.name for c, _, _ in rows if c.dropped}
    assert dropped == {"speech recognition"} and dropped <= {e.name for e in x.entities}  # admitted borderline candidates


def test_keep_uses_admit_for_dropped_candidates():
    m = _model("none")
    m["types"]["Task"]["admit"] = 1.01
    c = Candidate("Task", "x", frozenset({"task"}), 0.6, None, (), False, None)
    x = [1.0] + [0.0] * (len(FEATURES) - 1)
    assert keep(c, x, m) and not keep(c._replace(dropped="passing_task"), x, m)


def _trainer():
    return load_script("scripts/train_entities.py")


def test_training_on_a_toy_set_is_deterministic():
    te = _trainer()
    rng = np.random.default_rng(7)

    def paper(i: int, n: int) -> "te.Paper_":
        rows = []
        gold = {"id": f"p{i}", "methods": [], "datasets": [], "metrics": [], "tasks": []}
        for j in range(n):
            good = bool(rng.random() < 0.6)
            name = f"Name{i}x{j}"
            c = Candidate(TYPES[j % 4], name, frozenset({"catalog" if good else "name"}), 0.9 if good else 0.5,
                          None, (Mention(name, 0, len(name), "abstract", 0),), good, None)
            x = [1.0] + [0.0] * (len(FEATURES) - 1)
            x[FEATURES.index("conf")] = c.conf
            x[FEATURES.index("known")] = float(good)
            rows.append((c, x, []))
            if good:
                gold[te.KEYS[c.type]].append({"name": name})
        return te.Paper_(gold, rows)
    groups = {g: [paper(10 * k + i, 12) for i in range(5)] for k, g in enumerate(("a", "b", "c"))}
    m1, m2 = te.train(groups, 1.0, True), te.train(groups, 1.0, True)
    assert json.dumps(m1, sort_keys=True) == json.dumps(m2, sort_keys=True)
    w = np.array(m1["types"]["Method"]["weights"])
    assert w[FEATURES.index("known")] > 0  # the only signal in the toy data is learnt
    assert all(te.prf(te.tally(ps, te.learned(m1))[t])[0] == 1.0 for ps in groups.values() for t in TYPES)


def test_the_early_exit_gives_the_dense_answer():
    """keeps() skips the text features only when they cannot change the answer: same decisions as the dense
    vector, for the shipped Method weights and for random weights at several thresholds."""
    sents = {"abstract": pipe.split_sentences(TEXT), "title": [(0, len(PAPER.title))]}
    texts = {"title": PAPER.title, "abstract": TEXT}
    words = ("GlimmerNet", "PlantVillage", "ResNet-50", "MobileNetV3", "accuracy", "leaf disease detection")
    cands = [Candidate("Method", w, frozenset({src}), conf, role, _ms(TEXT, w), known, None)
             for w in words for src, conf, role, known in (("name", 0.5, "used", False), ("catalog", 0.9, "proposed", True))]
    rng = np.random.default_rng(3)
    models = [load_scorer()["types"]["Method"]] + [
        {"weights": list(rng.normal(0, 1.5, len(FEATURES))), "threshold": th, "admit": 1.01} for th in (0.2, 0.5, 0.8)]
    for t in models:
        for c in cands:
            dense = entscore.score(entity_features(c, texts, sents), t["weights"]) >= t["threshold"]
            assert entscore.keeps(c, texts, sents, t) == dense
    assert entscore.active(load_scorer(), "Method") and not entscore.active(load_scorer(), "Dataset")
