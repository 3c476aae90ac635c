"""Bad input: every problem names file, line and field, is counted, and nothing else is lost."""

from __future__ import annotations

import gzip
import json

import pytest

from kg.errors import InputError
from kg.ingest import SkipReport, read_papers
from kg.ingest.streams import MAX_RECORD_BYTES


def rec(i: int, **kw) -> str:
    d = {"id": f"r{i}", "title": f"Title {i}", "abstract": f"Abstract number {i}."}
    d.update(kw)
    return json.dumps(d)


def run(path, **kw):
    report = SkipReport()
    papers = list(read_papers([str(path)], report=report, **kw))
    return papers, report


def test_empty_file_is_a_warning_and_strict_fails(tmp_path):
    f = tmp_path / "empty.jsonl"
    f.write_bytes(b"")
    papers, report = run(f)
    assert papers == [] and report.skipped == []
    assert report.warnings[0]["error"] == "the file is empty: no papers"
    with pytest.raises(InputError) as e:
        run(f, strict=True)
    assert str(e.value) == f"{f}: the file is empty: no papers (check that the file was written completely)"


def test_malformed_json_line_among_good_ones(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text("\n".join([rec(1), '{"id": "r2", "title": "T", ', rec(3), "", rec(4)]) + "\n")
    papers, report = run(f)
    assert [p.id for p in papers] == ["r1", "r3", "r4"]
    assert report.summary().startswith(f"3 papers read; skipped 1 bad record(s); first: {f}:2: not valid JSON")
    assert report.summary().endswith("(use --report F)")  # the file, line and what is wrong, without --report
    [s] = report.skipped
    assert (s["line"], s["path"]) == (2, str(f))
    assert s["error"].startswith("not valid JSON (") and s["hint"] == "fix or remove this line"


@pytest.mark.parametrize("name", ["cut.jsonl", "cut.dat"])
def test_jsonl_whose_first_line_is_cut_loses_that_line_only(tmp_path, name):
    """A cut or broken first record made the file look like one JSON document: every record after it was lost."""
    f = tmp_path / name
    f.write_text("\n".join(['{"id": "r1", "title": "T", "abstr', rec(2), rec(3)]) + "\n")
    papers, report = run(f)
    assert [p.id for p in papers] == ["r2", "r3"] and [p.sources[0].line for p in papers] == [2, 3]
    [s] = report.skipped
    assert (s["path"], s["line"]) == (str(f), 1) and s["error"].startswith("not valid JSON (")


def test_missing_and_empty_fields(tmp_path):
    f = tmp_path / "fields.jsonl"
    f.write_text("\n".join([
        rec(1),
        json.dumps({"id": "r2", "title": "No abstract key"}),
        rec(3, abstract="   "),
        json.dumps({"abstract": "Abstract without id or title."}),
        rec(5, title={"nested": True}),
        rec(6, date="sometime soon"),
        json.dumps(["not", "an", "object"]),
    ]) + "\n")
    papers, report = run(f)
    assert [p.id for p in papers] == ["r1", "r6"]
    assert papers[1].date is None
    assert [(s["line"], s["field"], s["error"]) for s in report.skipped] == [
        (2, "abstract", "no abstract; record skipped"),
        (3, "abstract", "empty abstract; record skipped"),
        (4, "title", "record has neither an id nor a title; skipped"),
        (5, "title", "is a dict, expected text; record skipped"),
        (7, None, "record is a JSON list, expected an object; skipped"),
    ]
    [w] = report.warnings
    assert (w["line"], w["field"], w["kind"]) == (6, "date", "warning")
    assert w["error"] == "not a date with a year: 'sometime soon'; date left empty, paper kept"


def test_strict_raises_first_problem_with_location(tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text("\n".join([rec(1), json.dumps({"id": "r2", "title": "T"}), "{bad"]) + "\n")
    got = []
    with pytest.raises(InputError) as e:
        for p in read_papers([str(f)], strict=True):
            got.append(p.id)
    assert got == ["r1"]
    assert (e.value.path, e.value.line, e.value.field) == (str(f), 2, "abstract")
    assert str(e.value) == (f"{f}:2: field 'abstract': no abstract; record skipped "
                            "(give the record an abstract (or map its field with --field abstract=NAME))")


def test_binary_garbage_is_skipped_with_reason(tmp_path):
    f = tmp_path / "garbage.jsonl"
    f.write_bytes(bytes(range(256)) * 50)
    good = tmp_path / "good.jsonl"
    good.write_text(rec(1) + "\n")
    report = SkipReport()
    papers = list(read_papers([str(f), str(good)], report=report))
    assert [p.id for p in papers] == ["r1"]
    assert report.skipped[0]["error"] == "binary content, not a paper format; skipped"


def test_invalid_utf8_is_replaced_and_warned(tmp_path):
    f = tmp_path / "latin1.jsonl"
    f.write_bytes((rec(1) + "\n").encode() + json.dumps({"id": "r2", "title": "T", "abstract": "Caf\u00e9 results."}, ensure_ascii=False).encode("latin-1") + b"\n")
    papers, report = run(f)
    assert [p.abstract for p in papers] == ["Abstract number 1.", "Caf\ufffd results."]
    [w] = report.warnings
    assert w["line"] == 2 and w["error"].startswith("invalid UTF-8 at byte ") and w["hint"] == "re-save the file as UTF-8"
    assert report.summary().startswith(f"2 papers read; 1 warning(s); first: {f}:2: invalid UTF-8 at byte ")


def test_truncated_gzip_keeps_papers_before_and_reports(tmp_path):
    data = gzip.compress(("\n".join(rec(i) for i in range(1, 5001)) + "\n").encode())
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(data[: len(data) // 2])
    papers, report = run(f)
    assert 0 < len(papers) < 5000
    assert [p.id for p in papers] == [f"r{i}" for i in range(1, len(papers) + 1)]
    [s] = report.skipped
    assert "ends early (truncated)" in s["error"] and "records before it were kept" in s["error"]
    assert s["line"] >= len(papers)


def test_huge_single_line_is_skipped_others_read(tmp_path):
    f = tmp_path / "big.jsonl"
    with open(f, "w") as fh:
        fh.write(rec(1) + "\n")
        fh.write(rec(2, abstract="x" * (50 * 1024 * 1024)) + "\n")   # a 50 MB line
        fh.write(rec(3) + "\n")
    papers, report = run(f)
    assert [p.id for p in papers] == ["r1", "r3"]
    [s] = report.skipped
    assert s["line"] == 2
    assert s["error"].startswith("line is 52,428,") and f"over the {MAX_RECORD_BYTES:,}-byte limit" in s["error"]


def test_json_array_malformed_middle_and_truncated_end(tmp_path):
    f = tmp_path / "bad.json"
    f.write_text("[\n" + rec(1) + ",\n" + '{"id": "r2" "title": "x"},\n' + rec(3) + "\n]")
    papers, report = run(f)
    assert [p.id for p in papers] == ["r1"]
    assert report.skipped[0]["line"] == 3 and report.skipped[0]["error"].startswith("malformed JSON")
    g = tmp_path / "cut.json"
    g.write_text("[\n" + rec(1) + ",\n" + rec(2) + ",\n" + rec(3)[:20])
    papers, report = run(g)
    assert [p.id for p in papers] == ["r1", "r2"]
    assert report.skipped[0]["error"].startswith("the JSON ends early (truncated)")
    assert report.skipped[0]["line"] == 4


def test_xml_truncated_and_malformed(tmp_path):
    entry = "<entry><id>http://arxiv.org/abs/2401.0000{i}</id><title>T{i}</title><summary>S{i}.</summary></entry>\n"
    head = '<feed xmlns="http://www.w3.org/2005/Atom">\n' + "".join(entry.format(i=i) for i in (1, 2))
    f = tmp_path / "cut.xml"
    f.write_text(head + "<entry><id>http://arxiv.org/abs/2401.00003</id><tit")
    papers, report = run(f)
    assert [p.id for p in papers] == ["2401.00001", "2401.00002"]
    assert report.skipped[0]["error"] == "the XML ends early (truncated); the records before it were kept"
    g = tmp_path / "bad.xml"
    g.write_text(head + "<entry><title>a & b</title></entry></feed>")
    papers, report = run(g)
    assert len(papers) == 2
    assert report.skipped[0]["line"] == 4 and report.skipped[0]["error"].startswith("malformed XML: not well-formed")


def test_unclosed_bibtex_entry_and_bad_macro(tmp_path):
    f = tmp_path / "r.bib"
    f.write_text("@article{a, title={A}, abstract={Text a.}}\n@article{b, title=undefinedmacro, abstract={x}}\n"
                 "@article{c, title={C}, abstract={never closed\n")
    papers, report = run(f)
    assert [p.id for p in papers] == ["a"]
    assert [(s["line"], s["error"]) for s in report.skipped] == [
        (2, "malformed @article entry: undefined macro 'undefinedmacro' (define it with @string or quote the value)"
            "; skipped"),
        (3, "@article entry is not closed before the end of the file; skipped")]


def test_unknown_and_utf16_files(tmp_path):
    f = tmp_path / "notes.md"
    f.write_text("# Some notes\n\nNothing here is a paper.\n")
    g = tmp_path / "u16.jsonl"
    g.write_bytes((rec(1) + "\n").encode("utf-16"))
    report = SkipReport()
    assert list(read_papers([str(f), str(g)], report=report)) == []
    assert report.skipped[0]["error"].startswith("cannot tell the format (starts with '# Some notes")
    assert report.skipped[0]["hint"].startswith("pass --format hf|jsonl|json|csv")
    assert report.skipped[1]["error"] == "the file is UTF-16 text; skipped"


def test_missing_path_and_empty_glob_raise(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        list(read_papers([str(tmp_path / "nope.jsonl")]))
    with pytest.raises(InputError, match="the pattern matches no file"):
        list(read_papers([str(tmp_path / "*.jsonl")]))


def test_report_jsonl_and_list_report(tmp_path):
    f = tmp_path / "m.jsonl"
    f.write_text(rec(1) + "\n{oops\n")
    papers, report = run(f)
    out = tmp_path / "report.jsonl"
    report.write_jsonl(out)
    [line] = out.read_text().splitlines()
    assert json.loads(line) == {"path": str(f), "line": 2, "field": None, "error": report.skipped[0]["error"],
                                "hint": "fix or remove this line", "kind": "skipped"}
    as_list: list = []
    assert len(list(read_papers([str(f)], report=as_list))) == 1   # kg.pipeline passes a plain list
    assert as_list[0]["line"] == 2


def test_csv_without_abstract_column_is_one_skip_and_text_lists_are_not_pages(tmp_path):
    f = tmp_path / "tasks.csv"
    f.write_text("Task Name,Dataset Count\n" + "".join(f"task {i},{i}\n" for i in range(500)))
    g = tmp_path / "names.txt"
    g.write_text("".join(f"name {i}\n" for i in range(50)))
    h = tmp_path / "notes.md"
    h.write_text("# Notes\n\nPages show `Get trending papers…` and `Daily Papers` chrome.\n")
    report = SkipReport()
    assert list(read_papers([str(f), str(g), str(h)], report=report)) == []
    assert [(s["line"], s["error"]) for s in report.skipped] == [
        (1, "no abstract column among Task Name, Dataset Count; file skipped"),
        (None, "cannot tell the format (starts with 'name 0\\nname 1\\nname 2\\nname 3\\nname 4\\nname '); skipped"),
        (None, "cannot tell the format (starts with '# Notes\\n\\nPages show `Get trending papers'); skipped")]
    papers = list(read_papers([str(f)], fields={"abstract": "Task Name", "title": "Task Name"}))  # --field
    assert len(papers) == 500 and (papers[0].abstract, papers[0].id) == ("task 0", "title:task 0")


def test_an_abstract_longer_than_spacy_takes_is_cut_with_a_warning_and_extracts(tmp_path):
    """A text past spaCy's max_length made `kg extract` stop with a traceback and write nothing."""
    from click.testing import CliRunner  # noqa: PLC0415

    from kg.cli import cli  # noqa: PLC0415
    from kg.ingest.records import MAX_TEXT_CHARS  # noqa: PLC0415

    f = tmp_path / "huge.jsonl"
    long = "We train FooNet on ImageNet. " * (MAX_TEXT_CHARS // 29 + 10)
    f.write_text(rec(1) + "\n" + json.dumps({"id": "r2", "title": "FooNet", "abstract": long}) + "\n")
    papers, report = run(f)
    assert [p.id for p in papers] == ["r1", "r2"] and len(papers[1].abstract) == MAX_TEXT_CHARS
    [w] = report.warnings
    assert (w["line"], w["field"]) == (2, "abstract") and "cut to the first 1,000,000, paper kept" in w["error"]
    r = CliRunner().invoke(cli, ["extract", str(f), "-o", str(tmp_path / "x.jsonl")])
    assert r.exit_code == 0, r.output
    assert [json.loads(x)["id"] for x in (tmp_path / "x.jsonl").read_text().splitlines()] == ["r1", "r2"]
    assert f"{f}:2: field 'abstract': is " in r.stderr
