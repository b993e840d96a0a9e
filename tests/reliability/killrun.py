"""Kill -9 an ingest mid-way, check the store, resume, compare with a clean run (shared by fast and stress tests)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import OperationalError

from redlines.kb.schema import DocumentRow, StatementRow

BIN = Path(sys.executable).parent


@dataclass(slots=True)
class KillResult:
    docs_at_kill: int
    statements_at_kill: int
    check_after_kill: int
    resume_exit: int
    docs_after: int
    statements_after: int
    seconds: float


def counts(url: str) -> tuple[int, int]:
    """(documents, statements) in the store; (0, 0) while the schema does not exist yet."""
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return (c.scalar(select(func.count()).select_from(DocumentRow)) or 0,
                    c.scalar(select(func.count()).select_from(StatementRow)) or 0)
    except OperationalError:
        return 0, 0
    except Exception as exc:  # noqa: BLE001 - e.g. psycopg UndefinedTable before create_all
        if "does not exist" in str(exc) or "no such table" in str(exc):
            return 0, 0
        raise
    finally:
        engine.dispose()


def ingest_cmd(corpus: Path, url: str, analyse: bool) -> list[str]:
    return [str(BIN / "redlines"), "ingest", str(corpus), "--db", url, *([] if analyse else ["--no-analyse"])]


def kill_and_resume(corpus: Path, url: str, *, analyse: bool, total: int, log_dir: Path,
                    min_docs: int = 1, timeout: float = 240) -> KillResult:
    """Start the CLI ingest, SIGKILL it once `min_docs` are stored, run `redlines check`, resume."""
    t0 = time.perf_counter()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with open(log_dir / "killed.out", "wb") as out, open(log_dir / "killed.err", "wb") as err:
        proc = subprocess.Popen(ingest_cmd(corpus, url, analyse), stdout=out, stderr=err, env=env,
                                start_new_session=True)
        docs = 0
        try:
            while time.perf_counter() - t0 < timeout:
                if proc.poll() is not None:
                    raise AssertionError(
                        f"ingest ended (exit {proc.returncode}) before it could be killed with {docs} of {total} "
                        f"documents; stderr: {(log_dir / 'killed.err').read_text(errors='replace')[-400:]}")
                docs, _ = counts(url)
                if docs >= min_docs:
                    break
                time.sleep(0.02)
            os.killpg(proc.pid, signal.SIGKILL)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)
    at_kill = counts(url)
    assert at_kill[0] < total, f"all {total} documents were stored before the kill landed"
    check = subprocess.run([str(BIN / "redlines"), "check", "--db", url], capture_output=True, text=True,
                           timeout=120)
    (log_dir / "check.out").write_text(check.stdout + check.stderr)
    resume = subprocess.run(ingest_cmd(corpus, url, analyse), capture_output=True, text=True, timeout=timeout)
    (log_dir / "resume.err").write_text(resume.stderr)
    after = counts(url)
    return KillResult(at_kill[0], at_kill[1], check.returncode, resume.returncode, after[0], after[1],
                      time.perf_counter() - t0)
