"""Task phrases with an open head where the text announces a task (kg.extract.discover.cued_task_phrases)."""

from kg.extract import extract_paper
from kg.extract.discover import catalog_task_heads, cued_task_phrases, open_task_head, task_phrases
from kg.models import Paper


def _spans(text: str, title: bool = False) -> list[str]:
    return [text[s:e] for s, e in cued_task_phrases(text, title=title)]


def _tasks(title: str, abstract: str) -> set[str]:
    x = extract_paper(Paper(id="t", title=title, abstract=abstract))
    return {e.name for e in x.entities if e.type == "Task"}


def test_open_heads_are_nominalisations_of_an_activity():
    assert all(open_task_head(w) for w in ["scheduling", "geolocation", "personalization", "auditing", "staging",
                                           "question-answering", "reasoning"])
    # things, qualities, a method's means, fields, and what goes wrong are no task heads
    assert not any(open_task_head(w) for w in ["sentiment", "performance", "training", "attention", "sensing",
                                               "observation", "distortion", "fine-tuning", "learning", "accuracy",
                                               "model", "ensemble"])


def test_after_the_task_of_and_tasks_such_as_with_the_coordinated_phrases():
    t = ("We study the task of multi-singer separation. It helps tasks such as network scanning, service "
         "fingerprinting and vulnerability scanning, and the problem of pivot table diversification.")
    assert _spans(t) == ["multi-singer separation", "network scanning", "service fingerprinting",
                         "vulnerability scanning", "pivot table diversification"]


def test_before_tasks_only_when_the_task_noun_closes_the_phrase():
    assert _spans("It is tested on fault delineation tasks, and on ECG interpretation tasks such as X.") == [
        "fault delineation", "ECG interpretation"]
    assert _spans("Routers ignore evolving task requirements.") == []
    assert _spans("It solves the catastrophic forgetting problem.") == []  # a problem, no task
    # a count, a time or a verb opening the phrase is no modifier
    assert _spans("We run seven question-answering tasks and future deduplication tasks.") == []
    assert _spans("It beats them on multi-hop question-answering tasks.") == ["multi-hop question-answering"]


def test_in_a_title_after_for_when_the_phrase_ends_a_part_of_the_title():
    assert _spans("Deep Learning for Breast Cancer Subtyping", title=True) == ["Breast Cancer Subtyping"]
    assert _spans("A Framework for Crop-Rotation Field Scheduling: a Study", title=True) == ["Crop-Rotation Field Scheduling"]
    assert _spans("Rewards for Lift Regulation in Disturbed Flows", title=True) == ["Lift Regulation"]
    assert _spans("Foundation Models for Remote Sensing", title=True) == []  # a field
    assert _spans("Policy Optimization for Mitigating Language Confusion in LLMs", title=True) == []  # after a verb
    assert _spans("Tokens for Field Scheduling Agents", title=True) == []  # no end of the phrase: a modifier
    assert _spans("We use FooNet for field scheduling.") == []  # in an abstract only for a phrase named again


def test_in_an_abstract_after_for_or_address_when_the_phrase_is_named_again():
    t = ("We present FooNet for crop rotation planning. Crop rotation planning matters; BarNet addresses parcel "
         "label annotation, and parcel label annotation in cities. We also use it for fair queue reasoning.")
    assert _spans(t) == ["crop rotation planning", "parcel label annotation"]  # the last phrase is named once
    # a verb after the cue, a phrase that does not end there, a head that names no activity, and a head no
    # catalog task has ("scheduling": a task after "the task of", not after "for") are no tasks
    t = ("It is a tool for improving parcel planning, parcel planning matters. It is for parcel planning costs. "
         "Baselines for data corruption fail, yet data corruption is common. It is for field scheduling; field "
         "scheduling is hard.")
    assert _spans(t) == []
    # named again in the paper, the phrase reaches the entities
    assert "parcel planning" in _tasks("FooNet", "We propose FooNet for parcel planning. It makes parcel planning fast.")


def test_catalog_task_heads_are_heads_of_known_tasks():
    heads = catalog_task_heads()
    assert {"reasoning", "planning", "alignment", "segmentation"} <= heads
    assert not heads & {"steering", "lighting", "coupling", "training", "learning", "sentiment", "making", "solving"}


def test_cued_phrases_reach_the_entities():
    got = _tasks("FooNet for Crop-Rotation Field Scheduling", "We propose FooNet. It beats BarNet on loop invariant conjecturing tasks.")
    assert {"crop-rotation field scheduling", "loop invariant conjecturing"} <= got


def test_a_noun_in_ly_is_a_modifier_of_a_task_phrase():
    t = "We study supply chain forecasting, video anomaly detection and weakly supervised crowd counting."
    assert [t[s:e] for s, e in task_phrases(t)] == ["supply chain forecasting", "video anomaly detection",
                                                   "weakly supervised crowd counting"]


def test_a_count_word_is_no_modifier():
    t = "Across a dozen visual manipulation tasks and six out-of-distribution reasoning tasks, and twelve crowd counting sets."
    assert [t[s:e] for s, e in task_phrases(t)] == ["visual manipulation", "out-of-distribution reasoning", "crowd counting"]
