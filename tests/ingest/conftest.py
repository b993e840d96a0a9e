"""Invented article texts for the ingest tests (our own words, never the seeds)."""

from __future__ import annotations

import pytest

BODY = (
    "The Netherlands said on Friday that Ukraine may use the F-16 fighter jets it supplies against military "
    "targets on Russian territory, widening the room Kyiv has to hit the bases from which attacks "
    "are launched.\n\n"
    "\u201cUkraine has the right to defend itself, and that right does not stop at the border,\u201d "
    "the Dutch "
    "defence minister told reporters in The Hague, adding that international law was clear on the point.\n\n"
    "Officials in Kyiv welcomed the statement and urged other allies to follow. Denmark and Norway are also "
    "delivering jets this year, while Belgium has promised its first aircraft for the end of the year.\n\n"
    "Germany, by contrast, has kept refusing to send its Taurus cruise missiles, citing the risk of "
    "escalation "
    "and the long range of the weapon, which could reach targets deep inside Russia."
)


@pytest.fixture()
def body() -> str:
    return BODY


@pytest.fixture()
def article_dir(tmp_path):
    """A directory with a good article, a nested good one, a hidden file and bad inputs."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text("Dutch jets may strike Russia\n\n" + BODY, encoding="utf-8")
    (d / "sub" / "nested.txt").write_text(
        "Second headline about jets\n\n" + BODY.replace("Friday", "Monday"), encoding="utf-8"
    )
    (d / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (d / "empty.txt").write_text("   \n", encoding="utf-8")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "notes.docx").write_bytes(b"PK\x03\x04")
    return d
