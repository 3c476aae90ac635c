"""Unit tests for kg.extract.results on sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from kg.extract.results import find_results


def mentions(text: str, **kinds: list[str]) -> list[tuple[int, int, str, str]]:
    """Mentions for every occurrence of the given names: mentions(t, Metric=["F1"], Dataset=[...])."""
    out = []
    for typ, names in kinds.items():
        for n in names:
            for m in re.finditer(re.escape(n), text):
                out.append((m.start(), m.end(), typ, n))
    return sorted(out)


def run(text: str, **kinds: list[str]):
    return find_results(text, [(0, len(text))], mentions(text, **kinds))


def rows(text: str, **kinds: list[str]):
    return [(r.value, r.unit, r.kind, r.metric) for r in run(text, **kinds)]


@pytest.mark.parametrize("text, kinds, expected", [
    ("Our model reaches 84.2% top-1 accuracy on ImageNet.", {"Metric": ["top-1 accuracy"], "Dataset": ["ImageNet"]},
     [("84.2", "%", "absolute", "top-1 accuracy")]),
    ("The tagger obtains an F1 of 0.84.", {}, [("0.84", None, "absolute", "F1")]),
    ("Pretraining improves BLEU by 2.1 points.", {}, [("2.1", "points", "gain", "BLEU")]),
    ("Decoding is 2.5x faster.", {}, [("2.5", "x", "gain", None)]),
    ("Decoding is 2.5× faster.", {}, [("2.5", "x", "gain", None)]),
    ("Pruning reduces FLOPs by 30%.", {}, [("30", "%", "reduction", "FLOPs")]),
    ("We obtain SA (0.84), EI (0.55).", {"Metric": ["SA", "EI"]}, [("0.84", None, "absolute", "SA"),
                                                                    ("0.55", None, "absolute", "EI")]),
    ("It has an accuracy of 92.1\\% overall.", {}, [("92.1", "%", "absolute", "accuracy")]),
    ("The accuracy of the tagger is 92.1%.", {}, [("92.1", "%", "absolute", "accuracy")]),
    ("It yields gains of 3-5% in recall.", {}, [("3-5", "%", "gain", "recall")]),
    ("Accuracy rises from 71.2 to 75.4 with the new loss.", {}, [("71.2", None, "absolute", "accuracy"),
                                                                ("75.4", None, "absolute", "accuracy")]),
    ("The method is up to 4.5% better.", {}, [("4.5", "%", "gain", None)]),
    ("It adds +3.2 mAP over the baseline.", {}, [("3.2", None, "gain", "mAP")]),
    ("We see a 51.3% reduction in MSE relative to the baseline.", {}, [("51.3", "%", "reduction", "MSE")]),
    ("The detector achieves 45.6 mAP on COCO.", {"Dataset": ["COCO"]}, [("45.6", None, "absolute", "mAP")]),
    ("It gets a BLEU score of 28.4 on WMT14 English-German.", {"Dataset": ["WMT14 English-German"]},
     [("28.4", None, "absolute", "BLEU")]),
    ("The coder reaches a pass@1 of 67% on the suite.", {}, [("67", "%", "absolute", "pass@1")]),
    ("Our parser outperforms the baseline by 3.1%.", {}, [("3.1", "%", "gain", None)]),
    ("It scores 81.0 F1, 77.5 EM and 3.4 BLEU.", {}, [("81.0", None, "absolute", "F1"), ("77.5", None, "absolute", "EM"),
                                                      ("3.4", None, "absolute", "BLEU")]),
    ("It uses 40% fewer parameters.", {}, [("40", "%", "reduction", "parameters")]),
    ("It improves accuracy by between 2.7\\% and 12.4\\%.", {}, [("2.7", "%", "gain", "accuracy"),
                                                              ("12.4", "%", "gain", "accuracy")]),
    ("It achieves 93.2% and 85.2% accuracy.", {}, [("93.2", "%", "absolute", "accuracy"),
                                                 ("85.2", "%", "absolute", "accuracy")]),
    ("Success improves by 3%-6% per round.", {}, [("3-6", "%", "gain", None)]),
    ("We raise the accuracy of TinyNet from 74.52% to 77.50% by pruning.", {},
     [("74.52", "%", "absolute", "accuracy"), ("77.50", "%", "absolute", "accuracy")]),
    ("It compresses $93\\%$ of neurons and gets MAEs of 5.38 (A), 0.70 (B).", {},
     [("5.38", None, "absolute", "MAE"), ("0.70", None, "absolute", "MAE")]),
    ("It recovers 85% of the performance of the large model.", {}, [("85", "%", "absolute", None)]),
    ("The success rate is 2.54 times that of the baseline.", {}, [("2.54", "x", "gain", "success rate")]),
    ("It gets up to $44.9\\times$ speedup and $98.2\\%$ energy reduction.", {},
     [("44.9", "x", "gain", "speedup"), ("98.2", "%", "reduction", "energy")]),
    ("It reaches a WER of 0.80% on A and 1.18% on B.", {}, [("0.80", "%", "absolute", "WER"),
                                                          ("1.18", "%", "absolute", "WER")]),
    ("Speedups of 1.1-1.4x and 1.0-1.3x, with a peak of 3.5x and 3.6x respectively.", {},
     [("1.1-1.4", "x", "gain", "speedup"), ("1.0-1.3", "x", "gain", "speedup"), ("3.5", "x", "gain", "speedup"),
      ("3.6", "x", "gain", "speedup")]),
    ("We get a 1.64$\\times$ speed-up with a 0.2\\% drop in accuracy.", {},
     [("1.64", "x", "gain", "speedup"), ("0.2", "%", "reduction", "accuracy")]),
    ("The error rate drops from 5.1% to 3.2% on average.", {}, [("5.1", "%", "absolute", "error rate"),
                                                              ("3.2", "%", "absolute", "error rate")]),
])
def test_result_cases(text, kinds, expected):
    assert rows(text, **kinds) == expected


@pytest.mark.parametrize("text", [
    "In 2023 we released two datasets covering 10 languages and 1M images.",
    "We fine-tune Llama-2-7B and GPT-4 and compare with ResNet-50.",
    "See Section 3.2 and Table 4 for details [12, 13].",
    "We report top-5 predictions of a 3D model with k=5 neighbours, version v1.5 of the 7B model.",
    "The corpus has 50,000 sentences and 120 annotators.",
    "We train on 8 GPUs for 100 epochs with a batch size of 256.",
    "Using only 10% of the labels, the model still learns.",
    "It runs on 4× A100 GPUs.",
    "The score was 12 in the first round.",
    "We prune the network to 50% sparsity and train with 20% label noise.",
    "The cohort (80% training cohort, 20% validation cohort) was 58.4% male.",
    "Over 60% of participants preferred it (95% confidence interval).",
])
def test_non_results(text):
    assert run(text, Method=["Llama-2-7B", "GPT-4", "ResNet-50"]) == []


def test_dataset_method_and_evidence_offsets():
    text = "Intro sentence here. With little tuning, TagNet reaches 91.2% accuracy on CoNLL-2003 in 2 hours."
    sents = [(0, 20), (21, len(text))]
    ms = mentions(text, Method=["TagNet"], Dataset=["CoNLL-2003"])
    (r,) = find_results(text, sents, ms, "abstract")
    assert (r.dataset, r.method, r.metric) == ("CoNLL-2003", "TagNet", "accuracy")
    ev = r.evidence
    assert text[ev.start:ev.end] == ev.sentence and ev.sentence.startswith("With little tuning")
    assert ev.field == "abstract" and ev.sentence.endswith("2 hours.")


def test_baseline_is_not_the_method_and_proposed_resolves():
    text = "Compared to BaseNet, our model achieves 77.0% accuracy."
    r = find_results(text, [(0, len(text))], mentions(text, Method=["BaseNet"]), proposed="NewNet")[0]
    assert r.method == "NewNet"


def test_no_dataset_guess_when_several():
    text = "It reaches 90.1% accuracy. It is evaluated on SST-2 and IMDB."
    (r,) = find_results(text, [(0, 26), (27, len(text))], mentions(text, Dataset=["SST-2", "IMDB"]))
    assert r.dataset is None


def test_respectively_pairs_values_with_datasets():
    text = "It obtains 80.3% and 86.2% mIoU on Cityscapes and PASCAL VOC, respectively."
    rs = run(text, Dataset=["Cityscapes", "PASCAL VOC"])
    assert [(r.value, r.dataset) for r in rs] == [("80.3", "Cityscapes"), ("86.2", "PASCAL VOC")]


def test_dataset_before_parenthesis():
    text = "Results on CIFAR-10 (4.62% error) and CIFAR-100 improve."
    (r,) = run(text, Dataset=["CIFAR-10", "CIFAR-100"])
    assert (r.value, r.dataset, r.metric) == ("4.62", "CIFAR-10", "error")


def test_confidence_lower_for_up_to_and_bare():
    a = run("It is up to 4.5% better.")[0]
    b = run("It has 92.1% accuracy on X.", Dataset=["X"])[0]
    assert a.confidence < b.confidence <= 1.0


def test_empty_and_title_inputs():
    assert find_results("", [], []) == []
    t = "TagNet: 2x Faster Tagging"
    (r,) = find_results(t, [(0, len(t))], [(0, 6, "Method", "TagNet")], "title")
    assert (r.value, r.unit, r.kind, r.method, r.evidence.field) == ("2", "x", "gain", "TagNet", "title")


@pytest.mark.parametrize("text", [
    "Our 7B model is released, and the 70B variant follows.",
    "We compare 7B and 13B models on two datasets in Section 4.",
    "The method (Sec. 3) uses 2 stages and three encoders (Table 2).",
    "Since 2019, 12 teams have joined the challenge.",
])
def test_more_non_results(text):
    assert run(text) == []


def test_model_size_name_next_to_a_result():
    assert rows("Our 7B model reaches 61.2% accuracy.") == [("61.2", "%", "absolute", "accuracy")]


def test_from_to_keeps_the_start_value_without_the_method():
    text = "ZetaNet improves accuracy on SetA from 71.2% to 75.4%."
    rs = run(text, Method=["ZetaNet"], Dataset=["SetA"])
    assert [(r.value, r.method, r.dataset) for r in rs] == [("71.2", None, "SetA"), ("75.4", "ZetaNet", "SetA")]
    assert rs[0].confidence < rs[1].confidence


def test_baseline_values_after_compared_with_get_their_method():
    text = "ZetaNet reaches a Dice score of 0.87, compared with 0.79 for EtaNet."
    rs = run(text, Method=["ZetaNet", "EtaNet"])
    assert [(r.value, r.metric, r.method) for r in rs] == [("0.87", "Dice", "ZetaNet"), ("0.79", "Dice", "EtaNet")]
    text = "ZetaNet gets an FID of 3.9, against 4.7 and 7.4 for EtaNet."
    rs = run(text, Method=["ZetaNet", "EtaNet"])
    assert [(r.value, r.metric, r.method) for r in rs] == [("3.9", "FID", "ZetaNet"), ("4.7", "FID", "EtaNet"),
                                                            ("7.4", "FID", "EtaNet")]


def test_values_listed_across_datasets_share_metric_and_take_their_dataset():
    text = "ZetaNet reaches an F1 of 93.8 on SetA and 91.2 on SetB."
    rs = run(text, Method=["ZetaNet"], Dataset=["SetA", "SetB"])
    assert [(r.value, r.metric, r.dataset) for r in rs] == [("93.8", "F1", "SetA"), ("91.2", "F1", "SetB")]


def test_dataset_of_each_from_to_pair():
    text = "It raises pass@1 on SetA from 53.7% to 64.0% and on SetB from 56.2% to 61.5%."
    rs = run(text, Dataset=["SetA", "SetB"])
    assert [(r.value, r.dataset) for r in rs] == [("53.7", "SetA"), ("64.0", "SetA"), ("56.2", "SetB"), ("61.5", "SetB")]


def test_metric_word_inside_a_method_name_is_not_the_metric():
    text = "ZetaNet surpasses MAE by 1.2 points."
    (r,) = run(text, Method=["ZetaNet", "MAE"])
    assert (r.value, r.unit, r.kind, r.metric) == ("1.2", "points", "gain", None)


def test_mentions_found_once_are_used_everywhere():
    text = "We propose ZetaNet. ZetaNet reaches 80.1% accuracy on SetA."
    (r,) = find_results(text, [(0, 19), (20, len(text))], [(11, 18, "Method", "ZetaNet"), (54, 58, "Dataset", "SetA")])
    assert (r.method, r.dataset) == ("ZetaNet", "SetA")


def test_physical_units_make_measurements():
    text = "Runtimes are reduced to 0.19s and 0.15s, the model shrinks from 791 MB to 8 MB, at 161 FPS."
    assert [(r.value, r.metric) for r in run(text)] == [("0.19", "runtime"), ("0.15", "runtime"), ("791", None),
                                                      ("8", None), ("161", "FPS")]
    assert run("We collected 16h of speech and 5 GB of text in 2 hours.") == []


def test_metric_read_from_the_wording():
    assert rows("E2E systems reach 37.0% CoER on the test set.") == [("37.0", "%", "absolute", "CoER")]
    assert rows("Baseline mirage rates range from 21.7% to 66.6%.") == [("21.7", "%", "absolute", "mirage rate"),
                                                                       ("66.6", "%", "absolute", "mirage rate")]
    assert rows("It gives a 2.1x decoding speedup.") == [("2.1", "x", "gain", "speedup")]


def test_respectively_with_a_dataset_named_earlier():
    text = "It matches the model on SetA and exceeds it by 0.65% and 0.84% on SetB and SetC, respectively."
    assert [(r.value, r.dataset) for r in run(text, Dataset=["SetA", "SetB", "SetC"])] == [("0.65", "SetB"), ("0.84", "SetC")]


def test_no_metric_borrowed_across_a_new_verb():
    rs = run("It achieves a 75% win rate against strong baselines and reaches 82.7% of human-level performance.")
    assert [(r.value, r.metric) for r in rs] == [("75", "win rate"), ("82.7", None)]


def test_each_value_keeps_its_own_metric():
    assert rows("It improves BLEU by up to 2.1 points, ROUGE by up to 3.4 points.") == [
        ("2.1", "points", "gain", "BLEU"), ("3.4", "points", "gain", "ROUGE")]
    text = "It achieves a 75% win rate and reaches 82.7% of human-level performance."
    assert [(r.value, r.metric) for r in run(text, Metric=["win rate"])] == [("75", "win rate"), ("82.7", None)]
    text = "It reaches 78.9 mIoU on SetA, outperforming the baselines by more than 4 points."
    assert [(r.value, r.metric) for r in run(text, Metric=["mIoU"], Dataset=["SetA"])] == [("78.9", "mIoU"), ("4", "mIoU")]


def test_spelled_out_values_with_a_unit():
    text = "It cut the training time by a factor of four, the GPU memory by a factor of twenty."
    assert rows(text) == [("4", "x", "reduction", "training time"), ("20", "x", "reduction", "GPU memory")]
    assert rows("It adds up to four F1 score points.") == [("4", "points", "gain", "F1 score")]
    assert rows("It is two times faster and uses three-fold less memory.") == [("2", "x", "gain", None),
                                                                             ("3", "x", "reduction", "memory")]
    assert run("One of the two datasets has ten classes at ten points in time.") == []


def test_size_variant_reports_for_its_family():
    text = "We propose ZetaNet. ZetaNet-B reaches 84.2% accuracy."
    (r,) = run(text, Method=["ZetaNet", "ZetaNet-B"])
    assert r.method == "ZetaNet"


def test_lengths_only_next_to_a_metric_or_in_its_list():
    text = "It reaches mean absolute errors of 2.62 m, 2.72 m, and 2.88 m at 2.5 m, 5 m, and 10 m resolution."
    assert [(r.value, r.metric) for r in run(text, Metric=["precision"])] == [
        ("2.62", "mean absolute error"), ("2.72", "mean absolute error"), ("2.88", "mean absolute error")]
    assert run("We predict heights at 2.5 m, 5 m, and 10 m resolution.") == []


def test_metric_is_the_quantity_a_change_governs():
    assert rows("It improves energy-delay-product by up to 83%.") == [("83", "%", "gain", "energy-delay-product")]
    assert rows("It gives a 37.6% reduction in token usage for QA.") == [("37.6", "%", "reduction", "token usage")]
    assert rows("It improves over the baseline by 6.2 points.") == [("6.2", "points", "gain", None)]
    assert rows("It improves performance by 3%.") == [("3", "%", "gain", None)]


@pytest.mark.parametrize("text, kinds, expected", [
    # LaTeX times after "by", upper-case X, "percent" after a range
    (r"AlphaNet compresses the cache by $4.9\times$, with a small drop.", {}, [("4.9", "x", "gain", None)]),
    ("Training takes a 38X reduction in training time.", {"Metric": ["training time"]},
     [("38", "x", "reduction", "training time")]),
    ("The hypotheses are 7-17 percent more predictive.", {}, [("7-17", "%", "gain", None)]),
    (r"It shows gains of $7$--$9\%$ in classification.", {}, [("7-9", "%", "absolute", None)]),
    # time per item is a measured result, a memory size per device is a setting
    ("AlphaNet has an average latency of 2.39ms per frame.", {"Metric": ["latency"]},
     [("2.39", None, "absolute", "latency")]),
    # the end point of "from A (...) to B" is kept with A's metric
    ("Its AUC dropped from AUC 0.571 (internal) to 0.508 (external).", {"Metric": ["AUC"]},
     [("0.571", None, "absolute", "AUC"), ("0.508", None, "absolute", "AUC")]),
    # a bare decimal as the object of a result verb
    ("AlphaNet achieving 0.730 in the hardest setting.", {"Method": ["AlphaNet"]}, [("0.730", None, "absolute", None)]),
])
def test_more_value_forms(text, kinds, expected):
    assert rows(text, **kinds) == expected


def test_memory_per_device_is_not_a_result():
    assert rows("We train with 8 GB per GPU.") == []


def test_possessive_baseline_after_versus():
    got = run("AlphaNet sets a new state of the art on Delta (0.934 AP vs. BetaNet's 0.840).",
              Method=["AlphaNet", "BetaNet"], Dataset=["Delta"], Metric=["AP"])
    assert [(r.value, r.metric, r.dataset, r.method) for r in got] == [
        ("0.934", "AP", "Delta", "AlphaNet"), ("0.840", "AP", "Delta", "BetaNet")]


def test_same_physical_unit_keeps_its_metric_across_other_values():
    got = run("AlphaNet has an F1 of 90.9% and a latency of 2.39ms, while BetaNet has an F1 of 66.7% and needs 12.40ms.",
              Method=["AlphaNet", "BetaNet"], Metric=["F1", "latency"])
    assert [(r.value, r.metric) for r in got] == [("90.9", "F1"), ("2.39", "latency"), ("66.7", "F1"), ("12.40", "latency")]


def test_dataset_right_after_the_value_and_after_of():
    got = run("It improves GCD (+0.8% Alpha-100, +5% CUBE, +2% Cars).", Dataset=["Alpha-100", "CUBE", "Cars"])
    assert [(r.value, r.metric, r.dataset) for r in got] == [("0.8", None, "Alpha-100"), ("5", None, "CUBE"),
                                                             ("2", None, "Cars")]
    got = run("It reaches 38.4 AP on rare classes of LVIS and 52.1 AP50 on novel categories of COCO.",
              Dataset=["LVIS", "COCO"], Metric=["AP", "AP50"])
    assert [(r.value, r.dataset) for r in got] == [("38.4", "LVIS"), ("52.1", "COCO")]


def test_dataset_of_the_previous_evaluation_sentence_is_carried():
    text = "We evaluated AlphaNet on the Delta dataset against BetaNet. AlphaNet reaches an F1 of 0.89. " \
           "Images of Gamma are larger. It reaches an F1 of 0.77."
    sents = [(0, 59), (60, 91), (92, 119), (120, len(text))]
    got = find_results(text, sents, mentions(text, Method=["AlphaNet", "BetaNet"], Dataset=["Delta", "Gamma"]))
    # carried to the next sentence; a sentence naming another dataset (not an evaluation) ends the carry
    assert [(r.value, r.dataset) for r in got] == [("0.89", "Delta"), ("0.77", None)]


def test_the_carried_dataset_named_again_stays_carried():
    text = "We introduce the Delta benchmark. Delta comprises 6,828 questions. The best model reaches 60% accuracy."
    sents = [(0, 33), (34, 66), (67, len(text))]
    got = find_results(text, sents, mentions(text, Dataset=["Delta"], Metric=["accuracy"]))
    assert [(r.value, r.dataset) for r in got] == [("60", "Delta")]


def _split(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\.\s", text + " "):
        out.append((start, m.start() + 1))
        start = m.end()
    return out


def test_dataset_of_a_sentence_with_values_is_carried_for_the_same_metric():
    text = "On Delta (n=200), AlphaNet reaches 61.5% accuracy. Longer prompts give 55.0% accuracy. " \
           "A second head labels colours with 97.1% precision."
    got = find_results(text, _split(text), mentions(text, Method=["AlphaNet"], Dataset=["Delta"],
                                                    Metric=["accuracy", "precision"]))
    # the values of the same metric in the next sentence take Delta; another measure does not
    assert [(r.value, r.dataset) for r in got] == [("61.5", "Delta"), ("55.0", "Delta"), ("97.1", None)]


@pytest.mark.parametrize("text", [
    "AlphaNet models trained on Delta reach 61.5% accuracy. Edited images give 55.0% accuracy.",
    "On three public Delta datasets, AlphaNet reaches 61.5% accuracy. A hard subset gives 55.0% accuracy.",
])
def test_no_carry_from_training_data_or_a_family_of_datasets(text):
    got = find_results(text, _split(text), mentions(text, Method=["AlphaNet"], Dataset=["Delta"], Metric=["accuracy"]))
    assert [(r.value, r.dataset) for r in got][1] == ("55.0", None)


@pytest.mark.parametrize("text, expected", [
    ("AlphaNet reaches 45.1 mAP (Delta) and 30.2 mAP (Gamma).", [("45.1", "Delta"), ("30.2", "Gamma")]),
    ("AlphaNet obtains F1 scores of 91.2 and 88.0 for Delta and Gamma.", [("91.2", "Delta"), ("88.0", "Gamma")]),
    ("AlphaNet achieves accuracy of 91.2% and 88.0% in the Delta and Gamma benchmarks.", [("91.2", "Delta"), ("88.0", "Gamma")]),
    # as many values as datasets or nothing is paired: two values, three datasets
    ("AlphaNet achieves 91.2% and 88.0% on Delta, Gamma and Omega.", [("91.2", "Delta"), ("88.0", "Delta")]),
])
def test_value_lists_pair_with_dataset_lists_without_respectively(text, expected):
    got = run(text, Method=["AlphaNet"], Dataset=["Delta", "Gamma", "Omega"], Metric=["mAP", "F1 scores", "accuracy"])
    assert [(r.value, r.dataset) for r in got] == expected


def test_the_last_of_a_dataset_list_before_the_value_is_not_its_dataset():
    got = run("Experiments on Delta and Gamma show that AlphaNet reaches 45.1 mAP, outperforming BetaNet.",
              Method=["AlphaNet", "BetaNet"], Dataset=["Delta", "Gamma"], Metric=["mAP"])
    assert [(r.value, r.dataset) for r in got] == [("45.1", None)]
    got = run("Experiments on Delta show that AlphaNet reaches 45.1 mAP.", Method=["AlphaNet"], Dataset=["Delta"], Metric=["mAP"])
    assert [(r.value, r.dataset) for r in got] == [("45.1", "Delta")]


def test_baseline_value_list_takes_the_datasets_in_order():
    got = run("AlphaNet reaches an FID of 3.9 on Delta and 6.1 on Gamma, against 4.7 and 7.4 for BetaNet.",
              Method=["AlphaNet", "BetaNet"], Dataset=["Delta", "Gamma"], Metric=["FID"])
    assert [(r.value, r.dataset, r.method) for r in got] == [
        ("3.9", "Delta", "AlphaNet"), ("6.1", "Gamma", "AlphaNet"), ("4.7", "Delta", "BetaNet"), ("7.4", "Gamma", "BetaNet")]


def test_value_after_compared_with_belongs_to_the_compared_method_and_clauses_have_subjects():
    got = run("AlphaNet has a WER of 7.9%, compared with 6.1% for BetaNet.", Method=["AlphaNet", "BetaNet"], Metric=["WER"])
    assert [(r.value, r.metric, r.method) for r in got] == [("7.9", "WER", "AlphaNet"), ("6.1", "WER", "BetaNet")]
    got = run("AlphaNet achieves an F1 of 90.9%, while BetaNet achieves an F1 of 66.7%.", Method=["AlphaNet", "BetaNet"],
              Metric=["F1"])
    assert [(r.value, r.method) for r in got] == [("90.9", "AlphaNet"), ("66.7", "BetaNet")]


def test_metric_mention_that_swallowed_its_value_is_cut_before_it():
    text = "The score dropped from AUC 0.571 (internal) to 0.508 (external)."
    ms = [(23, 32, "Metric", "AUC 0.571")]  # an entity stage that took the value into the name
    assert [(r.value, r.metric) for r in find_results(text, [(0, len(text))], ms)] == [("0.571", "AUC"), ("0.508", "AUC")]


@pytest.mark.parametrize("text, kinds, expected", [
    ("It is 1.9 times harder than the old benchmark.", {}, [("1.9", "x", "gain", None)]),
    ("They are 2-3 fold as fast as the baseline.", {}, [("2-3", "x", "gain", None)]),
    (r"It shows $\textbf{6}\times$ up to $\textbf{10}\times$ query efficiency improvement.", {},
     [("6", "x", "gain", "query efficiency"), ("10", "x", "gain", "query efficiency")]),
    ("It achieves a speedup of over 5x in attention.", {}, [("5", "x", "gain", "speedup")]),
    ("The method eliminates over 60% of the model weights and 50% of the multiplications in the model.", {},
     [("60", "%", "absolute", "model weights"), ("50", "%", "absolute", "multiplications")]),
    ("After pruning 90% of the points, it renders fast.", {}, [("90", "%", "absolute", "points")]),
    ("It reduces processing latency to 45.4% of the original.", {}, [("45.4", "%", "absolute", "latency")]),
    ("Score correlations remained below 0.26, revealing gaps.", {}, [("0.26", None, "absolute", "correlation")]),
    ("The mean accuracy, classification precision, and recall were 95%, 99%, and 98%, respectively.",
     {"Metric": ["mean accuracy", "precision", "recall"]},
     [("95", "%", "absolute", "mean accuracy"), ("99", "%", "absolute", "precision"), ("98", "%", "absolute", "recall")]),
])
def test_more_result_forms(text, kinds, expected):
    assert rows(text, **kinds) == expected


@pytest.mark.parametrize("text", [
    "We train on 10% of the labels with 3-5 layers in 2020-2023.",
    "A 5 fold cross validation is used.",
    "We keep 30% of the data for testing.",
])
def test_more_non_results(text):
    assert rows(text) == []


def test_a_name_that_swallowed_its_value_is_cut():
    t = "AlphaNet attains 98.61% accuracy, BetaNet 97.91%, and GammaNet 93.75%."
    spans = [(n, typ) for n, typ in (("AlphaNet", "Method"), ("accuracy", "Metric"), ("BetaNet 97.91", "Method"),
                                      ("GammaNet 93.75", "Method"))]
    got = find_results(t, [(0, len(t))], [(t.index(n), t.index(n) + len(n), typ, n) for n, typ in spans])
    assert [r.value for r in got] == ["98.61", "97.91", "93.75"]


@pytest.mark.parametrize("text, kinds, expected", [
    ("Chains give 68.8%/50.8%/28.6% accuracy.", {},
     [("68.8", "%", "absolute", "accuracy"), ("50.8", "%", "absolute", "accuracy"), ("28.6", "%", "absolute", "accuracy")]),
    ("It is not predictive (p=0.31; OR=2.50).", {}, [("0.31", None, "absolute", "p-value"),
                                                     ("2.50", None, "absolute", "odds ratio")]),
    ("Calibration worsens with depth (ECE: 0.186->0.312).", {},
     [("0.186", None, "absolute", "expected calibration error"), ("0.312", None, "absolute", "expected calibration error")]),
    ("It reaches an average Area Under the Curve (AUC) of 0.939.", {"Metric": ["Area Under the Curve"]},
     [("0.939", None, "absolute", "Area Under the Curve")]),
    ("GPT-4o reaches an MMMG-Score of only 50.20.", {}, [("50.20", None, "absolute", "MMMG-Score")]),
    ("FiTv2 exhibits 2times convergence speed of FiT.", {}, [("2", "x", "gain", "convergence speed")]),
    ("It requires only 35% of the training costs of DiT.", {}, [("35", "%", "absolute", "training costs")]),
])
def test_statistics_lists_and_shares(text, kinds, expected):
    assert rows(text, **kinds) == expected


@pytest.mark.parametrize("text", [
    "It uses only 10% of the labels.",
    "The score was 12 in the first round.",
    "We set x = 5 and p < 0.05 in all runs.",
])
def test_statistics_and_shares_non_results(text):
    assert rows(text) == []


def test_metric_carried_to_the_next_sentence():
    t = "AlphaNet achieves 68.8% accuracy vs. 46.8% for BetaNet. On the harder split, AlphaNet reaches 72.3%."
    got = find_results(t, [(0, 55), (56, len(t))], [])
    assert [(r.value, r.metric) for r in got] == [("68.8", "accuracy"), ("46.8", "accuracy"), ("72.3", "accuracy")]


def test_dataset_in_a_trained_compound_is_not_the_evaluation_dataset():
    t = "A FooSet-trained model outperforms the base model by 7.8% on BarBench."
    got = find_results(t, [(0, len(t))], mentions(t, Dataset=["FooSet", "BarBench"]))
    assert [(r.value, r.dataset) for r in got] == [("7.8", "BarBench")]


@pytest.mark.parametrize("text", [
    r"Activity rose ($p = 1.16\times10^{-2}$) in the group.",
    "Three attributes: (1) computational cost, (2) performance, (3) robustness.",
])
def test_scientific_notation_and_enumerations_are_not_values(text):
    assert [r.value for r in run(text)] == []


def test_metric_then_its_spelled_out_form_in_brackets():
    assert rows("It attained an mAP (mean average precision) score of 0.732.",
                Metric=["mAP", "mean average precision"]) == [("0.732", None, "absolute", "mean average precision")]


@pytest.mark.parametrize("text, metrics, expected", [
    # a metric with a value of its own is not taken by a value of another measure next to it
    # (the measure noun after the value names it since the measure-noun rule; never the other value's metric)
    ("AlphaNet achieves 0.455 mean overlap and 0.509 accuracy.", ["accuracy"],
     [("0.455", "mean overlap"), ("0.509", "accuracy")]),
    ("AlphaNet achieves 0.455 mean drift and 0.509 accuracy.", ["accuracy"], [("0.455", None), ("0.509", "accuracy")]),
    ("Calibration worsens (ECE: 0.186->0.312), and AlphaNet keeps 73.7% coverage.", ["ECE"],
     [("0.186", "ECE"), ("0.312", "ECE"), ("73.7", "coverage")]),

    # ... but a gain over a baseline and a baseline's value of the same unit still refer to it
    ("AlphaNet reaches an AUROC of 94.1%, surpassing previous methods by 3.3 percentage points.", ["AUROC"],
     [("94.1", "AUROC"), ("3.3", "AUROC")]),
    ("AlphaNet reaches a success rate of 76.7%, a large improvement over the baseline at 36.7%.", ["success rate"],
     [("76.7", "success rate"), ("36.7", "success rate")]),
])
def test_a_metric_owned_by_another_value(text, metrics, expected):
    assert [(r.value, r.metric) for r in run(text, Method=["AlphaNet"], Metric=metrics)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The mean pass rate rises from 40.1% to 52.3% with AlphaNet.", [("40.1", "pass rate"), ("52.3", "pass rate")]),
    ("AlphaNet keeps a hazard ratio = 0.63 over seven years.", [("0.63", "hazard ratio")]),
])
def test_a_rate_or_ratio_named_before_its_value(text, expected):
    assert [(r.value, r.metric) for r in run(text, Method=["AlphaNet"])] == expected


def test_an_article_is_not_part_of_a_rate():
    text = "The data are split with a ratio of 8 to 1 and AlphaNet reaches 91.2% accuracy."
    assert all(r.metric != "a ratio" for r in run(text, Method=["AlphaNet"], Metric=["accuracy"]))


@pytest.mark.parametrize("text, expected", [
    ("AlphaNet leads on Delta, Gamma and Omega, with accuracies of 91.2%, 85.3% and 77.0%.",
     [("91.2", "Delta"), ("85.3", "Gamma"), ("77.0", "Omega")]),
    ("On Delta and Gamma, AlphaNet reaches 91.2% and 85.3% accuracy.", [("91.2", "Delta"), ("85.3", "Gamma")]),
    # a comparison between the two lists, or counts that differ: no pairing
    ("On Delta and Gamma, AlphaNet is better than BetaNet with 91.2% and 85.3% accuracy.",
     [("91.2", None), ("85.3", "Gamma")]),
])
def test_datasets_listed_before_as_many_values(text, expected):
    got = run(text, Method=["AlphaNet", "BetaNet"], Dataset=["Delta", "Gamma", "Omega"], Metric=["accuracy", "accuracies"])
    assert [(r.value, r.dataset) for r in got] == expected


@pytest.mark.parametrize("text, expected", [
    ("Clinicians found that over 60% of the generated regimens were clinically acceptable.", [("60", "%")]),
    ("Expert review shows that 53% of its answers are correct.", [("53", "%")]),
    ("We find that 20% of the data is used for testing.", []),
])
def test_a_share_judged_by_the_evaluation_is_a_result(text, expected):
    assert [(r.value, r.unit) for r in run(text)] == expected


def test_no_dataset_carried_from_a_replication_sentence():
    text = "AlphaNet replicates on Delta (0.03 PPL gap). A larger router reaches 32.76 PPL."
    got = find_results(text, _split(text), mentions(text, Method=["AlphaNet"], Dataset=["Delta"], Metric=["PPL"]))
    assert [(r.value, r.dataset) for r in got] == [("0.03", "Delta"), ("32.76", None)]


@pytest.mark.parametrize("text, expected", [
    ("AlphaNet achieves an F1 score exceeding 0.8 across categories.", [("0.8", "F1")]),
    ("The mean absolute error of AlphaNet remains below 3.5 on all sites.", [("3.5", "mean absolute error")]),
    ("Pixels whose probability exceeds 0.5 are kept.", []),
])
def test_a_metric_held_at_a_level(text, expected):
    got = run(text, Method=["AlphaNet"], Metric=["F1", "mean absolute error"])
    assert [(r.value, r.metric) for r in got] == expected


@pytest.mark.parametrize("text, expected", [
    # k values "on the respective datasets" take the k datasets the previous sentence listed, in order
    ("AlphaNet reaches 90.7%, 84.0% and 97.1% accuracy on Delta, Gamma and Omega, respectively. It improves the "
     "best baseline by +1.2%, +7.3% and +1.8% on the respective datasets.",
     [("90.7", "Delta"), ("84.0", "Gamma"), ("97.1", "Omega"), ("1.2", "Delta"), ("7.3", "Gamma"), ("1.8", "Omega")]),
    # "A (B)": one dataset, the bracketed one when it is a dataset too
    ("We evaluate on Delta (ZLT) and Gamma. AlphaNet improves accuracy by 5.1% and 7.0% on the respective datasets.",
     [("5.1", "ZLT"), ("7.0", "Gamma")]),
    # a different count, or no "respective": nothing carried
    ("We evaluate on Delta and Gamma. AlphaNet improves accuracy by 5.1%, 6.3% and 7.0% on the respective datasets.",
     [("5.1", None), ("6.3", None), ("7.0", None)]),
    ("We evaluate on Delta and Gamma. AlphaNet improves accuracy by 5.1% and 7.0% in most settings.",
     [("5.1", None), ("7.0", None)]),
])
def test_values_on_the_respective_datasets_of_the_previous_sentence(text, expected):
    got = find_results(text, _split(text), mentions(text, Method=["AlphaNet"], Dataset=["ZLT", "Delta", "Gamma", "Omega"],
                                                    Metric=["accuracy"]))
    got_pairs = [(r.value, r.dataset) for r in got]
    assert got_pairs == expected


@pytest.mark.parametrize("text, expected", [
    ("AlphaNet achieves a top-1 accuracy of 75.9% and 81.7%, which are 48% and 7.5% better than BetaNet.",
     [("75.9", "top-1 accuracy"), ("81.7", "top-1 accuracy"), ("48", "top-1 accuracy"), ("7.5", "top-1 accuracy")]),
    ("AlphaNet reaches a success rate of 96.9%, which is 11.7% higher than BetaNet.",
     [("96.9", "success rate"), ("11.7", "success rate")]),
    # not a comparison of the value before: no metric taken
    ("AlphaNet reaches a success rate of 96.9%, which is 11.7% of the runs.", [("96.9", "success rate")]),
])
def test_which_is_n_percent_higher_takes_the_metric_before(text, expected):
    got = run(text, Method=["AlphaNet", "BetaNet"], Metric=["top-1 accuracy", "success rate"])
    assert [(r.value, r.metric) for r in got if r.metric or r.value in ("11.7",)][:len(expected)] == expected


@pytest.mark.parametrize("text, kinds, expected", [
    # a metric right after the previous value is that value's; the metric after the second value wins
    ("The chip gives 2.4x energy efficiency and 1.6x lower latency than the old design.",
     {"Metric": ["energy efficiency", "latency"]}, [("2.4", "energy efficiency"), ("1.6", "latency")]),
    ("It reaches up to 3x speedup and 40% lower memory usage.", {"Metric": ["speedup", "memory usage"]},
     [("3", "speedup"), ("40", "memory usage")]),
    # without a metric after it, the second value still shares the first one's ("1.6x and 2.1x speedup" style)
    ("It reaches 81.2% accuracy and 79.5% on the harder split.", {"Metric": ["accuracy"]},
     [("81.2", "accuracy"), ("79.5", "accuracy")]),
])
def test_a_metric_owned_by_the_previous_value_loses_to_one_after(text, kinds, expected):
    assert [(r.value, r.metric) for r in run(text, **kinds)] == expected


@pytest.mark.parametrize("text, kinds, expected", [
    # the object of another value's "by": not this value's metric
    ("GammaNet cuts the token cost by up to 30% and improves the performance by up to 4%.",
     {"Metric": ["token cost"]}, [("30", "token cost"), ("4", None)]),
    # a metric after a later value of its own ("a 2.5% FLOPs overhead") is that value's
    ("It gives 3% faster training on six tasks, with a 2.5% FLOPs overhead.", {"Metric": ["FLOPs"]},
     [("3", None), ("2.5", "FLOPs")]),
    # still shared: a gain that elaborates the change before ("gains of +4pp"), a listed value ("44% vs. 24% accuracy"),
    # a value without words of its own ("a 9% improvement, reaching 91% accuracy")
    ("Voting improves accuracy by 12 points, with gains of +4pp and +3pp for three and five voters.",
     {"Metric": ["accuracy"]}, [("12", "accuracy"), ("4", "accuracy"), ("3", "accuracy")]),
    ("It wins with 44.0% vs. 24.0% final accuracy.", {"Metric": ["final accuracy"]},
     [("44.0", "final accuracy"), ("24.0", "final accuracy")]),
    ("The tuned model shows a 9% improvement, reaching 91.5% test accuracy.", {"Metric": ["test accuracy"]},
     [("9", "test accuracy"), ("91.5", "test accuracy")]),
])
def test_a_metric_of_another_value_is_not_the_clause_fallback(text, kinds, expected):
    assert [(r.value, r.metric) for r in run(text, **kinds)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Labelling time drops by 45% with the new tool.", [("45", "Labelling time")]),
    ("In the field trial, the memory footprint is reduced by up to 38%.", [("38", "memory footprint")]),
    ("Moreover, user retention rose by 12%, and query volume fell by 20%.", [("12", "user retention"),
                                                                             ("20", "query volume")]),
    # not a measured subject: a generic word, a name, the object of a preposition
    ("With the new loss, the model improves by 4%.", [("4", None)]),
    ("On the hard split, DeltaNet improves by 4%.", [("4", None)]),
    ("The drift on the held-out set fell by 9%.", [("9", None)]),
])
def test_the_subject_of_a_change_verb_is_the_metric(text, expected):
    assert [(r.value, r.metric) for r in run(text, Method=["DeltaNet"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("The scheduler improves efficiency by over 40%.", [("40", "efficiency")]),
    ("It raises the sample efficiency by 2.5x.", [("2.5", "sample efficiency")]),
    ("It improves the quality by 12%.", [("12", None)]),  # "quality" alone stays too vague to name a metric
])
def test_efficiency_is_a_changed_quantity(text, expected):
    assert [(r.value, r.metric) for r in run(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Ratings agree with experts (Spearman's $\\rho = 0.81$).", [("0.81", "Spearman correlation")]),
    ("Scores track human labels (Pearson r = 0.36, p = 0.02).", [("0.36", "Pearson correlation"), ("0.02", "p-value")]),
    ("Both agree (Pearson r = 0.90, Spearman rho = 0.85).", [("0.90", "Pearson correlation"),
                                                              ("0.85", "Spearman correlation")]),
    ("The two scores agree (r = 0.72).", [("0.72", "correlation")]),  # no coefficient named: plain correlation
])
def test_a_named_correlation_coefficient(text, expected):
    assert [(r.value, r.metric) for r in run(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The cluster sustains 76% scaling efficiency.", [("76", "scaling efficiency")]),
    ("The judge shows 91.3% human agreement and 0.62 label overlap.", [("91.3", "human agreement"),
                                                                       ("0.62", "label overlap")]),
    ("The robot reaches 86.7% success across six tasks.", [("86.7", "success")]),
    # not a measure noun: a setting word, "of", a rate (the rate rule names it), a preposition
    ("It keeps 50% sparsity in the weights.", []),
    ("Gains range from 34.6% to 50.9% after multi-objective alignment.", [("34.6", None), ("50.9", None)]),
    # a measure-noun metric is not carried to the next sentence
    ("It reaches 90% resolution efficiency on logged cases. The keys kept 100% integrity in tests.",
     [("90", "resolution efficiency"), ("100", None)]),
])
def test_a_measure_noun_after_the_value(text, expected):
    assert [(r.value, r.metric) for r in find_results(text, _split(text), [])] == expected


def test_a_value_inside_the_parenthesis_after_a_dataset():
    text = "It beats DeltaNet on ZLT (72.4% vs. 68.4% for DeltaNet) and on Gamma (61.0% vs. 60.2%)."
    got = [(r.value, r.dataset) for r in run(text, Method=["DeltaNet"], Dataset=["ZLT", "Gamma"])]
    assert got == [("72.4", "ZLT"), ("68.4", "ZLT"), ("61.0", "Gamma"), ("60.2", "Gamma")]
