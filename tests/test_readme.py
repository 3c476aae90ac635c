"""README.md is assembled from docs/readme/*.md; what it tells a user is checked against the code.

- it is up to date with its parts (scripts/make_readme.py --check);
- its quick start is the Makefile's and CI's, and runs the main job on the embedded default store;
- every kg command and subcommand is documented, and every `kg ...` line in its code blocks (and in the
  docs/ pages) names a real command with options that command has;
- the schema (docs/schema.md, reproduced in the README) lists exactly the labels and edge types of kg.models;
- the example outputs it shows are what the example graph gives;
- every relative link in README.md and docs/*.md points to an existing file (and heading, for #anchors).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg import models
from kg.cli import cli
from tests.conftest import ROOT, load_script
from tests.test_cli import _all_commands

README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))


def _text(path: Path = README) -> str:
    return path.read_text(encoding="utf-8")


def _code_blocks(text: str) -> list[str]:
    return re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.S | re.M)


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}")
    end = text.find("\n## ", start + 1)
    return text[start:end if end >= 0 else None]


def test_readme_is_assembled_from_its_parts():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_readme.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_quick_start_commands_exist():
    readme, makefile = _text(), _text(ROOT / "Makefile")
    quick = _code_blocks(_section(readme, "Quick start"))[0]
    assert [ln.split("#")[0].strip() for ln in quick.strip().splitlines()] == ["make run", "make test"]
    assert "\nrun:" in makefile and "\ntest:" in makefile
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")
    # the main job runs on the embedded default store: no server, the example input, the HTML written
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "kg build examples/papers.jsonl" in run and "--uri" not in run and "kg export html" in run
    assert "docs/screenshot.png" in readme and (ROOT / "docs" / "screenshot.png").stat().st_size > 10_000
    assert (ROOT / "docs" / "screenshot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("path", [p for p, _ in _all_commands(cli)], ids=" ".join)
def test_every_command_is_documented(path):
    commands = _section(_text(), "Commands")
    assert re.search(rf"\bkg {re.escape(' '.join(path))}\b", commands), \
        f"`kg {' '.join(path)}` is not in the README's Commands section"
    examples = "\n".join(_code_blocks(commands))
    assert re.search(rf"^kg {re.escape(' '.join(path))}\b", examples, flags=re.M), \
        f"`kg {' '.join(path)}` has no example in the README's Commands section"


def _kg_lines(text: str) -> list[str]:
    """Every `kg ...` invocation in the code blocks of ``text`` (after `$ `, `&&`, `|`)."""
    out = []
    for block in _code_blocks(text):
        for line in block.splitlines():
            for part in re.split(r"&&|\|\s|;\s", line):
                part = part.strip().removeprefix("$ ").strip()
                part = re.sub(r"^(\S+=\S+\s+)+", "", part)           # NEO4J_URI=... kg load
                part = re.sub(r"^(\.venv/bin/|\$\(BIN\)/)", "", part)
                if part.startswith("kg ") or part == "kg":
                    out.append(part)
    return out


def _check_kg_line(line: str) -> str | None:
    """None when ``line`` names a real command and only options it has, else what is wrong."""
    try:
        words = shlex.split(line, comments=True)
    except ValueError as exc:
        return f"{line}: {exc}"
    cmd: click.Command = cli
    i = 1
    while isinstance(cmd, click.Group) and i < len(words) and not words[i].startswith("-"):
        sub = cmd.commands.get(words[i])
        if sub is None:
            return f"{line}: no command {words[i]!r}"
        cmd, i = sub, i + 1
    opts = {o for p in cmd.params for o in (*p.opts, *p.secondary_opts)} | {"--help", "-h"}
    if cmd is cli:
        opts.add("--version")
    for w in words[i:]:
        if w.startswith("-") and w != "-" and not re.match(r"-\d", w):
            if w.split("=", 1)[0] not in opts:
                return f"{line}: `kg {cmd.name}` has no option {w}"
    return None


def test_readme_kg_lines_are_real_commands():
    lines = _kg_lines(_text())
    assert len(lines) > 30
    assert [e for e in map(_check_kg_line, lines) if e] == []


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_docs_kg_lines_are_real_commands(page):
    assert [e for e in map(_check_kg_line, _kg_lines(_text(page))) if e] == []


def test_kg_line_check_can_fail():
    assert _check_kg_line("kg build x.jsonl --processes 2") is None
    assert _check_kg_line("kg export html --focus ViT -o v.html") is None
    assert "no command" in _check_kg_line("kg frobnicate")
    assert "no option --nope" in _check_kg_line("kg export html --nope")
    assert _kg_lines("```\n$ kg stats\nkg export cypher -o g.cypher && cypher-shell -f g.cypher\n```\n") == \
        ["kg stats", "kg export cypher -o g.cypher"]


def _schema_tables(text: str) -> tuple[list[str], dict[str, set[tuple[str, str]]]]:
    labels = re.findall(r"^\| (Paper|Method, Dataset, Metric, Task|Repository|Result) \| `", text, flags=re.M)
    edges = {}
    for etype, ends in re.findall(r"^\| ([A-Z_]+) \| (\w+ → [\w, ]+) \|$", text, flags=re.M):
        head, tails = ends.split(" → ")
        edges[etype] = {(head, t.strip()) for t in tails.split(",")}
    return [x for lab in labels for x in lab.split(", ")], edges


def _model_edges() -> dict[str, set[tuple[str, str]]]:
    edges = {t: {("Paper", tail) for tail in tails} for t, tails in models.PAPER_EDGES.items()}
    edges |= {t: {ends} for t, ends in models.ENTITY_EDGES.items()}
    edges |= {t: {("Result", tail)} for t, tail in models.RESULT_EDGES.items()}
    return edges


def test_schema_matches_the_models():
    for text in (_text(ROOT / "docs" / "schema.md"), _section(_text(), "Graph schema")):
        labels, edges = _schema_tables(text)
        assert sorted(labels) == sorted(models.NODE_LABELS)
        assert edges == _model_edges()
        assert list(edges) == list(models.EDGE_TYPES)


@pytest.fixture(scope="module")
def example_graph(tmp_path_factory) -> Path:
    graph = tmp_path_factory.mktemp("readme") / "graph.json.gz"
    res = CliRunner().invoke(cli, ["build", str(ROOT / "examples" / "papers.jsonl"), "--graph", str(graph)])
    assert res.exit_code == 0, res.output
    return graph


def _shown_runs(text: str) -> list[tuple[str, list[str]]]:
    """(command, shown output lines) for every `$ kg ...` line of the README's code blocks."""
    runs = []
    for block in _code_blocks(text):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            cmd, *out = chunk.rstrip("\n").split("\n")
            runs.append((cmd, out))
    return runs


