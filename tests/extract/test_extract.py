import json

from click.testing import CliRunner

from kg.cli import cli
from kg.extract import build_nlp, extract_paper, load_catalog
from kg.extract.text import find_definitions, find_repos, role_of, split_sentences
from kg.models import Paper


def test_sentences_survive_abbreviations():
    t = "We follow Smith et al. in Fig. 2, i.e. the U.S. setup. Accuracy is 84.2 here."
    assert [t[s:e] for s, e in split_sentences(t)] == [
        "We follow Smith et al. in Fig. 2, i.e. the U.S. setup.", "Accuracy is 84.2 here."]


def test_schwartz_hearst():
    t = "We train a graph convolutional network (GCN) on it."
    assert [(t[a:b], t[c:d]) for a, b, c, d in find_definitions(t)] == [("graph convolutional network", "GCN")]


def test_repo_normalisation_messy_forms():
    for raw in ["https://github.com/Org/tool", "http://github.com/Org/tool.git", "www.github.com/Org/tool.",
                "(github.com/Org/tool)", "github.com/Org/ tool", "[code](https://github.com/Org/tool),"]:
        assert [r.url for r in find_repos(raw)] == ["https://github.com/Org/tool"], raw
    hf = find_repos("see huggingface.co/datasets/org/data")
    assert hf[0].host == "huggingface"


def test_roles():
    assert role_of("We introduce FooNet.", 13) == "proposed"
    assert role_of("We compare with BERT.", 16) == "used"


def test_catalog_and_vague_phrases():
    assert {r["type"] for r in load_catalog()} == {"Method", "Dataset", "Metric", "Task"}
    x = extract_paper(Paper(id="1", title="", abstract="Our method uses deep learning on a large corpus."))
    assert x.entities == ()


def test_output_contract_and_cli(tmp_path):
    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps({"id": "x1", "title": "FooNet: fast nets",
                               "abstract": "We propose FooNet. It improves top-1 accuracy on ImageNet "
                                           "over ResNet-50. Code: github.com/me/foonet."}) + "\n")
    res = CliRunner().invoke(cli, ["extract", str(src)])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert set(d) == {"id", "title", "entities", "repos", "results", "relations", "urls"}
    names = {(e["type"], e["name"]): e for e in d["entities"]}
    assert names[("Method", "FooNet")]["role"] == "proposed"
    assert ("Dataset", "ImageNet") in names and ("Metric", "top-1 accuracy") in names
    for e in d["entities"]:
        for m in e["mentions"]:
            text = d["title"] if m["field"] == "title" else json.loads(src.read_text())["abstract"]
            assert text[m["start"]:m["end"]] == m["text"]
    assert d["repos"][0]["url"] == "https://github.com/me/foonet"
    assert "Examples:" in CliRunner().invoke(cli, ["extract", "--help"]).output


def test_unknown_model():
    import pytest
    from kg.errors import ExtractError
    with pytest.raises(ExtractError, match="not installed"):
        build_nlp("no_such_model_xyz")


def test_evaluate_equals_score_py(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from kg.evaluate import score
    scorer = Path("/work/shared/eval/score.py")
    if not scorer.exists():
        import pytest
        pytest.skip("shared scorer absent")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "x1", "methods": [{"name": "FooNet", "role": "proposed"}],
                                "datasets": [{"name": "ImageNet"}], "metrics": [{"name": "top-1 accuracy"}],
                                "tasks": [{"name": "image classification"}], "repos": ["github.com/me/foonet"],
                                "results": []}) + "\n")
    pred = tmp_path / "p.jsonl"
    x = extract_paper(Paper(id="x1", title="FooNet: fast", abstract="We propose FooNet; top-1 accuracy on "
                                                                    "ImageNet and CIFAR-10. github.com/me/foonet"))
    pred.write_text(json.dumps(x.to_dict()) + "\n")
    ours = score("seeds", str(gold), str(pred))
    out = subprocess.run([sys.executable, str(scorer), "seeds", str(gold), str(pred)], capture_output=True, text=True).stdout
    for t in ("Method", "Dataset", "Metric", "Task", "Repo"):
        assert f"{t:8s} P={ours[t][0]:.3f} R={ours[t][1]:.3f} F1={ours[t][2]:.3f}" in out
    assert ours["Dataset"][0] == 0.5


