"""The app's link to the store: opened once per configuration, query results cached per data version.

- `open_holder()` opens the configured store once per process and configuration
  (`st.cache_resource`) and, for an empty embedded store with ECOSYSTEM_DEMO=1, loads the demo.
- `AppContext.q(fn, *args)` runs `fn(store, *args)` through `st.cache_data`, keyed on the function,
  its arguments and the **data fingerprint**: the store, its revision token (`Store.revision`, which
  every write to the data moves, from this process or another: the CLI, a second app) and a counter
  bumped by every write made in the app (load, remove, assessment, and the audit entry that follows).
  Any change to the data therefore invalidates every cached answer, and nothing else does.

Sharing between sessions (issue 17, item 5): `st.cache_data` and `st.cache_resource` are
per process, not per session, so ten visitors of the same page at the same revision get one
computation and nine copies (Streamlit computes a key once even when asked for it by several
sessions at the same instant). That is only right for answers that depend on nothing but the data
and the arguments: **never pass `q`, `q_large` or `pure` anything that depends on who the visitor
is or on their role** (an account name, what they may edit); those parts stay in the page, per
session. Texts depend on the language only, so a function that writes sentences takes `lang` as an
argument, which makes it part of the key.

Query functions take the store first and return plain, picklable values (they live in
`ecosystem.ui.views`, `ecosystem.ui.map` and `ecosystem.analysis`).
"""

from __future__ import annotations

import gc
import hashlib
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import streamlit as st

from ecosystem import settings
from ecosystem.deadline import question_limit
from ecosystem.errors import EcosystemError
from ecosystem.resources import DEMO_DIR
from ecosystem.store import Store, open_store

T = TypeVar("T")
STATE_KEY = "ecosystem.context"
CACHE_ENTRIES = 512
"""Cached query answers (small values: tables, counts, sentences)."""
LARGE_ENTRIES = 12
"""Cached large answers (a map page is up to 2 MB, a checked upload holds a whole dataset)."""


@dataclass
class StoreHolder:
    """One open store, with the app's write counter and what happened with the demo."""

    store: Store
    revision: int = 0
    demo: str | EcosystemError = ""  # "loaded" when the demo was loaded at start, or why it failed
    lock: threading.Lock = field(default_factory=threading.Lock)

    def bump(self) -> None:
        with self.lock:
            self.revision += 1


def store_config(environ: dict[str, str] | None = None) -> tuple[str, ...]:
    """What identifies the configured store (the password only as a digest): the cache key."""
    password = settings.get("NEO4J_PASSWORD", environ) or ""
    return (settings.get("NEO4J_URI", environ) or "", settings.get("NEO4J_USER", environ) or "",
            hashlib.sha256(password.encode()).hexdigest()[:12], settings.get("NEO4J_DATABASE", environ) or "",
            str(settings.state_dir(environ)), settings.get("ECOSYSTEM_DEMO", environ) or "0")


@st.cache_resource(show_spinner=False, max_entries=8)
def _open(config: tuple[str, ...]) -> StoreHolder:
    """Open the store of `config` (the environment is read by open_store itself)."""
    holder = StoreHolder(open_store())
    if config[-1] == "1":
        holder.demo = load_demo_if_empty(holder.store)
    settle()
    return holder


def settle() -> None:
    """Tell the garbage collector that what exists now lives as long as the process (`gc.freeze`).

    Why: Streamlit runs a full collection after every page run (`runner.postScriptGC`), and a full
    collection walks every object alive: the open store's reference hierarchy and graph alone are
    hundreds of thousands. With ten visitors at once, those ten walks were more than half of the
    server's time on the Carte. Frozen objects are skipped by every later collection; they are still
    freed as usual when nothing refers to them any more (reference counting), only a cycle among them
    would stay, which the store's records (dataclasses, dicts, arrays) do not make.

    Only in a served app (Streamlit's runtime exists): a test process opens hundreds of short-lived
    stores with `AppTest`, where frozen objects would pile up.
    """
    if not _served():
        return
    gc.collect()
    gc.freeze()


def open_holder() -> StoreHolder:
    """The configured store, opened once; raises StoreUnavailable (with the fix) when it cannot be.

    In a served app, the first call also starts the warm-up (`ecosystem.ui.warmup`) if the server was
    not started through `ecosystem.ui.serve` (`streamlit run app.py`, `make run`): the first visitor
    then opens the store, and the other pages' first answers are computed meanwhile for who comes next.
    """
    holder = _open(store_config())
    if _served():
        from ecosystem.ui import warmup

        warmup.start_when_served()
    return holder


