"""Hand-written extraction records (all text written for these tests) for the graph tests."""

from __future__ import annotations

import json
from pathlib import Path

from kg.models import (Entity, Evidence, Mention, Paper, PaperExtraction, Relation, Repo, Result, Source)


def _m(text: str, abstract: str) -> tuple[Mention, ...]:
    i = abstract.find(text)
    return (Mention(text, i, i + len(text), "abstract", 0),) if i >= 0 else ()


def px(pid, abstract, ents=(), date="2024-01-15", title=None, repos=(), results=(), relations=(), src="a.jsonl"):
    paper = Paper(id=pid, title=title or f"Paper {pid}", abstract=abstract, date=date,
                  sources=(Source(src, int(pid.split(".")[-1]), "jsonl"),))
    entities = tuple(Entity(t, n, aliases=tuple(al), role=role, confidence=0.9, mentions=_m(n, abstract))
                     for t, n, al, role in ents)
    return PaperExtraction(paper, entities=entities, repos=tuple(repos), results=tuple(results),
                           relations=tuple(relations))


def _ev(s):
    return Evidence(s, 0, len(s), "abstract")


S1 = "We introduce the Vision Transformer (ViT) for image classification. It reaches 88.5% accuracy on ImageNet."
S2 = "We fine-tune ViT on CIFAR-10 and compare with ResNet-50. Our ViT outperforms ResNet-50 with 1.2% top-1 error."
S3 = "Vision-Transformers are based on BERT-large style encoders. We evaluate vision transformers on ImageNet."
S4 = "We present the Segment Anything Model (SAM) for image segmentation. SAM gets 0.79 mIoU on COCO."
S5 = "Sharpness-Aware Minimization (SAM) improves generalization of optimization. SAM reduces error on CIFAR-10."
S6 = "We apply SAM to medical image segmentation of organs."
S7 = "We study SAM with a new widget."
S8 = "We compare GPT-4 and GPT-4o; ResNet50 is a baseline. Code: https://github.com/example/widgets."
#: paper 2 uses a bare 'ViT' (defined once, in paper 1): its title shares words with paper 1, the evidence
#: resolution needs to send a 3-letter acronym defined in one paper only to that sense (kg.resolve.evidence_needed)
T2 = "Image classification with little data"


def records_a() -> list[PaperExtraction]:
    """Six papers: acronyms across papers, plural/hyphen, versions, SAM ambiguity."""
    return [
        px("2401.00001", S1, [("Method", "Vision Transformer", ["ViT"], "proposed"),
                              ("Task", "image classification", [], None), ("Dataset", "ImageNet", [], "used"),
                              ("Metric", "accuracy", [], None)],
           results=[Result("accuracy", "88.5%", "%", dataset="ImageNet", method="Vision Transformer",
                           evidence=_ev(S1.split(". ")[1]))]),
        px("2401.00002", S2, [("Method", "ViT", [], "used"), ("Dataset", "CIFAR-10", [], "used"),
                              ("Method", "ResNet-50", [], "used"), ("Metric", "top-1 error", [], None)],
           date="2024-02-03", title=T2,
           results=[Result("top-1 error", "1.2%", "%", dataset="CIFAR-10", method="ViT"),
                    Result("top-1 error", "3.4%", "%", dataset="CIFAR-10", method="ResNet-50")],
           relations=[Relation("ViT", "Method", "OUTPERFORMS", "ResNet-50", "Method", 0.8, _ev(S2)),
                      Relation("ViT", "Method", "EVALUATED_ON", "CIFAR-10", "Dataset", 0.8, _ev(S2))]),
        px("2401.00003", S3, [("Method", "Vision-Transformers", [], "used"), ("Method", "BERT-large", [], "used"),
                              ("Dataset", "ImageNet", [], "used"), ("Method", "vision transformers", [], "used")],
           date="2024-02-20",
           relations=[Relation("vision transformers", "Method", "BASED_ON", "BERT-large", "Method", 0.7, _ev(S3))]),
        px("2401.00004", S4, [("Method", "Segment Anything Model", ["SAM"], "proposed"),
                              ("Task", "image segmentation", [], None), ("Dataset", "COCO", [], "used"),
                              ("Metric", "mIoU", [], None)],
           date="2024-03-01",
           results=[Result("mIoU", "0.79", None, dataset="COCO", method="SAM")]),
        px("2401.00005", S5, [("Method", "Sharpness-Aware Minimization", ["SAM"], "proposed"),
                              ("Task", "optimization", [], None), ("Dataset", "CIFAR-10", [], "used")],
           date="2024-03-10", title="Sharpness-aware optimization for generalization"),
        px("2401.00006", S6, [("Method", "SAM", [], "used"), ("Task", "medical image segmentation", [], None)],
           date="2024-03-11"),
    ]


def records_b() -> list[PaperExtraction]:
    """An update: a bare ambiguous SAM, versions, a repo, and one paper id already in A."""
    return [
        px("2401.00007", S7, [("Method", "SAM", [], "used")], date="2024-04-02", src="b.jsonl"),
        px("2401.00008", S8, [("Method", "GPT-4", [], "used"), ("Method", "GPT-4o", [], "used"),
                              ("Method", "ResNet50", [], "used")], date="2024-04-05", src="b.jsonl",
           repos=[Repo("https://github.com/example/widgets", "github.com", "example", "widgets")]),
        px("2401.00002", S2, [("Method", "ViT", [], "used")], src="b.jsonl", title=T2),
    ]


def write_jsonl(records, path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for x in records:
            f.write(json.dumps(x.to_dict(with_paper=True)) + "\n")
    return path
