"""Every numeric or enumerated setting checked once, when the CLI or the app starts.

A wrong value (`ECOSYSTEM_QUERY_TIMEOUT=abc`, `ECOSYSTEM_NEO4J_BOLT_PORT=99999`) used to surface
later as a Python traceback from wherever it was first parsed. `check_settings()` reads them all
first and raises one `SettingInvalid` naming the setting, the value and what is accepted, in French
and English; the shells print it as one line (CLI) or one error box (app). The parsers that come
after may then trust the values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ecosystem import settings
from ecosystem.errors import EcosystemError


class SettingInvalid(EcosystemError):
    """A setting whose value cannot be used; the sentence names it, its value and what is accepted."""


@dataclass(frozen=True, slots=True)
class Rule:
    accepts: Callable[[str], bool]
    expected_en: str
    expected_fr: str


def _positive_number(value: str) -> bool:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return False
    return number > 0 and number != float("inf")


def _whole(low: int, high: int | None = None) -> Callable[[str], bool]:
    def accepts(value: str) -> bool:
        if not re.fullmatch(r"\s*\d+\s*", value):
            return False
        number = int(value)
        return number >= low and (high is None or number <= high)
    return accepts


def _one_of(*choices: str) -> Callable[[str], bool]:
    return lambda value: value.strip().lower() in choices


_MEMORY = re.compile(r"\s*\d+\s*[kmgKMG]?\s*")
_URI = re.compile(r"(bolt|neo4j)(\+s|\+ssc)?://\S+")

RULES: Mapping[str, Rule] = {
    "ECOSYSTEM_QUERY_TIMEOUT": Rule(_positive_number, "a number of seconds above 0, such as 60",
                                    "un nombre de secondes supérieur à 0, par exemple 60"),
    "ECOSYSTEM_LOAD_TIMEOUT": Rule(_positive_number, "a number of seconds above 0, such as 3600",
                                   "un nombre de secondes supérieur à 0, par exemple 3600"),
    "ECOSYSTEM_NEO4J_BOLT_PORT": Rule(_whole(1024, 65535), "a whole number from 1024 to 65535, such as 7687",
                                      "un nombre entier de 1024 à 65535, par exemple 7687"),
    "ECOSYSTEM_NEO4J_HEAP": Rule(_MEMORY.fullmatch, "a memory size such as 1g or 512m",
                                 "une taille de mémoire comme 1g ou 512m"),
    "ECOSYSTEM_NEO4J_PAGECACHE": Rule(_MEMORY.fullmatch, "a memory size such as 1g or 512m",
                                      "une taille de mémoire comme 1g ou 512m"),
    "ECOSYSTEM_HISTORY_VERSIONS": Rule(_whole(1), "a whole number of versions, 1 or more, such as 10",
                                       "un nombre entier de versions, au moins 1, par exemple 10"),
    "ECOSYSTEM_LANG": Rule(_one_of("fr", "en"), "fr or en", "fr ou en"),
    "ECOSYSTEM_AUTH": Rule(_one_of("auto", "none", "local", "oidc"), "auto, none, local or oidc",
                           "auto, none, local ou oidc"),
    "ECOSYSTEM_DEMO": Rule(_one_of("0", "1"), "1 (load the demo) or 0", "1 (charger la démo) ou 0"),
    "ECOSYSTEM_VERBOSE": Rule(_one_of("0", "1"), "1 (show the Neo4j driver's own messages) or 0",
                              "1 (afficher les messages du pilote Neo4j) ou 0"),
    "NEO4J_URI": Rule(lambda v: bool(_URI.fullmatch(v.strip())),
                      "a Bolt URI such as bolt://127.0.0.1:7687 or neo4j+s://host (bolt, bolt+s, bolt+ssc, "
                      "neo4j, neo4j+s, neo4j+ssc)",
                      "une adresse Bolt comme bolt://127.0.0.1:7687 ou neo4j+s://hôte (bolt, bolt+s, "
                      "bolt+ssc, neo4j, neo4j+s, neo4j+ssc)"),
}


def _shown(env: str, value: str) -> str:
    """The value as the message quotes it: a URI may hold a password, which is never echoed."""
    if env == "NEO4J_URI":
        from ecosystem import redact

        return redact.uri(value)
    return value


def check_settings(environ: dict[str, str] | None = None) -> None:
    """Raise SettingInvalid for the first setting (in declaration order) whose value is not accepted."""
    for setting in settings.SETTINGS:
        rule = RULES.get(setting.env)
        value = settings.get(setting.env, environ)
        if rule is None or value is None or rule.accepts(value):
            continue
        shown = _shown(setting.env, value)
        raise SettingInvalid(
            f'{setting.env}="{shown}" cannot be used: expected {rule.expected_en}. '
            "Fix it in the environment or in .streamlit/secrets.toml (docs/settings.md).",
            f"{setting.env} = « {shown} » ne convient pas : il faut {rule.expected_fr}. "
            "Corrigez-la dans l'environnement ou dans .streamlit/secrets.toml (docs/settings.md).")
