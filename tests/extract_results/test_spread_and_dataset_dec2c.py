"""Results of the round of 2 Dec (dec2c): a value with its spread ("98 ± 2%", "90.85 +- 2.22%"); self-written
sentences with made-up names."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.models import Paper


def results(abstract: str):
    return [(r.value, r.unit, r.metric) for r in extract_paper(Paper(id="t", title="", abstract=abstract)).results]


@pytest.mark.parametrize("text, want", [
    ("QuxNet reaches a Dice score of 98 ± 2% on the ZorbMR set.", [("98", "%", "Dice coefficient")]),
    ("QuxNet reaches test accuracies of 90.85 +- 2.22%, 98.64 +- 2.43% and 99.92 +- 0.08% on three organs.",
     [("90.85", "%", "accuracy"), ("98.64", "%", "accuracy"), ("99.92", "%", "accuracy")]),
    ("QuxNet reaches Dice scores of 98+-2% for the organ and 81+-28% for the lesions.",
     [("98", "%", "Dice coefficient"), ("81", "%", "Dice coefficient")]),
    ("QuxNet reaches a mean absolute error of 32 $\\pm$ 10.4 on the ZorbCT scans.", [("32", None, "mean absolute error")]),
])
def test_the_spread_after_a_plus_minus_sign_is_no_result(text, want):
    assert results(text) == want


def test_a_signed_gain_is_still_a_result():
    assert results("QuxNet improves F1 by +2.1% over ZorbNet.") == [("2.1", "%", "F1 score")]


def datasets(abstract: str):
    return [(r.value, r.dataset) for r in extract_paper(Paper(id="t", title="", abstract=abstract)).results]


@pytest.mark.parametrize("text, want", [
    ("We study a logistic regression on the UCI Zorb dataset (178 samples). Plain gradient descent achieves 92.59 "
     "percent mean test accuracy.", [("92.59", "UCI Zorb")]),
    ("Using the Zorb City V2 (Z-City) dataset, we identify three informative bands. Quantitative results are good. "
     "The bands yield improvements of 70.24% and 528.46% for dissimilarity.",
     [("70.24", "Zorb City V2"), ("528.46", "Zorb City V2")]),
])
def test_the_one_dataset_used_carries_to_later_values(text, want):
    assert datasets(text) == want


@pytest.mark.parametrize("text, want", [
    ("We train a diffusion model on data from the ZorbSet database. Many designs show less than 5% deviation.",
     [("5", None)]),
    ("We evaluate QuxNet on the ZorbTraj dataset. On a crystal relaxation task, it is 2.5x faster.",
     [("2.5", None)]),
    ("Using the ZorbSpeech dataset, we tune QuxASR. Furthermore, QuxTalk keeps an average delay of 4.9 seconds.",
     [("4.9", None)]),
    ("We evaluate QuxNet on the ZorbBench benchmark. On GPT training optimization, QuxNet is 1.9x faster.",
     [("1.9", None)]),
])
def test_no_carry_from_training_data_nor_into_another_setting(text, want):
    assert datasets(text) == want


def test_a_part_of_the_same_data_keeps_the_carry():
    t = "We evaluate QuxNet on the ZorbBench benchmark. On a class-balanced test set, QuxNet reaches 87.6% accuracy."
    assert datasets(t) == [("87.6", "ZorbBench")]


def test_two_datasets_then_two_values_far_after():
    t = ("Comprehensive experiments on the ZRW and ZRW1000 datasets confirm the superiority of QuxSyncNet, achieving "
         "new state-of-the-art accuracies of 92.0% and 60.7% Top-1 ACC.")
    assert datasets(t) == [("92.0", "ZRW"), ("60.7", "ZRW1000")]


@pytest.mark.parametrize("text, value", [
    ("QuxNet achieves up to a 1.96 times end-to-end speedup over GPU kernels.", "1.96"),
    ("QuxNet achieves a speedup of approximately 46 times on large clusters.", "46"),
    ("QuxNet reduces the mean-squared error by roughly 200x on all fields.", "200"),
    ("QuxNet brings FLOPs savings: 3.7x overall.", "3.7"),
    ("On ZorbRoutes, QuxNet gives 1.9x and 3.1x improvements in speed.", "1.9"),
])
def test_a_factor_with_its_measure_a_little_farther(text, value):
    assert value in [v for v, _, _ in results(text)]


def test_a_factor_of_a_setting_is_no_result():
    assert results("We train QuxNet on 8x A100 GPUs for two days.") == []
