"""A family named in the title only, a new name described by its data count or by the noun phrase before its
bracket (round of 1 Dec, midday); self-written sentences with made-up names."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.models import Paper


def ents(title: str, abstract: str) -> dict[str, tuple[str, str | None]]:
    x = extract_paper(Paper(id="t", title=title, abstract=abstract))
    return {e.name: (e.type, e.role) for e in x.entities}


@pytest.mark.parametrize("title", ["A Tiny Transformer for Counting Zorbs", "Adapting Pre-trained Transformers to Zorb Video"])
def test_a_family_named_in_the_title_only_is_no_method(title):
    got = ents(title, "We present QuxCount, a compact counter that needs no point labels, and test it on three zorb sets.")
    assert "Transformer" not in got and "QuxCount" in got, got


def test_a_family_in_the_title_stays_with_a_qualifier_the_abstract_repeats():
    got = ents("On the Power of the Looped Transformer",
               "We study the looped transformer and show that a looped transformer can emulate zorb iterations.")
    assert got.get("Transformer", ("",))[0] == "Method", got


def test_a_family_in_the_title_and_the_abstract_stays():
    got = ents("A Transformer for Zorbs", "We train a Transformer on zorb sequences and compare it with an LSTM.")
    assert got.get("Transformer", ("",))[0] == "Method", got


@pytest.mark.parametrize("text", [
    "To this end we build ZorbQA, which contains 12k question-answer pairs over tables.",
    "We release ZorbQA, consisting of 5,000 annotated images of birds.",
    "We curate ZorbQA that comprises over 800 dialogues with tutors.",
])
def test_a_new_name_described_by_a_count_of_data_items_is_a_dataset(text):
    assert ents("", text + " Ten detectors are tested.").get("ZorbQA") == ("Dataset", "proposed")


def test_a_new_name_with_a_count_of_parts_stays_a_method():
    assert ents("", "We propose ZorbNet, which contains 3 modules for denoising.").get("ZorbNet", ("",))[0] == "Method"


@pytest.mark.parametrize("text, typ", [
    ("We construct a large-scale dataset of annotated recipes (ZorbSet) and train models on it.", "Dataset"),
    ("We introduce a benchmark for code repair (ZorbFix) and test agents on it.", "Dataset"),
    ("We propose a novel retrieval framework for long videos (ZorbRet) and test it.", "Method"),
])
def test_a_bracketed_name_after_a_headed_noun_phrase_is_the_papers_own_of_that_kind(text, typ):
    name = text.split("(")[1].split(")")[0]
    assert ents("", text).get(name) == (typ, "proposed")


def aliases(abstract: str) -> dict[str, tuple[str, ...]]:
    x = extract_paper(Paper(id="q", title="", abstract=abstract))
    return {e.name: e.aliases for e in x.entities if e.type == "Method"}


@pytest.mark.parametrize("text, alias", [
    ("We adapt the video diffusion transformer to zorb clips.", "video diffusion transformer"),
    ("Visual instruction tuning of zorb models helps. We study it.", "Visual instruction tuning"),
    ("A graph contrastive learning objective is added to ZorbNet.", "graph contrastive learning"),
])
def test_a_kind_of_data_before_a_lower_case_catalog_method_is_an_alias(text, alias):
    assert any(alias in a for a in aliases(text).values()), aliases(text)


@pytest.mark.parametrize("text", [
    "We leverage contrastive learning for zorbs.",           # a verb
    "A standard diffusion transformer is our baseline.",     # a describing word
    "We train a deep video diffusion transformer on zorbs.",  # one of several describing words
])
def test_no_alias_from_a_verb_or_a_describing_word(text):
    got = aliases(text)
    assert not any(" " in a and a.split()[0].lower() in ("leverage", "standard", "video") for v in got.values() for a in v), got


def test_a_symmetry_group_and_a_setting_are_no_method_names():
    got = ents("", "We build SE(3)-equivariant networks and an SO(3) layer for zero-shot sim2real transfer, "
                   "and compare them with an AR(1) model.")
    assert not {"SE", "SO", "sim2real"} & set(got) and "AR" in got, got
