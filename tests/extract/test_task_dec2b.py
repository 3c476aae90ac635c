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
