"""A percentage written with a space after its decimal point ("90. 72\\%") is read as one number."""

from __future__ import annotations

from kg.extract import extract_paper
from kg.ingest import clean
from kg.models import Paper


def test_split_decimal_percentage_is_one_result_value():
    raw = "We introduce QZNet. QZNet achieves an accuracy of 90. 72\\% on the FooBar-7 benchmark, up from 88. 1\\%."
    x = extract_paper(Paper(id="d", title="QZNet", abstract=clean(raw)))
    values = {r.value for r in x.results}
    assert "90.72" in values and "72" not in values
