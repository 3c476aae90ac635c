"""The type a discovered name gets from the words around it (Method vs Dataset vs Task)."""
from __future__ import annotations

from kg.extract import extract_paper
from kg.extract.discover import appositive_types, definition_context, long_form_type, proposal_spans
from kg.models import Paper


def spans(t, names):
    return [(t.index(n), t.index(n) + len(n)) for n in names]


def test_a_hyphenated_modifier_is_no_kind_noun():
    # "model-agnostic", "task-specific", "score-based" describe the head that follows; they are not the head
    t = "We introduce FooZle, a model-agnostic benchmark of prompts. BarLens, a task-specific network, helps."
    assert list(appositive_types(t, spans(t, ["FooZle", "BarLens"])).values()) == ["Dataset", "Method"]
    assert [(t[s:e], ty) for s, e, ty in proposal_spans(t)] == [("FooZle", "Dataset")]
    t = "We propose Zip Quux (ZQ), a score-based framework for denoising."
    assert definition_context(t, 11, 23)[0] == "Method"


def test_a_dataset_head_before_a_preposition_heads_the_long_form():
    x = extract_paper(Paper(id="b", title="", abstract="We propose a Zorp Benchmark for Code Repair (ZBCR) with 900 bugs."))
    assert [(e.type, e.name) for e in x.entities if e.name.startswith("Zorp")] == [("Dataset", "Zorp Benchmark for Code Repair")]
    assert long_form_type("Graph Network for Traffic Forecasting") == "Task"  # method and task heads there: no change


def test_an_acronym_in_brackets_inside_the_description():
    t = "We build FooZle-10K, a synthetic visual question answering (VQA) dataset of 10k triples."
    assert list(appositive_types(t, spans(t, ["FooZle-10K"])).values()) == ["Dataset"]
    assert [ty for _, _, ty in proposal_spans(t)] == ["Dataset"]
