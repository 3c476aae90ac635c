"""Pattern discovery beyond the catalog (kg.extract.discover), on self-written sentences."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper, field_mentions
from kg.extract.discover import (appositive_types, dataset_lists, is_name_token, long_form_type, metric_spans,
                                 name_chunks, proposal_spans, task_phrases, title_head)
from kg.models import Paper


def spans(text, pairs):
    return [text[p[0]:p[1]] for p in pairs]


@pytest.mark.parametrize("tok, ok", [("LoRA", True), ("TCFormer", True), ("CIFAR100", True), ("YOLOv8", True),
                                     ("GSM8K", True), ("mBERT", True), ("GPT-4", True), ("Qwen2.5", True),
                                     ("GPU", False), ("LLMs", False), ("3D", False), ("COVID-19", False),
                                     ("OpenAI", False), ("10th", False), ("0.15dB", False), ("eXplainable", False),
                                     ("Transformer", False), ("SergeyZagoruykoNikosKomodakis", False)])
def test_name_tokens_and_stop_list(tok, ok):
    assert is_name_token(tok) is ok


def test_version_and_size_suffixes():
    t = "Llama 2 7B, GPT-4, ResNet-50 and BERT-Large beat BERT-based models; Mixtral 8x7B and Qwen2.5-7B-Instruct too."
    got = spans(t, name_chunks(t))
    assert {"Llama 2 7B", "GPT-4", "ResNet-50", "BERT-Large", "BERT", "Qwen2.5-7B-Instruct"} <= set(got)
    assert "Table 3" not in spans("See Table 3.", name_chunks("See Table 3."))


def test_all_caps_text_has_no_names():
    assert name_chunks("A STUDY OF DEEP NETS FOR IMAGES") == []


def test_dataset_lists_and_contexts():
    t = "We report results on the Foo-1K, Bar Scenes, and Qux datasets, and on benchmarks such as ZedQA and Wub."
    assert spans(t, dataset_lists(t)) == ["Foo-1K", "Bar Scenes", "Qux", "ZedQA", "Wub"]
    t2 = "Experiments on FooSet-3 and Bar show gains; on the other hand, it is slow."
    assert spans(t2, dataset_lists(t2)) == ["FooSet-3", "Bar"]
    assert dataset_lists("We train on large corpora of text.") == []


def test_task_phrases_have_modifiers_and_stop_at_generic_words():
    t = "A novel approach improves multi-person pose estimation and efficient crowd counting; detection alone is vague."
    assert spans(t, task_phrases(t)) == ["multi-person pose estimation", "crowd counting"]
    assert task_phrases("The classification loss and the detection head.") == []


def test_metric_forms():
    t = "It reaches pass@1 of 40, ECE: 0.12, a Dice score of 0.9 and a lower word error rate."
    assert spans(t, metric_spans(t)) == ["pass@1", "ECE", "Dice score", "word error rate"]


@pytest.mark.parametrize("lf, typ", [("Graph Attention Network", "Method"), ("Low-Rank Adaptation", "Method"),
                                     ("Mean Absolute Error", "Metric"), ("Named Entity Recognition", "Task"),
                                     ("Open LLM Leaderboard", "Dataset"), ("class-incremental learning", "Task"),
                                     ("reinforcement learning", None), ("World Health Organization", None)])
def test_long_form_types(lf, typ):
    assert long_form_type(lf) == typ


def test_appositions_and_proposals():
    t = "We introduce FooBench, a new benchmark for code. We propose a simple framework, BarNet, named after bars."
    assert appositive_types(t, name_chunks(t)) == {(13, 21): "Dataset"}
    props = [(t[s:e], typ) for s, e, typ in proposal_spans(t)]
    assert ("FooBench", "Dataset") in props and ("BarNet", "Method") in props
    assert title_head("Towards Better Nets: A Study") is None
    assert title_head("QuxNet: Fast Nets") == (0, 6)


def test_pipeline_types_roles_and_vague_phrases():
    x = extract_paper(Paper(id="1", title="ZapNet: Sparse Experts for Crowd Counting",
                            abstract="We propose ZapNet. Our method uses deep learning on a large corpus and beats "
                                     "LoRA. Results on the Zap-2K and Yak datasets show 3.1% higher accuracy."))
    got = {(e.type, e.name): e.role for e in x.entities}
    assert got[("Method", "ZapNet")] == "proposed" and got[("Method", "LoRA")] == "used"
    assert ("Dataset", "Zap-2K") in got and ("Dataset", "Yak") in got and ("Task", "crowd counting") in got
    assert not any("method" in n.lower() or "corpus" in n.lower() or n == "deep learning" for _, n in got)


def test_one_surface_form_one_type():
    t = "On the Quux-7 benchmark we improve. Quux-7 is hard."
    ms, _, _ = field_mentions(t, {})
    assert [(t[s:e], typ) for s, e, typ, _ in ms] == [("Quux-7", "Dataset"), ("Quux-7", "Method")]  # per field
    x = extract_paper(Paper(id="1", title="Quux-7 in the wild", abstract=t))  # per paper: one type
    assert [(e.type, e.name, len(e.mentions)) for e in x.entities] == [("Dataset", "Quux-7", 3)]


def test_metric_lists():
    t = "We use quality metrics such as Foo-F1 and Smoothness, and measures: Crispness."
    assert spans(t, metric_spans(t)) == ["Foo-F1", "Smoothness", "Crispness"]


def test_proposed_title_case_name():
    t = "We propose Warm Fuzzy Nets, a unified model. We introduce Sharp Grounding (SG) for robots."
    assert [(t[s:e], typ) for s, e, typ in proposal_spans(t)] == [("Warm Fuzzy Nets", "Method"),
                                                                  ("Sharp Grounding", "Method")]


def test_dataset_apposition_list():
    t = "We build two datasets, Foo-S1 and Foo-S1X, filling a gap. On both datasets, BarNet wins."
    assert spans(t, dataset_lists(t)) == ["Foo-S1", "Foo-S1X"]


def test_defined_names_typed_and_owned_from_context():
    """A long form whose last word says nothing ("Retriever", "Shaping", "Pool") is a Method from the words
    around it, and the paper's own after a proposal cue in its sentence or "a novel"; a plain definition in a
    sentence without a cue stays untyped."""
    t = ("We propose FooNet, whose pipeline integrates a Quux Feature Pool (QFP) module. Using a novel Zed Ranking "
         "Retriever (ZRR), it beats Warm Path Shaping (WPS), a training-free inference strategy. "
         "Prior work relied on Blue Sky Logic (BSL).")
    ents = {e.name: e for e in extract_paper(Paper(id="d", title="", abstract=t)).entities}
    assert ents["Quux Feature Pool"].type == "Method" and ents["Quux Feature Pool"].role == "proposed"
    assert ents["Zed Ranking Retriever"].role == "proposed" and "ZRR" in ents["Zed Ranking Retriever"].aliases
    assert ents["Warm Path Shaping"].type == "Method" and ents["Warm Path Shaping"].role == "used"
    assert "Blue Sky Logic" not in ents and "BSL" not in ents
    # the long form standing in the title makes it the paper's own; after "using" in the title it does not
    x = extract_paper(Paper(id="t", title="Blue Sky Logic for Drones",
                            abstract="We show Blue Sky Logic (BSL), a system architecture for planning."))
    assert [(e.name, e.role) for e in x.entities if e.type == "Method"] == [("Blue Sky Logic", "proposed")]
    x = extract_paper(Paper(id="u", title="Drone Planning using Blue Sky Logic",
                            abstract="We show Blue Sky Logic (BSL), a system architecture for planning."))
    assert [(e.name, e.role) for e in x.entities if e.type == "Method"] == [("Blue Sky Logic", "used")]


def test_task_named_once_kept_only_where_a_task_is_expected():
    t = ("FooNet uses BarNet for crowd tracking. It also mentions zorp detection once. We evaluate zebra "
         "classification, segmentation and quux prediction, and multi-hop reasoning tasks.")
    tasks = {e.name for e in extract_paper(Paper(id="k", title="", abstract=t)).entities if e.type == "Task"}
    assert {"crowd tracking", "zebra classification", "segmentation", "quux prediction"} <= tasks
    assert "zorp detection" not in tasks
    # a bare head joins a list only with a comma: "image generation and editing, but" is no list of tasks
    t2 = "Tools for image generation and editing, but slow."
    assert [t2[s:e] for s, e in task_phrases(t2)] == ["image generation"]


def test_gerund_task_modifiers_and_known_names():
    t = "A model for handwriting recognition beats baselines; improving recognition is hard."
    assert [t[s:e] for s, e in task_phrases(t)] == ["handwriting recognition"]
    # a task phrase in a title does not begin inside a known dataset name
    x = extract_paper(Paper(id="c", title="Teaching Machines on the CNN / Daily Mail Reading Comprehension Task",
                            abstract="We study reading comprehension."))
    assert {(e.type, e.name) for e in x.entities} >= {("Dataset", "CNN/Daily Mail"), ("Task", "reading comprehension")}


def test_metric_measures_and_qualified_metrics():
    t = "FooNet improves AUPRC and mean tIoU over all baselines and decreases collision frequency by 25%."
    ents = {(e.type, e.name) for e in extract_paper(Paper(id="m", title="", abstract=t)).entities}
    assert {("Metric", "tIoU"), ("Metric", "collision frequency")} <= ents


def test_name_chunk_noise_left_out():
    t = "FooNet-Based priors, CNN 97.91% and ViT 93.75% at 6400times6400 with REOrdering; Llama 3.1 8B and Qwen 2.5."
    assert spans(t, name_chunks(t)) == ["FooNet", "CNN", "ViT", "Llama 3.1 8B", "Qwen 2.5"]


def test_lower_case_transformer_is_the_family_not_the_model():
    def methods(text):
        return {e.name for e in extract_paper(Paper(id="f", title="", abstract=text)).entities if e.type == "Method"}
    assert "Transformer" not in methods("We train transformers on code with a sparse transformer.")
    assert "Transformer" in methods("We compare an LSTM with the Transformer.")


def test_weak_task_heads_before_tasks_and_in_titles():
    t = "Models fail on multi-hop reasoning tasks and on the reasoning of others."
    assert spans(t, task_phrases(t)) == ["multi-hop reasoning"]
    assert spans("Zed: Semantic Prompt Compression via Rewriting",
                 task_phrases("Zed: Semantic Prompt Compression via Rewriting", title=True)) == ["Semantic Prompt Compression"]
    t3 = "Qux: a small model for biomedical text mining"
    assert spans(t3, task_phrases(t3, title=True)) == ["biomedical text mining"]
    t4 = "Robust Image Compression for Drones"  # a weak head needs "for"/":" before the phrase in a title
    assert task_phrases(t4, title=True) == []
    t5 = "We present FooGEO Bench, the first benchmark."
    assert spans(t5, name_chunks(t5)) == ["FooGEO Bench"]


def test_measures_after_a_factor_and_defined_diagnostics():
    t = "FooNet exhibits 2x convergence speed of BarNet and 3x higher decoding throughput."
    ents = {(e.type, e.name) for e in extract_paper(Paper(id="s", title="", abstract=t)).entities}
    assert {("Metric", "convergence speed"), ("Metric", "decoding throughput")} <= ents
    t2 = "We introduce Warm Path Energy (WPE), a per-sample diagnostic that measures effort."
    ents2 = {e.name: e for e in extract_paper(Paper(id="w", title="", abstract=t2)).entities}
    assert ents2["Warm Path Energy"].type == "Metric" and "WPE" in ents2["Warm Path Energy"].aliases


def test_family_or_used_names_after_a_cue_are_not_proposed():
    t = "We propose FooNet, which uses large language models (LLMs) and builds on the Zed Causal Model (ZCM)."
    ents = {e.name: e for e in extract_paper(Paper(id="p", title="", abstract=t)).entities}
    assert all(e.role != "proposed" for n, e in ents.items() if n != "FooNet")
    x = extract_paper(Paper(id="q", title="Planning with Frontier Blue Sky Logic",
                            abstract="We show Blue Sky Logic (BSL), a system architecture for planning."))
    assert [(e.name, e.role) for e in x.entities if e.type == "Method"] == [("Blue Sky Logic", "used")]


@pytest.mark.parametrize("title, name, typ", [
    ("Quxbench: Benchmarking Agents in Law", "Quxbench", "Dataset"),       # "X: Benchmarking ..."
    ("ZorpArena: Playing Games with Models", "ZorpArena", "Dataset"),      # a dataset naming convention
    ("Room Plans: A Synthetic Dataset for Floor Layouts", "Room Plans", "Dataset"),  # plain words before "A ... Dataset"
    ("ZorpNet: A Framework for Dataset Cleaning", "ZorpNet", "Method"),
])
def test_title_head_presented_as_dataset(title, name, typ):
    x = extract_paper(Paper(id="t", title=title, abstract="We report results."))
    assert (typ, name) in {(e.type, e.name) for e in x.entities}


def test_title_plain_words_need_a_dataset_phrase():
    x = extract_paper(Paper(id="t", title="Better Plans: Learning Floor Layouts", abstract="We report results."))
    assert not any(e.name == "Better Plans" for e in x.entities)


def test_defined_name_after_dataset_named_is_a_dataset():
    t = "We also derive a large dataset named Warped Grid Tables (WGT). Models trained on WGT transfer well."
    got = {(e.type, e.name) for e in extract_paper(Paper(id="d", title="", abstract=t)).entities}
    assert ("Dataset", "Warped Grid Tables") in got and not any(ty == "Method" for ty, _ in got)


@pytest.mark.parametrize("title, role", [
    ("BERT: Pre-training of Deep Bidirectional Transformers", "proposed"),           # the title's head
    ("Graph Neural Networks for Radio Mobility: A Link Prediction Approach", "used"),  # a family opening the title
    ("Vision Transformers (ViTs) for Crop Mapping", "used"),
])
def test_catalog_name_opening_the_title_is_proposed_only_as_its_head(title, role):
    # (the abstract names the family too: a family named in the title only is dropped, test_method_types_dec1d.py)
    x = extract_paper(Paper(id="r", title=title, abstract="We report results of graph neural networks on three tasks."))
    roles = [e.role for e in x.entities if e.type == "Method"]
    assert roles and roles[0] == role, [(e.name, e.role) for e in x.entities]


def test_capitalised_dataset_head_names_a_dataset():
    t = ("Experiments on the Zorbian Corpus and the Quill-Vale Benchmark show gains; the Test Dataset is small, "
         "and the Bias Benchmark for Question Answering (BBQA) is left out.")
    got = {(e.type, e.name) for e in extract_paper(Paper(id="c", title="", abstract=t)).entities}
    assert ("Dataset", "Zorbian Corpus") in got and ("Dataset", "Quill-Vale Benchmark") in got
    assert not any(n in ("Test Dataset", "Bias Benchmark") for _, n in got)


def test_dataset_apposition_with_coordinated_adjectives_and_head_before_definition():
    t = ("We introduce ZorbArena-X, a static and time-invariant benchmark comprising 275 tasks. We also introduce a "
         "benchmark, Quill State Tracking Reasoning (QSTR), which contains 1,172 scenes.")
    got = {(e.type, e.name) for e in extract_paper(Paper(id="a", title="", abstract=t)).entities}
    assert ("Dataset", "ZorbArena-X") in got and ("Dataset", "Quill State Tracking Reasoning") in got
    t = "We propose ZorbNet, a simple and effective framework, and a benchmark of 50 tasks."
    got = {(e.type, e.name) for e in extract_paper(Paper(id="b", title="", abstract=t)).entities}
    assert ("Method", "ZorbNet") in got


def test_sentence_opening_word_before_a_plural_head_is_no_dataset():
    t = ("Text corpora are split into tokens. While benchmarks exist, gaps remain. Cross-dataset experiments on "
         "ZorbSet help. Aneumoz dataset contains 10k cases.")
    got = {(e.type, e.name) for e in extract_paper(Paper(id="s", title="", abstract=t)).entities}
    assert not any(n in ("Text", "While", "Cross") for _, n in got)
    assert ("Dataset", "ZorbSet") in got and ("Dataset", "Aneumoz") in got
    t = "Multiple benchmarks test code models."
    assert not extract_paper(Paper(id="m", title="", abstract=t)).entities  # not MultiPL-E


@pytest.mark.parametrize("sentence, typ", [
    ("We release ZorbTrack, a new longitudinal pancreatic cancer benchmark, to test transfer.", "Dataset"),
    ("We introduce ZORB, a fine-grained and diverse instruction-following evaluation dataset.", "Dataset"),
    ("We present ZorbCube, a systematic benchmark of 226 tasks.", "Dataset"),
    ("We introduce ZorbSeq, a purely inference-time, dataset-free optimization method.", "Method"),
])
def test_describing_words_are_whole_words_before_the_dataset_head(sentence, typ):
    got = {e.name: e.type for e in extract_paper(Paper(id="w", title="", abstract=sentence)).entities}
    assert got.get(sentence.split()[2].rstrip(",")) == typ, got


@pytest.mark.parametrize("title, head", [
    ("Zorb-Arena: A General Framework for Evaluating Control Algorithms", "Zorb-Arena"),
    ("Copy-as-Zorb: Grammar-Constrained Parallel Prefill", "Copy-as-Zorb"),
    ("Zorbica++: A High-Performance Simulator", "Zorbica++"),
    ("inversedZorb: Data Augmentation via Inverted Embeddings", "inversedZorb"),
    ("Zorbaçade: Editing Objects with a Given Texture", "Zorbaçade"),
    ("Position: Zorbs Should Be Studied", None),
    ("Towards-Zorb Learning: A Study", None),
])
def test_one_word_coined_title_head(title, head):
    h = title_head(title)
    assert (title[h[0]:h[1]] if h else None) == head


def test_one_capitalised_word_set_off_after_a_proposal_cue_is_the_papers_method():
    t = ("To address this, we present Zorb-Arena, a Python framework for testing policies. Unlike others, "
         "Zorb-Arena supports all control algorithms. We also introduce Quxel, a lightweight planner.")
    x = extract_paper(Paper(id="z", title="Zorb-Arena: A General Framework for Evaluating Control Algorithms",
                            abstract=t))
    got = {e.name: e for e in x.entities}
    assert got["Zorb-Arena"].type == "Method" and got["Zorb-Arena"].role == "proposed"
    assert len(got["Zorb-Arena"].mentions) == 3  # title, the cue, and the later mention
    assert got["Quxel"].type == "Method" and got["Quxel"].role == "proposed"


def test_a_qualifier_the_paper_repeats_with_a_catalog_method_is_kept_as_its_alias():
    t = ("Our network uses a modality dropout strategy and a safe fusion block. Plain dropout is not used; "
         "a standard dropout layer and an efficient dropout rate are tuned.")
    x = extract_paper(Paper(id="q", title="A Robust Framework with Zorb Fusion and Modality Dropout", abstract=t))
    drop = next(e for e in x.entities if e.name.lower() == "dropout")
    assert "modality dropout" in drop.aliases
    assert not {"standard dropout", "efficient dropout", "Plain dropout"} & set(drop.aliases)
    t = ("We train with a mixed sample knowledge distillation; the mixed sample knowledge distillation helps. "
         "A graph diffusion model and the graph diffusion model Grammar.")
    x = extract_paper(Paper(id="r", title="", abstract=t))
    aliases = {a.lower() for e in x.entities for a in e.aliases}
    assert "sample knowledge distillation" not in aliases  # cut from a longer name
    assert "graph diffusion model" in aliases


def test_generic_compounds_and_citation_keys_are_no_method_names():
    t = ("Scaling helps \\citep{zorb2020language}. Prior work ran an AI-Agent in LLM-Empowered Non-IID settings; compare "
         "with ZorbNet-Adapter and GPT-4.")
    names = {e.name for e in extract_paper(Paper(id="g", title="", abstract=t)).entities}
    assert not {"AI-Agent", "LLM-Empowered", "Non-IID", "zorb2020language"} & names, names
    assert {"ZorbNet-Adapter", "GPT-4"} <= names


@pytest.mark.parametrize("text", [
    "Failures are costly. This gap is filled by proposing GenZorb, a novel failure prediction framework for 5G.",
    "Earlier conditioning is weak. ZORBELLA (ZE) is a new dual-head conditioning approach.",
])
def test_a_name_described_as_new_right_after_it_is_the_papers_own(text):
    got = {e.name: e.role for e in extract_paper(Paper(id="n", title="", abstract=text)).entities}
    assert "proposed" in {got.get("GenZorb"), got.get("ZORBELLA"), got.get("ZE")}, got
