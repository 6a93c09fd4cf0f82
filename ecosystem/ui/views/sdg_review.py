"""What the « Revue des ODD » page shows: every inferred SDG waiting for a person's decision.

Inferred SDGs only come from the register imports (`ecosystem.importers.inference`), so only the
datasets of a register (source "rna" or "sirene") are read. Each row says which rule fired ("rna:024026",
"naf:88", "mot-cle:insertion") in words, so the person sees why the SDG was suggested before deciding.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ecosystem.model import Level
from ecosystem.reference import reference
from ecosystem.store.base import Store
from ecosystem.ui.i18n import kind_label, percent_label, place_label, sdg_label, t

REGISTER_SOURCES = ("rna", "sirene")
SHOWN = 2000
"""Rows drawn in the page's table (all of them go into the CSV): a browser grid stays responsive."""


@dataclass(frozen=True, slots=True)
class Pending:
    """One inferred SDG of one actor, as the review lists it."""

    dataset: str
    actor: str
    name: str
    kind: str
    commune: str  # the actor's first territory (its seat for a register actor)
    departement: str
    number: int
    confidence: float
    rule: str  # the rule's kind: rna, naf or mot-cle
    code: str  # the code or word that fired


def pending(store: Store) -> tuple[Pending, ...]:
    """Every inferred SDG of every active actor of the register datasets, by dataset, actor, SDG."""
    h = reference().hierarchy
    rows: list[Pending] = []
    for info in store.datasets():
        if info.source not in REGISTER_SOURCES:
            continue
        for actor in store.dataset(info.id).actors:
            if not actor.active or not actor.inferred_sdgs:
                continue
            seat = actor.territories[0] if actor.territories else ""
            above = sorted(h.project(seat, Level.DEPARTEMENT)) if seat in h else []
            for s in actor.inferred_sdgs:
                rule, _, code = s.source.partition(":")
                rows.append(
                    Pending(
                        info.id,
                        actor.id,
                        actor.name,
                        actor.kind.value,
                        seat,
                        above[0] if above else "",
                        s.number,
                        s.confidence,
                        rule,
                        code,
                    )
                )
    return tuple(sorted(rows, key=lambda r: (r.dataset, r.name.casefold(), r.actor, r.number)))


def trigger_text(row: Pending, lang: str) -> str:
    """« code objet social du RNA 024026 », « mot « insertion » de l'objet »."""
    if row.rule == "rna":
        return t("rev.source_rna", lang, code=row.code)
    if row.rule == "naf":
        return t("rev.source_naf", lang, code=row.code)
    if row.rule == "mot-cle":
        return t("rev.source_word", lang, code=row.code)
    return f"{row.rule}:{row.code}"


def rule_label(rule: str, lang: str) -> str:
    """The kind of rule that fired: a register code or a keyword."""
    if rule == "rna":
        return t("rev.kind_rna", lang)
    if rule == "naf":
        return t("rev.kind_naf", lang)
    if rule == "mot-cle":
        return t("rev.kind_word", lang)
    return rule


@dataclass(frozen=True, slots=True)
class Filters:
    territory: str | None = None  # a commune or département id
    kinds: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = ()
    confidence: float = 0.0
    text: str = ""


def filtered(rows: tuple[Pending, ...], f: Filters) -> list[Pending]:
    """The rows that pass every filter (an empty filter passes everything)."""
    from ecosystem.text import normalize

    wanted = normalize(f.text) if f.text.strip() else ""
    return [
        r
        for r in rows
        if (f.territory is None or f.territory in (r.commune, r.departement))
        and (not f.kinds or r.kind in f.kinds)
        and (not f.sdgs or r.number in f.sdgs)
        and r.confidence >= f.confidence - 1e-9
        and (not wanted or wanted in normalize(r.name))
    ]


def territory_options(rows: tuple[Pending, ...]) -> list[str]:
    """Départements, then communes, where inferred SDGs wait (by name)."""
    h = reference().hierarchy
    deps = sorted({r.departement for r in rows if r.departement}, key=lambda d: h[d].name)
    communes = sorted({r.commune for r in rows if r.commune in h}, key=lambda c: (h[c].name, c))
    return deps + communes


def table(rows: list[Pending], lang: str) -> pd.DataFrame:
    """The rows as the page and its CSV show them."""
    keys = ("rev.col_actor", "rev.col_sdg", "rev.col_confidence", "rev.col_trigger", "rev.col_source",
            "rev.col_kind", "rev.col_commune", "rev.col_dataset")
    data = [(r.name, sdg_label(r.number, lang), percent_label(r.confidence, lang), trigger_text(r, lang),
             rule_label(r.rule, lang), kind_label(r.kind, lang),
             place_label(r.commune, lang) if r.commune else "", r.dataset) for r in rows]
    return pd.DataFrame(data, columns=[t(k, lang) for k in keys])
