"""The paper's method built on / using another method (``uses_basis`` in kg.extract.relations), on sentences
written for these tests. Names that are not in the catalog (QuxNet, ZorpLM) must be named before the proposal
sentence to count as known methods there."""

from __future__ import annotations

import re

import pytest

from kg.extract.relations import RULE_CONFIDENCE, find_relations, uses_basis

RULES = ("uses_named", "uses_we", "proposal_any", "uses_object")


def _mentions(text: str, names: list[str], tasks: tuple[str, ...] = ()) -> list[tuple[int, int, str, str]]:
    out = []
    for typ, ns in (("Method", names), ("Task", tasks)):
        for n in ns:
            for m in re.finditer(r"(?<![\w\-])" + re.escape(n) + r"(?![\w\-])", text):
                out.append((m.start(), m.end(), typ, n))
    return sorted(out)


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S[^.]*\.", text)]


def based(text: str, names: list[str], proposed: str = "ZedNet", tasks: tuple[str, ...] = ()) -> set[str]:
    """The tails of ``proposed`` BASED_ON relations at the default threshold."""
    rels = find_relations(text, _sentences(text), _mentions(text, names, tasks), proposed=proposed)
    return {r.tail for r in rels if r.type == "BASED_ON" and r.head == proposed}


def test_rules_have_confidences_at_the_default_threshold() -> None:
    assert all(RULE_CONFIDENCE[r] == 0.7 for r in RULES)
    assert RULE_CONFIDENCE["uses_with"] < 0.7


def test_weak_cue_sits_below_the_default_threshold() -> None:
    t = "We propose ZedNet. ZedNet first builds a graph and then runs beam search with BERT."
    rels = find_relations(t, _sentences(t), _mentions(t, ["ZedNet", "BERT", "QuxNet"]), proposed="ZedNet", min_confidence=0.6)
    assert {(r.tail, r.confidence) for r in rels if r.type == "BASED_ON"} == {("BERT", 0.65)}
    t2 = t.replace("BERT", "QuxNet")  # a weak cue needs a known tail
    assert not find_relations(t2, _sentences(t2), _mentions(t2, ["ZedNet", "QuxNet"]), proposed="ZedNet", min_confidence=0.6)


def test_family_and_generic_tails_of_a_strong_verb_are_kept() -> None:
    # GUIDE.md (sets h on): a family or a lower-case technique the sentence names as what X is built from is BASED_ON
    t = "We propose ZedNet. We fine-tune a Transformer and BERT on tables."
    assert based(t, ["ZedNet", "Transformer", "BERT"]) == {"BERT", "Transformer"}
    t = "We propose ZedNet. ZedNet integrates contrastive learning into a graph model."
    assert based(t, ["ZedNet", "contrastive learning"]) == {"contrastive learning"}


def test_family_tails_of_a_weak_cue_sit_below_the_default_threshold() -> None:
    t = "We propose ZedNet. ZedNet first builds a graph and then runs beam search with a Transformer."
    rels = find_relations(t, _sentences(t), _mentions(t, ["ZedNet", "Transformer"]), proposed="ZedNet", min_confidence=0.6)
    assert {(r.tail, r.confidence) for r in rels if r.type == "BASED_ON"} == {("Transformer", 0.65)}


@pytest.mark.parametrize("text, expected", [
    # the name, "our method" or "we" as the subject of a using / building verb, after the proposal
    ("We propose ZedNet. ZedNet (ZN), which is built upon BERT, reads tables.", {"BERT"}),
    ("We propose ZedNet. Our framework efficiently leverages a frozen CLIP encoder.", {"CLIP"}),
    ("We propose ZedNet. We fine-tune LLaMA-2 on medical notes.", {"LLaMA-2"}),
    ("We propose ZedNet. We build upon Whisper and adopt LoRA.", {"Whisper", "LoRA"}),
    ("We propose ZedNet. We fine-tune the vanilla Transformer (BERT) on tables.", {"BERT"}),
    ("We propose ZedNet. ZedNet exploits a DeBERTa network as the backbone.", {"DeBERTa"}),

    # further in a strong verb's object (known methods only), up to "to" / a participle
    ("We propose ZedNet. ZedNet integrates pre-trained layout parsing and iterative LoRA tuning.", {"LoRA"}),
    ("We propose ZedNet. In particular, ZedNet integrates pre-trained parsing and iterative LoRA tuning.", {"LoRA"}),
    ("We propose ZedNet. ZedNet uses a graph of cells to fine-tune Whisper.", set()),
    ("We propose ZedNet. ZedNet employs a compact encoder, outperforming Whisper.", set()),
    # the proposal sentence: any known method after the name
    ("We propose ZedNet, a loop in which Code Llama reads its own test failures.", {"Code Llama"}),
    ("QuxNet is slow. We propose ZedNet, a planner that drives QuxNet agents in the wild.", {"QuxNet"}),
])
def test_uses_basis_found(text: str, expected: set[str]) -> None:
    names = ["ZedNet", "BERT", "CLIP", "LLaMA-2", "Whisper", "LoRA", "DeBERTa", "Code Llama", "QuxNet"]
    assert based(text, names) == expected


