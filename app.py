"""The ecosystem app: `make run`, `streamlit run app.py`, or `ecosystem app` from any folder.

Pages live in ecosystem/ui/pages/. An installed package carries a copy of this file
(ecosystem/resources.py), which `ecosystem app` runs; keep it free of anything but the call below.
"""

from ecosystem.ui.shell import main

main()
