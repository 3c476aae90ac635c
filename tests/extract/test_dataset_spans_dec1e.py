"""Dataset names on unseen abstracts (round of 1 Dec, evening): a conference with its year is no dataset;
self-written sentences with made-up names."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.models import Paper


def ents(title: str, abstract: str) -> dict[str, tuple[str, str | None]]:
    x = extract_paper(Paper(id="t", title=title, abstract=abstract))
    return {e.name: (e.type, e.role) for e in x.entities}


@pytest.mark.parametrize("text, venue", [
    ("We describe our entry to the Zorb Challenge held with NAACL 2021. We test QuxNet on the ZorbSet dataset.",
     "NAACL 2021"),
    ("QuxNet, published at ICML 2024, is trained on the ZorbSet dataset.", "ICML 2024"),
    ("Our QuxNet ranks first in the zorb track at CVPR 2025 on the ZorbSet dataset.", "CVPR 2025"),
])
def test_a_venue_with_its_year_is_no_dataset(text, venue):
    got = ents("", text)
    assert venue not in got and got.get("ZorbSet", ("",))[0] == "Dataset", got


def test_a_name_with_a_year_is_still_a_dataset():
    got = ents("", "We evaluate QuxNet on ZorbCorp 2019 and on the ZorbSet dataset.")
    assert got.get("ZorbCorp 2019", ("",))[0] == "Dataset", got
