"""One test per input format, on fixtures written for these tests (tests/fixtures/ingest)."""

from __future__ import annotations

import gzip
import shutil

import pytest

from kg.ingest import SkipReport, detect_format, read_papers
from tests.conftest import FIXTURES

FIX = FIXTURES / "ingest"


def read(name: str, **kw):
    report = SkipReport()
    papers = list(read_papers([str(FIX / name)], report=report, **kw))
    return papers, report


def test_hf_blank_layout():
    papers, report = read("hf_blank.txt")
    assert [p.title for p in papers] == ["TinyGlue: Gluing Small Adapters for Cheap Transfer",
                                         "Sparse Probes for Counting Tasks"]
    assert [p.sources[0].line for p in papers] == [11, 15]
    assert {p.sources[0].format for p in papers} == {"hf"}
    assert papers[0].id == "title:tinyglue gluing small adapters for cheap transfer"
    assert papers[1].abstract.startswith("This note studies sparse linear probes")
    assert report.summary() == "2 papers read"


def test_hf_trailer_gives_dates_and_yearless_dates_stay_empty():
    papers, report = read("hf_trailer.txt")
    assert [(p.title.split()[0], p.date) for p in papers] == [
        ("TinyGlue:", "2023-02-18"), ("Yearless", None), ("Ranked", "2024-03-03")]
    assert not report.skipped and not report.warnings


def test_hf_glued_subscribe_and_no_blank_lines():
    papers, _ = read("hf_glued.txt")
    assert [p.title for p in papers] == ["Glued Title Networks for Page Parsing", "Second Paper Without Blank Lines"]
    assert [p.sources[0].line for p in papers] == [3, 5]


def test_jsonl_aliases_ids_and_code_url():
    papers, _ = read("papers.jsonl")
    a, b = papers
    assert a.id == a.arxiv_id == "2401.10001"           # "arXiv:...v2" -> no prefix, no version
    assert a.abstract.endswith("gains 2.1% on a toy benchmark.")
    assert a.urls == ("https://arxiv.org/abs/2401.10001", "https://github.com/example/tinyglue")
    assert a.categories == ("cs.CL", "cs.LG") and a.authors == ("Ada Example", "Bo Sample")
    assert (b.id, b.title, b.date, b.authors) == ("local-7", "Counting With Sparse Probes", "2023-03",
                                                  ("Cy Person", "Di Person"))
    assert b.abstract == "Sparse & linear probes count tokens in small transformers."


def test_json_array_streams_with_lines():
    papers, _ = read("papers_array.json")
    assert [(p.id, p.sources[0].line, p.date) for p in papers] == [
        ("2401.10001", 2, "2024"), ("10.9999/example.42", 4, "2022-11-05"), ("loc-3", 6, None)]
    assert papers[1].title == "A DOI Only Paper" and papers[1].doi == "10.9999/example.42"


def test_csv_quoted_multiline_and_tsv():
    papers, _ = read("papers.csv")
    assert [(p.title, p.sources[0].line) for p in papers] == [('Commas, Quotes and "Escapes"', 2), ("Plain Row", 4)]
    assert papers[0].abstract == "A CSV abstract with a comma, and a line break inside quotes."
    assert papers[0].id == "10.9999/csv.1"
    tsv, _ = read("papers.tsv")
    assert [(p.title, p.date) for p in tsv] == [("Tab Separated Title", "2019-05-06")]


def test_arxiv_atom():
    papers, _ = read("arxiv_atom.xml")
    a, b = papers
    assert (a.id, a.doi, a.date, a.sources[0].line) == ("2401.10001", "10.9999/tinyglue", "2024-01-18", 4)
    assert a.title == "TinyGlue: Gluing Small Adapters for Cheap Transfer"
    assert a.abstract == ("We propose TinyGlue, a way to attach small adapter blocks to a frozen encoder "
                          "with ~1% of the weights.")
    assert a.authors == ("Ada Example", "Bo Sample") and a.categories == ("cs.CL", "cs.LG")
    assert b.id == "hep-th/9901001"


def test_arxiv_snapshot_record():
    [p] = read("arxiv_snapshot.jsonl")[0]
    assert (p.id, p.date, p.sources[0].format) == ("2401.10001", "2024-01-18", "arxiv-oai")  # first version
    assert p.authors == ("Ada Example", "Bo Sample", "Cy Person")
    assert p.title == "TinyGlue: Gluing Small Adapters for Cheap Transfer"
    assert p.categories == ("cs.CL", "cs.LG")


