"""A throwaway PostgreSQL cluster on loopback (Debian binaries, run as the `postgres` user).

Fallback for the scale and reliability tests while tests/conftest.py has no `pg_url` fixture.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path


class PgUnavailable(RuntimeError):
    """PostgreSQL cannot be started here; the reason is the message."""


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise PgUnavailable(f"no PostgreSQL server binaries ({name}) under /usr/lib/postgresql")
    return found[-1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if not runuser:
        raise PgUnavailable("running as root without runuser to switch to the postgres user")
    return [runuser, "-u", "postgres", "--", *cmd]


class PgCluster:
    """initdb + pg_ctl start on a free loopback port; `stop()` removes everything."""

    def __init__(self) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="redlines-pg-"))
        self.data = self.base / "data"
        self.port = _free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> "PgCluster":
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")
        os.chmod(self.base, 0o700)
        run = lambda cmd: subprocess.run(_as_postgres(cmd), capture_output=True, text=True, timeout=120)  # noqa: E731
        r = run([_bin("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"])
        if r.returncode:
            raise PgUnavailable(f"initdb failed: {(r.stderr or r.stdout).strip().splitlines()[-1:]}")
        opts = (f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c full_page_writes=off -c synchronous_commit=off -c max_connections=60")
        r = run([_bin("pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(self.base / "log"), "-w", "-t", "60",
                 "start"])
        if r.returncode:
            raise PgUnavailable(f"pg_ctl start failed: {(r.stderr or r.stdout).strip()[-300:]}")
        return self

    def new_database(self) -> str:
        """A fresh empty database; returns its SQLAlchemy URL."""
        import psycopg
        from psycopg import sql

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url.rsplit("/", 1)[0] + "/" + name

    def stop(self) -> None:
        try:
            subprocess.run(_as_postgres([_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]),
                           capture_output=True, timeout=60)
        finally:
            shutil.rmtree(self.base, ignore_errors=True)
