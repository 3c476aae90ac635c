"""EVALUATED_ON / APPLIED_TO of the paper's own method (round of 1 Dec, late morning), on sentences written for these
tests: evaluation lists the rules did not read, the head of "Experiments on A ... show that X ...", title tasks."""

from __future__ import annotations

import pytest

from kg.extract.relations import find_relations
from kg.extract.text import split_sentences
from tests.extract_results.test_relations import mentions


def rels(text: str, proposed: str | None, field: str = "abstract", typ: str | None = None, **kinds: list[str]):
    sents = split_sentences(text) if field == "abstract" else [(0, len(text))]
    return {(r.head, r.type, r.tail) for r in find_relations(text, sents, mentions(text, **kinds), field,
                                                              proposed=proposed, min_confidence=0.7)
            if typ is None or r.type == typ}


PROPOSAL = "We propose ZetaNet, a compact model. "
EV = "EVALUATED_ON"


@pytest.mark.parametrize("second, datasets, expected", [
    # items of an evaluation drawn from D
    ("On rare scenes from the FooSet dataset, ZetaNet improves accuracy by 3%.", ["FooSet"], ["FooSet"]),
    ("Our ZetaNet pipeline reaches higher quality than prior techniques on scenes from the FooSet, BarSet and BazSet "
     "datasets.", ["FooSet", "BarSet", "BazSet"], ["FooSet", "BarSet", "BazSet"]),
    # training data drawn from D stays out
    ("ZetaNet is trained on images from the FooSet dataset and reaches 80% accuracy.", ["FooSet"], []),
    # "Experiments across the D1, D2 and D3 datasets demonstrate X's ..."
    ("Experiments across the FooSet, BarSet and BazSet datasets demonstrate ZetaNet's superiority over strong models "
     "like AlphaB, BetaB, and GammaB.", ["FooSet", "BarSet", "BazSet"], ["FooSet", "BarSet", "BazSet"]),
    # "across N scenes and the D dataset"
    ("Across 184 object-centric scenes and the FooSet dataset, ZetaNet consistently improves PSNR.", ["FooSet"],
     ["FooSet"]),
])
def test_evaluation_lists_of_the_paper_method(second, datasets, expected):
    text = PROPOSAL + second
    got = rels(text, "ZetaNet", typ=EV, Method=["ZetaNet", "AlphaB", "BetaB", "GammaB"], Dataset=datasets)
    assert got == {("ZetaNet", EV, d) for d in expected}


@pytest.mark.parametrize("text, expected", [
    # a list after "datasets," or "datasets -", "across N scenes and the D dataset": any evaluated method
    ("We evaluate AlphaB on two real-world retrieval datasets, FooSet and BarSet.", ["FooSet", "BarSet"]),
    ("We evaluate AlphaB on four open datasets - FooSet, BarSet, and BazSet - using open models.",
     ["FooSet", "BarSet", "BazSet"]),
    ("AlphaB reaches 80% accuracy across 100 synthetic scenes and the FooSet dataset.", ["FooSet"]),
    ("AlphaB was trained on synthetic scenes and the FooSet dataset.", []),
])
def test_evaluation_list_separators(text, expected):
    got = rels(text, None, typ=EV, Method=["AlphaB"], Dataset=["FooSet", "BarSet", "BazSet"])
    assert got == {("AlphaB", EV, d) for d in expected}


def test_experiments_on_a_base_model_show_that_x():
    # the base model of the experiments' phrase is no head: the subject of the reported clause is
    text = PROPOSAL + ("Experiments on QuModel-7B trained with the FooSet dataset show that ZetaNet achieves 37% accuracy "
                       "across four benchmarks (BarSet, BazSet and QuxSet).")
    got = rels(text, "ZetaNet", typ=EV, Method=["ZetaNet", "QuModel-7B"], Dataset=["FooSet", "BarSet", "BazSet", "QuxSet"])
    assert got == {("ZetaNet", EV, d) for d in ("BarSet", "BazSet", "QuxSet")}


