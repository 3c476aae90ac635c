"""Task phrases (round dec2c, 2 Dec); self-written sentences with made-up names."""
from __future__ import annotations

from kg.extract import extract_paper
from kg.extract.discover import task_phrases
from kg.models import Paper


def phrases(t: str, title: bool = False) -> list[str]:
    return [t[s:e] for s, e in task_phrases(t, title=title)]


def tasks(title: str, abstract: str) -> list[str]:
    return sorted(e.name for e in extract_paper(Paper(id="t", title=title, abstract=abstract)).entities
                  if e.type == "Task")


def test_an_acronym_no_catalog_knows_opens_a_task_phrase():
    t = "We train Zorb for TWY prediction in turbines and for automated QRK detection."
    assert phrases(t) == ["TWY prediction", "QRK detection"]
    # a model family's acronym is the means, not the domain
    assert phrases("The CNN classification of turnips is fast.") == []


def test_an_acronym_the_paper_types_as_its_method_or_a_title_as_the_means_is_cut_from_the_task():
    ab = ("We present the Zorbic Turnip Network (ZTN). Previous methods for ZTN segmentation are slow, "
          "while ZTN segmentation is needed. We also improve TWY prediction for turbines; TWY prediction is hard.")
    got = tasks("Zorb: Turnip Sizing", ab)
    assert "TWY prediction" in got and not any(n.startswith("ZTN") for n in got)
    # in a title, after "with", it is the means too
    assert tasks("Zorb: Turnip Markets with QVB Forecasting and Sales", "We sell turnips with Zorb.") == []


def test_title_for_phrase_headed_by_modeling_perception_diagnosis_or_management_is_a_task():
    from kg.extract.discover import cued_task_phrases

    def cued(t: str) -> list[str]:
        return [t[s:e] for s, e in cued_task_phrases(t, title=True)]
    assert cued("Zorbix: Graph Tokens for Turnip Growth Modeling") == ["Turnip Growth Modeling"]
    assert cued("Zorbix: Radar Fusion for Cooperative Barn Perception in Farms") == ["Cooperative Barn Perception"]
    assert cued("A Graph Model for Turnip Blight Diagnosis") == ["Turnip Blight Diagnosis"]
    assert cued("Agents for Turnip Warehouse Management, Pricing, and Sales") == ["Turnip Warehouse Management"]
    assert cued("A Model for Modeling") == []  # no modifier: no named problem


def test_a_data_based_modifier_stays_in_the_task_phrase():
    assert phrases("We study sketch-based turnip retrieval and EEG-based barn recognition.") == [
        "sketch-based turnip retrieval", "EEG-based barn recognition"]
    # a model or technique "-based" is the means; a data "-based" alone before the head names no kind
    assert phrases("We use transformer-based turnip retrieval and video-based detection.") == ["turnip retrieval"]


def test_prepositions_before_after_vs_are_no_task_modifiers():
    assert phrases("Labels are mixed before turnip synthesis and after barn detection.") == [
        "turnip synthesis", "barn detection"]
    assert phrases("Zorb: Knowledge vs Reasoning", title=True) == []


def test_a_sentence_subject_that_aims_at_something_is_a_task():
    from kg.extract.discover import cued_task_phrases
    t = ("Turnip head swapping aims to move heads. Barn path sweeping (BPS) is the problem of cleaning. "
         "The zorb model aims to be fast, and we say turnip hopping aims at speed.")
    assert [t[s:e] for s, e in cued_task_phrases(t)] == ["Turnip head swapping", "Barn path sweeping"]
