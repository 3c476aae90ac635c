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


def test_a_qualified_task_takes_the_shorter_form_the_paper_restates_it_by():
    got = task_forms("Zorb: Agents for Autonomous Turnip Barn Scheduling",
                     "Turnip barn scheduling is a hard problem. We propose Zorb and test it on real farms.")
    assert got == {"autonomous turnip barn scheduling": {"Autonomous Turnip Barn Scheduling", "Turnip barn scheduling"}}
    # the shorter form inside a longer phrase, or continued by a noun, is no restatement
    got = task_forms("Zorb: Agents for Autonomous Turnip Barn Scheduling",
                     "We propose Zorb, tested on many turnip barn scheduling logs from real farms.")
    assert got == {"autonomous turnip barn scheduling": {"Autonomous Turnip Barn Scheduling"}}


def test_a_restated_form_is_not_taken_when_two_phrases_or_another_type_claim_it():
    from kg.extract import _restated_tasks
    from kg.models import Mention

    def rec(name: str, start: int) -> dict:
        return {"name": name, "mentions": [Mention(name, start, start + len(name), "abstract", 0)], "aliases": set()}

    t = "We study toxic turnip barn scheduling and fake turnip barn scheduling. Turnip barn scheduling is hard."
    ents = {("Task", "a"): rec("toxic turnip barn scheduling", 9), ("Task", "b"): rec("fake turnip barn scheduling", 42)}
    _restated_tasks(ents, {"title": "", "abstract": t}, {"title": [], "abstract": [(0, 70), (71, len(t))]})
    assert [r["aliases"] for r in ents.values()] == [set(), set()]
    # "reinforcement learning" stands for the paradigm, not for this task
    t = "We study offline turnip-barn reinforcement learning. Reinforcement learning is hard."
    ents = {("Task", "a"): rec("offline turnip-barn reinforcement learning", 9)}
    _restated_tasks(ents, {"title": "", "abstract": t}, {"title": [], "abstract": [(0, 52), (53, len(t))]})
    assert ents[("Task", "a")]["aliases"] == set()
    # one phrase alone takes it
    t = "We study toxic turnip barn scheduling. Turnip barn scheduling is hard."
    ents = {("Task", "a"): rec("toxic turnip barn scheduling", 9)}
    _restated_tasks(ents, {"title": "", "abstract": t}, {"title": [], "abstract": [(0, 38), (39, len(t))]})
    assert ents[("Task", "a")]["aliases"] == {"Turnip barn scheduling"}


def test_a_modifier_before_a_catalog_task_and_a_system_noun_stays_with_the_task():
    got = task_forms("Zorb", "We evaluate deformable image registration methods on turnip scans. Zorb is fast.")
    assert any("deformable image registration" in forms for forms in got.values())
    # the kind of model is no kind of task
    got = task_forms("Zorb", "We evaluate lightweight image registration models on turnip scans. Zorb is fast.")
    assert not any("lightweight image registration" in forms for forms in got.values())