def test_openalex_envelope_rebuilds_abstract():
    papers, report = read("openalex.json")
    [p] = papers
    assert p.abstract == "We propose TinyGlue, a way to a glue."
    assert (p.id, p.doi, p.venue, p.sources[0].format) == ("2401.10001", "10.48550/arxiv.2401.10001", "arXiv",
                                                           "openalex")
    assert [(s["line"], s["field"]) for s in report.skipped] == [(9, "abstract")]


def test_semantic_scholar_data_envelope():
    papers, _ = read("s2.json")
    assert [(p.id, p.arxiv_id, p.doi, p.date) for p in papers] == [
        ("2401.10001", "2401.10001", "10.9999/tinyglue", "2024-01-18"), ("def456", None, None, "2021")]
    assert papers[0].authors == ("Ada Example", "Bo Sample") and papers[0].venue == "ToyConf"


def test_acl_xml():
    papers, report = read("acl.xml")
    [p] = papers
    assert (p.id, p.title, p.date, p.venue) == ("10.9999/2099.toy-long.1", "TinyGlue for Parsing", "2099-07",
                                                "Proceedings of the Toy Conference")
    assert p.abstract == "We parse toy sentences with ~90% accuracy."
    assert p.urls == ("https://aclanthology.org/2099.toy-long.1",)
    assert report.skipped[0]["line"] == 18 and report.skipped[0]["field"] == "abstract"


def test_bibtex():
    papers, report = read("refs.bib")
    a, b = papers
    assert (a.id, a.title, a.date, a.venue) == ("2401.10001", "TinyGlue: Gluing Small Adapters for Cheap Transfer",
                                                "2024-01", "Proceedings of the Toy Conference 2024")
    assert a.authors == ("Ada Example", "Bo Sample", "Jérôme Müller")
    assert a.abstract == "We propose TinyGlue, which gains 2.1% with ~1% of the weights."
    assert (b.id, b.title) == ("10.9999/counting.7", "Counting with Sparse Probes")
    assert report.skipped == [{"path": str(FIX / "refs.bib"), "line": 26, "field": "abstract",
                               "error": "entry 'noabstract2020' has no abstract field; skipped",
                               "hint": "only entries with an abstract become papers; add abstract = {...}",
                               "kind": "skipped"}]


@pytest.mark.parametrize("name,fmt", [
    ("hf_blank.txt", "hf"), ("hf_glued.txt", "hf"), ("papers.jsonl", "jsonl"), ("papers_array.json", "json"),
    ("papers.csv", "csv"), ("papers.tsv", "csv"), ("arxiv_atom.xml", "atom"), ("acl.xml", "acl-xml"),
    ("refs.bib", "bibtex"), ("openalex.json", "json"), ("s2.json", "json"), ("arxiv_snapshot.jsonl", "jsonl")])
def test_detect_format_from_content_not_name(tmp_path, name, fmt):
    renamed = tmp_path / "input.dat"          # no telling extension
    shutil.copy(FIX / name, renamed)
    assert detect_format(str(renamed)) == fmt
    gz = tmp_path / "input.bin"               # gzip detected by magic bytes, not by name
    gz.write_bytes(gzip.compress((FIX / name).read_bytes()))
    assert detect_format(str(gz)) == fmt
    assert len(list(read_papers([str(gz)]))) == len(list(read_papers([str(FIX / name)])))


def test_format_override_and_fields_mapping(tmp_path):
    f = tmp_path / "custom.txt"
    f.write_text('{"key": "k1", "headline": "Mapped Title", "body": "Mapped body text.", "when": "2020-02-02"}\n')
    report = SkipReport()
    [p] = read_papers([str(f)], format="jsonl", report=report,
                      fields={"id": "key", "title": "headline", "abstract": "body", "date": "when"})
    assert (p.id, p.title, p.abstract, p.date) == ("k1", "Mapped Title", "Mapped body text.", "2020-02-02")
    assert detect_format(str(f)) == "jsonl"
    # a dotted path into a nested field; the second record lacks it: a warning, the paper is kept
    q, r = read_papers([str(FIX / "s2.json")], report=report, fields={"venue": "externalIds.CorpusId"})
    assert (q.venue, r.venue) == ("5", None)
    assert [(w["line"], w["field"]) for w in report.warnings] == [(6, "externalIds.CorpusId")]


def test_directories_globs_and_stdin(tmp_path, monkeypatch):
    names = [p.sources[0].path for p in read_papers([str(FIX)])]
    assert names == sorted(names)             # walked in sorted order
    assert len({n for n in names}) == 13
    globbed = list(read_papers([str(FIX / "hf_*.txt")]))
    assert len(globbed) == 7
    import io
    import sys
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((FIX / "refs.bib").read_bytes())))
    assert [p.sources[0].path for p in read_papers(["-"])] == ["-", "-"]
