"""Schwartz-Hearst long forms (kg.extract.text.find_definitions, kg.resolve.long_form_fits) on self-written text."""

from __future__ import annotations

import pytest

from kg.extract.text import find_definitions
from kg.resolve import long_form_fits


def _defs(t):
    return [(t[a:b], t[c:d]) for a, b, c, d in find_definitions(t)]


@pytest.mark.parametrize("text,expected", [
    ("We train a graph convolutional network (GCN) on it.", [("graph convolutional network", "GCN")]),
    ("Hierarchical Alignments and Hierarchical Interactions (HA-HI) fuse scans.",
     [("Hierarchical Alignments and Hierarchical Interactions", "HA-HI")]),
    ("It adapts to personal context. Moreover, we create the first benchmark (PalmBench).", []),
    ("We compare large models (FLUX, Kandinsky) versus training compact domain-specific models (MSDM).", []),
    ("We query GPT models (GPT-4o) and beat a strong classical baseline (BL-3).", []),
    ("Low-Rank Adaptation (LoRA) and the DEtection TRansformer (DETR) are used.",
     [("Low-Rank Adaptation", "LoRA"), ("DEtection TRansformer", "DETR")]),
])
def test_long_forms_stay_in_their_clause_and_fit_the_letters(text, expected):
    assert _defs(text) == expected


@pytest.mark.parametrize("short,long,ok", [
    ("ViT", "Vision Transformer", True), ("BLEU", "Bilingual Evaluation Understudy", True),
    ("T5", "Text-to-Text Transfer Transformer", True), ("VISTA", "VisualToolAgent", True),
    ("GPT-4o", "GPT models", False), ("BL-3", "Baseline", False), ("AIS", "and image segmentation", False),
    ("XR", "XR-Assist, a platform for Extended Reality", False), ("PCR", "Principal Component Regression", True),
    ("PCPO", "Policy Optimization", False), ("HA-HI", "Hierarchical Interactions", False), ("COCO", "Common Objects in Context", True),
])
def test_long_form_fits(short, long, ok):
    assert long_form_fits(short, long) is ok
