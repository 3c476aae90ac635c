"""Integration: the real files in ../shared/data (skipped, with the reason, when absent)."""

from __future__ import annotations

import gzip
import itertools
import json
import re

import pytest

from kg.ingest import SkipReport, merge_duplicates, read_papers
from kg.ingest.records import title_key
from tests.conftest import shared_path

pytestmark = pytest.mark.integration
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def test_hf_pages_424_records_362_titles():
    folder = shared_path("hf-papers")
    per_file = {}
    everything = []
    for f in sorted(folder.iterdir()):
        report = SkipReport()
        papers = list(read_papers([str(f)], report=report))
        assert report.skipped == [] and report.warnings == []
        per_file[f.name[:3]] = len(papers)
        everything += papers
    assert per_file == {"000": 82, "001": 119, "002": 62, "003": 42, "004": 119}
    assert len(everything) == 424
    assert len({title_key(p.title) for p in everything}) == 362
    merged = merge_duplicates(everything)
    assert len(merged) == 362
    dated = [p for p in everything if p.date]
    assert len(dated) == 35 and all(ISO.match(p.date) for p in dated)          # 7 trailer dates have no year
    assert {p.sources[0].path.rsplit("/", 1)[-1][:3] for p in dated} == {"003"}
    assert not any(p.title.startswith("Subscribe") or p.title in ("new", "Daily Papers") for p in everything)
    assert all(len(p.abstract) > 250 for p in everything)


@pytest.mark.parametrize("rel", ["arxiv/arxiv-cs-2024-2026.jsonl.gz", "acl/acl-anthology.jsonl.gz"])
def test_first_10k_records(rel):
    path = shared_path(*rel.split("/"))
    with gzip.open(path, "rt", encoding="utf-8") as f:
        raw = [json.loads(line) for line in itertools.islice(f, 10_000)]
    report = SkipReport()
    papers = list(itertools.islice(read_papers([str(path)], report=report), 10_000))
    assert len(papers) == 10_000 and report.skipped == []
    assert [p.sources[0].line for p in papers] == list(range(1, 10_001))
    for p, r in zip(papers, raw):
        if "arxiv" in rel:
            assert p.id == p.arxiv_id == r["id"]
            assert p.date == r["date"] and p.categories == tuple(r["categories"])
            assert r["url"] in p.urls and (not r.get("code_url") or r["code_url"] in p.urls)
        else:
            assert p.id == (r["doi"].lower() if r.get("doi") else r["id"])
            assert p.date == str(r["year"]) and p.urls == (r["url"],)
        assert p.abstract and p.title and (p.date is None or ISO.match(p.date))


@pytest.mark.parametrize("rel,n", [("scirex/train-abstracts.jsonl", 293), ("scierc/train.jsonl", 350),
                                   ("scierc/dev.jsonl", 50)])
def test_scirex_and_scierc_read_as_jsonl(rel, n):
    path = shared_path(*rel.split("/"))
    report = SkipReport()
    papers = list(read_papers([str(path)], report=report))
    assert len(papers) == n and report.skipped == []
    with open(path, encoding="utf-8") as f:
        first = json.loads(f.readline())
    assert papers[0].id == first["id"]
    assert papers[0].abstract == " ".join((first.get("abstract") or first["text"]).split())
