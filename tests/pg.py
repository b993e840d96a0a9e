"""PostgreSQL for tests: one throwaway cluster per session on loopback, a fresh database per test.

Uses Debian's server binaries (/usr/lib/postgresql/*/bin); as root, initdb and pg_ctl run as the
`postgres` user. When no cluster can start, tests that need one are skipped with the reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


class ClusterUnavailable(RuntimeError):
    """Why no PostgreSQL cluster could be started here."""


def _server_binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: [
        int(x) if x.isdigit() else x for x in p.split("/")[4].split(".")])
    if not found:
        on_path = shutil.which(name)
        if on_path:
            return on_path
        raise ClusterUnavailable(f"PostgreSQL server binary {name!r} not found under /usr/lib/postgresql")
    return found[-1]


def _loopback_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _command(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    runuser = shutil.which("runuser")
    if runuser is None:
        raise ClusterUnavailable("running as root and `runuser` is missing (needed to act as postgres)")
    return [runuser, "-u", "postgres", "--", *args]


class TestCluster:
    """A private cluster: `start()`, `create_database()` -> SQLAlchemy URL, `stop()`."""

    __test__ = False  # not a test class

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="redlines-pgtest-"))
        self.datadir = self.root / "pgdata"
        self.port = _loopback_port()

    def _run(self, args: list[str]) -> subprocess.CompletedProcess:
        try:
            return subprocess.run(_command(args), capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ClusterUnavailable(f"{Path(args[0]).name}: {exc}") from exc

    def start(self) -> "TestCluster":
        if os.geteuid() == 0:
            try:
                shutil.chown(self.root, "postgres", "postgres")
            except (LookupError, OSError) as exc:
                raise ClusterUnavailable(f"no usable postgres user: {exc}") from exc
        os.chmod(self.root, 0o700)
        done = self._run([_server_binary("initdb"), "-D", str(self.datadir), "-U", "postgres", "-A", "trust",
                          "-E", "UTF8", "--no-sync", "--no-instructions"])
        if done.returncode:
            raise ClusterUnavailable("initdb failed: " + (done.stderr or done.stdout).strip()[-300:])
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=80")
        done = self._run([_server_binary("pg_ctl"), "-D", str(self.datadir), "-o", options,
                          "-l", str(self.root / "server.log"), "-w", "-t", "60", "start"])
        if done.returncode:
            raise ClusterUnavailable("pg_ctl start failed: " + (done.stderr or done.stdout).strip()[-300:])
        return self

    def create_database(self) -> str:
        """A new empty database; its postgresql+psycopg URL."""
        import psycopg

        name = "rl_" + uuid.uuid4().hex[:12]
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.datadir.exists():
            self._run([_server_binary("pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[TestCluster]:
    """One PostgreSQL cluster for the whole session (skips with the reason when none can start)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed")
    cluster = TestCluster()
    try:
        cluster.start()
    except ClusterUnavailable as exc:
        cluster.stop()
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture()
def pg_url(pg_cluster: TestCluster) -> str:
    """A fresh database in the session's cluster, as a postgresql+psycopg:// URL."""
    return pg_cluster.create_database()
