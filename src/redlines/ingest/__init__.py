"""redlines.ingest stage."""