@pytest.mark.parametrize("text", [
    # compared, replaced or contrasted, not built on
    "We propose ZedNet. ZedNet is faster than BERT with fewer layers.",
    "We propose ZedNet, which, unlike BERT, needs no labels.",
    "We propose ZedNet. ZedNet uses no BERT features.",
    "We propose ZedNet. Our method replaces BERT with a small tagger.",
    "We propose ZedNet. ZedNet instead of BERT reads tables.",
    # the paper's own parts, its other name, tools, data
    "We propose ZedNet, a model with a novel Gated Fusion Block module.",
    "We propose ZedNet. We employ GPT-4 as a judge.",
    "We propose ZedNet. We then employ RAPO, a novel RL algorithm, for ranking.",
    "We propose ZedNet. We adopt a Target Aware Gating Mechanism (TAGM) for ranking.",
    "We propose ZedNet. We then employ Rank Policy Optimization (RAPO), a novel RL algorithm, for ranking.",
    "We propose a model, termed as ZedNet, trained with the Pile dataset.",
    # "we" with weak or tool-like verbs
    "We propose ZedNet. We use BERT to label the pages.",
    "We propose ZedNet. We compare with BERT on tables.",
    # before the proposal, another subject, or an unknown name in the proposal sentence
    "Prior work uses BERT. We propose ZedNet for tables.",
    "We propose ZedNet. Earlier systems such as QuxNet use BERT.",
    "We propose ZedNet, a planner for ZorpLM agents.",
    # listed with the paper's method, or only modifying a noun that is no model part
    "We propose ZedNet, QuxNet and CLIP for three tasks.",
    "We propose ZedNet, a method for BERT compression.",
    "We propose ZedNet, a quantization scheme for CLIP and BERT models.",
    # the paper's method as the object of an evaluation; a judge; "generated by"
    "We propose ZedNet. We evaluate ZedNet using suites from BERT and CLIP.",
    "We propose ZedNet. ZedNet employs both metrics and LLM-as-a-judge assessments.",
    "We propose ZedNet, a checker for programs generated by CLIP.",
    "We propose ZedNet, a 1-bit quantization method for Large Language Models (LLMs).",
    # the proposal sentence names what the method works on
    "We propose ZedNet, a pruning method tailored for BERT.",
    "We propose ZedNet, a test-time scaling strategy within large CLIP encoders.",
])
def test_uses_basis_excluded(text: str) -> None:
    names = ["ZedNet", "BERT", "GPT-4", "RAPO", "Gated Fusion Block", "Tree Gated Fusion Block", "QuxNet", "ZorpLM",
             "CLIP", "Pile", "LLM-as-a-judge", "Large Language Models", "LLMs", "Target Aware Gating Mechanism"]
    assert based(text, names) == set()


def test_uses_basis_is_abstract_only() -> None:
    # the same words as a title give no proposal-sentence relation (titles have their own rules: title_with)
    for field, expected in (("title", set()), ("abstract", {"Code Llama"})):
        t = "We propose ZedNet, a loop in which Code Llama reads its own test failures."
        rels = find_relations(t, [(0, len(t))], _mentions(t, ["ZedNet", "Code Llama"]), field=field, proposed="ZedNet")
        assert {r.tail for r in rels if r.type == "BASED_ON"} == expected


