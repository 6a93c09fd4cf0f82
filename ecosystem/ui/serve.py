"""`python -m ecosystem.ui.serve run app.py [options]`: Streamlit's own command line, warmed at start.

Why a launcher: Streamlit runs app.py only when a visitor comes, once per visit, so nothing in it can
run when the server starts. This module starts the warm-up thread (`ecosystem.ui.warmup`) and then
hands its arguments, unchanged, to Streamlit's command line in the same process, so the answers the
warm-up computes land in the cache the visitors' runs read. `ecosystem app` serves through it;
`streamlit run app.py` (`make run`, the browser tests) still works, only without the warm-up.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Start the warm-up, then `streamlit <argv>` (sys.argv's arguments by default)."""
    from ecosystem.ui import warmup

    arguments = sys.argv[1:] if argv is None else argv
    warmup.start_when_served()  # first: the store opens while Streamlit's server starts
    from streamlit.web import cli

    sys.argv = ["streamlit", *arguments]
    return cli.main(prog_name="streamlit")


if __name__ == "__main__":
    raise SystemExit(main())
