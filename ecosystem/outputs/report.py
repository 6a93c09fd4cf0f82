"""The one-page A4 diagnosis of an alliance, to print or send before a steering committee.

It lays out what the Alliances page says, in the same words: members, territory, the principles'
chart, each principle's verdict with its evidence and suggestion, the modalities and means. Nothing
is re-worded: every sentence is the analysis's own (`Diagnosis`, rendered by render_fr / render_en).

One page, always. The page is laid out with a plan (font scale, how many evidence lines per
principle, whether the modalities' suggestions are shown); when the content overflows, the next,
tighter plan is tried, down to one that cuts lists with « … et N autres » and shortens very long
sentences, and the page then says it is a shortened version. Laying out a page takes milliseconds,
so trying a few plans costs nothing.

fpdf2 (pure Python) writes the PDF; the text stays text (searchable, copyable), in DejaVu Sans
embedded from matplotlib, so « », ’, œ and the narrow no-break space of « 1 234 » print right.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time

from fpdf import FPDF, XPos, YPos

from ecosystem import vocabulary
from ecosystem.analysis import render
from ecosystem.analysis import wording as w
from ecosystem.analysis.codes import Code
from ecosystem.analysis.thresholds import Status
from ecosystem.analysis.verdict import Verdict
from ecosystem.outputs import colours
from ecosystem.outputs.fonts import font_file
from ecosystem.outputs.gather import ReportInput
from ecosystem.outputs.radar import radar_bytes
from ecosystem.outputs.words import and_more, colon, word

PAGE_W, PAGE_H = 210.0, 297.0  # A4, millimetres
MARGIN = 12.0
BODY_W = PAGE_W - 2 * MARGIN
FOOTER_H = 9.0
BOTTOM = PAGE_H - MARGIN - FOOTER_H
"""Where the content must end: the footer sits below."""
CHART_W = 52.0
STYLES = ("", "B", "I")
"""Regular, bold and italic: the page uses no bold italic."""
NAME_CHARS = 160
"""An alliance's name longer than this is cut in the title (the full name is in the app)."""


@dataclass(frozen=True, slots=True)
class Plan:
    """How tightly a page is laid out."""

    scale: float = 1.0  # font sizes and line heights
    evidence: int | None = None  # evidence lines shown per principle (None: all)
    family_advice: bool = True  # the modalities' and means' suggestions
    sentence_chars: int | None = None  # longer sentences are cut with « … »


PLANS = (Plan(1.0), Plan(0.92), Plan(0.85), Plan(0.85, family_advice=False), Plan(0.8, family_advice=False),
         Plan(0.8, 3, False), Plan(0.75, 2, False), Plan(0.75, 2, False, 260), Plan(0.7, 1, False, 200),
         Plan(0.62, 1, False, 140))
"""From roomiest to tightest. Text is kept readable on paper (body text no smaller than 6.4 pt) as
long as possible by leaving out the modalities' and means' suggestions, then evidence lines, which the
app shows in full; the last plan always fits (seven principles, one line of evidence each). The demo's
alliances fit with every evidence line at 0.8."""


def report_pdf(data: ReportInput, lang: str) -> bytes:
    """The one-page PDF of the diagnosis in `data` (already computed in `lang`)."""
    chart = radar_bytes(data.diagnosis.principles, lang, "png")
    fonts: dict[str, object] = {}  # parsed once, shared by every attempt (parsing is most of a page's cost)
    for plan in PLANS:
        page = _Page(data, lang, plan, chart, fonts)
        if page.fits:
            return page.bytes()
    return page.bytes()  # the tightest plan, even if a pathological input overflows it


def family_advice(v: Verdict, lang: str) -> str:
    """The suggestion worth printing for a modality or a mean, as `ecosystem diagnose` prints it: none
    when it is met and not falling, and without the "self-assess it" clause, said once for all."""
    if v.status == Status.MET and not (v.trend is not None and v.trend < 0):
        return ""
    if not v.history:
        return render.sentence((f for f in v.advice if f.code != Code.SELF_ASSESS), lang)
    return v.suggestion


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _shorten(text: str, limit: int | None) -> str:
    """The text cut at a word before `limit` characters, ending with « … »."""
    if limit is None or len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