def test_uses_basis_not_for_a_family_taken_as_the_paper_method() -> None:
    t = "We propose a Large Language Model agent. We fine-tune BERT and Whisper on tables."
    assert based(t, ["Large Language Model", "BERT", "Whisper"], proposed="Large Language Model") == set()
    assert based(t.replace("a Large Language Model", "ZedNet, an"), ["ZedNet", "BERT", "Whisper"]) == {"BERT", "Whisper"}


def test_own_part_named_by_its_acronym_too() -> None:
    t = "We propose ZedNet. We adopt a Target Aware Gating Mechanism (TAGM) for ranking."
    ms = _mentions(t, ["ZedNet", "Target Aware Gating Mechanism"])
    i = t.index("TAGM")
    ms = sorted([*ms, (i, i + 4, "Method", "Target Aware Gating Mechanism")])  # the acronym carries the long name
    assert not [r for r in find_relations(t, _sentences(t), ms, proposed="ZedNet") if r.type == "BASED_ON"]


def test_uses_basis_pure_function() -> None:
    t = "ZedNet combines a frozen CLIP encoder with BERT."
    got = uses_basis(t, t.lower(), 0, len(t), _mentions(t, ["ZedNet", "CLIP", "BERT"]), "ZedNet", False)
    assert [(x[3], y[3], r) for x, y, r in got] == [("ZedNet", "CLIP", "uses_named"), ("ZedNet", "BERT", "uses_object")]


@pytest.mark.parametrize("text", ["ZedNet uses GPT-4 to generate training data.", "ZedNet uses GPT-4 as a judge.",
                                  "ZedNet uses Tree Gated Fusion Block (TGFB) modules."])
def test_uses_basis_tools_and_parts(text: str) -> None:
    ms = _mentions(text, ["ZedNet", "GPT-4", "Tree Gated Fusion Block"])
    assert uses_basis(text, text.lower(), 0, len(text), ms, "ZedNet", False) == []


# --- 1 Dec morning (HREL): a frozen model, the passive backbone, "Y, another solver, was integrated into X" ---

def test_frozen_model_after_the_paper_method_is_its_basis() -> None:
    t = "We propose ZedNet for dense prediction. Our method, ZedNet, predicts features of a frozen DINOv2 teacher."
    assert based(t, ["ZedNet", "DINOv2"]) == {"DINOv2"}
    rels = find_relations(t, _sentences(t), _mentions(t, ["ZedNet", "DINOv2"]), proposed="ZedNet")
    assert [r.confidence for r in rels if r.tail == "DINOv2"] == [RULE_CONFIDENCE["uses_frozen"]] == [0.7]


@pytest.mark.parametrize("text", [
    "We propose ZedNet for dense prediction. Unlike methods with a frozen DINOv2 encoder, ZedNet trains end to end.",
    "We propose ZedNet for dense prediction. We evaluate ZedNet against a frozen DINOv2 baseline.",
    "We propose ZedNet for dense prediction. ZedNet is faster than a frozen DINOv2 encoder.",
    "We propose ZedNet for dense prediction. ZedNet uses no frozen DINOv2 features.",
])
def test_frozen_model_compared_or_before_the_paper_method_is_not(text: str) -> None:
    assert based(text, ["ZedNet", "DINOv2"]) == set()


@pytest.mark.parametrize("text, expected", [
    ("We propose ZedNet for crowd counting. A ResNet-50 is adopted as the backbone.", {"ResNet-50"}),
    ("We propose ZedNet for crowd counting. In ZedNet, a Swin Transformer is employed as the feature extractor.",
     {"Swin Transformer"}),
    ("We propose ZedNet for crowd counting. BERT (base) is used as the text encoder.", {"BERT"}),
    # another method is the subject of the clause: its backbone, not the paper's
    ("We propose ZedNet for crowd counting. For CSRNet, a ResNet-50 is adopted as the backbone.", set()),
    ("We propose ZedNet for crowd counting. A ResNet-50 is adopted as the baseline.", set()),
])
def test_passive_backbone_after_the_proposal(text: str, expected: set[str]) -> None:
    assert based(text, ["ZedNet", "ResNet-50", "Swin Transformer", "BERT", "CSRNet"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("We propose ZedNet, a parallel framework. A popular open-source solver, SCIP, was integrated into ZedNet as the "
     "base solver.", {"SCIP"}),
    ("We propose ZedNet, a parallel framework. HiGHS, another open-source solver, was integrated into ZedNet.", {"HiGHS"}),
    ("We propose ZedNet, a parallel framework. SCIP, HiGHS, was not integrated into ZedNet.", set()),
])
def test_integrated_into_after_an_appositive(text: str, expected: set[str]) -> None:
    assert based(text, ["ZedNet", "SCIP", "HiGHS"]) == expected


