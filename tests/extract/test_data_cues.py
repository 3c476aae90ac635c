"""Names the text treats as data (Dataset, not Method) and measure words that only modify a noun (no Metric).

All sentences are written for these tests.
"""
from __future__ import annotations

from kg.extract import _type_of_name, extract_paper
from kg.extract.discover import appositive_types, proposal_spans
from kg.models import Paper


def _spans(t, names):
    return [(t.index(n), t.index(n) + len(n)) for n in names]


def _typed(abstract: str, title: str = "") -> dict[str, tuple[str, str | None]]:
    x = extract_paper(Paper(id="t", title=title, abstract=abstract))
    return {e.name: (e.type, e.role) for e in x.entities}


def test_a_count_of_data_items_makes_a_name_a_dataset():
    t = "In all, ZorpQ contains 3,658 QA pairs. ZorpData comprises over 12K annotated images. BarNet includes 3 modules."
    got = appositive_types(t, _spans(t, ["ZorpQ", "ZorpData", "BarNet"]))
    assert list(got.values()) == ["Dataset", "Dataset"]  # a count of QA pairs, of images; modules are no data
    got = _typed("We introduce FlurBo, a capture pipeline. FlurBo contains 1,020 videos of surgery scenes.")
    assert got["FlurBo"] == ("Dataset", "proposed")
    # a count of parts of a model is no data
    assert _typed("We propose GlimNet, a model. GlimNet consists of 4 stacked blocks.")["GlimNet"][0] == "Method"


def test_a_colon_apposition_types_the_name():
    t = "We introduce and release ZorPo: a labelled dataset of 795 matches."
    assert list(appositive_types(t, _spans(t, ["ZorPo"])).values()) == ["Dataset"]
    assert [(t[s:e], ty) for s, e, ty in proposal_spans(t)] == [("ZorPo", "Dataset")]
    t = "We present BlorfNet: a network for dataset distillation."
    assert [ty for _, _, ty in proposal_spans(t)] == ["Method"]


def test_a_method_word_describing_a_dataset_head_is_no_head():
    t = "We test on QuuxTraffic-24, a recently released, large real-world network traffic dataset from one provider."
    assert list(appositive_types(t, _spans(t, ["QuuxTraffic-24"])).values()) == ["Dataset"]
    t = "We present Zibble, a novel, large-scale C++ compilation error dataset built from logs."
    assert [ty for _, _, ty in proposal_spans(t)] == ["Dataset"]
    t = "We present Zibble, a network trained on ten datasets."
    assert [ty for _, _, ty in proposal_spans(t)] == ["Method"]
    assert list(appositive_types(t, _spans(t, ["Zibble"])).values()) == ["Method"]


def test_a_name_ending_in_a_dataset_head_or_a_count_of_thousands_is_a_dataset():
    t = "We introduce Quux Counting Benchmark (QCB) to test models. We release Zorp-AI-Benchmark, the first public test-bed."
    assert [(t[s:e], ty) for s, e, ty in proposal_spans(t)] == [("Quux Counting Benchmark", "Dataset"),
                                                                  ("Zorp-AI-Benchmark", "Dataset")]
    assert _type_of_name("FlurbCase-200K")[0] == "Dataset" and _type_of_name("Zorp-E-1.5k")[0] == "Dataset"
    assert _type_of_name("FooLM-600M")[0] == "Method" and _type_of_name("FooLM-7B")[0] == "Method"


def test_a_dataset_long_form_in_brackets_after_a_proposed_name():
    got = _typed("To benchmark detectors, we introduce QUB (Quux detection Unified Benchmark), which merges older sets.")
    assert got["QUB"] == ("Dataset", "proposed")


def test_a_measure_naming_the_data_or_study_it_modifies_is_no_metric():
    def metrics(t):
        return {n for n, (ty, _) in _typed(t).items() if ty == "Metric"}
    assert "energy consumption" not in metrics("Through evaluations on energy consumption datasets, FooNet is 15% better.")
    assert "perplexity" not in metrics("Baselines such as perplexity analysis fail on 3 of 5 sets.")
    assert "energy consumption" in metrics("FooNet cuts energy consumption by 40% on 3 sets.")
    assert "latency" in metrics("FooNet gives a 30% latency reduction on 3 sets.")


def test_no_apposition_after_a_title_colon_and_no_dataset_from_a_framework_and_dataset():
    x = extract_paper(Paper(id="t", title="Team Quux at ZorpEval-2031: A Two-Stage Pipeline for Argument Mining",
                            abstract="ZorpEval-2031 is a shared task on argument mining."))
    assert not any(e.type == "Method" and e.name == "ZorpEval-2031" for e in x.entities)
    t = "We propose ZorpSpatial, a learning framework and benchmark for location encoding."
    assert [ty for _, _, ty in proposal_spans(t)] == ["Method"]


def test_a_dataset_noun_farther_before_called_names_what_the_name_is():
    t = "We introduce a real-world surgical image restoration dataset covering laparoscopic scenes, called ZorpClean, for it."
    assert [(t[s:e], ty) for s, e, ty in proposal_spans(t)] == [("ZorpClean", "Dataset")]
    t = "We collect a dataset of images in the wild, named QuuxWild. It helps."
    assert [ty for _, _, ty in proposal_spans(t)] == ["Dataset"]
    # a method noun after it, a compound ("dataset distillation") or a comma clause in between: no dataset
    for t in ("We collect a dataset and train a model on it, called FooM.", "We propose a method for dataset distillation, "
              "called DistFoo.", "Given a dataset of images, we design a new detector for crowded scenes, dubbed FooDet."):
        assert [ty for _, _, ty in proposal_spans(t)] == ["Method"]
    assert proposal_spans("We study so-called Zorp-like problems in games.") == []
