"""Fixtures for the parallel/distributed extraction tests.

Papers are generated here from sentence templates written for these tests
(no abstracts by others); ``tests/fixtures/papers_small.jsonl`` is added when present.
"""

from __future__ import annotations

import importlib
import itertools
import os
import sys

import pytest

from kg.models import Paper
from tests.conftest import FIXTURES, ROOT

METHODS = ["GraphSAGE", "ResNet-50", "BERT", "a gated recurrent unit", "LoRA", "XGBoost", "DeiT-S", "T5-base"]
DATASETS = ["ImageNet", "CIFAR-10", "SQuAD 2.0", "MS COCO", "WikiText-103", "the Cora citation graph"]
METRICS = ["top-1 accuracy", "F1", "BLEU", "mAP", "perplexity", "exact match"]
TASKS = ["image classification", "question answering", "node classification", "machine translation"]


def _abstract(i: int) -> str:
    m, m2 = METHODS[i % len(METHODS)], METHODS[(i * 3 + 1) % len(METHODS)]
    d, met, t = DATASETS[i % len(DATASETS)], METRICS[i % len(METRICS)], TASKS[i % len(TASKS)]
    return (f"We propose Fuse{i}Net, a method for {t} built on {m}. "
            f"Fuse{i}Net reaches {60 + i % 37}.{i % 10}% {met} on {d}, outperforming {m2} by {1 + i % 5}.{i % 7} points. "
            f"Experiments on {DATASETS[(i + 2) % len(DATASETS)]} confirm the gains. "
            f"Code is available at https://github.com/example-lab/fuse{i}net.")


def written_papers(n: int) -> list[Paper]:
    return [Paper(id=f"9901.{i:05d}", title=f"Fuse{i}Net for {TASKS[i % len(TASKS)]}", abstract=_abstract(i),
                  date="2024-01-01") for i in range(n)]


def fixture_papers(n: int = 40) -> list[Paper]:
    """``n`` written papers, plus the shared small fixture file when it exists."""
    papers = written_papers(n)
    small = FIXTURES / "papers_small.jsonl"
    if small.exists():
        from kg.pipeline import read_papers  # noqa: PLC0415
        papers += list(itertools.islice(read_papers([str(small)]), 200))
    return papers


@pytest.fixture(scope="session", autouse=True)
def _extractor():
    """The real ``kg.extract`` when it exists; the stand-in (announced on stderr) until then."""
    name = os.environ.get("KG_EXTRACT_MODULE", "kg.extract")
    mod = importlib.import_module(name)
    if hasattr(mod, "extract_papers") and hasattr(mod, "build_nlp"):
        yield name
        return
    standin = "tests.parallel.standin_extract"
    sys.stderr.write(f"\n[tests/parallel] {name}.extract_papers is missing: using {standin}\n")
    old = {k: os.environ.get(k) for k in ("KG_EXTRACT_MODULE", "PYTHONPATH")}
    os.environ["KG_EXTRACT_MODULE"] = standin  # inherited by pool and Dask worker processes
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), old["PYTHONPATH"]]))
    yield standin
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def papers() -> list[Paper]:
    return fixture_papers()


@pytest.fixture(scope="session")
def baseline(papers):
    """Single-process extraction of ``papers``, as dicts."""
    from kg.parallel import extract_parallel  # noqa: PLC0415

    return [x.to_dict(with_paper=True) for x in extract_parallel(papers)]
