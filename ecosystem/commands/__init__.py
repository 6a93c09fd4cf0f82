"""Command groups of the `ecosystem` CLI; each module has `register(subparsers)`."""

from __future__ import annotations

from ecosystem.commands import analysis, app, assessments, data, diff, history, imports, neo4j, outputs, users
from ecosystem.commands import network as network_command

COMMAND_MODULES = (data, neo4j, analysis, imports, users, history, assessments, diff, app, outputs,
                   network_command)