def test_a_relation_found_by_two_rules_keeps_the_higher_confidence() -> None:
    # "ZedNet, a ... for T" in the proposal sentence: proposal_task (0.65) fires before for_task (0.7)
    t = "We propose ZedNet, a Transformer for machine translation."
    rels = find_relations(t, _sentences(t), _mentions(t, ["ZedNet", "Transformer"], ("machine translation",)),
                          proposed="ZedNet", min_confidence=0.0)
    conf = {r.tail: r.confidence for r in rels if r.type == "APPLIED_TO" and r.head == "ZedNet"}
    assert conf == {"machine translation": 0.7}


def _rels(text: str, names: list[str], proposed: str = "ZedNet") -> set[tuple[str, str, str]]:
    return {(r.head, r.type, r.tail) for r in find_relations(text, _sentences(text), _mentions(text, names), proposed=proposed)}


def test_proposal_sentence_lists_every_part_after_integrating() -> None:
    t = "We introduce ZedNet, a novel method integrating BERT, ResNet-50 (RN50) and GPT-4 for captioning."
    got = _rels(t, ["ZedNet", "BERT", "ResNet-50", "RN50", "GPT-4"])
    assert {("ZedNet", "BASED_ON", "BERT"), ("ZedNet", "BASED_ON", "GPT-4")} <= got
    assert ("ZedNet", "BASED_ON", "ResNet-50") in got or ("ZedNet", "BASED_ON", "RN50") in got
    # the list ends at a clause: "and trains on COCO", a compared name
    t = "We introduce ZedNet, a novel method integrating BERT, which outperforms GPT-4."
    assert ("ZedNet", "BASED_ON", "GPT-4") not in _rels(t, ["ZedNet", "BERT", "GPT-4"])


def test_relative_clause_after_the_appositive_of_the_paper_method() -> None:
    t = "We introduce ZedNet, a novel framework integrating BERT and GPT-4 for captioning, which outperforms CLIP, BLIP and LLaVA."
    got = _rels(t, ["ZedNet", "BERT", "GPT-4", "CLIP", "BLIP", "LLaVA"])
    assert {("ZedNet", "OUTPERFORMS", y) for y in ("CLIP", "BLIP", "LLaVA")} <= got
    assert not any(h == "GPT-4" for h, _, _ in got)
    assert {("ZedNet", "BASED_ON", "BERT"), ("ZedNet", "BASED_ON", "GPT-4")} <= got
    # no appositive of the paper's method: the name before the comma
    t = "We introduce ZedNet for captioning. It integrates BERT and GPT-4, which outperforms CLIP."
    assert ("GPT-4", "OUTPERFORMS", "CLIP") in _rels(t, ["ZedNet", "BERT", "GPT-4", "CLIP"])


def test_it_after_the_proposal_sentence_stands_for_the_paper_method() -> None:
    t = "We propose ZedNet for captioning. It fine-tunes LLaMA-2 with a new loss."
    assert based(t, ["ZedNet", "LLaMA-2"]) == {"LLaMA-2"}
    # an expletive "It is", or a previous sentence that does not name the paper's method
    assert based("We propose ZedNet for captioning. It is common to fine-tune LLaMA-2.", ["ZedNet", "LLaMA-2"]) == set()
    t = "We propose ZedNet for captioning. BLIP is a strong model. It fine-tunes LLaMA-2 with a new loss."
    assert based(t, ["ZedNet", "LLaMA-2", "BLIP"]) == set()


def test_compared_list_does_not_free_a_dataset_clause() -> None:
    # the names after "against A" stay other subjects for the evaluation rules: no S5 EVALUATED_ON from this sentence
    t = "We propose ZedNet for detection. We evaluate six settings (S0-S5) against three detectors (RoBERTa, DetectX and BinoY)."
    ms = sorted(_mentions(t, ["ZedNet", "RoBERTa", "DetectX", "BinoY"]) + [(t.index("S5"), t.index("S5") + 2, "Dataset", "S5")])
    rels = find_relations(t, _sentences(t), ms, proposed="ZedNet")
    assert not any(r.type == "EVALUATED_ON" for r in rels)


