"""After a crash, the first command says it is cleaning up before it does (Neo4j: what an interrupted
load staged), with one line on stderr, from the real CLI against the real server."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ecosystem.generate import GeneratorSpec, generate
from ecosystem.reference import reference
from ecosystem.store.neo4j import versions
from ecosystem.store.neo4j.load import Loader
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER

pytestmark = pytest.mark.neo4j


def test_the_first_command_after_a_crashed_load_says_it_cleans_up(neo4j_session_store, tmp_path):
    store = neo4j_session_store
    dataset = generate(GeneratorSpec(actors=300, seed=11))
    token = versions.new_token()  # staged without a lease: a loader killed before its switch
    versions.begin(store.runner, token, dataset.id)
    Loader(store.runner, reference(), dataset, None).stage(token)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "ECOSYSTEM_"))}
    env.update(NEO4J_URI=NEO4J_URI or "", NEO4J_USER=NEO4J_USER, NEO4J_PASSWORD=NEO4J_PASSWORD or "",
               ECOSYSTEM_LANG="fr", ECOSYSTEM_STATE_DIR=str(tmp_path))
    first = subprocess.run([sys.executable, "-m", "ecosystem", "stats", "--json"], capture_output=True,
                           text=True, env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    said = first.stderr.splitlines()[0]
    assert said.startswith("Nettoyage de 1 chargement interrompu (après un arrêt brutal)")
    again = subprocess.run([sys.executable, "-m", "ecosystem", "stats", "--json"], capture_output=True,
                           text=True, env=env, cwd=tmp_path)
    assert "Nettoyage" not in again.stderr  # nothing left: nothing said
