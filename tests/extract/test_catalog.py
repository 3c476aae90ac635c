"""The packaged catalog: schema, no conflicting or generic names, case rules, PwC part reproducible."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from kg.errors import InputError
from kg.extract import build_nlp, extract_paper
from kg.extract.catalog import TYPES, catalog_forms, form_variants, is_exact, load_catalog, parse_catalog_lines
from kg.models import Paper
from tests.conftest import ROOT, load_script, shared_path

DATA = ROOT / "kg" / "extract" / "data"
build_catalog = load_script("scripts/build_catalog.py")
norm = build_catalog.norm

# words and phrases too generic to ever be a catalog form
GENERIC = {"model", "models", "network", "networks", "learning", "data", "dataset", "datasets", "method", "methods",
           "algorithm", "algorithms", "approach", "framework", "system", "task", "tasks", "benchmark", "metric",
           "score", "performance", "result", "results", "training", "inference", "deep learning", "machine learning",
           "neural network", "neural networks", "artificial intelligence", "attention", "architecture", "baseline",
           "classifier", "encoder", "decoder", "feature", "features", "representation", "embedding", "embeddings",
           "optimization", "prediction", "classification", "detection", "segmentation", "generation", "error",
           "loss", "evaluation", "experiment", "analysis", "large language model", "large language models",
           "language model", "language models", "llm", "llms", "ai", "ml", "nlp", "cv", "image", "images", "text",
           "video", "graph", "agent", "agents", "policy", "reward", "quality", "efficiency", "speed", "time",
           "cost", "memory", "size", "state-of-the-art", "sota", "fine-tuning", "pre-training", "pretraining"}


def rows():
    return load_catalog()


def test_rows_are_valid_and_every_type_well_represented():
    by_type = defaultdict(int)
    for r in rows():
        assert r["type"] in TYPES and r["name"] == r["name"].strip() and r["name"]
        assert all(a == a.strip() and a for a in r["aliases"]), r
        by_type[r["type"]] += 1
    minimum = {"Method": 1000, "Dataset": 600, "Metric": 200, "Task": 2500}
    assert all(by_type[t] >= minimum[t] for t in TYPES), by_type


def test_no_duplicate_rows_and_no_cross_type_conflicts_unless_flagged():
    names = defaultdict(list)
    form_types = defaultdict(dict)
    owners = defaultdict(set)
    for r in rows():
        names[(r["type"], norm(r["name"]))].append(r["name"])
        for f in (r["name"], *r["aliases"]):
            form_types[norm(f)].setdefault(r["type"], []).append(r)
    flagged = {(r["type"], r["name"]) for r in rows() if r.get("ambiguous")}
    surface = defaultdict(set)
    for typ, canon, form, exact in catalog_forms(rows()):  # generated variants included ("R-2" -> "R2")
        owners[(typ, form if exact else form.lower())].add(canon)
        surface[form if exact else form.lower()].add((typ, canon))
    cross = [(f, sorted(v)) for f, v in surface.items() if len({t for t, _ in v}) > 1 and not v <= flagged]
    assert not cross, cross[:10]
    dups = {k: v for k, v in names.items() if len(v) > 1}
    assert not dups, list(dups.items())[:10]
    shared = {k: v for k, v in owners.items() if len(v) > 1}  # one surface form, two canonical names
    assert not shared, list(shared.items())[:10]
    conflicts = [(f, sorted(ts)) for f, ts in form_types.items() if len(ts) > 1
                 and not all(r.get("ambiguous") for rs in ts.values() for r in rs)]
    assert not conflicts, conflicts[:20]


def test_no_generic_or_stop_word_forms():
    bad = [(r["name"], f) for r in rows() for f in (r["name"], *r["aliases"])
           if f.lower() in GENERIC or norm(f) in GENERIC or not re.search(r"\w", f)
           or (f.lower() in STOP_WORDS and not is_exact(f, r))]
    assert not bad, bad[:20]


def test_short_and_word_like_forms_match_exact_case_only():
    loose = [(typ, form) for typ, _, form, exact in catalog_forms(rows()) if not exact
             and (len(form) <= 3 or form.lower() in build_catalog.COMMON_WORDS)]
    assert not loose, loose[:20]


def test_case_rule_and_variants():
    assert is_exact("MAP") and is_exact("GLUE") and is_exact("mAP") and not is_exact("ImageNet")
    assert is_exact("Whisper", {"case_sensitive": True}) and not is_exact("BLEU", {"case_sensitive": False})
    assert form_variants("CIFAR-10", "Dataset") == ["CIFAR-10", "CIFAR 10", "CIFAR10"]
    assert "CNNs" in form_variants("CNN", "Method") and form_variants("perplexity", "Metric") == ["perplexity"]
    assert form_variants("accuracy", "Metric") == ["accuracy", "accuracies"]  # no "accuracys"


def test_matching_respects_case_and_finds_variants():
    nlp = build_nlp()
    doc = nlp("We map the glue code; then GANs and ResNet50 are trained on CIFAR10 and GLUE with top-1 accuracy.")
    found = {(sp.text, sp.label_) for sp in doc.spans["kg_entities"]}
    assert ("GLUE", "Dataset") in found and ("CIFAR10", "Dataset") in found and ("ResNet50", "Method") in found
    assert ("GANs", "Method") in found and ("top-1 accuracy", "Metric") in found
    assert not any(t.lower() in {"map", "glue"} and t != "GLUE" for t, _ in found), found


def test_extract_uses_catalog_names_as_canonical():
    x = extract_paper(Paper(id="1", title="", abstract="We fine-tune ResNet50 on ImageNet-1k for image captioning."))
    got = {(e.type, e.name) for e in x.entities}
    assert ("Method", "ResNet-50") in got and ("Dataset", "ImageNet-1K") in got and ("Task", "image captioning") in got


@pytest.mark.parametrize("line, field", [
    ('{"type": "Model", "name": "X", "aliases": []}', "type"),
    ('{"type": "Method", "name": "", "aliases": []}', "name"),
    ('{"type": "Method", "name": "X", "aliases": "Y"}', "aliases"),
    ('{"type": "Method", "name": "X", "aliases": [], "case_sensitive": "yes"}', "case_sensitive"),
    ('{"type": "Method", "name": "X", "aliases": [], "colour": 1}', "colour"),
])
def test_bad_rows_name_file_line_and_field(line, field):
    with pytest.raises(InputError) as e:
        parse_catalog_lines(['{"_comment": "ok"}', line], "cat.jsonl")
    assert str(e.value).startswith(f"cat.jsonl:2: field '{field}': ")


def test_bad_json_line():
    with pytest.raises(InputError, match=r"^cat.jsonl:1: invalid JSON"):
        parse_catalog_lines(["{nope"], "cat.jsonl")


def test_pwc_filters():
    assert build_catalog.clean_task("Visual Question Answering (VQA)") == ("visual question answering", ["VQA"])
    for raw in ["Prediction", "16k", "Speech Synthesis - Telugu", "Sports Analytics", "3D Human Pose Estimation in Limited Data",
                "Natural Language Inference (One-Shot)", "Subgraph Counting, 3 Star", "Deep Learning", "Multivariate Time Series Forecastingm"]:
        assert build_catalog.clean_task(raw) is None, raw
    rows_ = build_catalog.build_rows(["Text Modelling", "text modeling", "Image Captioning", "Data Augmentation", "ImageNet Classification"],
                                     {"imagenet classification"}, {"data augmentation"}, set())
    assert [r["name"] for r in rows_] == ["image captioning", "text modelling"]
    assert rows_[1]["aliases"] == ["text modeling"]


def test_pwc_part_is_credited_and_reproducible():
    text = (DATA / "catalog_tasks_pwc.jsonl").read_text(encoding="utf-8")
    assert "Papers with Code" in json.loads(text.splitlines()[0])["_comment"]
    assert "CC BY-SA 4.0" in (ROOT / "NOTICE").read_text()
    pwc = shared_path("pwc-catalog")
    assert build_catalog.build(pwc) == text, "run: python scripts/build_catalog.py"


def test_catalog_lookup_honours_case_rules():
    from kg.extract.catalog import catalog_lookup
    assert catalog_lookup("ResNet50") == ("Method", "ResNet-50") and catalog_lookup("WMT 14") == ("Dataset", "WMT14") and catalog_lookup("wmt14") is None
    assert catalog_lookup("map") is None and catalog_lookup("MAP") is None and catalog_lookup("mAP")[0] == "Metric"
    assert catalog_lookup("Glue") is None and catalog_lookup("GLUE") == ("Dataset", "GLUE")


def test_recent_benchmarks_are_datasets():
    """Well-known benchmarks added in the Dataset recall round are typed Dataset, not Method by default."""
    from kg.models import Paper
    t = ("We report pass@1 on AIME25, HMMT and LiveBench, detection accuracy on FaceForensics++ and "
         "Celeb-DF, and gains on VTAB-1k.")
    got = {e.name: e.type for e in extract_paper(Paper(id="c", title="", abstract=t)).entities}
    for name in ("AIME 2025", "HMMT", "LiveBench", "FaceForensics++", "Celeb-DF", "VTAB"):
        assert got.get(name) == "Dataset", (name, got)
