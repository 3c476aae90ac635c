"""The ``kg`` command line: a thin click layer over the library.

Each command lives in ``kg/commands/<name>.py`` and exposes ``COMMANDS``, a
list of click commands; this module only collects them and turns
:class:`kg.errors.KGError` into one clear error line.
"""

from __future__ import annotations

import importlib
import sys

import click

from kg import __version__
from kg.errors import KGError

#: Command modules, in the order their commands appear in ``kg --help``.
COMMAND_MODULES = ("ingest", "extract", "evaluate", "build", "analytics", "export", "load", "query")


class KGGroup(click.Group):
    """A group whose commands report :class:`KGError` as one line, exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            raise click.ClickException(str(exc)) from exc

    def list_commands(self, ctx: click.Context) -> list[str]:  # keep registration order
        return list(self.commands)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build a knowledge graph of ML papers: methods, datasets, metrics, tasks, results, code.

    \b
    Examples:
      kg ingest examples/papers.jsonl --json      # list papers read from any format
      kg extract examples/papers.jsonl -o ex.jsonl # entities, results, relations
      kg build examples/papers.jsonl              # graph -> kg-data/graph.json.gz
      kg stats                                    # what the graph holds
      kg export html -o graph.html                # interactive view, opens offline
    """


def _register() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"kg.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"kg.commands.{name}":
                continue  # command module not written yet
            raise
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="kg")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