def test_experimental_results_on_a_task() -> None:
    t = "We propose ZedNet, a model. Experimental results on perturbation prediction show our model achieves the best accuracy."
    rels = find_relations(t, _sentences(t), _mentions(t, ["ZedNet"], ("perturbation prediction",)), proposed="ZedNet")
    assert [(r.head, r.type, r.tail, r.confidence) for r in rels] == [
        ("ZedNet", "APPLIED_TO", "perturbation prediction", RULE_CONFIDENCE["experiments_task"])]


def test_retrieval_augmented_benchmark_is_no_data_making_word() -> None:
    t = ("We propose ZedNet, a model. ZedNet achieves the best average score, including strong results on "
         "grammar-focused MadQA, safety-oriented AraSafe, and retrieval-augmented RagBench.")
    ms = sorted(_mentions(t, ["ZedNet"]) + [(t.index(n), t.index(n) + len(n), "Dataset", n)
                                            for n in ("MadQA", "AraSafe", "RagBench")])
    rels = find_relations(t, _sentences(t), ms, proposed="ZedNet")
    assert {r.tail for r in rels if r.type == "EVALUATED_ON"} == {"MadQA", "AraSafe", "RagBench"}
    t = "We propose ZedNet, a model. ZedNet achieves the best score on RagBench when trained on data augmented from SynSet."
    ms = sorted(_mentions(t, ["ZedNet"]) + [(t.index(n), t.index(n) + len(n), "Dataset", n) for n in ("RagBench", "SynSet")])
    assert {r.tail for r in find_relations(t, _sentences(t), ms, proposed="ZedNet") if r.type == "EVALUATED_ON"} == {"RagBench"}


def test_lower_case_catalog_method_is_a_component() -> None:
    t = "We propose ZedNet for robust graphs. It integrates randomized smoothing with two new components."
    ms = _mentions(t, ["ZedNet", "randomized smoothing"])
    rels = find_relations(t, _sentences(t), ms, proposed="ZedNet", min_confidence=0.0)
    assert [(r.tail, r.confidence) for r in rels if r.type == "BASED_ON"] == [("randomized smoothing", 0.7)]
    # a plural family phrase is no basis at all, a name with capitals keeps 0.7
    t = "We propose ZedNet for robust graphs. It integrates graph neural networks with two new components."
    assert not find_relations(t, _sentences(t), _mentions(t, ["ZedNet", "graph neural networks"]), proposed="ZedNet",
                              min_confidence=0.0)


def test_the_model_opening_a_later_sentence_is_the_paper_method() -> None:
    t = "We propose ZedNet for depression detection. The model was also evaluated on the DepCorpus dataset."
    ms = sorted(_mentions(t, ["ZedNet"]) + [(t.index("DepCorpus"), t.index("DepCorpus") + 9, "Dataset", "DepCorpus")])
    rels = find_relations(t, _sentences(t), ms, proposed="ZedNet")
    # named by "The model": paper_eval (0.8), not the nameless paper_eval_bare (0.7)
    assert [(r.head, r.type, r.tail, r.confidence) for r in rels] == [("ZedNet", "EVALUATED_ON", "DepCorpus", 0.8)]
    assert based("We propose ZedNet for captioning. The framework fine-tunes LLaMA-2 with a new loss.",
                 ["ZedNet", "LLaMA-2"]) == {"LLaMA-2"}
    # before the proposal, or "The model of ...", "The model is a ...": no reference to the paper's method
    assert based("The framework fine-tunes LLaMA-2 with a new loss. We propose ZedNet for captioning.",
                 ["ZedNet", "LLaMA-2"]) == set()
    assert based("We propose ZedNet for captioning. The model of prior work fine-tunes LLaMA-2 with a new loss.",
                 ["ZedNet", "LLaMA-2"]) == set()


