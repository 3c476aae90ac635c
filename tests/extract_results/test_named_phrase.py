"""The phrase before the paper's method name (round dec2c), on sentences written for these tests: "we propose a novel
T framework, termed X" and "a simple RAG method called X" read like "X, a novel T framework" and "X, a simple RAG
method"; comparison targets in the proposal sentence ("competitive with A and B") are no parts of X."""

from __future__ import annotations

import pytest

from tests.extract_results.test_eval_apply import rels

AT, BO = "APPLIED_TO", "BASED_ON"


@pytest.mark.parametrize("text, expected", [
    ("We propose a novel pose tracking framework, termed ZetaTrack, for robots.", {("ZetaTrack", AT, "pose tracking")}),
    ("In this paper, we design a new pose tracking method named ZetaTrack.", {("ZetaTrack", AT, "pose tracking")}),
    ("We propose a lightweight framework for pose tracking, called ZetaTrack, that runs on phones.",
     {("ZetaTrack", AT, "pose tracking")}),
    ("To this end, we introduce a simple and effective RAG method, called ZetaTrack, for long documents.",
     {("ZetaTrack", BO, "RAG")}),
    ("We present a novel RAG approach which we call ZetaTrack.", {("ZetaTrack", BO, "RAG")}),
    # the task is no compound of the kind noun, or the task is what another noun is about: nothing
    ("We propose a framework that improves pose tracking data, termed ZetaTrack.", set()),
    ("We propose a RAG-free pipeline of pose tracking, termed ZetaTrack.", set()),
])
def test_phrase_before_the_name(text, expected):
    got = rels(text, "ZetaTrack", Method=["ZetaTrack", "RAG"], Task=["pose tracking"])
    assert {r for r in got if r[1] in (AT, BO)} == expected


@pytest.mark.parametrize("text, expected", [
    ("We introduce ZetaGen, a model whose quality is competitive with leading chat models (e.g., GPT-4 and "
     "LLaMA).", set()),
    ("We introduce ZetaGen, a model whose quality rivals strong chat models such as GPT-4.", set()),
    ("We introduce ZetaGen, a model that combines GPT-4 with LLaMA.", {"GPT-4", "LLaMA"}),
])
def test_compared_models_are_no_parts(text, expected):
    got = {t for h, typ, t in rels(text, "ZetaGen", typ=BO, Method=["ZetaGen", "GPT-4", "LLaMA"]) if h == "ZetaGen"}
    assert got == expected
