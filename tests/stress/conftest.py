"""Stress tests (`make stress`) reuse the reliability helpers (fuzz strategies, kill runner)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))
