"""Settings checked once at start (ecosystem/settings_check.py): a wrong value is one line naming the
setting, the value and what is accepted, in French and in English, from the real CLI (a subprocess,
as users run it) and in the app (AppTest); the Neo4j driver's own messages stay out of the terminal
unless asked for; loads and questions have separate limits.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ecosystem import settings
from ecosystem.driver_log import quiet_driver
from ecosystem.settings_check import RULES, SettingInvalid, check_settings
from tests.conftest import NEO4J_URI, NEO4J_USER

ROOT = Path(__file__).resolve().parent.parent
BAD = {
    "ECOSYSTEM_QUERY_TIMEOUT": ("abc", "-1", "0", "inf"),
    "ECOSYSTEM_LOAD_TIMEOUT": ("abc", "-5"),
    "ECOSYSTEM_NEO4J_BOLT_PORT": ("abc", "99999", "80", "7687.5"),
    "ECOSYSTEM_NEO4J_HEAP": ("lots", "-1g"),
    "ECOSYSTEM_NEO4J_PAGECACHE": ("1 tera",),
    "ECOSYSTEM_HISTORY_VERSIONS": ("0", "dix", "-3"),
    "ECOSYSTEM_AUTH": ("ldap",),
    "ECOSYSTEM_DEMO": ("oui",),
    "ECOSYSTEM_VERBOSE": ("yes",),
    "NEO4J_URI": ("http://127.0.0.1:7474", "localhost"),
}
GOOD = {"ECOSYSTEM_QUERY_TIMEOUT": "2,5", "ECOSYSTEM_LOAD_TIMEOUT": "7200",
        "ECOSYSTEM_NEO4J_BOLT_PORT": "7711", "ECOSYSTEM_NEO4J_HEAP": "2G", "ECOSYSTEM_HISTORY_VERSIONS": "1",
        "ECOSYSTEM_AUTH": "Local",
        "NEO4J_URI": "neo4j+s://graph.example.org"}


def _clean_env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {s.env for s in settings.SETTINGS}}
    env.update(values)
    return env


def test_every_numeric_and_enumerated_setting_has_a_rule_and_a_bad_example():
    checked = set(RULES) - {"ECOSYSTEM_LANG"}  # a wrong language is UnknownLang's, checked before
    assert checked == set(BAD)
    assert set(RULES) <= {s.env for s in settings.SETTINGS}


@pytest.mark.parametrize(("env", "value"), [(env, v) for env, values in BAD.items() for v in values])
def test_a_bad_value_names_the_setting_the_value_and_what_is_accepted(env, value):
    with pytest.raises(SettingInvalid) as caught:
        check_settings({env: value})
    fr, en = caught.value.text("fr"), caught.value.text("en")
    assert fr.startswith(f"{env} = « {value} » ne convient pas : il faut ") and "\n" not in fr
    assert en.startswith(f'{env}="{value}" cannot be used: expected ')


def test_good_values_pass():
    check_settings(GOOD)
    check_settings({})


def test_a_password_written_in_the_uri_is_not_echoed():
    with pytest.raises(SettingInvalid) as caught:
        check_settings({"NEO4J_URI": "http://neo4j:secret-pass@host:7474"})
    assert "secret-pass" not in caught.value.text("fr") + caught.value.text("en")


@pytest.mark.parametrize(("env", "value", "lang", "says"), [
    ("ECOSYSTEM_QUERY_TIMEOUT", "abc", "fr",
     "erreur : ECOSYSTEM_QUERY_TIMEOUT = « abc » ne convient pas : il faut un nombre de secondes "
     "supérieur à 0"),
    ("ECOSYSTEM_QUERY_TIMEOUT", "-1", "en",
     'error: ECOSYSTEM_QUERY_TIMEOUT="-1" cannot be used: expected a number of seconds above 0'),
    ("ECOSYSTEM_NEO4J_BOLT_PORT", "abc", "fr",
     "erreur : ECOSYSTEM_NEO4J_BOLT_PORT = « abc » ne convient pas : il faut un nombre entier de 1024 "
     "à 65535"),
])
def test_the_cli_says_it_in_one_line_without_a_traceback(tmp_path, env, value, lang, says):
    for command in (["stats"], ["neo4j", "status"]):
        done = subprocess.run([sys.executable, "-m", "ecosystem", *command], capture_output=True, text=True,
                              cwd=tmp_path, env=_clean_env(**{env: value, "ECOSYSTEM_LANG": lang,
                                                              "ECOSYSTEM_STATE_DIR": str(tmp_path)}))
        assert done.returncode == 2
        assert done.stderr.startswith(says) and done.stderr.count("\n") == 1, done.stderr
        assert "Traceback" not in done.stderr and done.stdout == ""


def test_the_app_says_it_instead_of_a_traceback(tmp_path, monkeypatch):
    for var in ("NEO4J_URI", "NEO4J_PASSWORD", "ECOSYSTEM_AUTH"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    monkeypatch.setenv("ECOSYSTEM_QUERY_TIMEOUT", "-1")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [
        "ECOSYSTEM_QUERY_TIMEOUT = « -1 » ne convient pas : il faut un nombre de secondes supérieur à 0, "
        "par exemple 60. Corrigez-la dans l'environnement ou dans .streamlit/secrets.toml "
        "(docs/settings.md)."]


def test_the_driver_s_messages_are_dropped_unless_verbose(capfd):
    driver_log = logging.getLogger("neo4j.pool")
    quiet_driver(False)
    driver_log.warning("Transaction failed and will be retried in 13.9s")
    assert capfd.readouterr().err == ""
    quiet_driver(True)
    driver_log.warning("Transaction failed and will be retried in 13.9s")
    assert "Transaction failed and will be retried" in capfd.readouterr().err
    quiet_driver(False)


def test_an_unreachable_server_is_one_line_in_french(tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = subprocess.run([sys.executable, "-m", "ecosystem", "stats"], capture_output=True, text=True,
                          cwd=tmp_path, env=_clean_env(NEO4J_URI=f"bolt://127.0.0.1:{port}",
                                                       NEO4J_PASSWORD="x", ECOSYSTEM_LANG="fr"))
    assert done.returncode == 1
    assert done.stderr.startswith(f"erreur : Le serveur Neo4j bolt://127.0.0.1:{port} est injoignable")
    assert done.stderr.count("\n") == 1, done.stderr


@pytest.mark.neo4j
def test_loads_and_questions_have_separate_limits(neo4j_session_store):
    from ecosystem.errors import QueryTimeout
    from ecosystem.store.neo4j.store import Neo4jStore
    from tests.factories import small_dataset

    driver = neo4j_session_store.runner.driver
    store = Neo4jStore(driver, uri=NEO4J_URI or "", user=NEO4J_USER, timeout=2.0, load_timeout=600)
    assert (store.runner.timeout, store.load_runner.timeout) == (2.0, 600)
    store.load_runner.timeout = 0.5  # the endless query below must stop at the load's own limit
    slow = "UNWIND range(1, 4000000000) AS i WITH i WHERE i % 7 = 10 RETURN count(i) AS n"
    with pytest.raises(QueryTimeout) as caught:
        store.load_runner.read_text("staging", slow)
    assert "ECOSYSTEM_LOAD_TIMEOUT" in caught.value.text("fr")
    assert "question plus ciblée" not in caught.value.text("fr")
    with pytest.raises(QueryTimeout) as caught:
        store.runner.read_text("overlaps", slow)
    assert "ECOSYSTEM_QUERY_TIMEOUT" in caught.value.text("fr")
    roomy = Neo4jStore(driver, uri=NEO4J_URI or "", user=NEO4J_USER, timeout=2.0, load_timeout=600)
    assert roomy.load(small_dataset("limites-separees")).status in ("loaded", "unchanged", "replaced")
    roomy.remove_dataset("limites-separees")
