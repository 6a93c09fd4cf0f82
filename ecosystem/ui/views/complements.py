"""What the Complémentarités page shows: the recommended partners of an actor or an alliance."""

from __future__ import annotations

import pandas as pd

from ecosystem.analysis import wording
from ecosystem.analysis.articles import actor_in_sentence
from ecosystem.analysis.complementarity import ComplementResult, complements
from ecosystem.errors import NotFound
from ecosystem.store.base import Store
from ecosystem.ui.i18n import kind_label, lever_label, sdg_short, t

SUBJECTS = ("actor", "alliance")


def complements_of(store: Store, subject_type: str, subject_id: str, k: int, lang: str) -> ComplementResult:
    """Complements of the actor or alliance `subject_id`; NotFound when there is no such thing."""
    found = store.alliances([subject_id]) if subject_type == "alliance" else store.actors([subject_id])
    if not found:
        raise NotFound(subject_type, subject_id)
    return complements(store, found[0], k=k, lang=lang)


def of_name(name: str, lang: str) -> str:
    """A subject's name after « autour de »: « autour du Panier Solidaire », « de la Ville de Crest ».

    >>> of_name("Le Panier Solidaire valentinois", "fr"), of_name("Ville de Crest", "fr")
    ('du Panier Solidaire valentinois', 'de la Ville de Crest')
    >>> of_name("Le Panier Solidaire valentinois", "en")
    'Le Panier Solidaire valentinois'
    """
    return wording.de(actor_in_sentence(name)) if lang == "fr" else name


def brings(c, lang: str) -> str:
    """What a complement brings, in a few words."""
    parts = []
    if c.new_sdgs:
        parts.append(t("cpl.new_sdgs", lang, sdgs=", ".join(sdg_short(s, lang) for s in c.new_sdgs)))
    if c.other_kind:
        parts.append(t("cpl.other_kind", lang))
    if c.offers_needed:
        parts.append(t("cpl.offers", lang, means=", ".join(lever_label(m, lang) for m in c.offers_needed)))
    if c.needs_offered:
        parts.append(t("cpl.needs", lang, means=", ".join(lever_label(m, lang) for m in c.needs_offered)))
    return " · ".join(parts)


def complements_table(result: ComplementResult, lang: str) -> pd.DataFrame:
    keys = ("common.actor", "common.kind", "common.score", "cpl.col_brings", "common.reason")
    rows = [(c.name, kind_label(c.kind, lang), round(c.score * 100), brings(c, lang), c.reason)
            for c in result.items]
    return pd.DataFrame(rows, columns=[t(k, lang) for k in keys])
