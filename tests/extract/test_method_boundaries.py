"""Where a Method name starts and ends, and names typed Method only by default in a title (round of 1 Dec, late
morning); self-written sentences with made-up names."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.extract.discover import name_chunks
from kg.models import Paper


def methods(title: str, abstract: str) -> dict[str, tuple[str, ...]]:
    x = extract_paper(Paper(id="m", title=title, abstract=abstract))
    return {e.name: e.aliases for e in x.entities if e.type == "Method"}


@pytest.mark.parametrize("tok", ["ELECTRA-large", "ZorbLM-base", "DeiT-tiny", "Quxlm3-instruct"])
def test_a_lower_case_size_word_stays_with_the_name(tok):
    t = f"We fine-tune {tok} on two corpora."
    assert [t[s:e] for s, e in name_chunks(t)] == [tok]


def test_an_adjective_end_is_still_cut_from_the_name():
    t = "We use ZORB-based encoders and a QuxLM-large-based decoder."
    assert [t[s:e] for s, e in name_chunks(t)] == ["ZORB", "QuxLM-large"]


@pytest.mark.parametrize("text, name", [
    ("To reduce errors we add a defense, namely Chain-of-Verifying, to the agent.", "Chain-of-Verifying"),
    ("The proposed approach, called Look-and-Zorb, improves recall.", "Look-and-Zorb"),
    ("We give a formal model of events, called Event-Zorb-F. It extends older work.", "Event-Zorb-F"),
])
def test_a_name_after_called_or_namely_keeps_its_hyphenated_parts(text, name):
    got = methods("", text)
    assert name in got, got


def test_a_catalog_method_glued_by_a_hyphen_is_read_with_its_compound():
    got = methods("", "We pretrain a Vision-Transformer and replace the self-attention mechanism of a Swin-Transformer.")
    assert "Transformer" not in got and "attention mechanism" not in got, got
    assert "Vision-Transformer" in got["Vision Transformer"] and "Swin-Transformer" in got["Swin Transformer"]
    assert "self-attention" in got
    # a catalog name without the space is another name: "Meta-GPT" stays the paper's own
    assert "Meta-GPT" in methods("", "We develop Meta-GPT, a foundation model of surfaces.")


def test_a_name_by_default_only_in_the_title_is_no_method():
    title = "Robust ZQ Device Fingerprinting with Graph Sampling"
    got = methods(title, "We fingerprint radio devices under shift with ZorbNet and graph sampling.")
    assert "ZQ" not in got and "ZorbNet" in got, got
    # the same name used in the abstract is kept, and so is a title name without an abstract
    assert "ZQ" in methods(title, "ZQ fingerprints are matched by ZorbNet.")
    assert "ZQ" in methods(title, "")


def test_a_former_name_with_a_short_stem_and_no_name_after_so_called():
    got = methods("", "Our recogniser beats Emformer and Zmformer; the so-called Quiet Years ended.")
    assert {"Emformer", "Zmformer"} <= set(got) and "Quiet Years" not in got, got


@pytest.mark.parametrize("word", ["PDE", "GDPR", "SoTA", "MIMO", "ADHD"])
def test_domain_acronyms_are_no_method_names(word):
    got = methods("", f"We pair {word} with ZorbNet and compare both with QuxNet on three benchmarks.")
    assert word not in got and "ZorbNet" in got, got


@pytest.mark.parametrize("text", ["Evaluating 12 models, we find gaps.", "Overall 3 systems fail.",
                                  "Industry 4.0 plants need FooNet.", "System 1 thinking is fast."])
def test_a_capitalised_opener_or_generic_word_before_a_count_is_no_name(text):
    got = methods("", text)
    assert not [n for n in got if n.startswith(text.split()[0] + " ")], got


def test_two_names_before_a_title_colon_are_two_names_and_a_name_at_an_event_is_the_name():
    got = methods("ZorbNet and QuxLM: Two Models for Graphs", "We propose ZorbNet and QuxLM for graphs.")
    assert {"ZorbNet", "QuxLM"} <= set(got) and "ZorbNet and QuxLM" not in got, got
    got = methods("ZorbGate at FOOSQL 2024: Safer Query Generation", "We describe our system for the shared task.")
    assert "ZorbGate" in got and not [n for n in got if "FOOSQL" in n], got
    # a plain word is no second name ("GPT and Prejudice: ..." is a pun, not two methods)
    assert "Prejudice" not in methods("GPT and Prejudice: Sparse Probes", "We probe GPT with sparse features.")
