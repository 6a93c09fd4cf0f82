"""Shareable state: each page's selection lives in the URL's query parameters.

A widget bound with `bind(key, parse)` before it is created takes its first value from the URL
(`?actor=jardins-valence`), so a link opens the same view; `sync(key, text)` after it is created
writes the value back when it changes (and removes it when empty, to keep links short). The last
value is also kept in the session so the choice follows the user from page to page (Streamlit
forgets a widget's value when its page is left).

Parameter names are English identifiers (`territory`, `actor`, `sdg` ...); values are ids, and
lists are comma-separated (`sdg=2,12`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st

_KEEP = "keep."


def bind(key: str, parse: Callable[[str], Any | None]) -> None:
    """Seed the widget `key` from the URL, else from the session's last value, unless it is set."""
    if key in st.session_state:
        return
    raw = st.query_params.get(key)
    if raw is not None:
        value = parse(raw)
        if value is not None:
            st.session_state[key] = value
            return
    kept = st.session_state.get(_KEEP + key)
    if kept is not None:
        st.session_state[key] = kept


def sync(key: str, text: str | None, value: Any = None) -> None:
    """Write `text` to the URL parameter `key` (None or "" removes it) and keep `value` for later."""
    st.session_state[_KEEP + key] = value
    if not text:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != text:
        st.query_params[key] = text


def forget(key: str) -> None:
    """Drop a widget's value and its kept copy: it starts again from its default."""
    st.session_state.pop(key, None)
    st.session_state.pop(_KEEP + key, None)


def read(key: str) -> str | None:
    """The raw URL value of a parameter that is not a widget (e.g. the territory)."""
    return st.query_params.get(key)


def kept(key: str) -> Any:
    return st.session_state.get(_KEEP + key)


# ---------------------------------------------------------------------- parsers


def one_of(options: Iterable[str]) -> Callable[[str], str | None]:
    """A parser that accepts one of `options`."""
    allowed = set(options)
    return lambda raw: raw if raw in allowed else None


def list_of(options: Iterable[Any], convert: Callable[[str], Any] = str) -> Callable[[str], list | None]:
    """A parser for a comma-separated list, keeping the known values in order."""
    allowed = list(options)

    def parse(raw: str) -> list | None:
        found = []
        for part in raw.split(","):
            try:
                value = convert(part.strip())
            except ValueError:
                continue
            if value in allowed and value not in found:
                found.append(value)
        return found or None

    return parse


def joined(values: Iterable[Any]) -> str:
    return ",".join(str(v) for v in values)
