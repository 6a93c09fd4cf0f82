"""Secure defaults: `make run` listens on the loopback only, other addresses need authentication.

The listening test runs the very command `make run` runs (read from `make -n run`) and asks the
kernel, through psutil, which addresses the process listens on.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import psutil
import pytest
import streamlit.config as st_config
from streamlit.testing.v1 import AppTest

from ecosystem.access.accounts import Accounts
from ecosystem.access.errors import ServingRefused
from ecosystem.access.roles import ANONYMOUS, Role
from ecosystem.access.serving import LOCAL_ADMIN, Request, auth_mode, is_loopback, visitor
from tests.browser_support import free_port

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def _make_run_command() -> list[str]:
    """The command `make run` starts, as make itself prints it (set-up lines left out)."""
    printed = subprocess.run(["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout
    line = next(x for x in printed.splitlines() if "app.py" in x)
    words = shlex.split(line)
    assert words[0].endswith("/python") and words[1:4] == ["-m", "ecosystem.ui.serve", "run"], line
    return [sys.executable, *words[1:]]


def _listening(pid: int) -> set[str]:
    process = psutil.Process(pid)
    found = set()
    for p in (process, *process.children(recursive=True)):
        found |= {c.laddr.ip for c in p.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN}
    return found


def test_make_run_listens_on_the_loopback_only(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "STREAMLIT_"))}
    env.update({"ECOSYSTEM_STATE_DIR": str(tmp_path), "ECOSYSTEM_DEMO": "0",
                "STREAMLIT_SERVER_PORT": str(port),
                "STREAMLIT_SERVER_HEADLESS": "true", "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none"})
    process = subprocess.Popen(_make_run_command(), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        addresses: set[str] = set()
        while not addresses and time.monotonic() < deadline:
            assert process.poll() is None, "streamlit exited"
            addresses = _listening(process.pid)
            time.sleep(0.3)
        assert addresses == {"127.0.0.1"}
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_config_turns_xsrf_on_and_caps_uploads_as_documented():
    server = CONFIG["server"]
    assert server["address"] == "127.0.0.1"
    assert server["enableXsrfProtection"] is True
    cap = server["maxUploadSize"]
    assert 0 < cap <= 200
    for doc in ("app.md", "deployment.md"):
        assert f"{cap} MB" in (ROOT / "docs" / doc).read_text(encoding="utf-8"), doc


# ---------------------------------------------------------------------- who a visitor is


LOCAL = Request("127.0.0.1", None, {"host": "127.0.0.1:8501"})


@pytest.mark.parametrize("host", [
    "127.0.0.1", "localhost", "::1", "[::1]:8501", "localhost:8501", "127.0.0.2"])
def test_loopback_names(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", [
    "", None, "0.0.0.0", "192.168.1.20", "example.org", "evil.localhost.example"])
def test_other_names_are_not_loopback(host):
    assert not is_loopback(host)


def test_without_authentication_a_local_visitor_is_the_local_administrator():
    assert visitor("none", LOCAL) == LOCAL_ADMIN
    assert LOCAL_ADMIN.role is Role.ADMIN


@pytest.mark.parametrize("request_", [
    Request("0.0.0.0", None, {"host": "127.0.0.1:8501"}),  # served on every interface
    Request("", None, {}),  # Streamlit's default: every interface
    Request("127.0.0.1", "192.168.1.7", {"host": "127.0.0.1:8501"}),
    Request("127.0.0.1", None, {"host": "127.0.0.1", "x-forwarded-for": "203.0.113.9"}),  # a reverse proxy
    Request("127.0.0.1", None, {"host": "ecosysteme.example.org"}),  # a proxy, or DNS rebinding
], ids=["all-interfaces", "default-address", "remote-peer", "forwarded", "foreign-host"])
def test_without_authentication_anyone_else_is_refused(request_):
    with pytest.raises(ServingRefused) as caught:
        visitor("none", request_)
    assert "ecosystem users add" in caught.value.text("fr")
    assert "aucune authentification n'est configurée" in caught.value.text("fr")
    assert "no authentication is configured" in str(caught.value)


@pytest.mark.parametrize("mode", ["local", "oidc"])
def test_with_authentication_a_visitor_starts_as_an_anonymous_viewer(mode):
    assert visitor(mode, Request("0.0.0.0", "203.0.113.9", {"host": "ecosysteme.example.org"})) == ANONYMOUS
    assert ANONYMOUS.role is Role.VIEWER


def test_auth_mode_follows_the_setting_the_accounts_and_the_secrets(tmp_path):
    env = {"ECOSYSTEM_STATE_DIR": str(tmp_path)}
    secrets = tmp_path / "secrets.toml"
    assert auth_mode(env, secrets) == "none"
    Accounts(tmp_path).add("marie", Role.ADMIN, "un mot de passe long")
    assert auth_mode(env, secrets) == "local"
    secrets.write_text('[auth]\nredirect_uri = "https://x.example/oauth2callback"\ncookie_secret = "s"\n')
    assert auth_mode(env, secrets) == "oidc"
    assert auth_mode(env | {"ECOSYSTEM_AUTH": "none"}, secrets) == "none"
    with pytest.raises(ValueError, match="ECOSYSTEM_AUTH"):
        auth_mode(env | {"ECOSYSTEM_AUTH": "yes"}, secrets)


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "ECOSYSTEM_AUTH"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_DEMO", "1")
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    return tmp_path


@pytest.fixture
def served_everywhere():
    before = st_config.get_option("server.address")
    st_config.set_option("server.address", "0.0.0.0")
    yield
    st_config.set_option("server.address", before)


def test_the_home_page_says_the_local_visitor_is_its_administrator(app_env):
    at = AppTest.from_file(str(APP), default_timeout=300).run()
    assert not at.exception
    assert any("administrateur local" in i.value for i in at.info)


def test_served_everywhere_without_authentication_the_app_shows_only_the_refusal(app_env, served_everywhere):
    at = AppTest.from_file(str(APP), default_timeout=300).run()
    assert not at.exception
    assert [e.value for e in at.error] and "n'est donc pas servie" in at.error[0].value
    assert not at.title  # no page ran


def test_served_everywhere_with_accounts_anonymous_visitors_are_served_read_only(app_env, served_everywhere):
    Accounts(app_env).add("marie", Role.ADMIN, "un mot de passe long")
    at = AppTest.from_file(str(APP), default_timeout=300).run()
    assert not at.exception and not at.error
    assert at.title
    assert any("Lecture seule" in c.value for c in at.sidebar.caption)
