"""The build's worker pipeline: no doc.spans objects (the rows carry the same matches)."""

from __future__ import annotations

import pytest

TEXT = "We train ResNet50 and BERT on CIFAR10 and GLUE, and report top-1 accuracy and BLEU."


def test_rows_without_spans_are_the_spans_of_the_public_pipeline():
    from kg.extract import build_nlp  # noqa: PLC0415

    nlp = build_nlp()
    doc = nlp(TEXT)
    spans = [(sp.start_char, sp.end_char, sp.label_) for sp in doc.spans["kg_entities"]]
    rows = doc.user_data["kg_canon"]
    assert len(spans) >= 5 and spans == [tuple(r[:3]) for r in rows]
    nlp.get_pipe("kg_catalog").with_spans = False
    lean = nlp(TEXT)
    assert "kg_entities" not in lean.spans and lean.user_data["kg_canon"] == rows
    assert [TEXT[a:b] for a, b, *_ in rows][:2] == ["ResNet50", "BERT"]


def test_worker_pipeline_skips_spans(_extractor, monkeypatch):
    if _extractor != "kg.extract":
        pytest.skip("the stand-in extractor has no spaCy pipeline")
    from kg import parallel  # noqa: PLC0415

    monkeypatch.setattr(parallel, "_NLP_CACHE", {})
    parallel._pool_init(None)
    assert parallel._NLP_CACHE[None].get_pipe("kg_catalog").with_spans is False
