"""`redlines ingest`, `docs`, `show` through Typer's CliRunner (no nlp: --no-analyse or stubbed stages)."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from redlines.cli import app
from tests.conftest import seed_path

ARTICLE = (
    "Sweden said on Tuesday it would send more air defence systems to Ukraine, the defence minister told "
    "reporters in Stockholm, as Kyiv pressed its partners for help against Russian missile attacks.\n\n"
    "The package, worth 1.2 billion kronor, includes radar systems and ammunition, the ministry said in a "
    "statement. Deliveries are expected to begin within weeks, officials added.\n\n"
    "Ukraine has asked its allies for more Patriot batteries since the spring, when Russian strikes on power "
    "plants left millions of people without electricity for hours every day.\n\n"
    "The minister said Sweden was also ready to train Ukrainian crews, and that the question of how "
    "the systems "
    "are used was one for Ukraine to decide under international law."
)
FRENCH = (
    "La Suède a annoncé mardi l'envoi de nouveaux systèmes de défense aérienne à l'Ukraine, a "
    "déclaré le ministre "
    "de la Défense à Stockholm. Le paquet comprend des radars et des munitions, selon un communiqué "
    "du ministère. "
    "Les livraisons doivent commencer dans les prochaines semaines, ont ajouté les responsables du "
    "gouvernement."
)
SPANISH = (
    "Suecia anunció el martes el envío de nuevos sistemas de defensa aérea a Ucrania, según dijo el "
    "ministro de "
    "Defensa en Estocolmo. El paquete incluye radares y munición, según un comunicado del "
    "ministerio. Las entregas "
    "deberían comenzar en las próximas semanas, añadieron los responsables del Gobierno sueco."
)


@pytest.fixture()
def runner():
    return CliRunner()


def _ingest(runner, *args, env=None):
    return runner.invoke(app, ["ingest", *map(str, args), "--no-analyse", "--json"], env=env)


def _docs(runner, db):
    res = runner.invoke(app, ["docs", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_ingest_seeds_idempotent(runner, tmp_path, seeds_dir):
    db = tmp_path / "s.sqlite"
    res = _ingest(runner, seeds_dir, "--db", db)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert len(out["added"]) == 3 and out["skipped"] == []
    again = json.loads(_ingest(runner, seeds_dir, "--db", db).stdout)
    assert again["added"] == [] and len(again["duplicates"]) == 3
    rows = _docs(runner, db)
    assert len(rows) == 3
    assert set(rows[0]) == {
        "id",
        "url",
        "outlet",
        "title",
        "published",
        "published_how",
        "published_confidence",
        "words_kept",
        "words_removed",
    }
    by_outlet = {r["outlet"]: r for r in rows}
    assert by_outlet["Bloomberg"]["published"] == "2024-05-28"
    assert by_outlet["Courthouse News Service"]["published"] == "2024-05-31"
    assert all(r["published_how"] == "inferred" and r["words_removed"] > 0 for r in rows)


def test_bad_inputs_skipped_rest_stored(runner, tmp_path):
    d = tmp_path / "batch"
    d.mkdir()
    (d / "good.txt").write_text("Sweden sends air defence to Ukraine\n\n" + ARTICLE, encoding="utf-8")
    (d / "latin1.txt").write_bytes(
        ("Caf\u00e9 talks in Malm\u00f6\n\n" + ARTICLE.replace("Sweden said", "Norway said")).encode(
            "latin-1"
        )
    )
    (d / "binary.txt").write_bytes(b"\x00\x01\x02PK" * 100)
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "huge.txt").write_text(ARTICLE * 5, encoding="utf-8")
    (d / "nothing.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8"
    )
    (d / "french.txt").write_text(FRENCH, encoding="utf-8")
    (d / "spanish.txt").write_text(SPANISH, encoding="utf-8")
    (d / "salad.txt").write_text(
        " ".join(
            ["harbour", "lamp", "seven", "Kyiv", "quietly", "orange", "tank", "bread", "window", "Brussels"]
            * 8
        ),
        encoding="utf-8",
    )
    (d / "links.txt").write_text(
        "\n".join(f"https://example.org/news/{i}" for i in range(40)), encoding="utf-8"
    )
    db = tmp_path / "b.sqlite"
    res = _ingest(runner, d, "--db", db, env={"REDLINES_MAX_BYTES": str(len(ARTICLE) * 2)})
    assert res.exit_code == 1, res.output
    out = json.loads(res.stdout)
    assert len(out["added"]) == 2
    skipped = {s["source"].rsplit("/", 1)[-1]: s["reason"] for s in out["skipped"]}
    assert set(skipped) == {
        "binary.txt",
        "empty.txt",
        "huge.txt",
        "nothing.html",
        "french.txt",
        "spanish.txt",
        "salad.txt",
        "links.txt",
    }
    assert "too large" in skipped["huge.txt"] and "binary" in skipped["binary.txt"]
    assert "not English" in skipped["french.txt"] and "not English" in skipped["spanish.txt"]
    for name in skipped:
        assert name in res.stderr
    assert "Traceback" not in res.output
    assert any("Café" in (r["title"] or "") for r in _docs(runner, db))


def test_overrides_and_show(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Sweden sends air defence to Ukraine\n\n" + ARTICLE + "\n\nLoading...", encoding="utf-8")
    db = tmp_path / "o.sqlite"
    res = _ingest(
        runner,
        f,
        "--db",
        db,
        "--outlet",
        "Nordic Wire",
        "--published",
        "2024-06-04",
        "--url",
        "https://nordic.example/a",
    )
    assert res.exit_code == 0, res.output
    (row,) = _docs(runner, db)
    assert (row["outlet"], row["published"], row["published_how"], row["published_confidence"]) == (
        "Nordic Wire",
        "2024-06-04",
        "given",
        1.0,
    )
    assert row["url"] == "https://nordic.example/a"
    shown = runner.invoke(app, ["show", "1", "--db", str(db), "--removed", "--json"])
    assert shown.exit_code == 0, shown.output
    doc = json.loads(shown.stdout)
    assert doc["id"] == row["id"] and "Loading" not in doc["text"]
    assert [r["reason"] for r in doc["removed"]] == ["page navigation"]
    by_prefix = runner.invoke(app, ["show", row["id"][:8], "--db", str(db), "--removed"])
    assert by_prefix.exit_code == 0 and "page navigation" in by_prefix.stdout
    missing = runner.invoke(app, ["show", "ffffffffff", "--db", str(db)])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_stdin(runner, tmp_path):
    db = tmp_path / "i.sqlite"
    res = runner.invoke(app, ["ingest", "-", "--db", str(db), "--no-analyse", "--json"], input=ARTICLE)
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.stdout)["added"]) == 1


@pytest.mark.parametrize("args", [["--published", "31/31/2024"], ["--engine", "spark"]])
def test_usage_errors(runner, tmp_path, args):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(f), "--db", str(tmp_path / "u.sqlite"), "--no-analyse", *args])
    assert res.exit_code == 2
    assert "Traceback" not in res.output


def test_docs_human_table(runner, tmp_path):
    db = tmp_path / "h.sqlite"
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert _ingest(runner, f, "--db", db).exit_code == 0
    res = runner.invoke(app, ["docs", "--db", str(db)])
    assert res.exit_code == 0 and "1 document" in res.stdout


def test_crash_mid_ingest_leaves_no_half_document(runner, tmp_path, monkeypatch):
    """Stub the analysis stages; make storing the second document's statements fail."""
    from redlines import pipeline
    from redlines.kb.store import Store

    d = tmp_path / "batch"
    d.mkdir()
    for i, name in enumerate(("a", "b", "c")):
        (d / f"{name}.txt").write_text(
            ARTICLE + f"\n\nThis is version {name} of the report, number {i}.", encoding="utf-8"
        )
    monkeypatch.setattr(pipeline, "load_stages", lambda files=(): (None, None, None))
    monkeypatch.setattr(pipeline, "analyse_documents", lambda docs, *a: {doc.id: [] for doc in docs})
    monkeypatch.setattr(pipeline, "update_kb", lambda store, ids: None)
    calls = {"n": 0}
    original = Store.replace_statements

    def flaky(self, doc_id, statements, session=None):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("simulated crash while writing statements")
        return original(self, doc_id, statements, session)

    monkeypatch.setattr(Store, "replace_statements", flaky)
    db = tmp_path / "c.sqlite"
    res = runner.invoke(app, ["ingest", str(d), "--db", str(db), "--json"])
    assert res.exit_code != 0 and isinstance(res.exception, RuntimeError)
    store = Store(str(db))
    docs = store.documents()
    assert len(docs) == 1
    from sqlalchemy import text

    with store.engine.connect() as c:
        orphans = c.execute(
            text("SELECT COUNT(*) FROM removed_spans WHERE document_id != :i"), {"i": docs[0].id}
        ).scalar()
    assert orphans == 0
    # re-running after the crash completes the batch without duplicating the first document
    monkeypatch.setattr(Store, "replace_statements", original)
    again = json.loads(runner.invoke(app, ["ingest", str(d), "--db", str(db), "--json"]).stdout)
    assert len(again["added"]) == 2 and len(again["duplicates"]) == 1


