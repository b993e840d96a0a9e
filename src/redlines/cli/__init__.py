"""The `redlines` command line: each stage registers its commands from its own module."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="redlines",
    help="Turn news articles into a time-aware, source-cited ledger of weapon-use red lines.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# One module per stage; each exposes `register(app)`. Order is the order in --help.
COMMAND_MODULES = (
    "redlines.cli.ingest_cmds",
    "redlines.cli.nlp_cmds",
    "redlines.cli.extract_cmds",
    "redlines.cli.kb_cmds",
    "redlines.cli.eval_cmds",
    "redlines.cli.web_cmds",
    "redlines.cli.ops_cmds",
    "redlines.cli.demo_cmds",
)

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    app()
