"""Task phrases and Task typing (round of 2 Dec); self-written sentences with made-up names."""
from __future__ import annotations

from kg.extract import extract_paper
from kg.extract.discover import task_phrases
from kg.models import Paper


def ents(title: str, abstract: str) -> dict[str, str]:
    x = extract_paper(Paper(id="t", title=title, abstract=abstract))
    return {e.name: e.type for e in x.entities}


def forms(title: str, abstract: str, typ: str = "Task") -> set[str]:
    x = extract_paper(Paper(id="t", title=title, abstract=abstract))
    return {f.lower() for e in x.entities if e.type == typ for f in (e.name, *e.aliases, *(m.text for m in e.mentions))}


def spans(t: str, title: bool = False) -> list[str]:
    return [t[s:e] for s, e in task_phrases(t, title=title)]


def test_modality_to_modality_generation_with_its_acronym_is_a_task():
    # the acronym is the catalog's alias; the long form alone stays no task ("a text-to-image diffusion model" is
    # a model, read as one)
    got = forms("", "Our zorb sampler serves both text-to-video (T2V) and image-to-video (I2V) tasks. T2V is slow.")
    assert "t2v" in got, got
    got = forms("", "We focus on text-to-image (T2I) diffusion models and make zorb training cheap.")
    assert "t2i" in got, got


def test_qa_written_as_one_word_heads_a_task_phrase():
    assert spans("It is strong on multi-hop QA and on long zorb question-answering.") == [
        "multi-hop QA", "long zorb question-answering"]
    assert spans("QA is hard.") == []  # a head with modifiers only


def test_a_definition_right_before_task_or_problem_is_a_task():
    got = ents("", "We define a new Zorb Motion Form Assessment (ZMFA) task and collect videos for it.")
    assert got.get("Zorb Motion Form Assessment") == "Task", got
    got = ents("", "This paper introduces the Hashed Zorb Key Recovery (HZKR) problem. HZKR is hard.")
    assert got.get("Hashed Zorb Key Recovery") == "Task", got
    got = ents("", "We propose a new Zorb Motion Form Assessment (ZMFA) module for it.")
    assert got.get("Zorb Motion Form Assessment") != "Task", got


def test_a_weak_head_opening_a_sentence_as_its_subject_heads_a_task():
    t = "Zorb reasoning in large models aims to mimic experts. Retro zorb planning remains hard. We like planning."
    assert spans(t) == ["Zorb reasoning", "Retro zorb planning"]
    got = ents("", t)
    assert got.get("zorb reasoning") == "Task" and got.get("retro zorb planning") == "Task", got
    # not when something else opens the sentence ("This alignment is ...", "We ... planning")
    assert spans("We study it. This zorb alignment is weak. The plan uses zorb alignment is odd.") == []


def test_a_task_acronym_opening_a_name_does_not_type_the_name():
    from kg.extract import _type_of_name
    # "T2V-Zorb" is no family member of text-to-video generation (a "ResNet-18" is one of ResNet)
    assert _type_of_name("T2V-Zorb")[0] == "Method" and _type_of_name("T2V-ZorbBench")[0] == "Dataset"


def test_embodied_and_capitalised_connector_compounds_are_task_modifiers():
    assert spans("We study embodied zorb navigation.") == ["embodied zorb navigation"]
    t = "ZorbNet: Ego-to-Exo Zorb Error Detection via View Alignment"
    assert spans(t, title=True) == ["Ego-to-Exo Zorb Error Detection"]


def test_a_word_opening_a_clause_is_no_task_modifier():
    assert spans("Since zorb verification is slow, we skip it. Because zorb generation is hard, we wait.") == [
        "zorb verification", "zorb generation"]
