"""`redlines check` / kb.check.check_store: consistent stores pass, each kind of damage is found."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from redlines.cli import app
from redlines.kb.check import check_store, default_id_rule
from redlines.kb.store import Store
from redlines.model import Document, Evidence, RemovedSpan, Statement, StatementType

TEXT = "Norway lets Kyiv fire its rockets at depots. Critics call the step late."
RAW = "<nav>Menu</nav><p>Norway lets Kyiv fire its rockets at depots.</p><p>Critics call the step late.</p>"


def _hash_rule(doc: Document) -> str:
    """The ingest stage's rule when it has one (as `redlines check` uses), else a plain sha256."""
    rule = default_id_rule()
    return rule(doc) if rule else hashlib.sha256(doc.text.encode()).hexdigest()


def _doc(text: str = TEXT) -> Document:
    doc = Document(id="", text=text, raw=RAW, removed=(RemovedSpan(0, 15, "navigation", "<nav>Menu</nav>"),))
    return doc.with_(id=_hash_rule(doc))


def _stmt(doc: Document, start: int, end: int, sentence: str | None = None) -> Statement:
    return Statement(StatementType.USE_PERMISSION,
                     Evidence(doc.id, 0, start, end, doc.text[start:end] if sentence is None else sentence),
                     actor="Norway")


@pytest.fixture()
def store(tmp_path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'k.sqlite'}")
    d = _doc()
    s.add_document(d)
    first_end = TEXT.index(".") + 1
    s.replace_statements(d.id, [_stmt(d, 0, first_end), _stmt(d, first_end + 1, len(TEXT))])
    return s


def test_consistent_store_passes(store):
    report = check_store(store, id_rule=_hash_rule)
    assert report.ok, report.problems
    assert {"references", "evidence_text", "content_hash_ids"} <= set(report.checks)
    assert report.tables["documents"] == 1 and report.tables["statements"] == 2


def test_evidence_mismatch_and_offsets_found(store):
    d = _doc()
    store.replace_statements(d.id, [_stmt(d, 0, 10, "something else"), _stmt(d, 5, len(TEXT) + 40)])
    kinds = sorted(p.kind for p in check_store(store, id_rule=_hash_rule).problems)
    assert kinds == ["evidence_mismatch", "offsets_out_of_range"]


def test_real_ingest_rule_is_used_by_default():
    from redlines import ingest

    if not hasattr(ingest, "content_id"):
        pytest.skip("ingest has no content_id yet")
    assert default_id_rule()(_doc()) == ingest.content_id(TEXT)


def test_clause_offsets_inside_the_sentence_pass_unless_strict(store):
    d = _doc()
    first = TEXT[: TEXT.index(".") + 1]
    clause_start = TEXT.index("fire")
    store.replace_statements(d.id, [_stmt(d, clause_start, clause_start + 14, first)])
    assert check_store(store, id_rule=_hash_rule).ok
    assert [p.kind for p in check_store(store, id_rule=_hash_rule, strict=True).problems] == ["evidence_mismatch"]
    store.replace_statements(d.id, [_stmt(d, TEXT.index("Critics"), len(TEXT), first)])
    assert [p.kind for p in check_store(store, id_rule=_hash_rule).problems] == ["evidence_mismatch"]


def test_bad_content_hash_found(store):
    store.add_document(Document(id="not-the-hash", text="Another short article body.", raw="x"))
    problems = check_store(store, id_rule=_hash_rule).problems
    assert [(p.kind, p.row) for p in problems] == [("bad_document_id", "not-the-hash")]


def test_dangling_references_and_bad_span_found(store, tmp_path):
    con = sqlite3.connect(tmp_path / "k.sqlite")
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("UPDATE statements SET document_id = ? WHERE id = 1", ("gone",))
    con.execute("UPDATE removed_spans SET \"end\" = 100000")
    con.commit()
    con.close()
    kinds = {p.kind for p in check_store(store, id_rule=_hash_rule).problems}
    assert kinds == {"dangling_reference", "offsets_out_of_range"}


def test_orphan_fact_and_stale_evidence_found(store):
    from redlines.kb import schema

    if not hasattr(schema, "FactRow") or not hasattr(schema, "FactEvidenceRow"):
        pytest.skip("the knowledge base has no facts tables yet")
    with store.session() as s:
        s.add(schema.FactRow(id="f-orphan", block="b", type="use_permission"))
        s.add(schema.FactRow(id="f-ok", block="b", type="use_permission"))
        s.flush()
        s.add(schema.FactEvidenceRow(fact_id="f-ok", statement_id=999, document_id=_doc().id))
    problems = check_store(store, id_rule=_hash_rule).problems
    assert ("orphan_fact", "f-orphan") in [(p.kind, p.row) for p in problems]
    assert any(p.kind == "dangling_reference" and "999" in p.detail for p in problems)
    assert not any(p.row == "f-ok" and p.kind == "orphan_fact" for p in problems)


def test_cli_exit_codes_and_json(store, tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "k.sqlite")
    ok = runner.invoke(app, ["check", "--db", db, "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["problems"] == []
    d = _doc()
    store.replace_statements(d.id, [_stmt(d, 0, 10, "wrong words")])
    bad = runner.invoke(app, ["check", "--db", db])
    assert bad.exit_code == 1
    assert "evidence_mismatch" in bad.stdout
    missing = runner.invoke(app, ["check", "--db", str(tmp_path / "none.sqlite")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    assert not (tmp_path / "none.sqlite").exists()


@pytest.mark.parametrize("db", ["postgresql+psycopg://postgres@127.0.0.1:1/none", "nosuchdialect://x", "NOTADB"])
def test_cli_unusable_store_is_a_clear_usage_error(db, tmp_path):
    if db == "NOTADB":
        junk = tmp_path / "junk.sqlite"
        junk.write_text("this is not a database file at all " * 40)
        db = str(junk)
    r = CliRunner().invoke(app, ["check", "--db", db])
    assert r.exit_code == 2, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert "Traceback" not in r.output