@pytest.mark.parametrize("title, methods, tasks, expected", [
    # "X: ... with / via Y for T": the purpose after the method worked through
    ("QuNet: A Unified Model with Part-Aware Tokens for Scene Understanding", ["QuNet"], ["Scene Understanding"],
     {"Scene Understanding"}),
    ("QuNet: Better Motion via Segment Preference Optimization for Audio-Driven Human Animation", ["QuNet"],
     ["Human Animation"], {"Human Animation"}),
    # a nameless title whose opening phrase holds "through"
    ("Seeing Through Fakes: A Human-Inspired Framework for Multi-Face Detection", [], ["Multi-Face Detection"],
     {"Multi-Face Detection"}),
    # a task after "via" without "for" stays out
    ("QuNet: Parsing via Tagging with Graphs", ["QuNet"], ["Parsing", "Tagging"], {"Parsing"}),
    # a nameless title "T1 with Y Pipeline for T2": Y is the one for T2, not the paper's method
    ("Tuning Radios for Edge Nodes with TinyQ Pipeline for Channel Hopping", ["TinyQ"], ["Channel Hopping"], set()),
])
def test_title_tasks_after_the_method_worked_through(title, methods, tasks, expected):
    got = rels(title, "QuNet", "title", "APPLIED_TO", Method=methods, Task=tasks)
    assert {(h, t) for h, _, t in got if h == "QuNet"} == {("QuNet", t) for t in expected}


@pytest.mark.parametrize("second, expected", [
    # the paper's method as the subject of addressing a task, with a list of tasks
    ("ZetaNet addresses the problem of depth estimation.", {"depth estimation"}),
    ("ZetaNet (ZN) effectively tackles depth estimation and optical flow estimation.",
     {"depth estimation", "optical flow estimation"}),
    ("ZetaNet does not address depth estimation.", set()),
    # another method as the subject: not the paper's
    ("AlphaB addresses depth estimation, while ZetaNet is faster.", set()),
    # "X is a model for T"
    ("ZetaNet is a model for depth estimation.", {"depth estimation"}),
    # "we apply X to T1 and T2": every listed task
    ("We apply ZetaNet to depth estimation and optical flow estimation.", {"depth estimation", "optical flow estimation"}),
    # "It achieves state-of-the-art results on T" after a sentence naming the method
    ("It achieves state-of-the-art results on depth estimation.", {"depth estimation"}),
])
def test_applied_to_of_the_paper_method(second, expected):
    text = PROPOSAL + second
    got = rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet", "AlphaB"],
               Task=["depth estimation", "optical flow estimation"])
    assert {t for h, _, t in got if h == "ZetaNet"} == expected


def test_it_names_the_method_for_its_evaluation():
    # "It ..." right after the proposal: a named evaluation (0.8), not the bare one (0.7)
    text = PROPOSAL + "It also achieves 80% accuracy on FooSet and BarSet."
    got = {(r.tail, r.confidence) for r in find_relations(text, split_sentences(text),
                                                         mentions(text, Method=["ZetaNet"], Dataset=["FooSet", "BarSet"]),
                                                         proposed="ZetaNet", min_confidence=0.7) if r.type == EV}
    assert got == {("FooSet", 0.8), ("BarSet", 0.8)}


def test_experiments_phrase_keeps_we_as_subject():
    # "In experiments, we demonstrate the performance of A with X across T tasks": "we" (the paper's method) stays the
    # head; A is only run with it
    text = PROPOSAL + "In experiments, we demonstrate the strong performance of AlphaB with ZetaNet across depth estimation tasks."
    got = rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet", "AlphaB"], Task=["depth estimation"])
    assert got == {("ZetaNet", "APPLIED_TO", "depth estimation")}


