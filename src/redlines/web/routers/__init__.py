"""One router per resource: matrix/ask, ledger/timeline, facts, documents, search, and the HTML pages."""