def test_generic_acronyms_languages_and_sentence_openers_are_not_names():
    x = extract_paper(Paper(id="g", title="", abstract=(
        "Text-to-image (T2I) models and explainable AI (XAI) are popular. Current benchmarks are narrow. "
        "To benchmark FooNet, we run it on Japanese and English datasets, on multiple NLP benchmarks and on BarQA. "
        "An LLM-as-a-judge rates Human-AI dialogues and AI-Generated images.")))
    got = {(e.type, e.name) for e in x.entities}
    # (no name; "Text-to-image (T2I)" is the task, the catalog's acronym)
    assert got == {("Method", "FooNet"), ("Dataset", "BarQA"), ("Method", "LLM-as-a-judge"),
                   ("Task", "text-to-image generation")}


def test_section_headers_and_hardware_are_no_names_and_a_known_method_heads_its_variant():
    x = extract_paper(Paper(id="h", title="", abstract=(
        "OBJECTIVE: To test FooNet on DRAM traffic. RESULTS: FooNet, tuned by grid search and a genetic algorithm, "
        "wraps split conformal prediction and beats full fine-tuning.")))
    got = {(e.type, e.name) for e in x.entities}
    assert got == {("Method", "FooNet"), ("Method", "grid search"), ("Method", "genetic algorithm"),
                   ("Method", "split conformal prediction"), ("Method", "full fine-tuning")}


def test_acronym_of_a_plain_phrase_is_no_name_in_the_singular_and_an_own_expansion_wins():
    x = extract_paper(Paper(id="p", title="", abstract=(
        "Connected and autonomous vehicles (CAVs) share maps; the ego CAV trusts them. We further propose a light "
        "Domain Meta Network (DMN) that pairs with a 6-DoF arm to guide map generation.")))
    got = {(e.type, e.name) for e in x.entities}
    assert ("Method", "Domain Meta Network") in got
    assert not {n for _, n in got} & {"CAV", "6-DoF", "Dynamic Memory Network", "guide map generation"}


def test_a_long_title_cased_name_after_called_is_taken_whole():
    x = extract_paper(Paper(id="c", title="", abstract=(
        "We design a new module called Gated Sparse Token Mixer Layer Fusion (GSTF). GSTF helps.")))
    assert ("Method", "Gated Sparse Token Mixer Layer Fusion") in {(e.type, e.name) for e in x.entities}


def test_a_dataset_head_noun_right_before_names_types_them_and_an_own_expansion_is_read_by_words():
    x = extract_paper(Paper(id="d", title="", abstract=(
        "We test on the popular benchmark FooArena and on datasets BarSet-15 and QuxSet-17. We benchmark ZedNet "
        "against them. Multi-Dimensional Concept Discovery (MCD) explains models.")))
    got = {(e.type, e.name) for e in x.entities}
    assert {("Dataset", "FooArena"), ("Dataset", "BarSet-15"), ("Dataset", "QuxSet-17"), ("Method", "ZedNet")} <= got
    assert "maximum classifier discrepancy" not in {n for _, n in got}


def test_an_acronym_spelled_out_as_another_catalog_entry_is_that_entry():
    x = extract_paper(Paper(id="t", title="", abstract=(
        "Test-time adaptation (TTA) adapts a model during inference. Most TTA methods minimise entropy; "
        "we also apply CLAHE and train agents with CTDE.")))
    got = {(e.type, e.name) for e in x.entities}
    assert ("Task", "test-time adaptation") in got and ("Method", "test-time augmentation") not in got
    assert {("Method", "contrast limited adaptive histogram equalization"),
            ("Method", "centralized training with decentralized execution")} <= got


def test_one_name_after_a_new_dataset_comma_is_a_dataset_and_more_acronyms_are_no_names():
    x = extract_paper(Paper(id="n", title="", abstract=(
        "We build a new dataset, QuxSet-9K, for detection. A 7-DOF arm, IT staff and HCI tools use SMT solvers.")))
    assert {(e.type, e.name) for e in x.entities} == {("Dataset", "QuxSet-9K")}


