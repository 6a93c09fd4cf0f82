"""What the Données page shows administrators of the audit log and of a dataset's history."""

from __future__ import annotations

import pandas as pd

from ecosystem.store.base import Store
from ecosystem.ui.i18n import date_label, t

AUDIT_SHOWN = 200
"""Newest entries shown on the page; `ecosystem audit` prints them all."""
ACTIONS = ("load", "replace", "remove", "restore", "assess", "assess-correct", "assess-delete", "purge")


def action_label(action: str, lang: str) -> str:
    key = f"audit.action_{action.replace('-', '_')}"
    return t(key, lang) if action in ACTIONS else action


def count_label(what: str, lang: str) -> str:
    key = f"audit.count_{what}"
    return t(key, lang) if what in COUNT_KEYS else what


def counts_text(counts: tuple[tuple[str, int], ...], lang: str) -> str:
    return ", ".join(f"{count_label(k, lang)} {v}" for k, v in counts)


COUNT_KEYS = ("actors", "policies", "alliances", "memberships", "assessments", "levers")


def audit_table(store: Store, lang: str) -> pd.DataFrame:
    keys = ("audit.col_when", "audit.col_who", "audit.col_action", "audit.col_dataset", "audit.col_version",
            "audit.col_records", "audit.col_counts")
    rows = [(date_label(e.at[:19] + "+00:00", lang), e.who, action_label(e.action, lang), e.dataset,
             e.version[:12], ", ".join(e.records), counts_text(e.counts, lang))
            for e in store.audit(limit=AUDIT_SHOWN)]
    return pd.DataFrame(rows, columns=[t(k, lang) for k in keys])
