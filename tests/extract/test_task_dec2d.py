"""Task phrases and their boundaries (round dec2d, 2 Dec); self-written sentences with made-up names."""
from __future__ import annotations

from kg.extract import extract_paper
from kg.extract.discover import cued_task_phrases
from kg.models import Paper


def task_forms(title: str, abstract: str) -> dict[str, set[str]]:
    """Each Task entity's name -> its aliases and mention texts."""
    x = extract_paper(Paper(id="t", title=title, abstract=abstract))
    return {e.name: {*e.aliases, *(m.text for m in e.mentions)} for e in x.entities if e.type == "Task"}


def test_an_abstract_for_phrase_named_before_the_cue_is_a_task():
    t = ("Turnip harvest planning across farms is costly. We propose Zorb, a practical solution for turnip harvest "
         "planning in dense farms.")
    assert [t[s:e] for s, e in cued_task_phrases(t)] == ["turnip harvest planning"]
    # named once, after "for" only: no task
    assert cued_task_phrases("We propose Zorb, a practical solution for turnip harvest planning in dense farms.") == []
