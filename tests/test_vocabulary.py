"""The domain's words are declared once and complete: every enum value has its term in both languages."""

from __future__ import annotations

import pytest

from ecosystem import vocabulary
from ecosystem.analysis import wording
from ecosystem.analysis.thresholds import Status
from ecosystem.datasets import columns
from ecosystem.model import ActorKind, AllianceStatus, Dimension, Level, LeverFamily, MemberRole
from ecosystem.text import header_key
from ecosystem.ui import i18n

TABLES = [
    (ActorKind, vocabulary.ACTOR_KINDS),
    (MemberRole, vocabulary.ROLES),
    (AllianceStatus, vocabulary.ALLIANCE_STATUSES),
    (Level, vocabulary.LEVELS),
    (LeverFamily, vocabulary.LEVER_FAMILIES),
    (Dimension, vocabulary.SDG_DIMENSIONS),
]


@pytest.mark.parametrize(("enum", "table"), TABLES, ids=lambda x: getattr(x, "__name__", ""))
def test_every_value_has_its_term(enum, table):
    assert set(table) == set(enum)
    for member, term in table.items():
        assert term.value == member.value
        for lang in ("fr", "en"):
            assert term.label(lang) and term.label(lang, plural=True)


def test_every_verdict_has_its_term():
    assert set(vocabulary.VERDICTS) == {s.value for s in Status}


@pytest.mark.parametrize("table", [vocabulary.ACTOR_KINDS, vocabulary.ROLES, vocabulary.ALLIANCE_STATUSES,
                                   vocabulary.LEVELS], ids=["kinds", "roles", "statuses", "levels"])
def test_no_spelling_means_two_things(table):
    owner: dict[str, str] = {}
    for term in table.values():
        for name in {header_key(n) for n in term.names()}:
            assert owner.setdefault(name, term.value) == term.value, f"{name!r} names two values"


def test_the_dataset_format_accepts_the_vocabulary():
    """The readers' accepted values are the vocabulary's words, not a second list."""
    for choices, table in ((columns.ACTOR_KINDS, vocabulary.ACTOR_KINDS), (columns.ROLES, vocabulary.ROLES),
                           (columns.STATUSES, vocabulary.ALLIANCE_STATUSES)):
        assert [(c.value, c.fr, c.en, c.aliases) for c in choices] == [
            (t.value, t.fr, t.en, t.aliases) for t in table.values()]


@pytest.mark.parametrize("kind", list(ActorKind))
def test_french_article_agrees_with_gender(kind):
    term = vocabulary.actor_kind(kind)
    article = term.indefinite("fr").split(" ")[0]
    assert article == ("une" if term.gender == vocabulary.Gender.FEMININE else "un")


def test_the_app_and_the_sentences_say_the_same_word():
    for kind in ActorKind:
        for lang in ("fr", "en"):
            assert i18n.kind_label(kind, lang).lower() == wording.kind_name(kind, lang).lower()
    for level in Level:
        assert i18n.level_label(level, "en", plural=True) == vocabulary.level(level).label("en", plural=True)
    assert i18n.role_label("beneficiaire", "fr") == "bénéficiaire"
    assert wording.status_label("not_met", "fr") == "non atteint"


def test_english_levels_are_english():
    assert [vocabulary.level(lv).label("en") for lv in Level] == [
        "municipality", "EPCI", "département", "region", "country"]
