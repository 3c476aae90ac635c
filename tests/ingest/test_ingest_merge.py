"""Paper identity across files and formats."""

from __future__ import annotations

from kg.ingest import merge_duplicates, read_papers
from kg.models import Paper, Source
from tests.conftest import FIXTURES

FIX = FIXTURES / "ingest"


def P(pid, title="T", abstract="A.", **kw):
    return Paper(id=pid, title=title, abstract=abstract, sources=(Source(f"{pid}.x", 1, "jsonl"),), **kw)


def test_same_paper_from_seven_formats_becomes_one():
    files = ["hf_blank.txt", "hf_trailer.txt", "papers.jsonl", "papers_array.json", "arxiv_atom.xml",
             "arxiv_snapshot.jsonl", "openalex.json", "s2.json", "refs.bib"]
    papers = list(read_papers([str(FIX / f) for f in files]))
    merged = merge_duplicates(papers)
    [tiny] = [p for p in merged if p.title.startswith("TinyGlue:")]
    assert tiny.id == tiny.arxiv_id == "2401.10001"
    assert {s.format for s in tiny.sources} == {"hf", "jsonl", "json", "atom", "arxiv-oai", "openalex", "s2",
                                                "bibtex"}
    assert len(tiny.sources) == 9
    assert tiny.date == "2023-02-18"                     # earliest known (the HF trailer's)
    assert tiny.doi == "10.9999/tinyglue"                # first DOI met (Atom) - OpenAlex's arXiv DOI is not first
    assert "https://github.com/example/tinyglue" in tiny.urls
    assert tiny.abstract == max((p.abstract for p in papers if p.title.startswith("TinyGlue:")), key=len)
    assert tiny.authors == ("Ada Example", "Bo Sample", "Cy Person")   # first of the longest lists (snapshot)
    ids = [p.id for p in merged]
    assert len(ids) == len(set(ids))


def test_rules_arxiv_doi_title_and_conflicts():
    a = P("2401.00001", arxiv_id="2401.00001", doi="10.1/a", date="2024-01-05")
    b = P("10.1/a", doi="10.1/a", abstract="A longer abstract.", date="2024")     # same DOI -> same paper
    c = P("title:t")                                                              # title only -> joins a
    d = P("2402.00002", arxiv_id="2402.00002")                                     # same title, other arXiv id
    e = P("x", title="Other", doi="10.1/e")
    f = P("y", title="other.", doi="10.1/f")                                       # same title, other DOI
    merged = merge_duplicates([a, b, c, d, e, f])
    assert [m.id for m in merged] == ["2401.00001", "2402.00002", "x", "y"]
    m = merged[0]
    assert (m.abstract, m.date, len(m.sources)) == ("A longer abstract.", "2024-01-05", 3)


def test_hf_duplicates_keep_every_source_and_date():
    papers = list(read_papers([str(FIX / "hf_blank.txt"), str(FIX / "hf_trailer.txt")]))
    merged = merge_duplicates(papers)
    assert len(papers) == 5 and len(merged) == 4
    tiny = merged[0]
    assert [(s.path.rsplit("/", 1)[-1], s.line) for s in tiny.sources] == [("hf_blank.txt", 11), ("hf_trailer.txt", 13)]
    assert tiny.date == "2023-02-18"
