"""Measures read from their context, generic catalog measures that need one, and the type of a defined name (self-written sentences)."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.extract.catalog import form_variants
from kg.extract.discover import measure_spans
from kg.models import Paper


def _metrics(abstract: str, title: str = "") -> set[str]:
    x = extract_paper(Paper(id="m", title=title, abstract=abstract))
    return {e.name for e in x.entities if e.type == "Metric"}


@pytest.mark.parametrize("text, want", [
    ("It gives a 38X reduction in wake-up time.", ["wake-up time"]),
    ("Under load, queueing delay time decreasing by around 90% was seen.", ["queueing delay time"]),
    ("The probe reaches a parse accuracy of 81.2% on held-out trees.", ["parse accuracy"]),
    ("The probe scores 93.1\\% tagging accuracy.", ["tagging accuracy"]),
    ("The blinking rates are reduced by 12%.", ["blinking rates"]),
    ("It lowers KV memory usage by 3x.", ["KV memory usage"]),
])
def test_measure_in_a_measuring_context(text, want):
    assert [text[s:e] for s, e in measure_spans(text)] == want


@pytest.mark.parametrize("text", [
    "We train with a learning rate of 0.001 and a 16 kHz sampling rate.",
    "The cache cuts wall time by 30% without sacrificing accuracy.",  # only "wall time"
    "We pick a 10% masking ratio.",
])
def test_settings_and_clauses_are_not_measures(text):
    got = [text[s:e] for s, e in measure_spans(text)]
    assert not any(w in g for g in got for w in ("learning", "sampling", "masking", "sacrificing"))


def test_latex_times_is_a_factor():
    assert "memory usage" in _metrics("It yields a $4.8\\times$ reduction in memory usage on 3 GPUs.")


def test_generic_catalog_measure_needs_a_number_and_is_not_a_phase():
    assert "training time" in _metrics("The tool halves training time on 8 GPUs.")
    assert "training time" not in _metrics("The tool changes training time.")
    assert "inference time" not in _metrics("At inference time the 3 heads are merged.")
    assert "inference time" not in _metrics("We study inference time scaling with 4 samplers.")


def test_speedup_is_a_measure_but_not_the_verb_or_a_modifier():
    assert "speedup" in _metrics("FooKV achieves a 2.1x speedup.")
    assert "speedup" not in _metrics("Simple tricks speed up training.")
    assert "speedup" not in _metrics("", title="Speedup Techniques for Foo Planning")


def test_metric_plurals():
    assert form_variants("success rate", "Metric") == ["success rate", "success rates"]
    assert "hallucination rate" in _metrics("It cuts hallucination rates on 3 sets.")


def _types(abstract: str) -> dict[str, str]:
    x = extract_paper(Paper(id="t", title="", abstract=abstract))
    return {e.name: e.type for e in x.entities}


def test_capitalised_long_form_presented_as_new_is_a_method_even_with_a_task_head():
    got = _types("We introduce Mixture of Widget Reasoning (MoWR), a training framework for LLMs.")
    assert got.get("Mixture of Widget Reasoning") == "Method"
    got = _types("Interest grows in the field of Automated Widget Detection (AWD) for factories.")
    assert got.get("Automated Widget Detection") == "Task"
    got = _types("We introduce Long Widget Detection (LWD), a new task on factory videos.")
    assert got.get("Long Widget Detection") == "Task"


def test_dates_sizes_and_techniques_before_dataset_are_not_datasets():
    got = _types("FooChat came out in November 2022 and BarBot in Summer 2024.")
    assert "November 2022" not in got and "Summer 2024" not in got
    got = _types("We publish our SFT dataset and train on the 1B-token dataset and a MMKG-grounded dataset.")
    assert not any(t == "Dataset" for t in got.values()), got
    assert _types("Results on the FooSet and BarQA-2 datasets.") == {"FooSet": "Dataset", "BarQA-2": "Dataset"}


def test_descriptions_study_parts_and_latex_letters_are_not_names():
    got = _types("We study two roles: AI as a research tool (ART) and AI as a research aide (ARA).")
    assert not any(n.startswith(("a ", "an ")) for n in got), got
    got = _types("Hypothesis 2 holds in Cycle 10 of the survey, run on an RTX4090.")
    assert not got, got
    got = _types(r"We propose $\textbf{W}$idget $\textbf{A}$ssistant (WiA), a model for widgets.")
    assert got.get("WiA") == "Method" and not any("  " in n for n in got), got


def test_a_verb_or_preposition_does_not_open_a_task_phrase():
    got = _types("Agents incorporate uncertainty estimation and maximize widget identification on 3 sites.")
    assert not any(n.startswith(("incorporate", "maximize")) for n in got), got


def test_application_areas_in_a_motivating_list_are_not_the_papers_tasks():
    a = ("Widget control finds applications in domains such as autonomous driving and recommendation. "
         "We propose FooCtl for widget detection and show it on 3 sites.")
    got = _types(a)
    assert "autonomous driving" not in got and "recommendation" not in got, got
    a = "We evaluate FooCtl on applications such as object detection and image retrieval with 3 sets."
    assert _types(a).get("object detection") == "Task"


def test_generic_measure_needs_a_number_or_a_named_measure_beside_it():
    assert "precision" not in _metrics("It ships a high-precision GNSS with 2 IMUs.")
    assert "accuracy" not in _metrics("Foo2 improves accuracy on FP8 hardware.")
    got = _metrics("We examine precision, recall and F1-score across thresholds.")
    assert {"precision", "recall", "F1 score"} <= got, got


def test_a_domain_acronym_opens_a_task_phrase_but_a_dataset_or_model_does_not():
    t = "We study CT image denoising and COVID-19 detection, MNIST classification and CNN classification on 3 sites."
    from kg.extract.discover import task_phrases
    got = [t[s:e] for s, e in task_phrases(t)]
    assert "CT image denoising" in got and "COVID-19 detection" in got, got
    assert not any(g.startswith(("MNIST", "CNN")) for g in got), got


def test_a_family_named_once_as_a_modifier_is_no_method():
    x = extract_paper(Paper(id="f", title="", abstract="Existing Transformer-based widget models scale badly. We propose FooNet."))
    assert "Transformer" not in {e.name for e in x.entities}
    x = extract_paper(Paper(id="f", title="", abstract="We propose FooNet, a Transformer with sparse heads."))
    assert "Transformer" in {e.name for e in x.entities}


def test_measures_listed_after_a_measuring_cue_and_a_defined_new_metric():
    got = _metrics("Quality is measured by widget fidelity and temporal consistency on 3 sets.")
    assert {"widget fidelity", "temporal consistency"} <= got, got
    assert "Kinetic Widget Energy" in _metrics("We introduce a new metric, Kinetic Widget Energy (KWE), for smoothness.")


@pytest.mark.parametrize("text, want", [
    ("The tuned planner raises the completion rate from 12% to 61% on the hardest maps.", ["completion rate"]),
    ("After pruning, the refusal rate fell from 30% to 4%.", ["refusal rate"]),
    ("The archive grew from 2019 to 2023.", []),
])
def test_measure_changed_from_one_value_to_another(text, want):
    assert [text[s:e] for s, e in measure_spans(text)] == want


def test_praise_is_no_part_of_a_measure_and_a_number_format_is_no_precision():
    assert _metrics("Our tagger reaches an impressive accuracy of 97.1% on the test split.") == {"accuracy"}
    assert not any("remarkable" in n for n in _metrics("It attains a remarkable model score of 0.91."))
    assert _metrics("Weights move from full precision to 4-bit, and FP8 precision halves memory by 2x.") == set()
    assert _metrics("The detector reaches a precision of 91% and a recall of 88%.") == {"precision", "recall"}


def test_kl_divergence_is_a_measure_only_where_a_value_is_given():
    assert _metrics("The tuned policy keeps a KL divergence of 0.02 from the reference.") == {"Kullback-Leibler divergence"}
    assert _metrics("We minimise the KL divergence between the two distributions.") == set()


def test_a_measure_head_before_function_analysis_or_model_is_no_measure():
    assert _metrics("Closer error analysis shows gaps, and a Bayesian reward function guides FooNet to 91%.") == set()
    assert _metrics("FooNet lowers the Hausdorff distance to 3.1 mm.") == {"Hausdorff distance"}


def test_more_measure_heads_and_a_compared_measure_without_value():
    from kg.extract.discover import measure_spans
    t = "FooNet shows improved caption coherence compared to BarNet and lower reconstruction loss than BazNet."
    assert [t[s:e] for s, e in measure_spans(t)] == ["caption coherence", "reconstruction loss"]
    t = "It increases memory similarity by 12.6% on BarSet."
    assert [t[s:e] for s, e in measure_spans(t)] == ["memory similarity"]
