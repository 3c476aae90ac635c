"""Dataset names (round of 2 Dec, dec2d): the list after a dataset head word is read over punctuation it used to
stop at: "datasets (i.e., A, B)", "datasets, that is, A and B", "datasets -- A and B --", and items that carry a
short parenthesis ("A (6 classes) and B (9 classes)"); self-written sentences with made-up names."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.models import Paper


def types(abstract: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_paper(Paper(id="t", title="", abstract=abstract)).entities}


@pytest.mark.parametrize("text", [
    "Experiments on four public datasets (i.e., ZORB-GX, QUXL, FROB and BLAT) validate our approach.",
    "We test on three activity datasets (i.e. ZORB-GX, QUXL and FROB), where our model performs best.",
    "It is evaluated using public datasets, that is, ZORB-GX, QUXL, and FROB. It outperforms prior models.",
    "The detectors are tested on three public datasets, ZORB-GX (6 classes), QUXL (9 classes) and FROB (4 classes), "
    "using two backbones.",
    "We evaluate it on three public datasets -- ZORB-GX, QUXL and FROB -- recorded in the field.",
])
def test_a_list_after_a_dataset_head_is_read(text):
    got = types(text)
    assert all(got.get(n) == "Dataset" for n in ("ZORB-GX", "QUXL", "FROB")), got


def test_the_words_of_a_parenthesis_are_no_items():
    got = types("The detectors are tested on two public datasets, ZORB-GX (Smith Lab) and QUXL (Tanaka Group), "
                "using two backbones.")
    assert got.get("ZORB-GX") == "Dataset" and got.get("QUXL") == "Dataset", got
    assert got.get("Smith Lab") != "Dataset" and got.get("Tanaka Group") != "Dataset", got
