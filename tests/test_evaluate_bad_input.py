"""`kg evaluate` on bad input: a record it cannot score is skipped and counted with file, line and field (it was
a traceback: a cut line, invalid UTF-8, a field of the wrong type), --strict fails on it, an empty GOLD is an
error and an empty PRED a warning (it scored 0 everywhere without a word). Records written for this test."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli


def _gold(i: int, **kw) -> dict:
    d = {"id": f"g{i}", "methods": [{"name": f"Foo{i}Net", "role": "proposed"}], "datasets": [{"name": "ImageNet"}],
         "metrics": [], "tasks": [], "repos": []}
    return {**d, **kw}


def _pred(i: int) -> dict:
    ents = [{"name": f"Foo{i}Net", "type": "Method", "role": "proposed",
             "mentions": [{"text": f"Foo{i}Net", "start": 0, "end": 7, "field": "abstract"}]},
            {"name": "ImageNet", "type": "Dataset", "mentions": []}]
    return {"id": f"g{i}", "entities": ents, "repos": []}


def _write(path, lines) -> str:
    path.write_bytes(b"".join((ln if isinstance(ln, bytes) else json.dumps(ln).encode()) + b"\n" for ln in lines))
    return str(path)


@pytest.fixture
def files(tmp_path):
    gold = _write(tmp_path / "gold.jsonl", [_gold(1), _gold(2, datasets="ImageNet"), _gold(3)])
    pred = _write(tmp_path / "pred.jsonl", [_pred(1), json.dumps(_pred(2)).encode()[:60], b"\xff" + b'{"id": 7}',
                                            _pred(3)])
    return gold, pred


def test_bad_records_are_skipped_counted_and_reported(files, tmp_path):
    gold, pred = files
    rep = tmp_path / "report.jsonl"
    r = CliRunner().invoke(cli, ["evaluate", "seeds", gold, pred, "--report", str(rep)])
    assert r.exit_code == 0, r.output
    assert "Method   P=1.000 R=1.000 F1=1.000" in r.stdout  # g2 is not scored: its gold record is bad
    assert r.stderr.startswith(f"skipped 3 bad record(s), 1 warning(s); first: {gold}:2: field 'datasets': not a "
                               "list of objects with a name (and a list of aliases); record skipped (each line must "
                               f"be a gold record) (details in {rep})")
    got = [(d["path"].rsplit("/", 1)[-1], d["line"], d["field"], d["kind"]) for d in
           map(json.loads, rep.read_text(encoding="utf-8").splitlines())]
    assert got == [("gold.jsonl", 2, "datasets", "skipped"), ("pred.jsonl", 2, None, "skipped"),
                   ("pred.jsonl", 3, None, "skipped"), ("pred.jsonl", 3, None, "warning")]


def test_strict_fails_on_the_first_bad_record(files):
    gold, pred = files
    r = CliRunner().invoke(cli, ["evaluate", "seeds", gold, pred, "--strict"])
    assert r.exit_code == 1 and r.stderr.startswith(f"Error: {gold}:2: field 'datasets': not a list of objects")
    assert "Traceback" not in r.output


def test_empty_gold_is_an_error_and_empty_pred_a_warning(files, tmp_path):
    gold, _ = files
    empty = _write(tmp_path / "empty.jsonl", [])
    r = CliRunner().invoke(cli, ["evaluate", "seeds", empty, gold])
    assert r.exit_code == 1 and r.stderr.startswith(f"Error: {empty}: no gold record to score against")
    r = CliRunner().invoke(cli, ["evaluate", "seeds", gold, empty])
    assert r.exit_code == 0 and f"1 warning(s); first: {empty}: no `kg extract` record: every score is 0" in r.stderr


def test_gold_of_the_wrong_mode_names_the_field(files):
    gold, pred = files
    r = CliRunner().invoke(cli, ["evaluate", "scierc", gold, pred, "--strict"])
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {gold}:1: field 'entities': not a list of objects with label, start and end")
