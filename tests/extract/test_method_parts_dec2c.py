"""Method parts (round dec2c): the parts a count announces and lists right after it ("two key components: ...",
"three techniques, i.e. ..."); self-written sentences with made-up names."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.models import Paper
from tests.extract.test_method_spans_dec1e import ents

_OWN = "We propose ZorbNet for quiz ranking. ZorbNet combines two key optimizations -- zorb-driven pruning and " \
       "selective quxian attention. It ranks well."


@pytest.mark.parametrize("text, name, role", [
    (_OWN, "zorb-driven pruning", "proposed"),
    (_OWN, "selective quxian attention", "proposed"),
    ("Our QuxFormer introduces two key components: a Zorb-adaptive Mask that limits attention by density, and an "
     "Order-aware Mask that lets tokens see the query.", "Order-aware Mask", "proposed"),
    ("We propose and evaluate two training strategies: Zorb-Head, which adds one head per label set, and "
     "Qux-Union, which masks labels.", "Qux-Union", "proposed"),
    ("We compare several zorb cleaning techniques, including Quxian Box Filters, Zorb-Teaching and Soft Label "
     "Tempering.", "Soft Label Tempering", "used"),
])
def test_a_listed_part_is_a_method(text, name, role):
    assert ents("", text).get(name) == ("Method", role)


@pytest.mark.parametrize("text, absent", [
    # a lower-case list only after a technique noun: parts named by where they sit are no methods
    ("The zorb depth is split into two components: scaled near-field depth and tapered far-field depth.",
     "scaled near-field depth"),
    # kinds of work, and words around an acronym that go on to a longer name
    ("We sort prior zorb works into three strategies: hand-made methods, binning-based methods and others.",
     "binning-based methods"),
    ("The system has three key components: (1) a Zorb Language (ZL) Query Parser, (2) a Qux Router, and (3) a cache.",
     "Zorb Language"),
    ("Zorbia has three components: (i) a Quxian-Zorb Normal Form (QZNF) catalog schema for rules, (ii) a rule "
     "engine, and (iii) a tuned ranker.", "Quxian-Zorb Normal Form"),
    ("ZorbMusic integrates two innovations: (i) Stage-mixed Zorb and Skewed Qux-Divergence and (ii) Adaptive "
     "Zorb Quantization.", "Skewed Qux-Divergence"),
    ("The model is trained using two techniques: (1) input patches, and (2) shuffled zorb sequences.", "input patches"),
    ("ZorbGen integrates two innovations: (1) a zorb cluster mechanism; and (2) an evolution step that steers "
     "sampling using Zorb Entropy, Qux Mode Entropy, and Cumulative Zorb Complexity to avoid collapse.",
     "Cumulative Zorb Complexity"),
    ("Finally, we propose two practical techniques, namely zorb refactorization and qux reset, to enhance the "
     "speed.", "to enhance the speed"),
    # one name holding "and"
    ("ZorbMed consists of two modules: the Zorb Fact Retrieval Module and the Quxian Error Detection and Editing "
     "Module.", "Quxian Error Detection"),
    # one capitalised word with a lower-case part: no name
    ("Zorb answers were made with three strategies: Zero-shot, Few-shot Qux Prompting and Zorb Voting.", "Zero-shot"),
])
def test_no_part_where_the_list_names_none(text, absent):
    assert absent not in ents("", text)


def test_a_listed_part_is_no_head_of_the_papers_relations():
    x = extract_paper(Paper(id="t", title="", abstract=_OWN))
    assert {(r.type, r.head, r.tail) for r in x.relations} >= {
        ("BASED_ON", "ZorbNet", "zorb-driven pruning"), ("BASED_ON", "ZorbNet", "selective quxian attention")}
    assert not [r for r in x.relations if r.head in ("zorb-driven pruning", "selective quxian attention")]


@pytest.mark.parametrize("text, name, role", [
    ("We propose StableZorb, a one-step model. Additionally, StableZorb introduces a Detail Zorb Network (DZN) to "
     "keep fine detail. It is fast.", "Detail Zorb Network", "proposed"),
    # a name the paper's method uses is not introduced by it
    ("We propose StableZorb, a one-step model. StableZorb uses the Detail Qux Network (DQN) to keep fine detail.",
     "Detail Qux Network", "used"),
])
def test_a_name_the_own_method_introduces_is_its_part(text, name, role):
    assert ents("", text).get(name) == ("Method", role)
