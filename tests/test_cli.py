"""Every command has --help text with examples; KGError becomes one clean line."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from kg.cli import cli


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from _all_commands(cmd, (*prefix, name))


def test_top_level_help_has_examples():
    res = CliRunner().invoke(cli, ["--help"])
    assert res.exit_code == 0
    assert "Examples:" in res.output


@pytest.mark.parametrize("path", [p for p, _ in _all_commands(cli)], ids=" ".join)
def test_every_command_help_has_examples(path):
    res = CliRunner().invoke(cli, [*path, "--help"])
    assert res.exit_code == 0, res.output
    assert "Example" in res.output, f"kg {' '.join(path)} --help shows no example"


def test_python_dash_m_kg_works():
    out = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "kg, version 0.1.0"
