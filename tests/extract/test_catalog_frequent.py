"""The mined catalog of frequent Method/Dataset names (scripts/pwc_frequent.py): shape, review applied, found in text."""

from __future__ import annotations

import json
from collections import Counter

from kg.extract import extract_paper
from kg.extract.catalog import load_catalog, parse_catalog_lines
from kg.models import Paper
from tests.conftest import ROOT, load_script

DATA = ROOT / "kg" / "extract" / "data"
FILES = {"Method": DATA / "catalog_frequent_methods.jsonl", "Dataset": DATA / "catalog_frequent_datasets.jsonl"}
REVIEW = json.loads((ROOT / "scripts" / "pwc_frequent_review.json").read_text(encoding="utf-8"))
pwc_frequent = load_script("scripts/pwc_frequent.py")


def _rows(typ):
    return parse_catalog_lines(FILES[typ].read_text(encoding="utf-8").splitlines(), path=str(FILES[typ]))


def test_files_have_one_type_a_credit_header_and_are_loaded():
    loaded = {(r["type"], r["name"]) for r in load_catalog()}
    for typ, path in FILES.items():
        head = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        assert "Papers with Code" in head["_comment"] and "pwc_frequent.py" in head["_comment"]
        rows = _rows(typ)
        assert len(rows) >= 50 and {r["type"] for r in rows} == {typ}
        assert all((typ, r["name"]) in loaded for r in rows)


def test_review_is_applied():
    names = {r["name"] for typ in FILES for r in _rows(typ)}
    assert not names & set(REVIEW["reject"])
    aliases = {a for typ in FILES for r in _rows(typ) for a in r["aliases"]}
    assert {"NLLB-200", "MM-DiT", "Ego-Exo4D"} <= aliases


def test_no_generic_acronym_language_or_word_in_capitals():
    names = [r["name"] for typ in FILES for r in _rows(typ)]
    assert not [n for n in names if n.isupper() and n.isalpha() and len(n) <= 3 and n not in REVIEW["keep_words"]]
    assert not {"Tamil", "English-German", "COIN", "Bayesian", "SoTA", "Kaggle"} & set(names)
    assert max(Counter(names).values()) == 1


def test_candidate_filters():
    low = Counter({"coin": 50, "adapted": 400, "language": 900, "vision": 500})
    typed = {"COIN": Counter(Dataset=9), "FL": Counter(Method=40), "LoRA-adapted": Counter(Method=9),
             "Vision-Language": Counter(Method=30), "Markov": Counter(Method=20), "FooNet": Counter(Method=6),
             "BarSet": Counter(Dataset=4, Method=1), "QuxBench": Counter(Dataset=6, Method=3)}
    got = {r["name"]: r["reason"] for r in pwc_frequent.select(typed, low, 5, 0.8, set())}
    assert got == {"COIN": "word-acronym", "FL": "acronym", "LoRA-adapted": "modifier", "Vision-Language": "english",
                   "Markov": "word", "FooNet": "", "QuxBench": "purity"}


def test_added_names_are_found_in_a_self_written_abstract():
    text = ("We fine-tune AraBERT and MARBERT on a new Arabic corpus and compare them with NLLB. The search over "
            "hyper-parameters uses CMA-ES and NSGA-II. TinyStories and "
            "DAIC-WOZ were both used, as was NSL-KDD.")
    got = {(e.type, e.name, e.role): e.confidence for e in extract_paper(Paper(id="t", title="", abstract=text)).entities}
    # confidence 0.9 = a catalog match (a bare unknown name gets 0.5 and the Method type by default)
    for name in ("AraBERT", "MARBERT", "NLLB", "CMA-ES", "NSGA-II"):
        assert got.get(("Method", name, "used")) == 0.9, (name, got)
    for name in ("DAIC-WOZ", "TinyStories", "NSL-KDD"):
        assert got.get(("Dataset", name, "used")) == 0.9, (name, got)


def test_a_catalog_name_heading_the_title_is_still_the_papers_own():
    x = extract_paper(Paper(id="t", title="GSPO: Group Sequence Policy Optimization",
                            abstract="We introduce GSPO, a stable reinforcement learning algorithm for training LLMs."))
    roles = {e.name: e.role for e in x.entities if e.type == "Method"}
    assert roles.get("GSPO") == "proposed", roles


def test_lower_case_aliases_of_names_with_capitals_are_found():
    # the catalog writes these aliases in lower case; "record" (ReCoRD) stays a word
    text = "We adapt the model with low-rank adaptation and compare it with o1-preview. Each record is kept."
    got = {(e.type, e.name) for e in extract_paper(Paper(id="t", title="", abstract=text)).entities}
    assert {("Method", "LoRA"), ("Method", "OpenAI o1")} <= got, got
    assert not any(n == "ReCoRD" for _, n in got)


def test_a_mined_name_right_after_we_introduce_is_the_papers_own():
    x = extract_paper(Paper(id="t", title="Evaluating text-to-image models",
                            abstract="We introduce GenAI-Bench, a benchmark of compositional prompts. Models such "
                                     "as SANA are evaluated on it."))
    roles = {(e.type, e.name): e.role for e in x.entities}
    assert roles.get(("Dataset", "GenAI-Bench")) == "proposed" and roles.get(("Method", "SANA")) == "used", roles
    y = extract_paper(Paper(id="t", title="", abstract="We propose a DQN controller for drones."))
    assert {e.name: e.role for e in y.entities if e.type == "Method"} == {"deep Q-network": "used"}
