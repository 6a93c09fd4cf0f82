"""Who the visitor of this session is, the sign-in box in the sidebar, and the writes they may make.

The principal is kept in `st.session_state` under a key no widget uses, as a `Principal` object: a
browser can set widget values, never this. It is checked again against the accounts file at every
run, so a removed account or a changed role takes effect at the next click. Pages write only through
`writes()`, which checks the role on the server (`ecosystem.access.writes`).
"""

from __future__ import annotations

import streamlit as st

from ecosystem import settings
from ecosystem.access.accounts import Accounts
from ecosystem.access.errors import AccessError, BadCredentials
from ecosystem.access.oidc import oidc_principal
from ecosystem.access.roles import ANONYMOUS, ROLE_TERMS, Principal, Role
from ecosystem.access.serving import LOCAL_ADMIN, Request, auth_mode, visitor
from ecosystem.access.throttle import LoginThrottle
from ecosystem.access.writes import Writes
from ecosystem.store.base import Store
from ecosystem.ui.context import AppContext
from ecosystem.ui.i18n import t

PRINCIPAL_KEY = "ecosystem.access.principal"
MODE_KEY = "ecosystem.access.mode"


@st.cache_resource(show_spinner=False)
def throttle() -> LoginThrottle:
    """One throttle per server process: failed logins are counted across every session."""
    return LoginThrottle()


def accounts() -> Accounts:
    return Accounts(settings.state_dir())


def client_ip() -> str | None:
    """The peer's address as Streamlit saw it (None for a loopback connection; a test harness
    without a connection gives something else, taken as None too)."""
    ip = st.context.ip_address
    return ip if isinstance(ip, str) else None


def current_request() -> Request:
    headers = {str(k).lower(): str(v) for k, v in dict(st.context.headers or {}).items()}
    return Request(st.get_option("server.address"), client_ip(), headers)


def identify() -> Principal:
    """The visitor of this run; raises ServingRefused when the app must not be served to them."""
    mode = auth_mode()
    st.session_state[MODE_KEY] = mode
    first = visitor(mode, current_request())
    if mode == "none":
        st.session_state[PRINCIPAL_KEY] = first
        return first
    if mode == "oidc":
        user = st.user
        found = oidc_principal(user.to_dict(), accounts()) if user.is_logged_in else ANONYMOUS
    else:
        kept = st.session_state.get(PRINCIPAL_KEY)
        found = ANONYMOUS
        if isinstance(kept, Principal) and kept.via == "local":
            account = accounts().get(kept.name)
            found = account.principal("local") if account is not None else ANONYMOUS
    st.session_state[PRINCIPAL_KEY] = found
    return found


def principal() -> Principal:
    """The principal `identify()` settled on for this run (a viewer if it never ran)."""
    found = st.session_state.get(PRINCIPAL_KEY)
    return found if isinstance(found, Principal) else ANONYMOUS


def writes(ctx: AppContext) -> Writes:
    return Writes(ctx.store, principal())


def dataset_of(store: Store, alliance_id: str) -> str:
    """The dataset an alliance belongs to ("" if none), for showing or hiding the assessment form."""
    return store.alliance_datasets([alliance_id]).get(alliance_id, "")


def role_name(role: Role, lang: str) -> str:
    return ROLE_TERMS[role].label(lang)


def _sign_in(name: str, password: str) -> None:
    """Form callback: check the throttle, then the password; the principal on success."""
    gate = throttle()
    ip = client_ip()
    name_key = f"name:{name.strip().casefold()}"
    # Per address only for a real peer: behind a reverse proxy every visitor comes from 127.0.0.1,
    # and one person's typos must not lock everyone out.
    keys = (name_key, f"ip:{ip}") if ip else (name_key,)
    gate.check(*keys)
    account = accounts().authenticate(name, password)
    if account is None:
        gate.failed(*keys)
        raise BadCredentials()
    gate.succeeded(name_key)
    st.session_state[PRINCIPAL_KEY] = account.principal("local")


def account_box(who: Principal, lang: str) -> None:
    """The sidebar: who is signed in and a sign-out button, or the sign-in form."""
    mode = st.session_state.get(MODE_KEY, "none")
    box = st.sidebar
    if who == LOCAL_ADMIN or mode == "none":
        return
    if not who.anonymous:
        box.caption(t("access.signed_in", lang, name=who.name, role=role_name(who.role, lang)))
        if box.button(t("access.logout", lang), key="access.logout"):
            if mode == "oidc":
                st.logout()
            st.session_state.pop(PRINCIPAL_KEY, None)
            st.rerun()
        return
    box.caption(t("access.anonymous", lang))
    if mode == "oidc":
        if box.button(t("access.login_provider", lang), key="access.login"):
            st.login()
        return
    with box.form("access.login_form", clear_on_submit=True):
        name = st.text_input(t("access.name", lang), key="access.name")
        password = st.text_input(t("access.password", lang), type="password", key="access.password")
        submitted = st.form_submit_button(t("access.login", lang))
    if submitted:
        try:
            _sign_in(name, password)
        except AccessError as error:
            box.error(error.text(lang))
        else:
            st.rerun()