class _Page:
    """One attempt at laying out the page with a plan; `fits` says whether it ended above the footer."""

    def __init__(self, data: ReportInput, lang: str, plan: Plan, chart: bytes,
                 fonts: dict[str, object] | None = None) -> None:
        self.data, self.lang, self.plan, self.chart = data, lang, plan, chart
        self.cut = False  # set when something is actually left out
        pdf = FPDF(orientation="P", unit="mm", format="A4")
        pdf.set_auto_page_break(False)
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        if fonts:  # fpdf2's parsed fonts hold no link to their document: reuse them
            pdf.fonts.update(fonts)  # type: ignore[arg-type]
        else:
            for style in STYLES:
                pdf.add_font("dejavu", style, str(font_file(style)))
            if fonts is not None:
                fonts.update(pdf.fonts)
        pdf.set_title(data.alliance.name)
        pdf.set_subject(word("report.kicker", lang))
        pdf.set_creator("ecosystem")
        pdf.set_lang(lang)
        # the day it was made, not the second: the same diagnosis on the same day gives the same file
        pdf.set_creation_date(datetime.combine(data.made_on, time(), tzinfo=UTC))
        pdf.add_page()
        self.pdf = pdf
        self._layout()
        self.fits = pdf.get_y() <= BOTTOM and pdf.page_no() == 1

    def bytes(self) -> bytes:
        return bytes(self.pdf.output())

    # --------------------------------------------------------------------- text primitives

    def _font(self, size: float, style: str = "", colour: str = colours.INK) -> None:
        self.pdf.set_font("dejavu", style, size * self.plan.scale)
        self.pdf.set_text_color(*_rgb(colour))

    def _line_h(self, size: float) -> float:
        return size * self.plan.scale * 0.42  # points to millimetres (0.353) with some leading

    def _para(self, text: str, size: float, style: str = "", colour: str = colours.INK, width: float = 0,
              x: float | None = None, after: float = 0.6) -> None:
        """A wrapped paragraph at the left margin (or at `x`), then a small gap."""
        self._font(size, style, colour)
        if x is not None:
            self.pdf.set_x(x)
        self.pdf.multi_cell(width or BODY_W - (self.pdf.get_x() - MARGIN), self._line_h(size), text,
                            align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.pdf.set_y(self.pdf.get_y() + after * self.plan.scale)

    def _lines(self, text: str, size: float, width: float, style: str = "") -> int:
        self._font(size, style)
        return len(self.pdf.multi_cell(width, self._line_h(size), text, align="L", dry_run=True,
                                       output="LINES"))

    def _heading(self, text: str) -> None:
        self.pdf.set_y(self.pdf.get_y() + 1.2 * self.plan.scale)
        self._para(text, 10.5, "B", colours.BLUE, after=0.3)
        y = self.pdf.get_y()
        self.pdf.set_draw_color(*_rgb(colours.RULE))
        self.pdf.set_line_width(0.2)
        self.pdf.line(MARGIN, y, PAGE_W - MARGIN, y)
        self.pdf.set_y(y + 1.0 * self.plan.scale)

    def _text(self, s: str) -> str:
        shortened = _shorten(s, self.plan.sentence_chars)
        self.cut |= shortened != s
        return shortened

    # --------------------------------------------------------------------- the page

    def _layout(self) -> None:
        self._header()
        self._summary()
        self._chart_and_members()
        self._principles()
        for family, verdicts in (("modalite", self.data.diagnosis.modalities),
                                 ("moyen", self.data.diagnosis.means)):
            self._family(family, verdicts)
        self._footer()

    def _header(self) -> None:
        a, lang = self.data.alliance, self.lang
        self._para(word("report.kicker", lang).upper(), 7.5, "B", colours.MUTED, after=0.4)
        name = _shorten(a.name, NAME_CHARS)
        self.cut |= name != a.name
        self._para(name, 17, "B", after=0.8)
        status = vocabulary.alliance_status(a.status).label(lang)
        if a.started:
            status += f" {word('report.started', lang, date=w.date_text(a.started, lang))}"
        facts = [f"{word('report.status', lang)}{colon(lang)} {status}"]
        if a.territories:
            facts.append(f"{word('report.anchored', lang)}{colon(lang)} {w.place_names(a.territories, lang)}")
        if a.sdgs:
            facts.append(f"{word('report.sdgs', lang)}{colon(lang)} {', '.join(map(str, sorted(a.sdgs)))}")
        dates = self.data.diagnosis.assessed_on
        if dates:
            facts.append(f"{word('report.assessed', lang)}{colon(lang)} "
                         + ", ".join(w.date_text(d, lang) for d in dates[-4:]))
        self._para(" · ".join(facts), 8.5, colour=colours.MUTED, after=0.6)
        if a.purpose:
            self._para(self._text(a.purpose), 8.5, "I", after=0.6)

    def _summary(self) -> None:
        text, size, pad = self.data.diagnosis.summary, 9.5, 2.0 * self.plan.scale
        height = self._lines(text, size, BODY_W - 2 * pad, "B") * self._line_h(size) + 2 * pad
        y = self.pdf.get_y() + 0.5
        self.pdf.set_fill_color(*_rgb(colours.TINT))
        self.pdf.rect(MARGIN, y, BODY_W, height, style="F")
        self.pdf.set_fill_color(*_rgb(colours.BLUE))
        self.pdf.rect(MARGIN, y, 1.0, height, style="F")
        self.pdf.set_y(y + pad)
        self._para(text, size, "B", width=BODY_W - 2 * pad, x=MARGIN + pad, after=0)
        self.pdf.set_y(y + height + 1.5 * self.plan.scale)

    def _chart_and_members(self) -> None:
        lang, top = self.lang, self.pdf.get_y()
        side = CHART_W * self.plan.scale
        self.pdf.image(io.BytesIO(self.chart), x=MARGIN, y=top, w=side, h=side)
        self.pdf.set_y(top + side)
        statuses = list(Status)
        for row in (statuses[:2], statuses[2:]):  # the chart's key, two statuses a line
            self.pdf.set_x(MARGIN)
            for status in row:
                self._font(7.5, colour=colours.STATUS_COLOURS[status.value])
                self.pdf.cell(3.5 * self.plan.scale, self._line_h(7.5), "●")
                self._font(7.5)
                label = w.status_label(status, lang)
                self.pdf.cell(side / 2 - 3.5 * self.plan.scale, self._line_h(7.5), label)
            self.pdf.ln(self._line_h(7.5))
        left_bottom = self.pdf.get_y()
        x = MARGIN + side + 6
        width = PAGE_W - MARGIN - x
        self.pdf.set_y(top)
        members = self.data.members
        self._para(f"{word('report.members', lang)} ({w.whole(len(members), lang)})", 10.5, "B", colours.BLUE,
                   width=width, x=x, after=0.8)
        if not members:
            self._para(word("report.no_members", lang), 8.5, "I", width=width, x=x)
        lines = [f"{m.name} — {w.kind_name(m.kind, lang)}, {vocabulary.role(m.role).label(lang)}"
                 for m in members]
        room = left_bottom - self.pdf.get_y()
        size = 8.5
        shown = self._members_that_fit(lines, size, width, room)
        for line in lines[:shown]:
            self._para(line, size, width=width, x=x, after=0.3)
        if shown < len(lines):
            self.cut = True
            self._para(and_more(len(lines) - shown, lang, "autre membre", "autres membres", "members"), size,
                       "I", colours.MUTED, width=width, x=x, after=0)
        self.pdf.set_y(max(left_bottom, self.pdf.get_y()) + 0.5)

    def _members_that_fit(self, lines: Sequence[str], size: float, width: float, room: float) -> int:
        """How many member lines fit beside the chart, keeping one line for « … et N autres »."""
        step = self._line_h(size)
        heights: list[float] = []
        for line in lines:  # measured only until the room is full: an alliance may have 1,000 members
            heights.append(self._lines(line, size, width) * step + 0.3 * self.plan.scale)
            if sum(heights) > room:
                break
        if sum(heights) <= room:
            return len(lines)
        used, shown = step, 0
        for h in heights:
            if used + h > room:
                break
            used, shown = used + h, shown + 1
        return shown

    def _principles(self) -> None:
        lang = self.lang
        self._heading(word("report.principles", lang))
        for v in self.data.diagnosis.principles:
            self._verdict_title(f"P{v.number} · {v.name}", v)
            evidence = list(v.evidence)
            cap = self.plan.evidence
            shown = evidence if cap is None else evidence[:cap]
            for line in shown:
                self._para(f"• {self._text(line)}", 8, width=BODY_W - 4, x=MARGIN + 3, after=0.2)
            if len(shown) < len(evidence):
                self.cut = True
                self._para(and_more(len(evidence) - len(shown), lang, "autre constat", "autres constats",
                                    "findings"), 8, "I", colours.MUTED,
                           width=BODY_W - 4, x=MARGIN + 3, after=0.2)
            if v.suggestion:
                self._para(f"→ {word('report.suggestion', lang)}{colon(lang)} {self._text(v.suggestion)}", 8,
                           "I", width=BODY_W - 4, x=MARGIN + 3, after=1.0)

    def _verdict_title(self, title: str, v: Verdict) -> None:
        """« P1 · Name » in bold, then ● and the status (and score) in the status's colour."""
        status = w.status_label(v.status, self.lang)
        if v.score is not None:
            status += f" · {w.percent(v.score, self.lang)}"
        self._font(9, "B")
        self.pdf.multi_cell(0, self._line_h(9), f"{title}  ", new_x=XPos.END, new_y=YPos.LAST)
        self._font(9, "B", colours.STATUS_COLOURS[v.status.value])
        self.pdf.multi_cell(0, self._line_h(9), f"● {status}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.pdf.set_y(self.pdf.get_y() + 0.3 * self.plan.scale)

    def _family(self, family: str, verdicts: Sequence[Verdict]) -> None:
        lang = self.lang
        self._heading(word(f"report.{family}", lang))
        column = BODY_W / 2
        top = self.pdf.get_y()
        half = (len(verdicts) + 1) // 2
        bottoms = []
        for col, part in enumerate((verdicts[:half], verdicts[half:])):
            self.pdf.set_y(top)
            for v in part:
                latest = f" ({v.history[-1][1]}/3)" if v.history else ""
                self._font(8, colour=colours.STATUS_COLOURS[v.status.value])
                self.pdf.set_x(MARGIN + col * column)
                self.pdf.cell(4, self._line_h(8), "●")
                self._font(8)
                line = f"{v.name}{colon(lang)} {w.status_label(v.status, lang)}{latest}"
                self.pdf.multi_cell(column - 5, self._line_h(8), line, align="L", new_x=XPos.LMARGIN,
                                    new_y=YPos.NEXT)
            bottoms.append(self.pdf.get_y())
        self.pdf.set_y(max(bottoms) + 0.6 * self.plan.scale)
        never = [v.name for v in verdicts if not v.history]
        if never:
            self._para(f"{word('report.to_assess', lang)}{colon(lang)} {w.join(never, lang)}.", 8,
                       colour=colours.MUTED, after=0.4)
        advice = [(v.name, family_advice(v, lang)) for v in verdicts]
        advice = [(name, text) for name, text in advice if text]
        if advice and not self.plan.family_advice:
            self.cut = True
            return
        for name, text in advice:
            self._para(f"→ {name}{colon(lang)} {self._text(text)}", 8, "I", after=0.3)

    def _footer(self) -> None:
        lang, y = self.lang, PAGE_H - MARGIN - FOOTER_H + 2
        saved = self.pdf.get_y()
        self.pdf.set_draw_color(*_rgb(colours.RULE))
        self.pdf.line(MARGIN, y - 1, PAGE_W - MARGIN, y - 1)
        self.pdf.set_y(y)
        note = word("report.made", lang, date=w.date_text(self.data.made_on, lang))
        if self.cut:
            note += " " + word("report.cut", lang)
        self.pdf.set_font("dejavu", "", 6.5)  # the footer keeps its size whatever the plan
        self.pdf.set_text_color(*_rgb(colours.MUTED))
        self.pdf.multi_cell(BODY_W, 2.8, note, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.pdf.set_y(saved)
