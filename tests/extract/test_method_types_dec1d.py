"""A family named in the title only, a new name described by its data count or by the noun phrase before its
bracket (round of 1 Dec, midday); self-written sentences with made-up names."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.models import Paper


def ents(title: str, abstract: str) -> dict[str, tuple[str, str | None]]:
    x = extract_paper(Paper(id="t", title=title, abstract=abstract))
    return {e.name: (e.type, e.role) for e in x.entities}


@pytest.mark.parametrize("title", ["A Tiny Transformer for Counting Zorbs", "Adapting Pre-trained Transformers to Zorb Video"])
def test_a_family_named_in_the_title_only_is_no_method(title):
    got = ents(title, "We present QuxCount, a compact counter that needs no point labels, and test it on three zorb sets.")
    assert "Transformer" not in got and "QuxCount" in got, got


def test_a_family_in_the_title_stays_with_a_qualifier_the_abstract_repeats():
    got = ents("On the Power of the Looped Transformer",
               "We study the looped transformer and show that a looped transformer can emulate zorb iterations.")
    assert got.get("Transformer", ("",))[0] == "Method", got


def test_a_family_in_the_title_and_the_abstract_stays():
    got = ents("A Transformer for Zorbs", "We train a Transformer on zorb sequences and compare it with an LSTM.")
    assert got.get("Transformer", ("",))[0] == "Method", got