def test_shown_outputs_are_the_example_graphs(example_graph):
    runs = _shown_runs(_section(_text(), "What you get"))
    assert len(runs) >= 2
    for cmd, shown in runs:
        args = shlex.split(cmd.replace("\\$", "$"))[1:] + ["--graph", str(example_graph)]
        res = CliRunner().invoke(cli, args)
        assert res.exit_code == 0, res.output
        got = [ln.rstrip() for ln in res.output.splitlines()]
        want = [ln.rstrip() for ln in shown]
        if want and want[-1] == "...":                 # a shown prefix of a longer output (kg stats):
            want = want[:-1]                            # its lines, counts drifting with the extractor
            got = got[:len(want)]
            got, want = ([re.sub(r"\d+", "N", ln) for ln in x] for x in (got, want))
        assert got == want, cmd


def test_python_snippets_run_on_the_example_graph(example_graph, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    blocks = [b for b in _code_blocks(_text()) if "kg.load_graph(" in b or "node_link_graph" in b]
    assert len(blocks) >= 3
    for block in blocks:
        exec(compile(block.replace("kg-data/graph.json.gz", str(example_graph)), "README", "exec"), {})
    printed = capsys.readouterr().out
    first = _text().split("prints, on the example graph:\n\n```\n", 1)[1].split("```", 1)[0]
    assert [ln.rstrip() for ln in first.splitlines()] == [ln.rstrip() for ln in printed.splitlines()[:len(first.splitlines())]]


_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    s = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return s.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", _text(path), flags=re.S | re.M)
    return {_slug(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.M)}


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.name)
def test_relative_links_resolve(page):
    text = re.sub(r"^```.*?^```", "", _text(page), flags=re.S | re.M)
    links = [u for u in _LINK.findall(text) if not re.match(r"[a-z]+:", u)]
    bad = []
    for url in links:
        target, _, anchor = url.partition("#")
        path = (page.parent / target).resolve() if target else page
        if not path.exists():
            bad.append(f"{url}: no such file")
        elif anchor and path.suffix == ".md" and anchor not in _anchors(path):
            bad.append(f"{url}: no heading #{anchor}")
    assert bad == []


