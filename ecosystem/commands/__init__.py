"""Command groups of the `ecosystem` CLI; each module has `register(subparsers)`."""

from __future__ import annotations

from ecosystem.commands import analysis, app, assessments, data, history, imports, neo4j, users

COMMAND_MODULES = (data, neo4j, analysis, imports, users, history, assessments, app)
