"""Task phrases a title names as its topic (round dec2d, 2 Dec); self-written titles with made-up names."""
from __future__ import annotations

from kg.extract import extract_paper
from kg.extract.discover import title_topic_phrases
from kg.models import Paper


def topic(t: str) -> list[str]:
    return [t[s:e] for s, e in title_topic_phrases(t)]


def tasks(title: str, abstract: str) -> list[str]:
    return sorted(e.name for e in extract_paper(Paper(id="t", title=title, abstract=abstract)).entities
                  if e.type == "Task")


def test_a_title_opening_with_an_activity_before_the_means_names_its_task():
    assert tasks("Turnip Elicitation with Zorbic Sieves", "We sort turnips.") == ["turnip elicitation"]
    assert tasks("Zorbix: Consistent Barn Conjecturing from One Image", "We use Zorbix.") == ["barn conjecturing"]
    # after a verb that says what the paper does to the task, or "Towards"
    assert topic("Re-understanding Turnip Unlearning through Sieves") == ["Turnip Unlearning"]
    assert topic("Benchmarking Turnip Unlearning in Barns") == ["Turnip Unlearning"]
    assert topic("Zorb: Towards Practical Turnip Abduction via Sieves") == ["Turnip Abduction"]
    # after the title's colon, also at the title's end
    assert topic("Zorbix: Neural Turnip Transduction") == ["Neural Turnip Transduction"]


def test_a_title_phrase_that_is_the_means_a_technique_or_a_happening_is_no_task():
    assert topic("Zorbix: Adaptive Turnip Skipping for Barn Retrieval") == []  # before "for": the means
    assert topic("Turnip Conjecturing: A Study of Barns") == []  # the name before the colon
    assert topic("Zorbix: Barn Noise Injection with Sieves") == []  # a technique
    assert topic("Turnip Membrane Degradation in Barns") == []  # what happens, not what is done
    assert topic("Modeling Turnip Abduction in Barns") == []  # "Modeling X": X is no task
    assert topic("Zorbix: A Systematic Analysis with Sieves") == []  # no kind of analysis
    assert topic("Multi Robots Turnip Planning in Barns") == []  # cut at a plural: no sure left edge
    assert topic("Robust ZQ Turnip Fingerprinting with Sieves") == []  # an unknown acronym may name the method
