"""What the Géographie page shows: the map of a territory, as a plotly figure and a few counts.

`geo_view` is the page's one cached query (`AppContext.q_large`): it asks the store
(`geo.questions`), reads the shapes, and builds the figure in the reader's language. The figure is
a plain dict (see `geo.figure`); the page wraps it in an unvalidated `go.Figure`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ecosystem.analysis.wording import counted
from ecosystem.model import Level
from ecosystem.reference import geometry, reference
from ecosystem.reference.labels import territory_label
from ecosystem.store.base import Store
from ecosystem.ui.geo import figure, points, scale, shapes, tiles
from ecosystem.ui.geo.levels import FRANCE
from ecosystem.ui.geo.questions import GeoSelection, ask_geo
from ecosystem.ui.i18n import number_label, t


@dataclass(frozen=True, slots=True)
class GeoView:
    figure: dict
    shapes: int  # shapes drawn
    level: str  # their level
    summary: str  # how many actors, placed or not (empty when the circles are hidden)
    grouped: bool  # circles grouped per shape rather than per commune
    missing: tuple[str, ...]  # territories of the level with no outline
    values: dict[str, float] = field(default_factory=dict)  # the measure per shape drawn (for the images)


def noun(forms: str, count: int, lang: str) -> str:
    """« 0 acteur », « 1 234 acteurs »: a count with its noun, from a "singular|plural" string."""
    singular, plural = forms.split("|")
    return counted(count, singular, plural, lang)


def _texts(measure: str, lang: str) -> figure.Texts:
    def bin_label(b: scale.Bin) -> str:
        if b.low == b.high:
            return number_label(b.low, lang)
        return t("geo.range", lang, low=number_label(b.low, lang), high=number_label(b.high, lang))

    return figure.Texts(
        legend_title=t(f"geo.legend_{measure}", lang),
        bin_label=bin_label,
        shape_hover=lambda tid, n: f"<b>{territory_label(tid, lang)}</b><br>"
                                   + noun(t(f"geo.noun_{measure}", lang), n, lang),
        point_hover=lambda tid, n: f"<b>{territory_label(tid, lang)}</b><br>"
                                  + t("geo.points_here" if tid.startswith("commune:") else "geo.points_group",
                                      lang, actors=noun(t("geo.noun_actors", lang), n, lang)),
        short_name=lambda tid: reference().hierarchy[tid].name)


MAINLAND = (-5.2, 41.3, 9.6, 51.1)
"""The basemap of the map of France covers the mainland (the overseas insets are moved)."""


def basemap(drawn: tuple[shapes.Shape, ...], territory: str, url: str | None) -> list[dict] | None:
    """The tiles under the map when a tile URL is set (`ECOSYSTEM_MAP_TILES`), else None."""
    if not url or not drawn:
        return None
    if territory == FRANCE:
        return tiles.tile_images(MAINLAND, url)
    xs = [x for s in drawn for rx, _ in s.rings for x in rx]
    ys = [y for s in drawn for _, ry in s.rings for y in ry]
    return tiles.tile_images((min(xs), min(ys), max(xs), max(ys)), url)


def geo_view(store: Store, sel: GeoSelection, lang: str, tile_url: str | None = None) -> GeoView:
    """The map of `sel` in `lang`: shapes coloured by the measure, circles for the actors, and the
    tiles of `tile_url` underneath when one is set (none by default: nothing is fetched)."""
    level = sel.shape_level()
    drawn = shapes.shapes(level, sel.territory)
    ids = tuple(s.id for s in drawn)
    scene = ask_geo(store, sel, ids)
    bins = scale.scale(scene.values.values(), warning=sel.measure == "gaps")
    placed = None
    places: dict[str, tuple[float, float]] = {}
    summary = ""
    if sel.points and scene.actor_count:
        placed = points.place_actors(scene.actors, sel.territory, ids, level)
        anchors = {s.id: s.anchor for s in drawn}
        for cluster in placed.clusters:
            where = anchors.get(cluster.territory) if placed.grouped else shapes.place(cluster.territory,
                                                                                        sel.territory)
            if where is not None:
                places[cluster.territory] = where
        summary = t("geo.summary", lang, kept=noun(t("geo.kept", lang), scene.actor_count, lang),
                    placed=noun(t("geo.placed", lang), placed.placed, lang),
                    wider=noun(t("geo.wider", lang), placed.wider, lang))
    elif sel.points:
        summary = noun(t("geo.kept", lang), 0, lang) + "."
    latitude = shapes.centre_latitude(drawn, sel.territory)
    fig = figure.geo_figure(drawn, scene.values, bins, placed, places, latitude, _texts(sel.measure, lang),
                            shapes.hit_points(drawn, latitude),
                            basemap=basemap(drawn, sel.territory, tile_url),
                            named=level in (Level.REGION, Level.DEPARTEMENT))
    wanted = reference().hierarchy.project(sel.territory, level)
    missing = tuple(sorted(set(geometry.without_shape(level)) & wanted))
    return GeoView(fig, len(drawn), level.value, summary, bool(placed and placed.grouped), missing,
                   dict(scene.values))
