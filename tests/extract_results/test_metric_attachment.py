"""Which metric a result value takes (issue 4, round of 1 Dec late morning): bare "by <value>" of a comparison,
gapped coordination, a changed quantity's Metric, metric lists before value lists, a compared value's metric.
Sentences written for these tests."""

from __future__ import annotations

import re

from kg.extract.results import find_results


def run(text: str, **kinds: list[str]) -> list[tuple[str, str | None]]:
    ments = sorted((m.start(), m.end(), typ, n) for typ, names in kinds.items() for n in names
                   for m in re.finditer(re.escape(n), text))
    sents, start = [], 0
    for m in re.finditer(r"\.\s+(?=[A-Z])|\.$", text):
        sents.append((start, m.start() + 1))
        start = m.end()
    return [(r.value, r.metric) for r in find_results(text, sents, ments)]


def test_bare_by_of_a_comparison_takes_the_clause_metric():
    t = "On the QLab benchmark, our agent reaches an overall score of 0.71, improving over the strongest baseline by 35%."
    assert run(t) == [("0.71", "overall score"), ("35", "overall score")]
    t = "Our agent reaches 93.1% exact match on the test split and outperforms the runner-up by 2.4%."
    assert run(t, Metric=["exact match"]) == [("93.1", "exact match"), ("2.4", "exact match")]


def test_bare_by_with_two_metrics_or_own_object_is_not_stated():
    t = "Our agent reaches 0.412 mean overlap and 0.633 recall, surpassing prior agents by 6%."
    assert run(t, Metric=["recall"]) == [("0.412", "mean overlap"), ("0.633", "recall"), ("6", None)]
    t = "Our parser reaches 91.0% accuracy; the compact probe beats Y by 3.1 points at 20 labels."
    assert run(t, Metric=["accuracy"])[1] == ("3.1", None)
    t = "Our codec gets an overall score of 0.81, outperforming Y by up to 12% reduction of stored bits."
    assert run(t)[1] == ("12", None)


def test_bare_by_takes_the_previous_sentence_metric():
    t = "Our tagger obtains a span accuracy of 88.4. It outperforms the best prior tagger by 1.7 points."
    assert run(t, Metric=["span accuracy"]) == [("88.4", "span accuracy"), ("1.7", "span accuracy")]
    t = "Our tagger obtains a span accuracy of 88.4. Compared to Y, it is faster by 9%."
    assert run(t, Metric=["span accuracy"])[1] == ("9", None)


def test_gapped_coordination_names_the_second_quantity():
    t = "Against the baseline, our method improves mean recall by 2% and robustness by 6%."
    assert run(t, Metric=["mean recall"]) == [("2", "mean recall"), ("6", "robustness")]
    t = "The scheme lowers queue length by 31% and packet loss by 12% in dense traffic."
    assert run(t) == [("31", "queue length"), ("12", "packet loss")]
    # the second value lists the models, not quantities
    t = "Scores improve, with small-A improving by 4.1%, Big-B by 6.2%, and Huge-C by 9.3%."
    assert [m for _, m in run(t)] == [None, None, None]


def test_changed_quantity_metric_beats_a_metric_before_the_value():
    t = "It gives a 12.1% improvement in balanced R2 and a 4.4% improvement in held-out AUC."
    assert run(t, Metric=["R2", "AUC"]) == [("12.1", "balanced R2"), ("4.4", "held-out AUC")]
    t = "It gives a 5.5% gain in cell-AP metrics."  # a Metric inside a hyphenated word is not the quantity
    assert run(t, Metric=["AP"]) == [("5.5", "cell-AP metrics")]


def test_metric_list_before_a_value_list_pairs_in_order():
    t = "Our tagger reaches precision and recall of 81.5% and 77.9% on the test set."
    assert run(t, Metric=["precision", "recall"]) == [("81.5", "precision"), ("77.9", "recall")]
    # a third metric in the list: counts differ, nothing paired
    t = "It reports precision, recall and F1 of 81.5% and 77.9%."
    assert run(t, Metric=["precision", "recall", "F1"]) != [("81.5", "precision"), ("77.9", "recall")]