def _served() -> bool:
    """Whether Streamlit's server runs in this process (not `AppTest`, not a test calling the app)."""
    from streamlit.runtime import Runtime

    return Runtime.exists()


def load_demo_if_empty(store: Store) -> str | EcosystemError:
    """Load the demo dataset into an empty embedded store; "" when there was nothing to do, the error
    (shown in the reader's language, which may change afterwards) when it could not be loaded."""
    if store.describe().kind != "embedded" or store.datasets() or not DEMO_DIR.is_dir():
        return ""
    from ecosystem.datasets.reader import read_dataset

    try:
        store.load(read_dataset(DEMO_DIR))
    except EcosystemError as error:
        return error
    return "loaded"


def fingerprint(holder: StoreHolder) -> str:
    """A short digest of what the data is right now (see the module docstring): one cheap read of the
    store's revision per page run, instead of listing its datasets."""
    parts = [holder.store.describe().label, holder.store.revision(), str(holder.revision)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


COMPUTED: Counter[str] = Counter()
"""How many times each query function really ran in this process (cache misses), by name: what the
tests and benchmarks/sessions.py read to show that sessions share one computation."""
_COUNT_LOCK = threading.Lock()


def _computed(name: str) -> None:
    with _COUNT_LOCK:
        COMPUTED[name] += 1


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _cached(name: str, data_version: str, args: tuple, kwargs: tuple, _fn: Callable[..., Any],
            _store: Store) -> Any:
    _computed(name)
    return _fn(_store, *args, **dict(kwargs))


@st.cache_data(show_spinner=False, max_entries=LARGE_ENTRIES)
def _cached_large(name: str, data_version: str, args: tuple, kwargs: tuple, _fn: Callable[..., Any],
                  _store: Store) -> Any:
    _computed(name)
    return _fn(_store, *args, **dict(kwargs))


@st.cache_data(show_spinner=False, max_entries=LARGE_ENTRIES)
def _pure(name: str, args: tuple, kwargs: tuple, _fn: Callable[..., Any]) -> Any:
    _computed(name)
    return _fn(*args, **dict(kwargs))


def pure(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`fn(*args, **kwargs)` for a function that does not read the store, cached on its arguments."""
    return _pure(f"{fn.__module__}.{fn.__qualname__}", args, tuple(sorted(kwargs.items())), fn)


@st.cache_resource(show_spinner=False, max_entries=CACHE_ENTRIES)
def _shared(name: str, args: tuple, kwargs: tuple, _fn: Callable[..., Any]) -> Any:
    _computed(name)
    return _fn(*args, **dict(kwargs))


def shared(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Like `pure`, but every session gets the same object, not a copy.

    Why: `st.cache_data` pickles an answer once and unpickles it for each run; for a plotly figure,
    unpickling rebuilds and validates it, which costs as much as making it. Only for values that no
    page changes after it gets them (a figure handed to `st.plotly_chart`, which copies it with
    `to_dict`), and that depend on nothing but the arguments (never on the visitor).
    """
    return _shared(f"{fn.__module__}.{fn.__qualname__}", args, tuple(sorted(kwargs.items())), fn)


@dataclass(frozen=True)
class AppContext:
    """What every page needs: the store, the language, the data version, and cached queries."""

    holder: StoreHolder
    lang: str
    version: str

    @property
    def store(self) -> Store:
        return self.holder.store

    def q(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`fn(store, *args, **kwargs)`, cached until the data changes; a question, so it runs under
        the whole-question limit (ECOSYSTEM_QUERY_TIMEOUT, `ecosystem.deadline`)."""
        name = f"{fn.__module__}.{fn.__qualname__}"
        with question_limit():
            return _cached(name, self.version, args, tuple(sorted(kwargs.items())), fn, self.store)

    def q_large(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Like `q`, in a cache holding few entries: for answers of megabytes (maps)."""
        name = f"{fn.__module__}.{fn.__qualname__}"
        with question_limit():
            return _cached_large(name, self.version, args, tuple(sorted(kwargs.items())), fn, self.store)

    def changed(self) -> None:
        """Call after a write: every cached answer is stale from the next run on."""
        self.holder.bump()


def build_context(holder: StoreHolder, lang: str) -> AppContext:
    ctx = AppContext(holder, lang, fingerprint(holder))
    st.session_state[STATE_KEY] = ctx
    return ctx


def current() -> AppContext:
    """The context the shell built for this run (pages call this first)."""
    return st.session_state[STATE_KEY]