def test_link_check_can_fail(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("# Top\n[a](missing.md) [b](#top) [c](#nope) [d](https://x.org/y)\n")
    text = _text(page)
    links = [u for u in _LINK.findall(text) if not re.match(r"[a-z]+:", u)]
    assert links == ["missing.md", "#top", "#nope"]
    assert _anchors(page) == {"top"}
    assert _slug("Graph schema (the contract between `kg build`, the exports)") == \
        "graph-schema-the-contract-between-kg-build-the-exports"


_PATH = re.compile(r"(?<![\w/.~-])((?:benchmarks|scripts|cypher|tests|kg|notebooks|examples|docs)/[\w./+*{}<>,-]*[\w*}>])")


def _missing_paths(text: str) -> list[str]:
    """Repository paths named in ``text`` (scripts, benchmarks, data files) that do not exist; patterns skipped."""
    names = {m for m in _PATH.findall(text) if not re.search(r"[*{}<>]|X_gold|NNNN", m)}
    return sorted(n for n in names if not (ROOT / n.rstrip(".,")).exists())


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.name)
def test_named_files_exist(page):
    assert _missing_paths(_text(page)) == []


def test_named_file_check_can_fail():
    assert _missing_paths("run `python benchmarks/nope.py` on tests/gold/*.jsonl and kg/models.py") == \
        ["benchmarks/nope.py"]


def test_every_figure_table_names_its_command():
    figures = _section(_text(), "Current figures (quality and speed)")
    issues = re.split(r"\n### ", figures)[1:]
    assert len(issues) >= 7
    for issue in issues:
        assert re.search(r"`(nice [^`]*)?(\.venv/bin/)?python [^`]*(benchmarks|scripts)/\w+\.py|`kg \w+", issue), \
            issue.splitlines()[0]


_SCRIPT_RUN = re.compile(r"\b((?:benchmarks|scripts)/\w+\.py)([^`\n|&;]*)")


def _unknown_script_options(text: str) -> list[str]:
    """`--options` given to a benchmarks/ or scripts/ script in ``text`` that the script does not define."""
    bad = set()
    for script, args in _SCRIPT_RUN.findall(text):
        path = ROOT / script
        source = path.read_text(encoding="utf-8") if path.exists() else ""
        for opt in re.findall(r"(?<![\w-])--[a-z][\w-]*", args):
            if f'"{opt}"' not in source and f"'{opt}'" not in source:
                bad.add(f"{script} {opt}")
    return sorted(bad)


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.name)
def test_script_options_exist(page):
    assert _unknown_script_options(_text(page)) == []


def test_script_option_check_can_fail():
    assert _unknown_script_options("`python benchmarks/build_scale.py --processes 2 --frobnicate`") == \
        ["benchmarks/build_scale.py --frobnicate"]


def test_make_readme_doctests():
    import doctest

    module = load_script("scripts/make_readme.py")
    result = doctest.testmod(module)
    assert result.attempted >= 1 and result.failed == 0