def test_task_after_ranging_from_is_no_evaluation():
    # items drawn from D are read for datasets only: "across modalities ranging from T1 to T2" is background
    text = PROPOSAL + "Sequence models power results across diverse modalities ranging from depth estimation to flow."
    assert rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet"], Task=["depth estimation"]) == set()


def test_experiments_across_tasks_show_that_x():
    text = PROPOSAL + "Our experiments across depth estimation and optical flow estimation tasks demonstrate that ZetaNet gains accuracy."
    got = rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet"], Task=["depth estimation", "optical flow estimation"])
    assert got == {("ZetaNet", "APPLIED_TO", t) for t in ("depth estimation", "optical flow estimation")}


def test_is_a_model_for_needs_the_paper_method():
    # "Y is a strong backbone for T" in the background: Y is not the paper's method
    text = "AlphaB is a strong backbone for depth estimation, but slow. " + PROPOSAL
    assert rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet", "AlphaB"], Task=["depth estimation"]) == set()


def test_experiments_across_tasks_need_the_paper_method():
    # "... show that this recipe narrows the gap between A and B": A is compared, not the one applied
    text = PROPOSAL + "Experiments on depth estimation benchmarks show that this recipe narrows the gap between AlphaB and BetaB."
    assert rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet", "AlphaB", "BetaB"], Task=["depth estimation"]) == set()


# round of 1 Dec, evening (RAE): three written forms of "the paper's method is for / applied to T"
@pytest.mark.parametrize("text, expected", [
    # a bracketed long form too long for the "X (ACR) for T" rule
    ("We propose ZetaNet (Zero-shot Efficient Transfer Attention Network) for depth estimation.", {"depth estimation"}),
    ("We propose a novel training framework, ZetaNet (Zero-shot Efficient Transfer Attention), for depth estimation "
     "that combines two losses.", {"depth estimation"}),
    # "we evaluate X on downstream tasks of T1 and T2"
    (PROPOSAL + "Moreover, we evaluate ZetaNet on downstream tasks of depth estimation and optical flow estimation.",
     {"depth estimation", "optical flow estimation"}),
    (PROPOSAL + "We evaluate ZetaNet on three tasks: depth estimation and optical flow estimation.",
     {"depth estimation", "optical flow estimation"}),
    # "X outperforms existing T methods": X is a method for T
    (PROPOSAL + "ZetaNet consistently outperforms state-of-the-art depth estimation methods on indoor scenes.",
     {"depth estimation"}),
])
def test_applied_to_forms_of_the_paper_method(text, expected):
    got = rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet", "AlphaB"],
               Task=["depth estimation", "optical flow estimation"])
    assert {t for h, _, t in got if h == "ZetaNet"} == expected


@pytest.mark.parametrize("text", [
    # another method's long form, another method's task methods, a negated evaluation: nothing for ZetaNet
    PROPOSAL + "AlphaB (Attention Learning Pipeline for Hard Angles) for depth estimation is slow.",
    PROPOSAL + "AlphaB outperforms existing depth estimation methods.",
    PROPOSAL + "ZetaNet does not outperform existing depth estimation methods.",
    PROPOSAL + "We do not evaluate ZetaNet on downstream tasks of depth estimation.",
])
def test_applied_to_forms_need_the_paper_method(text):
    got = rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet", "AlphaB"], Task=["depth estimation"])
    assert not {t for h, _, t in got if h == "ZetaNet"}


def test_beaten_task_methods_give_one_task():
    # "outperforms existing T1 methods and a strong T2 baseline": T2 is the baseline's task
    text = PROPOSAL + "ZetaNet outperforms existing depth estimation methods and a strong optical flow estimation baseline."
    got = rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet"], Task=["depth estimation", "optical flow estimation"])
    assert got == {("ZetaNet", "APPLIED_TO", "depth estimation")}