def test_a_value_compared_with_a_named_one_shares_its_metric():
    t = "Our model does well on QSet (71.4% compared to prior best accuracy of 68.0%) and on RSet."
    assert run(t, Metric=["accuracy"], Dataset=["QSet", "RSet"]) == [("71.4", "accuracy"), ("68.0", "accuracy")]


def test_no_function_word_or_relative_as_a_metric():
    t = "It yields labeling savings up to 30% and quality improvements of four F1 points."
    assert all(m not in ("and quality", "and") for _, m in run(t, Metric=["F1"]))
    t = "It reaches a 41.2% relative gain over the baseline."
    assert run(t) == [("41.2", None)]


def test_a_value_before_its_metric_measured_at_an_amount_of_another_unit():
    t = "FooNet-S reaches 78.3% top-1 accuracy at 0.9 GFLOPs and 81.9% top-1 accuracy at 3.1 GFLOPs."
    got = run(t, Metric=["top-1 accuracy", "GFLOPs"])
    assert ("78.3", "top-1 accuracy") in got and ("81.9", "top-1 accuracy") in got
    t = "Our detector keeps accuracy at 92.1% while cutting the cost by 30%."
    assert run(t, Metric=["accuracy", "cost"])[0] == ("92.1", "accuracy")


def test_a_value_before_its_metric_measured_at_a_share_of_another_measure():
    t = "The ranker reaches 90% accuracy at 71% coverage on the test split."
    assert run(t, Metric=["accuracy", "coverage"]) == [("90", "accuracy"), ("71", "coverage")]
    t = "Our detector keeps accuracy at 92.1% and cuts the cost by 30%."
    assert run(t, Metric=["accuracy", "cost"])[0] == ("92.1", "accuracy")


def test_a_compared_methods_value_in_brackets_takes_the_metric_of_the_value_before():
    t = ("FooNet reaches 87.0% accuracy on the BarSet test split, clearly outperforming a plain CNN (58.3%) and an "
         "MLP (49.6%), and it gives clearer maps (0.777 map score).")
    got = run(t, Metric=["accuracy", "map score"])
    assert got == [("87.0", "accuracy"), ("58.3", "accuracy"), ("49.6", "accuracy"), ("0.777", "map score")]


def test_a_value_after_a_compared_value_and_a_setting_does_not_crash():
    # the compared value (a baseline) is followed by a setting that is no result, then by another value: the
    # bracketed-list rule has no previous value to look back to there (AttributeError on None before the fix)
    t = ("FooNet reaches an accuracy of 91.2%, compared with 58.3% for a plain CNN at 20% sparsity, reaching 77.2% "
         "on BarSet.")
    got = run(t, Metric=["accuracy"])
    assert [v for v, _ in got][:2] == ["91.2", "58.3"] and "77.2" in [v for v, _ in got]


def test_a_value_with_its_own_changed_quantity_after_it_takes_no_earlier_metric():
    t = "FooNet gives a 60% energy footprint reduction with only a 0.4% performance drop on BarSet."
    assert run(t, Metric=["energy footprint"]) == [("60", "energy footprint"), ("0.4", None)]
    t = "FooGen keeps its facts but causes 12% alignment drops on BarSet."
    assert run(t) == [("12", "alignment")]
    t = "FooSolve reaches a 40% energy reduction with 20-fold fewer solver calls."
    assert run(t, Metric=["energy"]) == [("40", "energy"), ("20", None)]
    # a measure named after the value is still its own; a degree word is no quantity
    t = "FooNet cuts latency by 2x with a 1.1% accuracy drop."
    assert run(t, Metric=["latency", "accuracy"]) == [("2", "latency"), ("1.1", "accuracy")]
    t = "FooNet reaches 84.1% accuracy, a 2.1% absolute improvement."
    assert run(t, Metric=["accuracy"]) == [("84.1", "accuracy"), ("2.1", "accuracy")]
