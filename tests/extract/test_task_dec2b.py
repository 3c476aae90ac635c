"""Task phrases (round dec2b, 2 Dec); self-written sentences with made-up names."""
from __future__ import annotations

from kg.extract.discover import cued_task_phrases, task_phrases


def cued(t: str, title: bool = False) -> list[str]:
    return [t[s:e] for s, e in cued_task_phrases(t, title=title)]


def test_title_phrase_after_the_colon_with_a_known_task_head_is_a_task():
    assert cued("Zorbix: Consistent Turnip Weight Prediction from a Single Photo", title=True) == [
        "Turnip Weight Prediction"]
    assert cued("Zorbix: Towards Practical Cave Map Compression via One Model", title=True) == [
        "Cave Map Compression"]
    # a head no known task has names a means ("Two-Step Projection"); with "for", the task follows it
    assert cued("Zorbix: Two-Step Projection with Guarantees", title=True) == []
    assert cued("Zorbix: Adaptive Token Correction for Turnip Counting", title=True) == ["Turnip Counting"]


def test_prepositions_against_and_under_are_no_task_modifiers():
    t = "Zorb Patches Against Lane Detection Under Fog Segmentation"
    assert [t[s:e] for s, e in task_phrases(t, title=True)] == ["Lane Detection", "Fog Segmentation"]


def test_title_phrase_in_learning_names_what_is_learnt_as_a_task():
    assert cued("Zorbix: Turnip Skill Learning from Farm Videos", title=True) == ["Turnip Skill Learning"]
    assert cued("A Sampler for Cave Map Graph Learning in Mines", title=True) == ["Cave Map Graph Learning"]
    # how it learns is a method; a setting of a task it names is no new task
    assert cued("Zorbix: Supervised Contrastive Learning with Turnips", title=True) == []
    assert cued("Zorbix: Masks for Turnip Question Answering Continual Learning", title=True) == []


def test_title_learning_task_is_not_retyped_as_the_catalog_method_it_ends_in():
    from kg.extract import extract_paper
    from kg.models import Paper
    x = extract_paper(Paper(id="t", title="Zorb Recovery for Attribute Missing Graph Learning in Farms",
                            abstract="We recover attributes with Zorb."))
    assert {e.name: e.type for e in x.entities}.get("attribute missing graph learning") == "Task"


def test_title_for_phrase_headed_by_optimization_search_or_assessment_is_a_task():
    assert cued("Zorbix: Swarms for Turnip Portfolio Optimization", title=True) == ["Turnip Portfolio Optimization"]
    assert cued("Zorbix: Tokens for Cave Map Search via Graphs", title=True) == ["Cave Map Search"]
    assert cued("A Metric for Turnip Realism Assessment", title=True) == ["Turnip Realism Assessment"]
    assert cued("A Model for Optimization", title=True) == []  # no modifier: no named problem
    assert cued("Zorbix: Turnip Optimization with Swarms", title=True) == []  # after the colon: a means