@pytest.mark.parametrize("second, expected", [
    # "X outperforms existing methods in T" after the proposal: X, named as the comparison's subject, is applied to T
    ("ZetaNet outperforms existing methods in depth estimation, delivering sharper maps.", {"depth estimation"}),
    ("ZetaNet surpasses all promptable models in depth estimation by nearly ten points.", {"depth estimation"}),
    # negated, or people rather than methods: nothing
    ("ZetaNet does not outperform existing methods in depth estimation.", set()),
    ("ZetaNet outperformed clinicians by 10% in depth estimation.", set()),
])
def test_paper_method_beats_methods_in_task(second, expected):
    text = PROPOSAL + second
    got = rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet"], Task=["depth estimation"])
    assert {t for h, _, t in got if h == "ZetaNet"} == expected


@pytest.mark.parametrize("second, expected", [
    # round dec2a: the paper's method (or "our method") as the subject of a cue naming what it serves
    ("Overall, ZetaNet offers a practical, efficient solution for depth estimation.", {"depth estimation"}),
    ("Our method provides a strong baseline for depth estimation and optical flow estimation.",
     {"depth estimation", "optical flow estimation"}),
    ("Tests show that ZetaNet is beneficial for depth estimation in cluttered rooms.", {"depth estimation"}),
    ("ZetaNet removes the need for labels while keeping sharp edges, making it applicable to a wide range of depth "
     "estimation tasks.", {"depth estimation"}),
    # another method's solution, a negated cue: nothing for ZetaNet
    ("AlphaB offers a practical solution for depth estimation.", set()),
    ("ZetaNet is not applicable to depth estimation.", set()),
    ("ZetaNet is compared with AlphaB, which offers a fast solution for depth estimation.", set()),
])
def test_paper_method_serves_task(second, expected):
    text = PROPOSAL + second
    got = rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet", "AlphaB"],
               Task=["depth estimation", "optical flow estimation"])
    assert {t for h, _, t in got if h == "ZetaNet"} == expected


@pytest.mark.parametrize("second, expected", [
    # "Experiments using D1, D2 ... demonstrate that the proposed X", "Experimental validation on D demonstrates X's"
    ("Experiments using the public FooSet, BarSet benchmark, and an internal corpus demonstrate that the proposed ZetaNet "
     "attains performance comparable to the strong AlphaB.", {"FooSet", "BarSet"}),
    ("Experimental validation on FooSet demonstrates ZetaNet's superior accuracy-efficiency balance over AlphaB.",
     {"FooSet"}),
    # data a model is trained with: no evaluation
    ("ZetaNet is trained using the public FooSet benchmark.", set()),
])
def test_experiments_using_and_validation_on(second, expected):
    text = "The new network is named ZetaNet. " + second
    got = rels(text, "ZetaNet", typ=EV, Method=["ZetaNet", "AlphaB"], Dataset=["FooSet", "BarSet"])
    assert {t for h, _, t in got if h == "ZetaNet"} == expected


def test_evaluate_listed_models_on_the_task_of():
    # "evaluate two ... models, A and B, on the task of T": each listed model is applied to T
    text = ("We release a toolkit. We use it to evaluate two state-of-the-art vision-language foundation models, AlphaB and "
            "BetaB, on the task of depth estimation in indoor scenes.")
    got = rels(text, None, typ="APPLIED_TO", Method=["AlphaB", "BetaB"], Task=["depth estimation"])
    assert got == {("AlphaB", "APPLIED_TO", "depth estimation"), ("BetaB", "APPLIED_TO", "depth estimation")}


def test_evaluation_noun_takes_no_far_object():
    # "an evaluation of ..., (2) introduce the AlphaB strategy ... benchmarks like FooSet": AlphaB is no evaluated object
    text = ("We propose a thorough evaluation of their performance in generating code, introduce the AlphaB strategy, and "
            "extend existing benchmarks like FooSet.")
    assert not rels(text, None, typ=EV, Method=["AlphaB"], Dataset=["FooSet"])