@pytest.mark.parametrize("text, head", [
    ("We propose ZedNet. ZedNet integrates BLIP-2 with a new decoder and outperforms Flamingo on COCO.", "ZedNet"),
    ("We propose ZedNet. ZedNet fine-tunes BLIP-2 and consistently outperforms Flamingo.", "ZedNet"),
    ("We propose ZedNet. The framework fine-tunes BLIP-2 and surpasses Flamingo.", "ZedNet"),
    # BLIP-2 is the subject of its own clause
    ("We propose ZedNet. ZedNet is compared with BLIP-2 and Flamingo; BLIP-2 is fast and outperforms Flamingo.", "BLIP-2"),
])
def test_coordinated_verb_shares_the_subject(text: str, head: str) -> None:
    rels = find_relations(text, _sentences(text), _mentions(text, ["ZedNet", "BLIP-2", "Flamingo"]), proposed="ZedNet")
    assert {r.head for r in rels if r.type == "OUTPERFORMS" and r.tail == "Flamingo"} == {head}


def test_experiments_show_takes_the_subject_after_the_verb() -> None:
    t = ("We propose ZedNet, a detector. Extensive experiments on COCO with both ResNet-50 and ViT-B backbones show that "
         "ZedNet is effective.")
    ms = sorted(_mentions(t, ["ZedNet", "ResNet-50", "ViT-B"]) + [(t.index("COCO"), t.index("COCO") + 4, "Dataset", "COCO")])
    rels = find_relations(t, _sentences(t), ms, proposed="ZedNet")
    assert {(r.head, r.tail) for r in rels if r.type == "EVALUATED_ON"} == {("ZedNet", "COCO")}


@pytest.mark.parametrize("text, names, expected", [
    # the appositive names the paper's method as a kind of a catalog method (with its acronym, one modifier word)
    ("We present ZedNet, a novel query-centric graph RAG framework for search.", ["ZedNet", "RAG"], {"RAG"}),
    ("We present ZedNet, an efficient Mixture-of-Experts (MoE) language model.", ["ZedNet", "Mixture-of-Experts"],
     {"Mixture-of-Experts"}),
    ("We present ZedNet, a region-aware GRPO post-training framework.", ["ZedNet", "GRPO"], {"GRPO"}),
    # not a process the method applies to the name, not a paradigm, not a name the catalog does not know
    ("We present ZedNet, an accurate LoRA routing algorithm.", ["ZedNet", "LoRA"], set()),
    ("We present ZedNet, a fast KV cache compression method.", ["ZedNet", "KV cache"], set()),
    ("We present ZedNet, a novel SSL framework for audio.", ["ZedNet", "SSL"], set()),
    ("We present ZedNet, a novel QRX framework for audio.", ["ZedNet", "QRX"], set()),
    # "using Y as the backbone / teacher", "we build X upon Y"
    ("We propose ZedNet. ZedNet sets a new record on MATH, using Qwen-7B as the backbone.", ["ZedNet", "Qwen-7B"],
     {"Qwen-7B"}),
    ("We propose ZedNet. When leveraging DINOv2 as the teacher, ZedNet matches larger models.", ["ZedNet", "DINOv2"],
     {"DINOv2"}),
    ("We propose ZedNet. We build ZedNet upon LLaMA-2 and Whisper.", ["ZedNet", "LLaMA-2", "Whisper"], {"LLaMA-2", "Whisper"}),
    ("We propose ZedNet. ZedNet is better than GPT-4 using BERT as the backbone.", ["ZedNet", "GPT-4", "BERT"], set()),
    ("We propose ZedNet. ZedNet reaches 90% on MATH, with GPT-4 as a teacher to label the data.", ["ZedNet", "GPT-4"], set()),
    # "a generalization of Y", "an extension to Y", "builds on the ... backbone Y", "Built upon the backbone of Y, X ..."
    ("We introduce ZedNet, a principled generalization of DPO.", ["ZedNet", "DPO"], {"DPO"}),
    ("We introduce ZedNet, a lightweight extension to VAR-CLIP.", ["ZedNet", "VAR-CLIP"], {"VAR-CLIP"}),
    ("We propose ZedNet. ZedNet builds on the scientific multimodal reasoning backbone S1-VL.", ["ZedNet", "S1-VL"], {"S1-VL"}),
    ("We propose ZedNet. Built upon the encoder-decoder backbone of D-LinkNet, ZedNet adds two modules.",
     ["ZedNet", "D-LinkNet"], {"D-LinkNet"}),
    ("We propose ZedNet. ZedNet improves the generalization of BERT.", ["ZedNet", "BERT"], set()),
])
def test_kinds_backbones_and_generalizations(text: str, names: list[str], expected: set[str]) -> None:
    assert based(text, names) == expected


