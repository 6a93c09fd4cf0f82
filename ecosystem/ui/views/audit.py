"""What the Données page shows administrators of the audit log and of a dataset's history."""

from __future__ import annotations

import pandas as pd

from ecosystem import vocabulary
from ecosystem.history.archive import Archive
from ecosystem.store.base import Store
from ecosystem.ui.i18n import date_label, t

AUDIT_SHOWN = 200
"""Newest entries shown on the page; `ecosystem audit` prints them all."""


def action_label(action: str, lang: str) -> str:
    return vocabulary.audit_action(action, lang)


def counts_text(counts: tuple[tuple[str, int], ...], lang: str) -> str:
    return vocabulary.counted_records(counts, lang)


def audit_table(store: Store, lang: str) -> pd.DataFrame:
    keys = ("audit.col_when", "audit.col_who", "audit.col_action", "audit.col_dataset", "audit.col_version",
            "audit.col_records", "audit.col_counts")
    rows = [(date_label(e.at[:19] + "+00:00", lang), e.who, action_label(e.action, lang), e.dataset,
             e.version[:12], ", ".join(e.records), counts_text(e.counts, lang))
            for e in store.audit(limit=AUDIT_SHOWN)]
    return pd.DataFrame(rows, columns=[t(k, lang) for k in keys])


def history_datasets(store: Store) -> list[str]:
    """Datasets that can be restored: the loaded ones and the removed ones still archived."""
    return sorted({d.id for d in store.datasets()} | set(Archive.of(store).removed_datasets()))


def dataset_label(dataset_id: str, loaded: set[str], lang: str) -> str:
    return dataset_id if dataset_id in loaded else f"{dataset_id} ({t('history.removed', lang)})"


REASONS = ("replaced", "restored over", "removed")


def reason_label(reason: str, lang: str) -> str:
    return t(f"history.reason_{reason.replace(' ', '_')}", lang) if reason in REASONS else reason


def _kept(reason: str, at: str, by: str, lang: str) -> str:
    return f"{reason_label(reason, lang)}, {date_label(at[:19] + '+00:00', lang)} ({by})"


def history_table(store: Store, dataset_id: str, lang: str) -> pd.DataFrame:
    """The kept versions of a dataset, newest first: version, when and by whom loaded, why kept, counts."""
    keys = ("history.col_version", "history.col_loaded", "history.col_by", "history.col_kept",
            "data.col_actors", "data.col_alliances", "home.assessments")
    rows = [(v.version, date_label(v.loaded_at, lang), v.loaded_by,
             _kept(v.reason, v.archived_at, v.archived_by, lang), v.count("actors"), v.count("alliances"),
             v.count("assessments"))
            for v in reversed(Archive.of(store).versions(dataset_id))]
    return pd.DataFrame(rows, columns=[t(k, lang) for k in keys])