def test_ingest_own_sample_corpus(runner, tmp_path):
    from redlines.cli.demo_cmds import sample_dir

    src = tmp_path / "sample"
    shutil.copytree(sample_dir(), src)
    res = _ingest(runner, src, "--db", tmp_path / "d.sqlite")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert len(out["added"]) >= 7 and out["skipped"] == []


def test_seed_001_show_removed(runner, tmp_path):
    db = tmp_path / "one.sqlite"
    assert _ingest(runner, seed_path("001"), "--db", db).exit_code == 0
    doc = json.loads(runner.invoke(app, ["show", "1", "--db", str(db), "--removed", "--json"]).stdout)
    reasons = {r["reason"] for r in doc["removed"]}
    assert {"terms-of-use banner", "page date header", "newsletter sign-up"} <= reasons


def test_user_events_calendar(runner, tmp_path):
    cal = tmp_path / "mine.yaml"
    cal.write_text(
        "version: 1\nevents:\n  - id: bluebird\n    title: Exercise Bluebird starts\n    start: 2024-03-03\n"
        '    patterns: [["Bluebird", "exercise"]]\n    source: our own note\n',
        encoding="utf-8",
    )
    f = tmp_path / "a.txt"
    f.write_text(
        "Allied jets open the Bluebird exercise\n\n"
        + ARTICLE.replace(
            "Sweden said on Tuesday", "On Sunday, the Bluebird air exercise began as Sweden said"
        ),
        encoding="utf-8",
    )
    db = tmp_path / "e.sqlite"
    res = runner.invoke(
        app,
        ["ingest", str(f), "--db", str(db), "--no-analyse", "--json", "--events", str(cal)],
        env={"REDLINES_EVENTS": ""},
    )
    assert res.exit_code == 0, res.output
    (row,) = _docs(runner, db)
    assert (row["published"], row["published_how"]) == ("2024-03-03", "inferred")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: 1\nevents:\n  - id: x\n    start: someday\n    patterns: [[a]]\n", encoding="utf-8"
    )
    res = runner.invoke(
        app,
        ["ingest", str(f), "--db", str(db), "--no-analyse", "--events", str(bad)],
        env={"REDLINES_EVENTS": ""},
    )
    assert res.exit_code == 2 and "Traceback" not in res.output
