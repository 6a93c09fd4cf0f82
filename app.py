"""The ecosystem app: `streamlit run app.py` (or `make run`). Pages live in ecosystem/ui/pages/."""

from ecosystem.ui.shell import main

main()
