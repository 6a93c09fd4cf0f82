"""Query functions behind the pages: `fn(store, ...) -> plain values`, no Streamlit.

Pages run them through `AppContext.q`, which caches them per data version; tests call them
directly on a real store.
"""
