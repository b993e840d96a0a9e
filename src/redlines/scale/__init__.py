"""redlines.scale: the ingest pipeline on a Dask cluster (see docs/scale-out.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from redlines.scale.dask_engine import run_dask_ingest

__all__ = ["run_dask_ingest"]


def __getattr__(name: str) -> Any:
    """Import the Dask engine lazily so `import redlines.scale` stays cheap."""
    if name == "run_dask_ingest":
        from redlines.scale.dask_engine import run_dask_ingest

        return run_dask_ingest
    raise AttributeError(name)