def test_compared_name_in_an_appositive_is_no_head():
    # "our approach outperforms Y-T, the Y with a T backbone, ... on D": neither Y-T nor Y is evaluated on D
    text = ("The experiments show that our approach outperforms AlphaB-T, the AlphaB with a deeper backbone, by up to 0.5% "
            "on FooSet and BarSet datasets.")
    got = rels(text, None, typ=EV, Method=["AlphaB-T", "AlphaB"], Dataset=["FooSet", "BarSet"])
    assert not {h for h, _, _ in got} & {"AlphaB", "AlphaB-T"}


@pytest.mark.parametrize("text, expected", [
    # "For T, we fine-tune and evaluate X", "To do our T, we use X": X is used for T
    ("For depth estimation, we fine-tune and evaluate AlphaB to separate near from far objects.",
     {("AlphaB", "APPLIED_TO", "depth estimation")}),
    ("To do our optical flow estimation, we use the AlphaB model to track pixels.",
     {("AlphaB", "APPLIED_TO", "optical flow estimation")}),
    # the task is the purpose of something else, or no method follows "we ...": nothing
    ("For depth estimation, the AlphaB model is slow.", set()),
    ("For depth estimation, we collect new scenes with AlphaB.", set()),
])
def test_for_task_we_use_x(text, expected):
    got = rels(text, None, typ="APPLIED_TO", Method=["AlphaB"], Task=["depth estimation", "optical flow estimation"])
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # "In T, X outperforms Y", "On the T task, the proposed X achieves ...": the subject after the opening task
    ("In depth estimation, ZetaNet outperforms AlphaB with a lower error.", {("ZetaNet", "APPLIED_TO", "depth estimation")}),
    ("On the depth estimation task, the proposed ZetaNet achieves a 12% lower error.",
     {("ZetaNet", "APPLIED_TO", "depth estimation")}),
    # no verb of a result after the subject, or the task is not the opening: nothing
    ("In depth estimation, ZetaNet is trained with AlphaB.", set()),
    ("ZetaNet, in depth estimation, outperforms AlphaB.", set()),
])
def test_opening_task_then_subject(text, expected):
    got = rels(text, None, typ="APPLIED_TO", Method=["ZetaNet", "AlphaB"], Task=["depth estimation"])
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # the proposal sentence: "we introduce X, an innovative framework leveraging Y for T": X is for T
    ("In this paper, we introduce ZetaNet, an innovative framework leveraging the AlphaB transformer for depth estimation "
     "from one image.", {("ZetaNet", "APPLIED_TO", "depth estimation")}),
    ("We propose ZetaNet, a novel framework that uses AlphaB for depth estimation.",
     {("ZetaNet", "APPLIED_TO", "depth estimation")}),
    # another method's appositive, or X's own task named first ("X, a T1 method that leverages Y for T2"): nothing
    ("AlphaB, a framework that uses transformers for depth estimation, is slow. We propose ZetaNet.", set()),
    ("We present ZetaNet, a novel optical flow estimation method that leverages a pre-trained AlphaB for depth "
     "estimation within an iterative architecture.", set()),
])
def test_proposal_framework_using_y_for_task(text, expected):
    got = rels(text, "ZetaNet", typ="APPLIED_TO", Method=["ZetaNet", "AlphaB"],
               Task=["depth estimation", "optical flow estimation"])
    assert {r for r in got if r[0] == "ZetaNet" and r[2] == "depth estimation"} == expected


def test_matched_model_is_compared_not_evaluated():
    # "It also outperforms Y and even matches Z across T on our D": Z is compared, "It" (GammaB) is evaluated on D
    text = ("In experiments, GammaB achieves strong results on BarSet. It also outperforms AlphaB and even matches BetaB "
            "across depth estimation on our FooSet benchmark.")
    got = rels(text, None, Method=["GammaB", "AlphaB", "BetaB"], Task=["depth estimation"], Dataset=["FooSet", "BarSet"])
    assert not {r for r in got if r[0] == "BetaB"}
    assert ("GammaB", EV, "FooSet") in got
