"""`ecosystem assessments`: an alliance's self-assessment entries, and deleting one.

`ecosystem assessments ALLIANCE [--json]` lists the entries (id, lever, date, score, author,
comment); `ecosystem assessments delete ALLIANCE ENTRY_ID` deletes one, as the machine's user, who
holds the state folder and is an administrator (`cli_principal`), through the checked and audited
`Writes`. Handlers import the store and the access modules lazily (tests/test_startup.py).
"""

from __future__ import annotations

import argparse
from datetime import date
from functools import partial

from ecosystem.commands.common import (
    add_command,
    add_json_flag,
    print_json,
    print_table,
    say,
    store_from_args,
)
from ecosystem.errors import EcosystemError


class AssessmentsUsage(EcosystemError):
    """Arguments this command cannot read: an entry id that is not « lever@date », or neither one
    alliance nor `delete ALLIANCE ENTRY_ID`; the sentence says the form expected."""


def _bad_entry_id(value: str) -> AssessmentsUsage:
    return AssessmentsUsage(
        f'"{value}" is not an entry id: lever@date, such as principe-1@2025-06-01 '
        "(ecosystem assessments ALLIANCE lists them).",
        f"« {value} » n'est pas un identifiant d'entrée : levier@date, par exemple "
        "principe-1@2025-06-01 (ecosystem assessments ALLIANCE les liste).")


def parse_entry_id(value: str) -> tuple[str, date]:
    """("principe-1", 2025-06-01) from "principe-1@2025-06-01" (`Assessment.entry_id`).

    >>> parse_entry_id("principe-1@2025-06-01")
    ('principe-1', datetime.date(2025, 6, 1))
    """
    lever, _, day = value.strip().rpartition("@")
    try:
        on = date.fromisoformat(day)
    except ValueError:
        raise _bad_entry_id(value) from None
    if not lever:
        raise _bad_entry_id(value)
    return lever, on


def assessments_cmd(args: argparse.Namespace) -> int:
    words = list(args.words)
    if len(words) == 3 and words[0] == "delete":
        return _delete(words[1], words[2])
    if len(words) != 1:
        raise AssessmentsUsage(
            "Use: ecosystem assessments ALLIANCE, or ecosystem assessments delete ALLIANCE ENTRY_ID.",
            "Usage : ecosystem assessments ALLIANCE, ou ecosystem assessments delete ALLIANCE ENTRÉE.")
    return _list(words[0], args.json)


def _list(alliance: str, as_json: bool) -> int:
    store = store_from_args(argparse.Namespace())
    try:
        entries = store.assessments(alliance)
    finally:
        store.close()
    if as_json:
        print_json([{"id": s.entry_id, "lever": s.lever, "on": s.on.isoformat(), "score": s.score,
                     "author": s.author, "comment": s.comment} for s in entries])
        return 0
    if not entries:
        print(say(f"Aucune autoévaluation pour l'alliance « {alliance} ».",
                  f'No self-assessment for the alliance "{alliance}".'))
        return 0
    file_author = say("(fichier)", "(file)")
    rows = [(s.entry_id, s.lever, s.on.isoformat(), s.score, s.author or file_author, s.comment)
            for s in entries]
    print_table(["id", say("levier", "lever"), "date", say("note", "score"), say("auteur", "author"),
                 say("commentaire", "comment")], rows)
    return 0


def _delete(alliance: str, entry_id: str) -> int:
    from ecosystem.access.writes import Writes, cli_principal

    lever, on = parse_entry_id(entry_id)
    store = store_from_args(argparse.Namespace())
    try:
        gone = Writes(store, cli_principal()).delete_assessment(alliance, lever, on)
    finally:
        store.close()
    print(say(f"Entrée « {gone.entry_id} » de l'alliance « {alliance} » supprimée (note {gone.score}).",
              f'Entry "{gone.entry_id}" of the alliance "{alliance}" deleted (score {gone.score}).'))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    add = partial(add_command, sub)
    p = add("assessments", assessments_cmd,
            "an alliance's self-assessment entries (id, lever, date, score, author, comment); "
            "'delete ALLIANCE ENTRY_ID' deletes one (audited)",
            "ecosystem assessments alim-valence --json; ecosystem assessments delete alim-valence "
            "principe-1@2025-06-01")
    p.add_argument("words", nargs="+", metavar="ALLIANCE | delete ALLIANCE ENTRY_ID")
    add_json_flag(p)
