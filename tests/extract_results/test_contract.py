"""The ``kg extract`` contract for results and relations, through the real pipeline (spacy.blank + kg components)."""

from __future__ import annotations

import json

from kg.extract import extract_paper
from kg.models import Paper

TEXT = ("We propose ZetaNet, a vision model built on ResNet-50. ZetaNet reaches 84.2% top-1 accuracy on ImageNet "
        "and outperforms ViT, while decoding is 2.5x faster. In 2023, two datasets and Section 4 were added.")


def test_result_and_relation_records_have_the_contract_fields():
    x = extract_paper(Paper(id="t1", title="ZetaNet: Fast Image Classification", abstract=TEXT))
    d = json.loads(json.dumps(x.to_dict()))
    for r in d["results"]:
        assert set(r) >= {"metric", "value", "unit", "kind", "dataset", "method", "task", "evidence"}
        assert r["kind"] in ("absolute", "gain", "reduction") and r["unit"] in ("%", "x", "points", None)
        ev = r["evidence"]
        assert set(ev) == {"sentence", "start", "end", "field"}
        src = x.paper.title if ev["field"] == "title" else x.paper.abstract
        assert src[ev["start"]:ev["end"]] == ev["sentence"]
    for r in d["relations"]:
        assert set(r) >= {"head", "head_type", "type", "tail", "tail_type", "confidence", "evidence"}
        assert 0.0 < r["confidence"] <= 1.0
        src = x.paper.title if r["evidence"]["field"] == "title" else x.paper.abstract
        assert src[r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["sentence"]
    values = {r["value"]: r for r in d["results"]}
    assert set(values) == {"84.2", "2.5"}  # not 2023, two, 4, 50
    assert values["84.2"]["unit"] == "%" and values["84.2"]["dataset"] == "ImageNet"
    assert "accuracy" in (values["84.2"]["metric"] or "").lower() and values["84.2"]["method"] == "ZetaNet"
    assert (values["2.5"]["unit"], values["2.5"]["kind"]) == ("x", "gain")
    rels = {(r["head"], r["type"], r["tail"]) for r in d["relations"]}
    assert ("ZetaNet", "EVALUATED_ON", "ImageNet") in rels
    assert any(h == "ZetaNet" and t == "OUTPERFORMS" for h, t, _ in rels)
    assert any(h == "ZetaNet" and t == "BASED_ON" and "resnet" in tail.lower() for h, t, tail in rels)
