"""Which authentication is on, and who a visitor is before logging in.

The rules (docs/deployment.md explains them to whoever hosts an instance):
- **No authentication configured** (no local account, no `[auth]` in `.streamlit/secrets.toml`, or
  ECOSYSTEM_AUTH=none): the app is one person's tool on their own machine. It serves them as the
  single local administrator, *only* when the server listens on a loopback address and the request
  is a local one (not forwarded by a proxy, Host naming the loopback: a web page on another site
  cannot rebind its name to it). Anything else is **refused**, with how to configure
  authentication. Refused rather than read-only: the partners' self-assessments and comments are
  not meant to be public, and a page that silently publishes them would be a worse surprise than
  one that says what to set up.
- **Authentication on** (local accounts or OIDC): anonymous visitors are viewers; a login gives
  the account's role.
"""

from __future__ import annotations

import ipaddress
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ecosystem import settings
from ecosystem.access.accounts import Accounts
from ecosystem.access.errors import ServingRefused
from ecosystem.access.roles import ANONYMOUS, Principal, Role

MODES = ("auto", "none", "local", "oidc")
LOCAL_ADMIN = Principal("local", Role.ADMIN, via="loopback")
FORWARDING_HEADERS = ("x-forwarded-for", "x-forwarded-host", "forwarded", "x-real-ip")


def oidc_configured(secrets_path: Path = settings.SECRETS_FILE) -> bool:
    """Whether `.streamlit/secrets.toml` has an `[auth]` table (what `st.login` reads)."""
    if not secrets_path.is_file():
        return False
    try:
        data = tomllib.loads(secrets_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("auth"), dict) and bool(data["auth"])


def auth_mode(environ: dict[str, str] | None = None, secrets_path: Path = settings.SECRETS_FILE) -> str:
    """"none", "local" or "oidc": ECOSYSTEM_AUTH, or with "auto" (the default) OIDC when secrets.toml
    configures it, local accounts when there is at least one, none otherwise."""
    mode = (settings.get("ECOSYSTEM_AUTH", environ) or "auto").strip().lower()
    if mode not in MODES:
        raise ValueError(f'ECOSYSTEM_AUTH="{mode}": expected one of {", ".join(MODES)}')
    if mode != "auto":
        return mode
    if oidc_configured(secrets_path):
        return "oidc"
    return "local" if Accounts(settings.state_dir(environ)) else "none"


def is_loopback(host: str | None) -> bool:
    """Whether a listening address or a Host name is the machine itself ("" or None: every interface)."""
    if not host:
        return False
    name = host.strip().lower()
    if name.startswith("["):  # "[::1]:8501"
        name = name[1:].split("]", 1)[0]
    elif name.count(":") == 1:  # "localhost:8501"
        name = name.split(":", 1)[0]
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class Request:
    """What the server knows of one visitor's connection."""

    server_address: str | None  # the address the server listens on (Streamlit's server.address)
    client_ip: str | None  # None when Streamlit saw a loopback connection
    headers: dict[str, str]  # lower-case names

    @property
    def local(self) -> bool:
        """The visitor is on this machine: loopback listener, loopback peer, no proxy, Host loopback."""
        if not is_loopback(self.server_address):
            return False
        if self.client_ip is not None and not is_loopback(self.client_ip):
            return False
        if any(h in self.headers for h in FORWARDING_HEADERS):
            return False
        host = self.headers.get("host")
        return host is None or is_loopback(host)


def visitor(mode: str, request: Request) -> Principal:
    """Who a visitor is before any login; raises ServingRefused when they may not be served at all."""
    if mode != "none":
        return ANONYMOUS
    if request.local:
        return LOCAL_ADMIN
    raise ServingRefused(
        "This app is reachable from other machines and no authentication is configured, so it is "
        "not served. Either serve it on 127.0.0.1 only (make run does), or create accounts "
        "(ecosystem users add NAME --role admin) or configure an identity provider "
        "(.streamlit/secrets.toml, [auth]); see docs/deployment.md.",
        "Cette application est joignable depuis d'autres machines et aucune authentification n'est "
        "configurée : elle n'est donc pas servie. Servez-la sur 127.0.0.1 seulement (comme le fait "
        "make run), ou créez des comptes (ecosystem users add NOM --role admin), ou configurez un "
        "fournisseur d'identité (.streamlit/secrets.toml, section [auth]) ; voir docs/deployment.md.")
