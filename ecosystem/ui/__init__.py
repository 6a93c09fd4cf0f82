"""The Streamlit app: shell, pages, and the pure pieces behind them (see docs/app.md)."""