@pytest.mark.parametrize("text, names", [
    ("We propose ZedNet. ZedNet employs a pseudo-labeling strategy to label the unlabeled images.", ["ZedNet", "pseudo-labeling"]),
    ("We propose ZedNet. ZedNet adapts via gradient descent to each task.", ["ZedNet", "gradient descent"]),
    ("We propose ZedNet, a federated algorithm that fundamentally departs from FedAvg.", ["ZedNet", "FedAvg"]),
])
def test_data_techniques_and_departures_are_no_basis(text: str, names: list[str]) -> None:
    assert based(text, names) == set()


@pytest.mark.parametrize("text, names, expected", [
    # an appositive of the paper's method, then one of the verbs that list its parts
    ("We present ZedNet, a retrieval framework that integrates BM25 with ColBERT via a learned router.",
     ["ZedNet", "BM25", "ColBERT"], {"BM25", "ColBERT"}),
    ("We propose ZedNet, a hybrid framework for planning that combines GPT-4 with Gaussian Processes.",
     ["ZedNet", "GPT-4", "Gaussian Processes"], {"GPT-4", "Gaussian Processes"}),
    ("We propose ZedNet, a prototypical network integrating BERT and GIN for molecules.",
     ["ZedNet", "BERT", "GIN"], {"BERT", "GIN"}),
    # a purpose phrase opens the sentence: the paper's method is still the subject
    ("We introduce ZedNet. To improve robustness, ZedNet combines BERT and LightGBM in one model.",
     ["ZedNet", "BERT", "LightGBM"], {"BERT", "LightGBM"}),
])
def test_appositive_and_purpose_openings_before_a_combining_verb(text: str, names: list[str], expected: set[str]) -> None:
    assert based(text, names) == expected


def test_a_tool_verb_after_an_appositive_is_no_combination() -> None:
    text = "We propose ZedNet, a framework that uses GPT-4 to generate training data for BERT."
    assert based(text, ["ZedNet", "GPT-4", "BERT"]) == set()


@pytest.mark.parametrize("title, names, expected", [
    ("ZedNet: Integrating Transformers and ConvLSTMs for Coastal Forecasting", ["ZedNet", "Transformers", "ConvLSTMs"],
     {"Transformers", "ConvLSTMs"}),
    ("ZedNet: Leveraging CLIP for Open-Vocabulary Detection", ["ZedNet", "CLIP"], {"CLIP"}),
    ("ZedNet: Fast Segmentation via SAM and CLIP", ["ZedNet", "SAM", "CLIP"], {"SAM", "CLIP"}),
    ("ZedNet: Leveraging GPT-4 to Generate Training Data for NER", ["ZedNet", "GPT-4"], set()),
])
def test_title_lists_after_a_combining_verb(title: str, names: list[str], expected: set[str]) -> None:
    rels = find_relations(title, [(0, len(title))], _mentions(title, names), field="title", proposed="ZedNet")
    assert {r.tail for r in rels if r.type == "BASED_ON" and r.head == "ZedNet"} == expected


def test_opening_basis_names_the_method_we_present() -> None:
    # the paper's first method is the component; "we" stands for it, the presented model is the head
    text = "We propose the ZorpAttn mechanism. Leveraging ZorpAttn, we present ZedNet with a hierarchical structure."
    rels = find_relations(text, _sentences(text), _mentions(text, ["ZorpAttn", "ZedNet"]), proposed="ZorpAttn")
    assert ("ZedNet", "ZorpAttn") in {(r.head, r.tail) for r in rels if r.type == "BASED_ON"}


