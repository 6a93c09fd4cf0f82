"""Shapes of French territories and a point inside each commune, read from data/reference/geometry/.

The files are built by data/reference/build_geometry.py (IGN ADMIN EXPRESS COG, Licence Ouverte 2.0)
and are plain gzipped GeoJSON, so the map needs no geometry library at run time. Communes are split
per département so that a département's map reads one small file; EPCI, départements and régions are
one file each. Everything read is cached for the life of the process: treat what is returned as
read-only.

Coordinates are (longitude, latitude) in WGS 84 with 4 decimals (points: 5). A few territories have
no shape (collectivités d'outre-mer, communes rétablies after the contours were drawn):
`without_shape()` lists them with the reason.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from ecosystem.model import Level
from ecosystem.reference import DATA_DIR, reference

GEOMETRY_DIR = DATA_DIR / "reference" / "geometry"
BBox = tuple[float, float, float, float]
"""(west, south, east, north): min longitude, min latitude, max longitude, max latitude."""
Feature = dict
"""A GeoJSON Feature whose only property is the territory's `id`, e.g. "commune:26362"."""

_LEVEL_FILES = {Level.EPCI: "epci.geojson.gz", Level.DEPARTEMENT: "departements.geojson.gz",
                Level.REGION: "regions.geojson.gz"}


@cache
def _read(path: Path) -> tuple[Feature, ...]:
    """The features of one gzipped GeoJSON file; a missing file means no shapes there (an empty tuple)."""
    if not path.exists():
        return ()
    return tuple(json.loads(gzip.decompress(path.read_bytes()))["features"])


def _commune_file(departement_code: str, directory: Path) -> Path:
    return directory / "communes" / f"{departement_code}.geojson.gz"


def _level_features(level: Level, directory: Path,
                    departements: Iterator[str] | None = None) -> tuple[Feature, ...]:
    if level is Level.COMMUNE:
        codes = departements if departements is not None else (
            p.name.split(".")[0] for p in sorted((directory / "communes").glob("*.geojson.gz")))
        return tuple(f for code in codes for f in _read(_commune_file(code, directory)))
    if level in _LEVEL_FILES:
        return _read(directory / _LEVEL_FILES[level])
    raise ValueError(f"no shapes for level {level!r}: communes, EPCI, départements and régions have some")


def features(level: Level | str, within: str | None = None, directory: Path = GEOMETRY_DIR) -> list[Feature]:
    """The shapes of a level, optionally only those within a territory (a parent's id).

    "Within" follows the hierarchy's one rule (`Hierarchy.project`): the level's territories holding at
    least one commune of `within`, so an EPCI straddling two départements is drawn on both maps.
    Communes of one département read one small file; all of France's communes read about a hundred.
    An unknown territory has no features.

    >>> [f["properties"]["id"] for f in features("region", "departement:26")]
    ['region:84']
    >>> len(features("commune", "departement:26"))
    362
    """
    level = Level(level)
    if within is None:
        return list(_level_features(level, directory))
    hierarchy = reference().hierarchy
    wanted = hierarchy.project(within, level)
    departements = None
    if level is Level.COMMUNE:
        departements = iter(sorted(hierarchy[d].code for d in hierarchy.project(within, Level.DEPARTEMENT)))
    return [f for f in _level_features(level, directory, departements) if f["properties"]["id"] in wanted]


def feature_collection(level: Level | str, within: str | None = None,
                       directory: Path = GEOMETRY_DIR) -> dict:
    """`features` as a GeoJSON FeatureCollection, the form map libraries take."""
    return {"type": "FeatureCollection", "features": features(level, within, directory)}


def _rings(geometry: dict) -> Iterator[list[list[float]]]:
    parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in parts:
        yield from polygon


def geometry_bbox(geometry: dict) -> BBox:
    """The bounding box of a Polygon or MultiPolygon.

    >>> geometry_bbox({"type": "Polygon", "coordinates": [[[0, 1], [2, 1], [2, 3], [0, 1]]]})
    (0, 1, 2, 3)
    """
    xs = [x for ring in _rings(geometry) for x, _ in ring]
    ys = [y for ring in _rings(geometry) for _, y in ring]
    return (min(xs), min(ys), max(xs), max(ys))


@cache
def _bboxes(level: Level, departement_code: str | None, directory: Path) -> dict[str, BBox]:
    departements = iter([departement_code]) if departement_code else None
    return {f["properties"]["id"]: geometry_bbox(f["geometry"])
            for f in _level_features(level, directory, departements)}


def bbox(tid: str, directory: Path = GEOMETRY_DIR) -> BBox | None:
    """A territory's bounding box, to frame a map on it; None when it has no shape.

    France's box spans the overseas régions, so a map of France usually frames metropolitan
    France instead (the régions from 11 to 94).

    >>> west, south, east, north = bbox("departement:26")
    >>> round(west, 1), round(south, 1), round(east, 1), round(north, 1)
    (4.6, 44.1, 5.8, 45.3)
    """
    hierarchy = reference().hierarchy
    territory = hierarchy.get(tid)
    if territory is None:
        return None
    if territory.level is Level.PAYS:
        boxes = list(_bboxes(Level.REGION, None, directory).values())
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))
    departement = None
    if territory.level is Level.COMMUNE:
        departement = next(hierarchy[p].code for p in territory.parents if p.startswith("departement:"))
    return _bboxes(territory.level, departement, directory).get(tid)


@cache
def _points(directory: Path) -> dict[str, tuple[float, float]]:
    with (directory / "points.csv").open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {f"commune:{r['code']}": (float(r["lon"]), float(r["lat"])) for r in rows}


def point(commune_id: str, directory: Path = GEOMETRY_DIR) -> tuple[float, float] | None:
    """(longitude, latitude) of a point inside the commune, where its actors are placed; None if unknown.

    The point is the commune's pole of inaccessibility (mapshaper's inner point), so it always lies
    inside the shape, even for a crescent-shaped commune, unlike a centroid.

    >>> lon, lat = point("commune:26362")  # Valence
    >>> round(lon, 1), round(lat, 1)
    (4.9, 44.9)
    """
    return _points(directory).get(commune_id)


@cache
def manifest(directory: Path = GEOMETRY_DIR) -> dict:
    """The build's record: source and licence, and what has no shape or point, and why."""
    return json.loads((directory / "manifest.json").read_text(encoding="utf-8"))


def without_shape(level: Level | str, directory: Path = GEOMETRY_DIR) -> dict[str, str]:
    """Territories of a level the map cannot draw, with the reason (ids, e.g. "commune:97501").

    >>> without_shape("commune")["commune:98818"]
    "not in the source (collectivité d'outre-mer)"
    >>> without_shape("departement")["departement:988"]
    'none of its communes has a contour'
    """
    return dict(manifest(directory)["without_shape"].get(Level(level).value, {}))


__all__ = ["GEOMETRY_DIR", "BBox", "Feature", "bbox", "feature_collection", "features", "geometry_bbox",
           "manifest", "point", "without_shape"]