def test_an_unknown_name_only_ever_modifying_a_noun_is_no_method():
    x = extract_paper(Paper(id="m", title="", abstract=(
        "FooNet improves PQR robustness and reads ZYX signals with the XYW library. It beats BarNet and QuxNet, "
        "and the KLM loss helps.")))
    got = {(e.type, e.name) for e in x.entities}
    assert {("Method", "FooNet"), ("Method", "BarNet"), ("Method", "QuxNet"), ("Method", "KLM")} <= got
    assert not {"PQR", "ZYX", "XYW"} & {n for _, n in got}


def test_a_catalog_family_ending_the_papers_own_title_name_is_no_entity():
    x = extract_paper(Paper(id="f", title="Zigzag Vision Transformer for Counting", abstract=(
        "We present the zigzag vision transformer (ZiViT). ZiViT counts cells.")))
    got = {(e.type, e.name) for e in x.entities}
    assert ("Method", "Vision Transformer") not in got and any(n == "zigzag vision transformer" for _, n in got)


def test_a_title_cased_name_with_its_method_head_is_the_papers_component():
    x = extract_paper(Paper(id="h", title="", abstract=(
        "Our model employs a Dual Gated Fusion module and a Generative AI framework. QuxNet, a Deep Hybrid "
        "network, is a baseline.")))
    got = {(e.type, e.name, e.role) for e in x.entities}
    assert ("Method", "Dual Gated Fusion", "proposed") in got
    assert not {n for _, n, _ in got} & {"Generative AI", "Deep Hybrid"}


def test_variants_of_the_papers_method_and_a_name_after_its_loss_function_are_its_own():
    x = extract_paper(Paper(id="v", title="", abstract=(
        "We propose ZorbNet. We also introduce a sharpness-aware loss function, ZBL, which helps. "
        "ZorbNet-L and the ZorbNet language model (ZorbLM) beat BarNet.")))
    roles = {e.name: e.role for e in x.entities}
    assert roles["ZorbNet"] == roles["ZorbNet-L"] == roles["ZBL"] == "proposed" and roles["BarNet"] == "used"
    assert roles.get("ZorbNet language model", roles.get("ZorbLM")) == "proposed"


def test_a_title_cased_name_proposed_before_which_is_the_papers_but_not_a_task():
    from kg.extract.discover import proposal_spans
    for t, want in (("We introduce 3D Zigzag Attention, which helps.", [("3D Zigzag Attention", "Method")]),
                    ("We introduce the Zig Error Correction Task, which involves fixing.", [])):
        assert [(t[s:e], ty) for s, e, ty in proposal_spans(t)] == want


def test_lower_case_model_ids_of_well_known_families_are_methods():
    x = extract_paper(Paper(id="l", title="", abstract=(
        "Baselines: gpt-4-1106-preview and qwen2.5-7b-instruct; gpt-4-based judges rate the phi-divergence opt-in.")))
    got = {e.name for e in x.entities if e.type == "Method"}
    assert {"gpt-4-1106-preview", "qwen2.5-7b-instruct"} <= got and not {"gpt-4-based", "phi-divergence", "opt-in"} & got


def test_a_name_in_a_parenthesis_after_a_dataset_is_that_datasets():
    x = extract_paper(Paper(id="p", title="", abstract="We test FooNet on long-tailed CIFAR-100 (CIFAR-LTX) only."))
    got = {(e.type, e.name): e.aliases for e in x.entities}
    assert ("Method", "CIFAR-LTX") not in got and any("CIFAR-LTX" in a for (t, _), a in got.items() if t == "Dataset")


def test_a_name_seen_only_inside_the_papers_longer_name_is_no_entity():
    x = extract_paper(Paper(id="e", title="Think Twice: Adaptive Perception", abstract=(
        "We propose Enhanced ZORP, an adaptive perception architecture. Enhanced ZORP reduces latency by 38%.")))
    got = {e.name for e in x.entities if e.type == "Method"}
    assert "Enhanced ZORP" in got and "ZORP" not in got


def test_gpu_product_names_are_no_methods():
    x = extract_paper(Paper(id="g", title="", abstract="FooNet trains on one RTX 3090 and a GTX 1080 in a day."))
    assert {e.name for e in x.entities} == {"FooNet"}
