"""Method classes (round dec2b): spelled-out techniques whose head noun names a technique only in a long form;
self-written sentences with made-up names."""
from __future__ import annotations

import pytest

from tests.extract.test_method_spans_dec1e import ents


@pytest.mark.parametrize("text, name", [
    ("We refine the zorb maps with a Skewed Zorb Transform (SZT) before pooling.", "Skewed Zorb Transform"),
    ("The zorb score is then estimated with Zorb-weighted Average Approximation (ZAA).",
     "Zorb-weighted Average Approximation"),
    ("Each zorb is encoded by Quxian Zorb Circuits (QZCs) with a small head.", "Quxian Zorb Circuits"),
    ("We model zorb goals by a Zorb Preference Automaton (ZPA) over the runs.", "Zorb Preference Automaton"),
    ("Candidates are re-ranked with zorb-personalized pagerank (ZPPR) on the graph.", "zorb-personalized pagerank"),
])
def test_a_technique_long_form_is_a_method(text, name):
    assert ents("", text).get(name, ("", ""))[0] == "Method"


@pytest.mark.parametrize("text, name", [
    ("We cast zorb allocation as a Mixed Zorb Quadratic Programming (MZQP) problem and solve it.",
     "Mixed Zorb Quadratic Programming"),
])
def test_a_formulation_named_as_the_problem_is_a_task(text, name):
    assert ents("", text).get(name, ("", ""))[0] == "Task"


@pytest.mark.parametrize("text, name", [
    ("The zorb encoder merges both views by early fusion before the head.", "early fusion"),
    ("We shrink QuxNet by channel pruning and train it with reward shaping.", "channel pruning"),
    ("We shrink QuxNet by channel pruning and train it with reward shaping.", "reward shaping"),
    ("Zorb tokens are reduced by token merging and local attention in each block.", "token merging"),
    ("Zorb tokens are reduced by token merging and local attention in each block.", "local attention"),
    ("Spectra are taken with the short-time Fourier transform of each zorb signal.", "short-time Fourier transform"),
])
def test_a_well_known_technique_in_lower_case_is_a_method(text, name):
    assert ents("", text).get(name, ("", ""))[0] == "Method"


@pytest.mark.parametrize("text, name, role", [
    ("We exploit the spread of zorbs and introduce zorb dual-headed attention (ZDHA) for the encoder.",
     "zorb dual-headed attention", "proposed"),
    ("We collect a zorb corpus, and propose Zorb Retrieval ON Graphs (ZRONG) to narrow the candidates.",
     "Zorb Retrieval ON Graphs", "proposed"),
    ("Prior work tunes QuxNet and then introduces a Zorb Adapter (ZA) to it.", "Zorb Adapter", "used"),
])
def test_a_proposal_verb_coordinated_with_we_makes_the_name_proposed(text, name, role):
    assert ents("", text).get(name, ("", ""))[1] == role


@pytest.mark.parametrize("text, word", [
    ("QuxNet gains 3.1 points over ZorbNet (95% CI: [1.2, 5.0]) on the zorb quiz.", "CI"),
    ("QuxNet tracks zorbs across CCTV feeds stored in a GIS layer.", "CCTV"),
])
def test_a_common_abbreviation_is_no_method(text, word):
    assert word not in ents("", text)
