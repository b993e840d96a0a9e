"""Tests of redlines.extract (statement extraction)."""
