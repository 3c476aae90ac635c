"""The type a discovered name gets from the words around it (Method vs Dataset vs Task)."""
from __future__ import annotations

from kg.extract import extract_paper, field_mentions
from kg.extract.discover import appositive_types, dataset_lists, definition_context, long_form_type, proposal_spans
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


def test_a_score_right_before_on_names_the_dataset_it_was_measured_on():
    t = ("It reaches 1.68 mm on ZorpBones100k, 87.1 % / 0.840 on QUUX-7 and 92.9% on BlargQ. It is 2.95x faster on "
         "ZedLM-7. It runs in 6.68 ms on "
         "Zeta 5090 and has 64 cores on x99-64.")
    assert [t[s:e] for s, e in dataset_lists(t)] == ["ZorpBones100k", "QUUX-7", "BlargQ"]
    # a list holding a catalog model is the models a score was measured with
    t = "It attains 87% on Gemma-7B and FooLM-3."
    i = t.index("Gemma")
    assert [t[s:e] for s, e in dataset_lists(t)] == ["Gemma-7B", "FooLM-3"]
    assert dataset_lists(t, known={(i, i + 8): "Method"}) == []


def _types(title, abstract):
    return [(e.type, e.name, [m.field for m in e.mentions]) for e in extract_paper(Paper(id="t", title=title, abstract=abstract)).entities]


def test_a_name_the_abstract_defines_as_a_dataset_is_that_dataset_in_the_title():
    got = _types("Zorp UNodd: From Odd to Ordinary", "We introduce Zorp UNodd(ZU), a benchmark designed to test models. ZU pairs scenes.")
    assert got == [("Dataset", "Zorp UNodd", ["title", "abstract", "abstract", "abstract"])]


def test_a_name_the_abstract_presents_as_a_task_is_no_method_in_the_title():
    got = _types("Case9Code: Learning Inductive Reasoning", "We focus on synthesis and propose a Case9Code task by exploiting programs.")
    assert ("Task", "Case9Code", ["title", "abstract"]) in got and not any(t == "Method" for t, _, _ in got)


def test_a_dataset_noun_after_the_short_form_outweighs_the_long_forms_head():
    got = _types("", "We leverage the recently introduced Large Zorp Networks (LZN) dataset, which contains 300 networks.")
    assert got == [("Dataset", "Large Zorp Networks", ["abstract", "abstract"])]
    # a dataset noun further on, in an apposition, does not: "large language models (LLMs) is a growing research
    # priority, yet existing benchmarks ..."
    got = _types("", "We use a large language model (LLM) as a generative operator, termed the LLM-driven evolutionary benchmark generator.")
    assert [t for t, n, _ in got if n == "large language model"] == ["Method"]


def test_a_variant_of_a_catalog_model_in_an_evaluation_list_stays_a_method():
    t = "Gains are 45% on Llama-9-2B and 40% on Llama-9-8B."
    ms, _, _ = field_mentions(t, {})
    assert [(t[s:e], ty) for s, e, ty, _ in ms] == [("Llama-9-2B", "Method"), ("Llama-9-8B", "Method")]
    # a dataset named after a method, without a version or with a count of examples, stays a dataset
    t = "Results on Llama-Zed and Llama-57k improve."
    ms, _, _ = field_mentions(t, {})
    assert [(t[s:e], ty) for s, e, ty, _ in ms] == [("Llama-Zed", "Dataset"), ("Llama-57k", "Dataset")]
