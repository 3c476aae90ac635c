"""Comparisons whose cue and compared name stand a little apart (round dec2d), on sentences written for these tests:
"improvements on D over Y", "improves accuracy by 4.2% compared to Y", "a 20% reduction in latency over Y", "surpasses
the performance of Y"; and list items after an aside ("T1 (0.6% F1 gain), T2 (2.8%) and T3")."""

from __future__ import annotations

import pytest

from tests.extract_results.test_eval_apply import rels

OUT, AT, BO = "OUTPERFORMS", "APPLIED_TO", "BASED_ON"
KINDS = dict(Method=["ZetaNet", "AlphaB", "BetaB"], Dataset=["FooSet"])


@pytest.mark.parametrize("text, expected", [
    ("ZetaNet achieves significant improvements on FooSet over AlphaB.", {"AlphaB"}),
    ("Experiments show the consistent improvements of ZetaNet over AlphaB.", {"AlphaB"}),
    ("ZetaNet obtains a large gain of accuracy over AlphaB and BetaB.", {"AlphaB", "BetaB"}),
    ("ZetaNet improves accuracy by 4.2% compared to AlphaB.", {"AlphaB"}),
    ("ZetaNet achieves 13% and 28% higher success rates compared to AlphaB.", {"AlphaB"}),
    ("ZetaNet achieves a 20% reduction in latency over AlphaB.", {"AlphaB"}),
    ("ZetaNet reduces the error rate by 12% relative to AlphaB.", {"AlphaB"}),
    ("ZetaNet yields an average RMSE reduction of 15% compared to AlphaB.", {"AlphaB"}),
    ("ZetaNet surpasses the performance of AlphaB and BetaB.", {"AlphaB", "BetaB"}),
    ("ZetaNet outperforms that of AlphaB on FooSet.", {"AlphaB"}),
    ("ZetaNet exceeds the 8B AlphaB on all tasks.", {"AlphaB"}),
])
def test_comparison_read_apart(text, expected):
    got = {t for h, typ, t in rels("We propose ZetaNet. " + text, "ZetaNet", typ=OUT, **KINDS) if h == "ZetaNet"}
    assert got == expected


@pytest.mark.parametrize("text, head", [
    # not a gain: a measure that is not better when higher, an increase of a cost, a hedge
    ("We find that ZetaNet exhibits higher arithmetic intensity compared to AlphaB.", "ZetaNet"),
    ("ZetaNet increases latency by 30% compared to AlphaB.", "ZetaNet"),
    ("ZetaNet can approach or even surpass the capabilities of AlphaB.", "ZetaNet"),
    # another name inside the cue, or a name in a phrase before the cue: no subject
    ("The improvements of BetaB and ZetaNet on FooSet over AlphaB are small.", "BetaB"),
    ("Our experiments, conducted using BetaB on FooSet, demonstrate improvements in error rate compared to AlphaB.",
     "BetaB"),
    # a clause joint between the gain and the comparison
    ("ZetaNet delivers improvement in throughput while slower than AlphaB.", "ZetaNet"),
])
def test_no_comparison(text, head):
    assert (head, OUT, "AlphaB") not in rels("We propose ZetaNet. " + text, "ZetaNet", typ=OUT, **KINDS)


def test_list_items_after_an_aside():
    text = ("We propose ZetaNet. ZetaNet outperforms prior work on three tasks: entity tagging (0.62% F1 gain), "
            "relation tagging (2.80% F1 gain) and answer ranking (12.24% gain).")
    got = rels(text, "ZetaNet", typ=AT, Method=["ZetaNet"], Task=["entity tagging", "relation tagging", "answer ranking"],
               Metric=["F1"])
    assert got == {("ZetaNet", AT, t) for t in ("entity tagging", "relation tagging", "answer ranking")}


def test_aside_naming_the_items_is_read():
    text = "We propose ZetaNet. ZetaNet leverages pretrained diffusion models (AlphaB and BetaB) to blend latents."
    got = rels(text, "ZetaNet", typ=BO, Method=["ZetaNet", "diffusion models", "AlphaB", "BetaB"])
    assert {("ZetaNet", BO, "AlphaB"), ("ZetaNet", BO, "BetaB")} <= got
