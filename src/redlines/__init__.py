"""redlines: a time-aware, source-cited ledger of weapon-use red lines."""

__version__ = "0.1.0"
