"""A password written inside NEO4J_URI is never shown: not in the error, not on the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ecosystem import redact
from ecosystem.errors import StoreUnavailable
from ecosystem.store import open_store

REPO = Path(__file__).resolve().parent.parent
SECRET = "pw-in-the-uri-4242"


@pytest.mark.parametrize(("written", "shown"), [
    (f"bolt://neo4j:{SECRET}@127.0.0.1:7687", "bolt://***@127.0.0.1:7687"),
    (f"neo4j+s://neo4j:{SECRET}/x#y@db.example.org:7687", "neo4j+s://***@db.example.org:7687"),
    (f"{SECRET}@127.0.0.1", "***@127.0.0.1"),
    ("bolt://127.0.0.1:7687", "bolt://127.0.0.1:7687"),
])
def test_credentials_in_a_uri_are_hidden(written: str, shown: str) -> None:
    assert redact.uri(written) == shown


@pytest.mark.parametrize("uri", [f"bolt://neo4j:{SECRET}@127.0.0.1:1",
                                 f"neo4j://{SECRET}@127.0.0.1:1", f"bolt://neo4j:{SECRET}@[::1"])
def test_an_unusable_uri_is_named_without_its_password(uri: str) -> None:
    with pytest.raises(StoreUnavailable) as refused:
        open_store({"NEO4J_URI": uri, "NEO4J_PASSWORD": "other"})
    assert SECRET not in str(refused.value)
    assert "127.0.0.1" in str(refused.value) or "::1" in str(refused.value)


def test_the_cli_does_not_print_a_password_written_in_the_uri(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "NEO4J_URI": f"bolt://neo4j:{SECRET}@127.0.0.1:1",
           "ECOSYSTEM_STATE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "ecosystem", "stats"], capture_output=True, text=True,
                          env=env, cwd=REPO, check=False)
    assert done.returncode != 0
    assert "127.0.0.1:1" in done.stderr
    assert SECRET not in done.stdout + done.stderr
