"""The first visit's work done once per process, when the server starts, instead of by its first visitors.

Why (issue 17, item 5): on a fresh server the first visitor of Accueil waited about 1.2 s, of Carte
1.8 s, and ten of them arriving together 2.3 to 2.7 s each, though none of that work depends on who
they are: opening the store (the reference hierarchy, the demo), importing the libraries a page
draws with (plotly, pandas), and the answers every first visit asks (Accueil's summary, the map of
everything with its directories). `warm()` asks exactly those, through the cache every session reads
(`AppContext.q`, `pure`, `open_holder`), so:

- an answer the warm-up has computed is a cache hit for every visitor (same function, arguments and
  data fingerprint: `first_visit` of each page asks what its page asks with the default filters);
- a visitor arriving while an answer is being computed waits for that computation rather than starting
  a second one (Streamlit's cache holds a lock per key), so no answer is ever computed twice at once;
- nothing private is warmed: answers are keyed on the data and the language, never on a visitor.

`start_when_served()` runs it on a background thread, once per process: the store is opened at once,
the answers as soon as Streamlit's runtime exists (their cache belongs to it). `ecosystem.ui.serve`
(`ecosystem app`) calls it before starting the server; under plain `streamlit run app.py` the first
visit does (`context.open_holder`). A failure (Neo4j not reachable yet) is logged and left to the
first visitor, who gets the usual message.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from ecosystem import settings

PREFIX = "ecosystem-warmup "
"""The line the warm-up writes when done and ECOSYSTEM_TIMINGS=1 (benchmarks/sessions.py reads it)."""
POLL_S = 0.02
"""How often the thread looks whether Streamlit's runtime exists yet (the server starts in ~1 s)."""
HOME_LIBRARIES = ("ecosystem.ui.shell", "ecosystem.ui.views.about", "streamlit.emojis",
                  "plotly.graph_objects", "plotly.io")
"""Imported by the first run of Accueil otherwise: the app's frame, the check of an alert's emoji
icon, the chart's plotly."""
MAP_LIBRARIES = ("pandas", "ecosystem.ui.map.component", "ecosystem.ui.views.map_image")
"""Imported by the Carte's first run otherwise: Streamlit imports pandas to look at a component's
arguments (about 0.3 s on this machine)."""


LIBRARIES = HOME_LIBRARIES + MAP_LIBRARIES
"""What the warm-up's pages import, Accueil's first: the third-party ones on the caller's thread
(`start_when_served`), the app's own (which declare caches, so need the runtime) on the warm-up's."""

_started: threading.Thread | None = None
_start_lock = threading.Lock()
_log = logging.getLogger(__name__)


def import_libraries(names: tuple[str, ...]) -> None:
    """What a page's run would import itself: imported once here, found in sys.modules there."""
    import importlib

    for name in names:
        importlib.import_module(name)


def warm(lang: str | None = None) -> dict[str, int]:
    """Open the store and compute every page's first-visit answers in `lang` (the default language
    when None); returns how many times each query function really ran in this process so far."""
    from ecosystem.ui.context import COMPUTED, AppContext, fingerprint, open_holder, settle
    from ecosystem.ui.views import home, network
    from ecosystem.ui.widgets import default_lang

    lang = lang or default_lang()
    holder = open_holder()
    ctx = AppContext(holder, lang, fingerprint(holder))
    steps: tuple[Callable[[AppContext], Any], ...] = (home.first_visit, network.first_visit)
    import_libraries(tuple(n for n in LIBRARIES if n.startswith("ecosystem.")))  # the rest: see LIBRARIES
    for answers in steps:  # Accueil first: the default page, where most visits start
        answers(ctx)
    _streamlit_once()
    settle()  # the answers and libraries too live as long as the process (see `settle`)
    return dict(COMPUTED)


def _streamlit_once() -> None:
    """What Streamlit does once per process on the first run that draws, read-only work done here:
    its check whether it runs in a REPL (it reads the source of every frame on the stack), and the
    module-by-file table `inspect` builds the first time a module is looked up by file, which the
    declaration of the map's component does: 0.2 to 0.4 s the first visitor would wait. The
    component itself is declared by the page's run: only there is it registered to be served."""
    import inspect

    from streamlit import delta_generator

    inspect.getmodule(inspect.currentframe())
    once = getattr(delta_generator, "_maybe_print_use_warning", None)  # private: skipped if it goes
    if callable(once):
        once()


def _runtime_ready() -> bool:
    from streamlit.runtime import Runtime

    return Runtime.exists()


QUIET = ("streamlit.runtime.scriptrunner_utils.script_run_context",
         "streamlit.runtime.caching.cache_data_api")
"""Streamlit's loggers that warn about a cache used outside a page's run (« missing ScriptRunContext »)
or decorated before its runtime exists (« No runtime found »): both expected on the warm-up's thread
(no visitor is on it; it starts with the process), so its lines there are kept out of the log."""
THREAD = "ecosystem-warmup"


class _NotFromWarmup(logging.Filter):
    """Drops the records made on the warm-up's thread; every other thread's are kept. A filter, not a
    level: Streamlit sets its loggers' levels itself while the server starts, at the same time."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != THREAD


def _quiet() -> None:
    for name in QUIET:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _NotFromWarmup) for f in logger.filters):
            logger.addFilter(_NotFromWarmup())


def _run() -> None:
    started = time.perf_counter()
    cpu = time.thread_time()
    try:
        from ecosystem.ui.context import open_holder

        open_holder()  # needs no runtime (a resource cache): done while the server itself starts
        while not _runtime_ready():  # answers go to the runtime's data cache, which must exist first
            time.sleep(POLL_S)
        computed = warm()
    except Exception as error:  # the first visitor will meet it and see it explained
        _log.warning("warm-up stopped: %s", error)
        return
    if settings.get("ECOSYSTEM_TIMINGS") == "1":
        line = {"ms": round((time.perf_counter() - started) * 1000, 1),
                "cpu_ms": round((time.thread_time() - cpu) * 1000, 1), "computed": computed}
        sys.stderr.write(PREFIX + json.dumps(line, sort_keys=True) + "\n")
        sys.stderr.flush()


def start_when_served() -> threading.Thread:
    """Start the warm-up thread once per process (a second call returns the first thread)."""
    global _started
    with _start_lock:
        if _started is None:
            _quiet()
            # The libraries are imported here, on the caller's thread, not on the warm-up's: imported
            # there while a first visitor's run imports them too (a visit to Géographie, say), plotly
            # came out half-built for that run and its chart never drew (tests/test_browser_geo.py).
            import_libraries(tuple(n for n in LIBRARIES if not n.startswith("ecosystem.")))
            _started = threading.Thread(target=_run, name=THREAD, daemon=True)
            _started.start()
        return _started
