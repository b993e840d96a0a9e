"""The README documents every command and every setting (a new command without docs fails here)."""

from __future__ import annotations

from pathlib import Path

import typer

from redlines import settings
from redlines.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    group = typer.main.get_group(app)
    return sorted(group.commands)


def test_every_command_is_documented():
    missing = [c for c in command_names() if f"redlines {c}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_setting_is_documented():
    missing = [s.env for s in settings.SETTINGS if s.env not in README]
    assert not missing, f"settings missing from README.md: {missing}"


def test_the_two_commands_are_there():
    assert "make run" in README and "make test" in README