@pytest.mark.parametrize("text, names, expected", [
    # the paper's method named as the subject of a verb that lists its parts
    ("We propose ZedNet. ZedNet includes a Gap Module (GM) and a Ring Head (RH).",
     ["ZedNet", "Gap Module", "Ring Head"], {"Gap Module", "Ring Head"}),
    ("We propose ZedNet. ZedNet contains a frozen CLIP and a Q-Former.",
     ["ZedNet", "CLIP", "Q-Former"], {"CLIP", "Q-Former"}),
    # a count of parts and a colon before the list, numbered or not
    ("We propose ZedNet. ZedNet consists of two key modules: Gap Module and Ring Head.",
     ["ZedNet", "Gap Module", "Ring Head"], {"Gap Module", "Ring Head"}),
    ("We propose ZedNet. ZedNet comprises three components: (1) Gap Module, (2) Ring Head and (3) Wave Loss.",
     ["ZedNet", "Gap Module", "Ring Head", "Wave Loss"], {"Gap Module", "Ring Head", "Wave Loss"}),
    # an appositive of the paper's method before a participle that lists its parts (with or without a comma)
    ("We present ZedNet, a novel fusion model consisting of a Gap Module (GM) and a Ring Head (RH).",
     ["ZedNet", "Gap Module", "Ring Head"], {"Gap Module", "Ring Head"}),
    ("We present ZedNet, a novel Scale Aligned Fusion Model, comprising a Gap Module (GM) and a Ring Head (RH).",
     ["ZedNet", "Gap Module", "Ring Head"], {"Gap Module", "Ring Head"}),
    ("This work presents a hybrid network called ZedNet, consisting of a pretrained ResNet and transformer blocks.",
     ["ZedNet", "ResNet"], {"ResNet"}),
])
def test_parts_listed_after_includes_consists_of_and_comprising(text: str, names: list[str], expected: set[str]) -> None:
    assert based(text, names) == expected


@pytest.mark.parametrize("text, names", [
    # the paper's method inside a prepositional phrase: not the subject of "includes"
    ("We propose ZedNet. Our evaluation of ZedNet includes a study with GPT-4 and Claude.", ["ZedNet", "GPT-4", "Claude"]),
    # stages of a procedure are no count of parts
    ("We propose ZedNet. ZedNet consists of two stages: BERT pretraining and GPT-4 labeling.", ["ZedNet", "BERT", "GPT-4"]),
])
def test_no_parts_outside_the_subject_or_after_stages(text: str, names: list[str]) -> None:
    assert based(text, names) == set()


@pytest.mark.parametrize("text, names, expected", [
    # numbered parts: each item's first name, after the description of the one before
    ("We propose ZedNet. ZedNet comprises two key components: (1) Gap Module, a module that aligns features; and "
     "(2) Ring Head, a decoder for masks.", ["ZedNet", "Gap Module", "Ring Head"], {"Gap Module", "Ring Head"}),
    ("We propose ZedNet. ZedNet consists of three modules: 1) a Gap Module that aligns features, 2) a Ring Head for "
     "decoding, and 3) a frozen CLIP encoder.", ["ZedNet", "Gap Module", "Ring Head", "CLIP"], {"Gap Module", "Ring Head", "CLIP"}),
])
def test_numbered_parts_after_a_count(text: str, names: list[str], expected: set[str]) -> None:
    assert based(text, names) == expected


def test_paper_method_typed_otherwise_as_a_later_subject() -> None:
    # the paper's name read into a dataset list once ("On FooSet and BarSet, ZedNet reaches ..."): still its method
    text = "We propose ZedNet, built on BERT. On FooSet and BarSet, ZedNet reaches 91% accuracy, outperforming GPT-4."
    ms = sorted(_mentions(text, ["BERT", "GPT-4"]) + [(11, 17, "Method", "ZedNet"), (37, 43, "Dataset", "FooSet"),
                                                    (48, 54, "Dataset", "BarSet"), (56, 62, "Dataset", "ZedNet")])
    assert [text[m[0]:m[1]] for m in ms if m[2] == "Dataset"] == ["FooSet", "BarSet", "ZedNet"]
    rels = {(r.head, r.type, r.tail) for r in find_relations(text, _sentences(text), ms, proposed="ZedNet")}
    assert {("ZedNet", "BASED_ON", "BERT"), ("ZedNet", "OUTPERFORMS", "GPT-4")} <= rels
    # a name typed as a dataset elsewhere than as such a subject is no method of the paper ("We also release the ZedNet
    # corpus"): the rules that need the paper's own method stay off
    text2 = "We propose ZedNet. ZedNet leverages BERT for tagging. We also release the ZedNet corpus."
    k = text2.rfind("ZedNet")
    ms2 = sorted(_mentions(text2, ["ZedNet", "BERT"])[:-1] + [(k, k + 6, "Dataset", "ZedNet")])
    assert not find_relations(text2, _sentences(text2), ms2, proposed="ZedNet")
