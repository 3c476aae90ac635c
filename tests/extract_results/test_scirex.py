"""Recall floor on real SciREX abstracts (skipped when ../shared/data is absent)."""

from __future__ import annotations

import json
import re

import pytest

from kg.extract.results import find_results
from tests.conftest import shared_path

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])")


def _value_key(v) -> str:
    m = re.search(r"\d+(?:[.,]\d+)?", str(v))
    return m.group(0).replace(",", ".") if m else str(v)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENT.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    return out + [(start, len(text))]


@pytest.mark.integration
def test_scirex_result_value_recall_floor():
    path = shared_path("scirex", "train-abstracts.jsonl")
    lab = {"Method": "Method", "Material": "Dataset", "Metric": "Metric", "Task": "Task"}
    gold = hit = 0
    for line in open(path):
        d = json.loads(line)
        text = d["abstract"]
        nums = {_value_key(x) for x in re.findall(r"\d+(?:[.,]\d+)?", text)}
        want = [r for r in d["gold"]["results"] if _value_key(r["score"]) in nums]
        if not want:
            continue
        ms = sorted((m["start"], m["end"], lab[m["label"]], m["text"]) for m in d["gold"]["mentions"]
                    if m["label"] in lab)
        got = {_value_key(r.value) for r in find_results(text, _sentences(text), ms)}
        for r in want:
            gold += 1
            hit += _value_key(r["score"]) in got
    assert gold >= 5
    assert hit / gold >= 0.75, f"value recall {hit}/{gold}"
