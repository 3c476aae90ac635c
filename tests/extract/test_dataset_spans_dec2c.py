"""Dataset names (round of 2 Dec, dec2c): a set of models in apposition is no dataset, a count or a range is no
name, a model with its size after "On" is no dataset; self-written sentences with made-up names."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.models import Paper


def types(abstract: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_paper(Paper(id="t", title="", abstract=abstract)).entities}


@pytest.mark.parametrize("text, name", [
    ("We present ZorbMOVES, a comprehensive suite of high-performance, lightweight surrogate models for emissions.",
     "ZorbMOVES"),
    ("In this thesis, we introduce Quxformers, a collection of model efficiency methods for transformers.",
     "Quxformers"),
])
def test_a_suite_of_models_is_a_method(text, name):
    assert types(text).get(name) == "Method"


def test_a_suite_of_tasks_stays_a_dataset():
    assert types("We introduce QuxBench, a suite of 12 tasks for household robots.").get("QuxBench") == "Dataset"


@pytest.mark.parametrize("text, name", [
    ("We study this with a 940,000-chain 11-checkpoint corpus of dialogues.", "000-chain 11-checkpoint"),
    ("On a labeled mixing dataset (Zorb Wallet, 2020-2024), the detector reaches strong accuracy.", "2020-2024"),
    ("QuxLM beats ZorbLM on both 32K and 128K benchmarks.", "32K"),
])
def test_a_count_or_a_range_is_no_dataset(text, name):
    assert name not in types(text)


def test_a_named_dataset_with_a_count_stays():
    got = types("On a labeled mixing dataset (Zorb Wallet, 2020-2024), the detector reaches strong accuracy.")
    assert got.get("Zorb Wallet") == "Dataset"


def test_a_model_with_its_size_after_on_is_no_dataset():
    got = types("We propose MOX. On Zorb-Lm-3.2-8B, MOX extends the context length by 35%.")
    assert got.get("Zorb-Lm-3.2-8B") != "Dataset"
    assert types("We propose MOX. On ZorbQA, MOX reaches 71.2% accuracy.").get("ZorbQA") == "Dataset"
