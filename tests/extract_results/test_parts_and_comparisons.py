"""BASED_ON parts lists and OUTPERFORMS "performance over" (round dec2b), on sentences written for these tests:
the later items of a list of described parts, the second part of a pair verb after the first part's kind words, and
"superior performance over Y" said of the paper's own method."""

from __future__ import annotations

import pytest

from tests.extract_results.test_eval_apply import rels

PROPOSAL = "We propose ZetaNet, a compact model for image parsing. "
M = ["ZetaNet", "AlphaB", "BetaB", "GammaB", "Focus Unit", "Lift Block", "LLMs", "Transformers", "CNNs"]


def _methods(text: str) -> list[str]:
    return [m for m in M if m in text]


@pytest.mark.parametrize("second, expected", [
    # an unnumbered list of parts, each with its description
    ("ZetaNet includes a Focus Unit to sharpen spatial localization through focus guidance, and a Lift Block that "
     "extends lifting to fisheye images.", {"Focus Unit", "Lift Block"}),
    ("ZetaNet consists of AlphaB, which encodes images, and BetaB, which decodes them.", {"AlphaB", "BetaB"}),
    ("ZetaNet comprises AlphaB for coarse features, BetaB for fine features, and a GammaB head for fusion.",
     {"AlphaB", "BetaB", "GammaB"}),
    # a clause after the list is no part: the bare name goes on with a verb
    ("ZetaNet consists of AlphaB, which encodes images, and BetaB is slower.", {"AlphaB"}),
    # the part's own bracketed short name before its description
    ("ZetaNet includes a Focus Unit (FU) to sharpen localization, and a Lift Block (LB) that extends lifting.",
     {"Focus Unit", "Lift Block"}),
    # a name in brackets of another clause, or after another name in the description, is no next item
    ("ZetaNet integrates AlphaB embeddings with BetaB indexing and compares rankers (CNNs, GammaB, LLMs) for retrieval.",
     {"AlphaB", "BetaB"}),
    ("ZetaNet combines AlphaB with the BetaB model and simulates regions, including GammaB, and a unit of LLMs.",
     {"AlphaB", "BetaB"}),
    # a verb of use is no parts verb: what follows the description stays out
    ("ZetaNet uses AlphaB to label images, and the BetaB baseline is weaker.", {"AlphaB"}),
    # a pair verb with the first part's kind words before "with"
    ("ZetaNet combines the AlphaB personality model with the BetaB technique.", {"AlphaB", "BetaB"}),
    ("ZetaNet, a model combining AlphaB visual encoders with LLMs, runs on phones.", {"AlphaB", "LLMs"}),
    # not after a preposition or a verb in the gap
    ("ZetaNet combines AlphaB trained on images with a threshold.", {"AlphaB"}),
])
def test_parts_lists(second, expected):
    text = PROPOSAL + second
    got = {t for h, typ, t in rels(text, "ZetaNet", typ="BASED_ON", Method=_methods(text)) if h == "ZetaNet"}
    assert got == expected


@pytest.mark.parametrize("second, expected", [
    ("ZetaNet demonstrates superior performance over AlphaB on downstream tasks.", {"AlphaB"}),
    ("Our method achieves state-of-the-art performance over AlphaB and BetaB with fewer parameters.", {"AlphaB", "BetaB"}),
    # background: a family's performance, not the paper's method
    ("Transformers are popular due to their superior performance over CNNs.", set()),
    ("ZetaNet does not show superior performance over AlphaB.", set()),
])
def test_performance_over(second, expected):
    text = PROPOSAL + second
    got = {t for h, typ, t in rels(text, "ZetaNet", typ="OUTPERFORMS", Method=_methods(text))}
    assert got == expected


BENCH = "We introduce FooBench, a benchmark for visual reasoning with 5,000 questions. "


@pytest.mark.parametrize("second, expected", [
    # every name of a listed subject after an opening "On D,"
    ("On FooBench, AlphaB and BetaB achieve only 41% and 38% accuracy.", {"AlphaB", "BetaB"}),
    ("On FooBench, AlphaB, BetaB and GammaB reach below 40% accuracy.", {"AlphaB", "BetaB", "GammaB"}),
    # the opening's comma in brackets: the names before the subject are no subjects ("with LLMs (e.g., A and B), X")
    ("Through evaluations on FooBench with large models (e.g., AlphaB and BetaB), ZetaNet achieves 6x higher "
     "compression.", {"ZetaNet"}),
    # the compared names after the verb are no subjects
    ("On FooBench, AlphaB outperforms BetaB and GammaB.", {"AlphaB"}),
])
def test_opening_on_subject_list(second, expected):
    text = BENCH + second
    got = {h for h, typ, t in rels(text, None, typ="EVALUATED_ON", Method=_methods(text), Dataset=["FooBench"])}
    assert got == expected


def test_opening_list_is_no_subject_list():
    # the opening's own list goes on after its first comma: "Across sets such as A, B, C, and D, our method ..."
    text = BENCH + "Across various sets such as FooBench, AlphaB, BetaB, and GammaB-seq, our method gives better estimates."
    got = {h for h, typ, t in rels(text, None, typ="EVALUATED_ON", Method=_methods(text), Dataset=["FooBench"])}
    assert not got & {"BetaB", "GammaB"}


def test_parts_list_with_bracketed_short_names():
    # each part's bracketed short name sits between it and the next item's comma
    text = PROPOSAL + "ZetaNet consists of a Focus Unit (FU), a 3D-to-2D Lift Block (LB), and a fusion AlphaB (AB)."
    got = {t for h, typ, t in rels(text, "ZetaNet", typ="BASED_ON",
                                   Method=["ZetaNet", "Focus Unit", "FU", "Lift Block", "LB", "AlphaB", "AB"])}
    assert {"Focus Unit", "Lift Block", "AlphaB"} <= got
