"""Every setting declared once: name, environment variable, default and help.

Values come from the environment, then from `.streamlit/secrets.toml` (for users who run the
app on Streamlit and keep their Neo4j credentials there), then from the default. `docs/settings.md`
is checked against this list by a test, so a setting cannot go undocumented.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Setting:
    env: str
    default: str | None
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("ECOSYSTEM_STATE_DIR", ".ecosystem",
            "Folder for the embedded store and the local Neo4j server's data "
            "(relative to the current folder)."),
    Setting("NEO4J_URI", None,
            "Bolt URI of a Neo4j server (bolt://, neo4j://, neo4j+s://, ...). "
            "Unset: the embedded store is used."),
    Setting("NEO4J_USER", "neo4j", "Neo4j user name."),
    Setting("NEO4J_PASSWORD", None,
            "Neo4j password. For the local server, `ecosystem neo4j start` sets it on first start."),
    Setting("NEO4J_DATABASE", "neo4j", "Neo4j database name."),
    Setting("ECOSYSTEM_QUERY_TIMEOUT", "60",
            "Seconds a question (overlaps, complements, coverage, alliances, diagnose) may take in all, on "
            "either store: its Neo4j queries and the work after them. Past it the question stops within a "
            "few seconds, with a message naming this setting."),
    Setting("ECOSYSTEM_LOAD_TIMEOUT", "3600",
            "Seconds each Neo4j transaction of a load (staging a batch, the switch, the clean-up) may run: "
            "loads grow with the dataset, so they get their own, larger limit."),
    Setting("ECOSYSTEM_NEO4J_VERSION", "5.26.30",
            "Neo4j Community version the local server runs (Maven Central)."),
    Setting("ECOSYSTEM_NEO4J_BOLT_PORT", "7687", "Loopback port of the local Neo4j server's Bolt connector."),
    Setting("ECOSYSTEM_NEO4J_HEAP", "1g", "Java heap of the local Neo4j server (the machine is shared)."),
    Setting("ECOSYSTEM_NEO4J_PAGECACHE", "512m", "Page cache of the local Neo4j server."),
    Setting("ECOSYSTEM_JAVA", None,
            "Java 17+ executable for the local Neo4j server (default: java on PATH)."),
    Setting("ECOSYSTEM_LANG", "fr", "Language of the app and of the CLI's sentences: fr or en."),
    Setting("ECOSYSTEM_AUTH", "auto",
            "How the app knows who is there: none, local (accounts of `ecosystem users`), oidc "
            "(`[auth]` in .streamlit/secrets.toml), or auto: oidc when configured, else local when an "
            "account exists, else none (served on 127.0.0.1 only, to a single local administrator)."),
    Setting("ECOSYSTEM_HISTORY_VERSIONS", "10",
            "Earlier versions kept per dataset (history/ in the state folder), restorable with "
            "`ecosystem restore` or on the Données page."),
    Setting("ECOSYSTEM_DEMO", "1",
            "Load the demo dataset into an empty embedded store when the app starts (1 or 0)."),
    Setting("ECOSYSTEM_MAP_TILES", None,
            "URL template of raster map tiles drawn under the Géographie page's shapes, e.g. "
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png, for deployments with internet. Unset (the "
            "default): plain shapes on a neutral background, and no request to any other host."),
    Setting("ECOSYSTEM_MAP_ATTRIBUTION", None,
            "The credit the tile server asks for, shown under the map (e.g. © OpenStreetMap contributors)."),
    Setting("ECOSYSTEM_VERBOSE", "0",
            "1: show the Neo4j driver's own log messages (connection retries) on the terminal; 0 keeps "
            "them out, the command's one-line error says what went wrong. `--verbose` does the same."),
    Setting("ECOSYSTEM_TIMINGS", "0",
            "1: the app writes one line per page run on its terminal (page, server-side milliseconds), "
            "which benchmarks/sessions.py reads; 0 (the default) writes nothing."),
)

_BY_ENV = {s.env: s for s in SETTINGS}
SECRETS_FILE = Path(".streamlit") / "secrets.toml"


def _secrets(path: Path = SECRETS_FILE) -> dict[str, str]:
    """Flat string values of `.streamlit/secrets.toml`, top level or in a [neo4j] table."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    flat: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            for sub, subvalue in value.items():
                flat[f"{key}_{sub}".upper()] = str(subvalue)
        else:
            flat[key.upper()] = str(value)
    return flat


def get(env: str, environ: dict[str, str] | None = None, secrets_path: Path = SECRETS_FILE) -> str | None:
    """The value of a declared setting: environment, then secrets.toml, then default."""
    setting = _BY_ENV[env]
    source = os.environ if environ is None else environ
    value = source.get(env)
    if value not in (None, ""):
        return value
    secret = _secrets(secrets_path).get(env)
    if secret not in (None, ""):
        return secret
    return setting.default


def state_dir(environ: dict[str, str] | None = None) -> Path:
    """The state folder, created on demand by whoever writes into it."""
    return Path(get("ECOSYSTEM_STATE_DIR", environ) or ".ecosystem").expanduser().resolve()
