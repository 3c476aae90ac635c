"""``kg ingest`` through click's CliRunner: exit codes, output, exact error lines."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import FIXTURES

FIX = FIXTURES / "ingest"


def run(*args, input=None):
    return CliRunner().invoke(cli, ["ingest", *args], input=input)


def test_help_has_examples():
    r = run("--help")
    assert r.exit_code == 0
    assert "Examples:" in r.output
    examples = r.output.split("Examples:")[1].splitlines()
    assert examples[1].split()[:4] == ["kg", "ingest", "../shared/data/hf-papers", "--json"]


def test_table_and_summary():
    r = run(str(FIX / "hf_trailer.txt"))
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["id", "date", "title"]
    assert lines[1].split()[-4:] == ["Adapters", "for", "Cheap", "Transfer"] and "2023-02-18" in lines[1]
    assert r.stderr == "3 papers read\n"


def test_json_jsonl_dedupe_and_report(tmp_path):
    report = tmp_path / "skipped.jsonl"
    r = run(str(FIX / "hf_blank.txt"), str(FIX / "hf_trailer.txt"), str(FIX / "refs.bib"), "--json",
            "--report", str(report))
    assert r.exit_code == 0
    papers = json.loads(r.stdout)
    assert len(papers) == 5 and papers[0]["date"] == "2023-02-18" and papers[0]["id"] == "2401.10001"
    assert r.stderr.startswith(f"7 papers read (5 distinct after merging duplicates); skipped 1 bad record(s); first: "
                               f"{FIX / 'refs.bib'}:")
    assert "entry 'noabstract2020' has no abstract field; skipped" in r.stderr
    assert r.stderr.endswith(f"(details in {report})\n") and len(r.stderr.splitlines()) == 1
    assert json.loads(report.read_text())["error"] == "entry 'noabstract2020' has no abstract field; skipped"
    r = run(str(FIX / "hf_blank.txt"), str(FIX / "hf_trailer.txt"), "--jsonl", "--no-dedupe")
    assert [json.loads(x)["sources"][0]["line"] for x in r.stdout.splitlines()] == [11, 15, 13, 21, 29]


def test_stdin_and_format_override():
    r = run("-", "--format", "bibtex", "--jsonl", input=(FIX / "refs.bib").read_text())
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 2


def test_strict_error_line(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"id": "a", "title": "T", "abstract": "A."}\n{"id": "b", "title": "No abstract"}\n')
    r = run(str(f), "--strict")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == (
        f"Error: {f}:2: field 'abstract': no abstract; record skipped "
        "(give the record an abstract (or map its field with --field abstract=NAME))")
    assert "Traceback" not in r.stderr


def test_missing_file_and_nothing_read(tmp_path):
    r = run(str(tmp_path / "missing.jsonl"))
    assert r.exit_code == 1
    assert r.stderr == f"Error: {tmp_path / 'missing.jsonl'}: no such file or directory (check the path)\n"
    g = tmp_path / "garbage.bin"
    g.write_bytes(bytes(range(256)) * 4)
    r = run(str(g))
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0].startswith(f"0 papers read; skipped 1 bad record(s); first: {g}: binary content")
    assert r.stderr.splitlines()[1:] == [
        "Error: no papers read from the inputs (check the files and --format; rerun with --report FILE for the reasons)"]


def test_bad_field_option():
    r = run(str(FIX / "papers.jsonl"), "--field", "abstract")
    assert r.exit_code == 2
    assert "Invalid value for '--field': 'abstract': use OURS=THEIRS with OURS one of id, title" in r.stderr
