"""Plotly figures of the app, built from analysis results (pure: data in, figure out).

Colours follow `palette` (Okabe-Ito, and a blue sequential scale readable in greyscale). Plotly's
JavaScript is served by Streamlit itself, so the charts work offline.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from ecosystem.analysis import wording
from ecosystem.analysis.articles import actor_in_sentence
from ecosystem.analysis.assessment import LeverPath
from ecosystem.analysis.coverage import Coverage, CoverageRow
from ecosystem.analysis.overlap import OverlapMatrix
from ecosystem.model import ActorKind, LeverFamily
from ecosystem.reference.labels import territory_label
from ecosystem.text import normalize
from ecosystem.ui import palette
from ecosystem.ui.i18n import kind_label, lever_label, percent_label, sdg_label, status_label, t

FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 13}
HEATMAP_ROWS = 60
"""Most territories drawn as rows of the coverage heatmap (the most populated first)."""


def _base(fig: go.Figure, height: int, title: str = "") -> go.Figure:
    fig.update_layout(height=height, margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 10}, font=FONT,
                      title={"text": title, "x": 0, "font": {"size": 15}} if title else None,
                      paper_bgcolor="white", plot_bgcolor="white")
    return fig


def kinds_bar(actors_by_kind: Sequence[tuple[str, int]], lang: str) -> go.Figure:
    items = [(k, n) for k, n in actors_by_kind if n]
    fig = go.Figure(go.Bar(
        x=[n for _, n in items], y=[kind_label(k, lang, plural=True) for k, _ in items], orientation="h",
        marker={"color": [palette.KIND_COLOURS[ActorKind(k)] for k, _ in items], "line": {"color": "#333",
                                                                                           "width": 1}},
        text=[n for _, n in items], textposition="outside", hoverinfo="skip"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(visible=False)
    return _base(fig, 40 + 32 * max(1, len(items)), t("home.by_kind", lang))


MEASURES = ("actors", "alliances", "policies")


def coverage_rows(coverage: Coverage, limit: int = HEATMAP_ROWS) -> tuple[CoverageRow, ...]:
    """The total row, then the territories (the most populated ones when there are too many)."""
    from ecosystem.reference import reference

    h = reference().hierarchy
    rows = list(coverage.rows)
    if len(rows) > limit:
        rows = sorted(rows, key=lambda r: (-(h[r.territory].population if r.territory in h else 0), r.name))
        rows = rows[:limit]
    return (coverage.total, *sorted(rows, key=lambda r: (normalize(r.name), r.territory)))


def coverage_heatmap(coverage: Coverage, measure: str, lang: str, limit: int = HEATMAP_ROWS) -> go.Figure:
    """Territories x SDGs, coloured by the count of `measure`; ⚠ on the gaps. Rows carry their
    territory id in customdata, so a click can drill down."""
    rows = coverage_rows(coverage, limit)
    names = [t("terrp.total", lang, name=coverage.name)] + [r.name for r in rows[1:]]
    # Names can repeat (two communes "Saint-Martin" in a région): those rows name their département,
    # « Saint-Martin (Gers, 32) », as every picker does; a number keeps any remaining twin apart.
    repeated = {n for n in names if names.count(n) > 1}
    names = [territory_label(r.territory, lang) if i and n in repeated else n
             for i, (n, r) in enumerate(zip(names, rows, strict=True))]
    seen: dict[str, int] = {}
    labels = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        labels.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    sdgs = [str(n) for n in range(1, 18)]
    z = [[getattr(c, measure) for c in r.cells] for r in rows]
    text = [["⚠" if c.gap else (str(getattr(c, measure)) if getattr(c, measure) else "") for c in r.cells]
            for r in rows]
    what = t(f"terrp.measure_{measure}", lang)
    fig = go.Figure(go.Heatmap(
        z=z, x=sdgs, y=labels, text=text, texttemplate="%{text}",
        colorscale=[list(s) for s in palette.SEQUENTIAL], xgap=2, ygap=2, showscale=True,
        colorbar={"title": {"text": t(f"home.{measure}", lang)}, "thickness": 12}, hoverinfo="skip"))
    # Heatmaps cannot be selected in plotly: an invisible marker on each cell carries the hover text
    # and the territory id, so that clicking a cell (a point) drills down to its territory.
    cells = [(sdg, label, row, n) for label, row in zip(labels, rows, strict=True)
             for n, sdg in enumerate(sdgs, start=1)]
    fig.add_trace(go.Scatter(
        x=[c[0] for c in cells], y=[c[1] for c in cells], mode="markers", showlegend=False,
        marker={"size": 22, "symbol": "square", "color": "rgba(0,0,0,0.004)"},
        customdata=[c[2].territory for c in cells],
        hovertext=[f"{sdg_label(c[3], lang)}<br>{getattr(c[2].cell(c[3]), measure)} {what}" for c in cells],
        hovertemplate="%{y}<br>%{hovertext}<extra></extra>"))
    fig.update_yaxes(range=[len(rows) - 0.5, -0.5], tickfont={"size": 12}, showgrid=False, zeroline=False)
    fig.update_xaxes(side="top", title={"text": t("map.sdgs", lang)}, tickangle=0, type="category",
                     range=[-0.5, 16.5], showgrid=False, zeroline=False)
    title = t("terrp.chart_title", lang, what=t(f"home.{measure}", lang), name=coverage.name)
    return _base(fig, 120 + 26 * len(rows), title)


def _of_by(row: str, col: str, lang: str) -> dict[str, str]:
    """The two names of a matrix cell in a sentence: « de l'empreinte du Réseau … occupée par la
    Ville de … » (articles and contractions in French)."""
    if lang != "fr":
        return {"of_row": row, "by_col": col}
    return {"of_row": wording.de(actor_in_sentence(row)), "by_col": actor_in_sentence(col)}


def overlap_heatmap(matrix: OverlapMatrix, lang: str) -> go.Figure:
    """The share each way: cell (row, column) is the share of the row actor's footprint that the
    column actor also occupies (containment), so a small association inside a big network reads
    100 % on its row and a few % on the network's, never the 0 % a rounded Jaccard would show."""
    names = [n if len(n) <= 28 else n[:27] + "…" for n in matrix.names]
    share = [[None if i == j else v for j, v in enumerate(row)] for i, row in enumerate(matrix.containment)]
    pct = [[None if v is None else v * 100 for v in row] for row in share]
    text = [["" if v is None else percent_label(v, lang) for v in row] for row in share]
    hover = [["" if v is None else t("ovl.hover_inside", lang, share=percent_label(v, lang),
                                     **_of_by(matrix.names[i], matrix.names[j], lang))
              for j, v in enumerate(row)] for i, row in enumerate(share)]
    fig = go.Figure(go.Heatmap(
        z=pct, x=names, y=names, zmin=0, zmax=100, colorscale=[list(s) for s in palette.SEQUENTIAL],
        text=text, texttemplate="%{text}" if len(names) <= 12 else None, hovertext=hover,
        xgap=1, ygap=1, colorbar={"title": {"text": "%"}, "thickness": 12},
        hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", title={"text": t("ovl.matrix_axis", lang)})
    fig.update_xaxes(tickangle=-45)
    return _base(fig, 200 + 22 * len(names))


def principles_radar(verdicts: Sequence, lang: str) -> go.Figure:
    """One axis per principle, the score 0..1; principles not assessable sit at 0 with a grey mark."""
    labels = [f"P{v.number}" for v in verdicts]
    scores = [v.score if v.score is not None else 0.0 for v in verdicts]
    hover = [f"{lab} · {lever_label(v.lever, lang)}<br>{status_label(v.status.value, lang)}"
             + (f" · {percent_label(v.score, lang)}" if v.score is not None else "")
             for lab, v in zip(labels, verdicts, strict=True)]
    fig = go.Figure()
    fig.add_trace(go.Scatterpolar(r=[*scores, scores[0]], theta=[*labels, labels[0]], fill="toself",
                                  fillcolor=palette.faded(palette.BLUE, 0.25), line={"color": palette.BLUE},
                                  hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatterpolar(
        r=scores, theta=labels, mode="markers", showlegend=False, hovertext=hover, hoverinfo="text",
        marker={"size": 12, "color": [palette.STATUS_COLOURS[v.status.value] for v in verdicts],
                "line": {"color": "#222", "width": 1}}))
    between_p1_p2 = 90 - 180 / max(1, len(verdicts))  # the radial ticks sit between two labels
    radial = {"range": [0, 1], "tickvals": [0.4, 0.75, 1], "angle": between_p1_p2, "tickfont": {"size": 10},
              "ticktext": [percent_label(x, lang) for x in (0.4, 0.75, 1)]}
    angular = {"tickfont": {"size": 14}, "rotation": 90, "direction": "clockwise"}
    fig.update_layout(polar={"radialaxis": radial, "angularaxis": angular})
    fig = _base(fig, 440, t("all.radar_title", lang))
    return fig.update_layout(margin={"l": 45, "r": 45, "t": 60, "b": 30})  # room for the P3 and P6 labels


def lever_history(paths: Sequence[LeverPath], family: LeverFamily, lang: str) -> go.Figure:
    """The scores of one lever family over time, one line per lever."""
    colours = (palette.BLUE, palette.ORANGE, palette.BLUISH_GREEN, palette.VERMILLION, palette.REDDISH_PURPLE,
               palette.SKY_BLUE, palette.BLACK)
    dashes = ("solid", "dash", "dot", "dashdot", "solid", "dash", "dot")
    fig = go.Figure()
    for i, path in enumerate(p for p in paths if p.family == family and p.history):
        fig.add_trace(go.Scatter(
            x=[d.isoformat() for d, _ in path.history], y=[s for _, s in path.history], mode="lines+markers",
            name=lever_label(path.lever, lang),
            line={"color": colours[i % 7], "dash": dashes[i % 7], "width": 2},
            marker={"size": 8}))
    fig.update_yaxes(range=[-0.2, 3.2], tickvals=[0, 1, 2, 3],
                     ticktext=[t(f"score.{n}", lang) for n in range(4)], gridcolor="#eee")
    # Numeric dates: plotly's month names are English only (its locales are not bundled by Streamlit).
    fig.update_xaxes(gridcolor="#eee", tickformat="%m/%Y" if lang == "fr" else "%Y-%m")
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return _base(fig, 340, t("all.history_title", lang, family=t(f"family.{family.value}", lang)))
