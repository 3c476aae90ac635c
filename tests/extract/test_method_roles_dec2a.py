"""Roles of Method names (round of 2 Dec): a part of the paper's method named and spelled out by the paper is
proposed; self-written sentences with made-up names."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.models import Paper
from tests.extract.test_method_spans_dec1e import ents


@pytest.mark.parametrize("text, name", [
    ("We study zorb scenes. QuxOcc includes a Zorb Focusing Module (ZFM) to sharpen the zorb maps.",
     "Zorb Focusing Module"),
    ("We study zorb scenes. Second, Variable Zorb and Rate Module (VZRM) is achieved in the lossy mode.",
     "Variable Zorb and Rate Module"),
    ("We study zorb scenes. A Zorb Gating Fusion (ZGF) module then merges both zorb streams.", "Zorb Gating Fusion"),
    ("To handle zorbs, we propose QuxPrompt, which integrates a ZorbLoRA module for tuning the encoder.", "ZorbLoRA"),
])
def test_a_named_part_of_the_own_method_is_proposed(text, name):
    assert ents("", text).get(name) == ("Method", "proposed")


@pytest.mark.parametrize("text, name", [
    ("Existing zorb models use light modules such as Zorb Shift Module (ZSM) to add context.", "Zorb Shift Module"),
    ("We build QuxNet based on QuxMamba and a ZorbMamba2 block for the global context.", "ZorbMamba2"),
    ("In this paper, we activate a zorb signal within the ZorbGLU blocks of the network.", "ZorbGLU"),
    ("We present QuxUNet, adopting the ZorbLearner and ZorbFuser modules to add attention.", "ZorbLearner"),
])
def test_a_part_taken_from_other_work_stays_used(text, name):
    assert ents("", text).get(name, ("Method", "used"))[1] == "used"


def test_a_part_is_not_the_papers_method_in_relations():
    x = extract_paper(Paper(id="t", title="Zorb Attention for Medical Image Segmentation",
                            abstract="First, the Zorb Cross Fusion (ZCF) module merges zorb features for medical image "
                                     "segmentation."))
    assert ("Zorb Cross Fusion", "proposed") in {(e.name, e.role) for e in x.entities}
    assert not [r for r in x.relations if r.head == "Zorb Cross Fusion"]
