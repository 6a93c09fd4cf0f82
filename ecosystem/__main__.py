"""`python -m ecosystem` runs the CLI."""

from ecosystem.cli import main

raise SystemExit(main())
