"""What a re-import changed, said in the reader's language: « 600 acteurs modifiés, 200 ajoutés et
194 retirés ; 1 alliance modifiée ».

The load report carries the counts as data (`LoadReport.changes`: kind, added, removed, changed);
this turns them into one sentence, each participle agreed in gender (the kind's, from
`ecosystem.vocabulary.RECORDS`) and number (French: plural from 2, English has no agreement), numbers
written « 1 234 ». Shared by the CLI's `ecosystem load` and the app's Données page.
"""

from __future__ import annotations

from ecosystem.analysis.wording import whole
from ecosystem.store.base import LoadReport
from ecosystem.ui.i18n import t
from ecosystem.vocabulary import RECORDS, Gender

ORDER = ("changed", "added", "removed")  # how a sentence lists them: what most re-imports do first


def _participle(word: str, count: int, gender: Gender, lang: str) -> str:
    text = {"changed": t("difference.changed", lang), "added": t("difference.added", lang),
            "removed": t("difference.removed", lang)}[word]
    if lang == "en":
        return text
    return text + ("e" if gender == Gender.FEMININE else "") + ("s" if count >= 2 else "")


def _kind(kind: str, added: int, removed: int, changed: int, lang: str) -> str:
    """« 600 acteurs modifiés, 200 ajoutés et 194 retirés » for one kind ("" when nothing changed)."""
    term = RECORDS[kind]
    counts = {"changed": changed, "added": added, "removed": removed}
    parts = []
    for word in ORDER:
        n = counts[word]
        if not n:
            continue
        plural = n >= 2 if lang == "fr" else n != 1
        noun = f" {term.label(lang, plural=plural)}" if not parts else ""
        parts.append(f"{whole(n, lang)}{noun} {_participle(word, n, term.gender, lang)}")
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + f" {t('difference.and', lang)} {parts[-1]}"
    return parts[0] if parts else ""


def changes_text(report: LoadReport, lang: str) -> str:
    """The sentence for a replacement's changes; "" when the report has none (a new dataset, an
    unchanged one, or a Neo4j version too old to tell).

    >>> r = LoadReport("j", "replaced", 10, 0, 0.0, (("actors", 2, 1, 1), ("alliances", 0, 0, 1)))
    >>> changes_text(r, "fr")
    'Changements : 1 acteur modifié, 2 ajoutés et 1 retiré ; 1 alliance modifiée.'
    >>> changes_text(r, "en")
    'Changes: 1 actor changed, 2 added and 1 removed; 1 alliance changed.'
    """
    if not report.changes:
        return ""
    said = [s for s in (_kind(kind, a, r, c, lang) for kind, a, r, c in report.changes) if s]
    changes = (" ; " if lang == "fr" else "; ").join(said) if said else t("difference.nothing", lang)
    return t("difference.summary", lang, changes=changes)
