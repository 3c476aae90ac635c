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


@pytest.mark.parametrize("title, text, name", [
    ("Competition-Level Code Generation with AlphaCode",
     "To close this gap, we introduce AlphaCode, a system for code generation that reasons deeply.", "AlphaCode"),
    ("MetaFormer for Zorb Vision",
     "The derived model is simple. Our proposed PoolFormer could serve as a starting baseline.", "PoolFormer"),
])
def test_a_catalog_name_the_paper_introduces_is_proposed(title, text, name):
    assert ents(title, text).get(name) == ("Method", "proposed")


@pytest.mark.parametrize("title, text, name", [
    ("Zorb Code Repair", "We introduce AlphaCode, a system for code generation, into our zorb pipeline.", "AlphaCode"),
    ("Zorb Code Repair with AlphaCode", "We propose AlphaCode-based zorb repair for programs.", "AlphaCode"),
])
def test_a_catalog_name_without_the_title_or_as_a_basis_stays_used(title, text, name):
    assert ents(title, text).get(name, ("Method", "used"))[1] == "used"


def test_a_so_called_catalog_name_stays_used():
    got = ents("Bayesian Networks for Zorb Analysis", "Zorb models extend the so-called Bayesian networks, a known tool.")
    assert got.get("Bayesian network", ("Method", "used"))[1] == "used"


def test_a_catalog_name_called_so_without_a_proposal_stays_used():
    got = ents("ChatGPT as Zorb Writer", "This study analyses the style of one LLM called ChatGPT on zorb speeches.")
    assert got.get("ChatGPT", ("Method", "used"))[1] == "used"


@pytest.mark.parametrize("title, text, name", [
    ("PubMed Zorber: Zorb Answers", "We introduce PubMed Zorber, an agent for zorb answers.", "PubMed"),
    ("Revisiting Greedy Decoding for Zorbs", "We propose Greedy Decoding for Zorb Models, which beats sampling.",
     "greedy decoding"),
])
def test_a_catalog_name_opening_a_longer_name_stays_used(title, text, name):
    got = {k.lower(): v for k, v in ents(title, text).items()}
    assert got.get(name.lower(), ("", "used"))[1] == "used"


def test_a_catalog_name_before_its_bracket_and_more_name_stays_used():
    got = ents("Zorb Robots with Gaussian Splatting", "This paper proposes Gaussian splatting (GS) ZorbMR, a zorb system.")
    assert got.get("3D Gaussian Splatting", ("Method", "used"))[1] == "used"
