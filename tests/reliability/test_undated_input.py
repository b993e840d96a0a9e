"""Articles with no publication date and statements with no date must not crash the knowledge base."""

from __future__ import annotations

from redlines import kb
from redlines.ingest import content_id
from redlines.kb.check import check_store
from redlines.kb.store import Store
from redlines.model import Document, Evidence, Statement, StatementType, WeaponRef, Zone

TEXT = "Norway lets Kyiv fire its rockets across the border. Oslo repeated that the step was limited."


def test_undated_document_and_statement_merge_without_error(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'undated.sqlite'}")
    doc = Document(id=content_id(TEXT), text=TEXT, raw=TEXT)  # published unknown
    end = TEXT.index(".") + 1
    st = Statement(StatementType.USE_PERMISSION, Evidence(doc.id, 0, 0, end, TEXT[:end]), actor="Norway",
                   recipient="Ukraine", weapon=WeaponRef("system", "HIMARS"), zones=(Zone.RU_BORDER,), action="allow")
    store.add_document(doc)
    store.replace_statements(doc.id, [st, st.with_(type=StatementType.POSITION, action="support", topic="rockets")])
    kb.update(store, [doc.id])
    assert check_store(store).ok
