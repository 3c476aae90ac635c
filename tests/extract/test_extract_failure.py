"""A paper the rules fail on (a bug) does not stop `kg extract`: it is written with no entities, in input order, and
counted in the report; `--strict` stops there with one clear line. The failure is forced (no real abstract is known
to crash the extractor; the last one, fixed in dd7f3f7, has its own test in test_metric_attachment.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.extract
from kg.cli import cli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "papers_small.jsonl"


@pytest.fixture
def failing_second_paper(monkeypatch):
    real = kg.extract._assemble

    def assemble(paper, docs):
        if paper.id == "2401.10002":
            raise AttributeError("'NoneType' object has no attribute 'unit'")
        return real(paper, docs)
    monkeypatch.setattr(kg.extract, "_assemble", assemble)


def test_a_failing_paper_is_written_empty_and_reported(failing_second_paper, tmp_path):
    out, report = tmp_path / "x.jsonl", tmp_path / "report.jsonl"
    res = CliRunner().invoke(cli, ["extract", str(FIXTURE), "-o", str(out), "--report", str(report)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = [json.loads(line)["id"] for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [r["id"] for r in rows] == ids  # every paper, in input order
    bad = rows[1]
    assert bad["id"] == "2401.10002" and bad["title"] and bad["entities"] == [] and bad["results"] == []
    assert rows[0]["entities"] and rows[2]["entities"]  # the others are extracted as usual
    problems = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert len(problems) == 1 and problems[0]["kind"] == "warning"
    assert "2401.10002" in problems[0]["error"] and "AttributeError" in problems[0]["error"]
    assert "1 warning" in res.stderr


def test_strict_stops_at_a_failing_paper_with_one_line(failing_second_paper, tmp_path):
    res = CliRunner().invoke(cli, ["extract", str(FIXTURE), "-o", str(tmp_path / "x.jsonl"), "--strict"])
    assert res.exit_code == 1
    assert "paper '2401.10002': the extractor failed (AttributeError" in res.stderr
    assert "Traceback" not in res.stderr


def test_a_paper_past_max_length_given_to_the_library_is_reported_not_a_spacy_error():
    """kg's readers cut a text past spaCy's max_length; a Paper built in code could still carry one, and spaCy's
    E088 error stopped the whole stream (the papers after it were never extracted)."""
    from kg.extract import build_nlp, extract_papers  # noqa: PLC0415
    from kg.models import Paper  # noqa: PLC0415

    nlp = build_nlp()
    papers = [Paper(id="a", title="", abstract="We train FooNet on ImageNet."),
              Paper(id="big", title="FooNet", abstract="We train FooNet on ImageNet. " * (nlp.max_length // 29 + 1)),
              Paper(id="c", title="", abstract="We train BarNet on ImageNet.")]
    seen = []
    out = list(extract_papers(papers, nlp=nlp, on_error=lambda p, e: seen.append((p.id, str(e)))))
    assert [x.id for x in out] == ["a", "big", "c"] and not out[1].entities and out[2].entities
    assert seen == [("big", f"paper 'big': the abstract has {len(papers[1].abstract):,} characters, past the "
                            f"pipeline's max_length {nlp.max_length:,}; cut it, or raise nlp.max_length")]
    with pytest.raises(ValueError, match="paper 'big': the abstract has"):
        list(extract_papers(papers, nlp=nlp))


def test_extract_with_processes_2_runs_the_rules_in_workers_and_writes_the_same(tmp_path):
    """`kg extract --processes N` used to pass N to nlp.pipe only: the rules (most of the work) stayed in the main
    process and the docs were shipped back, so two processes were slower than one. It now runs kg build's pool."""
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    r1 = CliRunner().invoke(cli, ["extract", str(FIXTURE), "-o", str(one)])
    r2 = CliRunner().invoke(cli, ["extract", str(FIXTURE), "-o", str(two), "--processes", "2"])
    assert r1.exit_code == 0 and r2.exit_code == 0, r1.output + r2.output
    assert one.read_bytes() == two.read_bytes() and len(one.read_text().splitlines()) == 30


def test_extract_processes_uses_the_worker_pool(monkeypatch, tmp_path):
    import kg.parallel  # noqa: PLC0415

    calls = []
    real = kg.parallel.extract_parallel

    def spy(papers, **kw):
        calls.append(kw["processes"])
        return real(papers, **kw)
    monkeypatch.setattr(kg.parallel, "extract_parallel", spy)
    r = CliRunner().invoke(cli, ["extract", str(FIXTURE), "-o", str(tmp_path / "x.jsonl"), "--processes", "2"])
    assert r.exit_code == 0, r.output
    assert calls == [2]
