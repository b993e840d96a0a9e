"""`redlines serve`: clear usage errors, and a real server answering on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
from typer.testing import CliRunner

from redlines.cli import app

from .conftest import free_port


def test_serve_refuses_a_missing_store(tmp_path):
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.sqlite"), "--port", str(free_port())])
    assert r.exit_code == 2
    assert "no store" in r.output and "Traceback" not in r.output


def test_serve_refuses_a_busy_port(small_store):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = CliRunner().invoke(app, ["serve", "--db", small_store.url, "--port", str(port)])
    assert r.exit_code == 2 and "cannot listen" in r.output


def test_serve_bad_port_is_a_usage_error(small_store):
    r = CliRunner().invoke(app, ["serve", "--db", small_store.url, "--port", "99999"])
    assert r.exit_code == 2


def test_serve_answers_on_loopback_read_only(small_store):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "redlines", "serve", "--db", small_store.url, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while True:
            try:
                r = httpx.get(base + "/api/documents", timeout=10)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.time() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and len(r.json()) == 5
        assert httpx.post(base + "/api/documents", json={}).status_code == 405
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert b"read-only" in proc.stderr.read()


def test_worker_factory_reads_the_environment(small_store, monkeypatch):
    from redlines.web.app import app_from_env

    monkeypatch.setenv("REDLINES_DB", small_store.url)
    monkeypatch.setenv("REDLINES_WEB_MODE", "ro")
    assert app_from_env().state.read_only is True
    monkeypatch.setenv("REDLINES_WEB_MODE", "rw")
    assert app_from_env().state.read_only is False
