"""What the Alliances page shows: the alliance, its charter diagnosis, its self-assessment path."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from ecosystem.analysis.assessment import LeverPath, lever_paths
from ecosystem.model import Alliance, Assessment
from ecosystem.reference import reference
from ecosystem.store.base import Store
from ecosystem.ui.i18n import date_label, lever_label, t

NOT_ASSESSED = "—"
SCORE_OPTIONS = (NOT_ASSESSED, "0", "1", "2", "3")


@dataclass(frozen=True, slots=True)
class AllianceCard:
    alliance: Alliance
    members: tuple[tuple[str, str, str], ...]  # (name, kind, role) by role then name
    paths: tuple[LeverPath, ...]  # the 21 levers in charter order
    history: tuple[Assessment, ...]  # sorted by (on, lever)


def alliance_card(store: Store, alliance_id: str) -> AllianceCard:
    (alliance,) = store.alliances([alliance_id])
    memberships = store.memberships(alliance_ids=[alliance_id])
    actors = {a.id: a for a in store.actors([m.actor for m in memberships])}
    order = {"pilote": 0, "financeur": 1, "partenaire": 2, "beneficiaire": 3}
    members = tuple(sorted(((actors[m.actor].name, actors[m.actor].kind.value, m.role.value)
                            for m in memberships if m.actor in actors),
                           key=lambda x: (order.get(x[2], 9), x[0].casefold())))
    history = tuple(store.assessments(alliance_id))
    paths = lever_paths(history)
    return AllianceCard(alliance, members, tuple(paths[lv.id] for lv in reference().levers), history)


def assessments_from_form(alliance_id: str, on: date, scores: Mapping[str, str],
                          comments: Mapping[str, str],
                          shown: Mapping[str, str] | None = None) -> list[Assessment]:
    """The levers the person changed, as dated assessments: a score other than the one the form
    showed (`shown`, the latest), or a comment. Untouched levers are not re-dated; "—" is left out.

    >>> scores = {"principe-1": "2", "principe-2": "—", "principe-3": "1"}
    >>> [a.lever for a in assessments_from_form("x", date(2026, 1, 5), scores, {}, {"principe-3": "1"})]
    ['principe-1']
    """
    shown = shown or {}
    found = []
    for lever in reference().levers:
        value = scores.get(lever.id, NOT_ASSESSED)
        if value == NOT_ASSESSED:
            continue
        comment = (comments.get(lever.id) or "").strip()
        if value == shown.get(lever.id, NOT_ASSESSED) and not comment:
            continue
        found.append(Assessment(alliance_id, lever.id, on, int(value), comment))
    return found


def default_score(path: LeverPath) -> str:
    return NOT_ASSESSED if path.latest is None else str(path.latest)


def history_table(history: tuple[Assessment, ...], lang: str) -> pd.DataFrame:
    keys = ("all.col_date", "all.col_lever", "all.col_score", "all.col_comment")
    rows = [(date_label(a.on, lang), lever_label(a.lever, lang), a.score, a.comment)
            for a in sorted(history, key=lambda a: (a.on, a.lever), reverse=True)]
    return pd.DataFrame(rows, columns=[t(k, lang) for k in keys])
