"""What the Alliances page shows of each self-assessment entry, and which ones the visitor may
correct or delete. The rule is `ecosystem.access.roles.allowed` (Action.AMEND), the same one `Writes`
enforces on the server: offering a button is a courtesy, never the protection."""

from __future__ import annotations

from dataclasses import dataclass

from ecosystem.access.roles import Action, Principal, Target, allowed
from ecosystem.model import Assessment
from ecosystem.ui.i18n import date_label, lever_label, t

MARKDOWN = "\\`*_[]<>#|~$:"


def plain(text: str) -> str:
    """`text` shown as typed inside Markdown: a comment holding `*` or `[x](y)` is not formatting.

    >>> plain("*très* bien [lien](x).")
    '\\\\*très\\\\* bien \\\\[lien\\\\](x).'
    """
    return "".join("\\" + c if c in MARKDOWN else c for c in text)


@dataclass(frozen=True, slots=True)
class EntryLine:
    entry: Assessment
    text: str  # "**01/09/2025** · Respect mutuel et confiance · note 2/3 · par paul"
    may_amend: bool


def entry_lines(history: tuple[Assessment, ...], principal: Principal, dataset: str,
                lang: str) -> list[EntryLine]:
    """The entries, newest first, each with its sentence and whether `principal` may amend it."""
    lines = []
    for s in sorted(history, key=lambda a: (a.on, a.lever), reverse=True):
        who = t("entries.by", lang, name=s.author) if s.author else t("entries.from_file", lang)
        text = t("entries.line", lang, when=date_label(s.on, lang), lever=lever_label(s.lever, lang),
                 score=s.score, who=who)
        if s.comment:
            # French quotes hold their text with no-break spaces, so that no line starts with »
            text += f" · «\u00a0{plain(s.comment)}\u00a0»" if lang == "fr" else f' · "{plain(s.comment)}"'
        may = allowed(principal, Action.AMEND, Target(dataset=dataset, alliance=s.alliance, author=s.author))
        lines.append(EntryLine(s, text, may))
    return lines
