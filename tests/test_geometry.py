"""The shipped geometry (data/reference/geometry/) and territory articles, read through their loaders.

These run on the committed files: they check what the map and the French sentences will get.
"""

from __future__ import annotations

import doctest
import importlib.util
import struct
from pathlib import Path
from types import ModuleType

import pytest

from ecosystem.model import Level
from ecosystem.reference import REFERENCE_DIR, geometry, reference
from ecosystem.reference import articles as articles_module
from ecosystem.reference.articles import article, phrase
from ecosystem.reference.geometry import GEOMETRY_DIR, bbox, features, point, without_shape

SHAPED_LEVELS = (Level.COMMUNE, Level.EPCI, Level.DEPARTEMENT, Level.REGION)
# Collectivités d'outre-mer: the IGN contours (and the COG's TNCC files read) cover France's
# départements and régions only.
OVERSEAS_COLLECTIVITIES = ("975", "977", "978", "984", "986", "987", "988", "989")


def build_script() -> ModuleType:
    path = REFERENCE_DIR / "build_geometry.py"
    spec = importlib.util.spec_from_file_location("build_geometry", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ids_of(level: Level) -> set[str]:
    return {t.id for t in reference().hierarchy if t.level is level}


def rings(geom: dict) -> list[list[list[float]]]:
    parts = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return [ring for polygon in parts for ring in polygon]


def in_overseas_collectivity(tid: str) -> bool:
    return tid.split(":")[1].startswith(OVERSEAS_COLLECTIVITIES)


@pytest.mark.parametrize("level", SHAPED_LEVELS)
def test_every_territory_has_a_shape_or_a_documented_reason(level: Level) -> None:
    drawn = [f["properties"]["id"] for f in features(level)]
    assert len(drawn) == len(set(drawn)), "one feature per territory"
    expected = ids_of(level)
    assert set(drawn) <= expected, "no shape of a territory the hierarchy does not know"
    missing = expected - set(drawn)
    assert missing == set(without_shape(level)), "the manifest lists exactly what has no shape"
    unexplained = {tid for tid in missing if not in_overseas_collectivity(tid)}
    # Beyond the overseas collectivities, only communes rétablies after the contours were drawn.
    assert len(unexplained) <= 10
    assert all(without_shape(level)[tid] == "no contour" for tid in unexplained)


def test_the_shapes_cover_the_departements_that_have_any() -> None:
    with_shape = ids_of(Level.DEPARTEMENT) - set(without_shape(Level.DEPARTEMENT))
    assert len(with_shape) == 101  # 96 metropolitan + 5 DROM
    assert {"departement:971", "departement:976", "departement:2A"} <= with_shape


@pytest.mark.parametrize("level", SHAPED_LEVELS)
def test_rings_are_closed_polygons(level: Level) -> None:
    for f in features(level):
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon"), f["properties"]["id"]
        for ring in rings(f["geometry"]):
            assert len(ring) >= 4 and ring[0] == ring[-1], f["properties"]["id"]
            assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)


def test_each_commune_point_lies_inside_its_commune_and_its_departement_box() -> None:
    hierarchy = reference().hierarchy
    contains = build_script().ring_contains
    checked = 0
    for f in features(Level.COMMUNE):
        tid = f["properties"]["id"]
        xy = point(tid)
        assert xy is not None, tid
        departement = next(p for p in hierarchy[tid].parents if p.startswith("departement:"))
        west, south, east, north = bbox(departement)
        assert west <= xy[0] <= east and south <= xy[1] <= north, tid
        # even-odd over all rings: inside an outer ring and not inside one of its holes
        assert sum(contains(ring, xy) for ring in rings(f["geometry"])) % 2 == 1, tid
        checked += 1
    assert checked > 34_000


def test_communes_without_shape_have_a_point_only_from_their_town_hall() -> None:
    built = geometry.manifest()["without_point"]
    for tid in without_shape(Level.COMMUNE):
        assert (point(tid) is None) == (tid in built)


def test_features_within_a_territory_follow_the_hierarchy() -> None:
    hierarchy = reference().hierarchy
    communes = {f["properties"]["id"] for f in features("commune", "departement:26")}
    assert communes == set(hierarchy.project("departement:26", Level.COMMUNE))
    assert "commune:26362" in communes  # Valence
    epci = {f["properties"]["id"] for f in features("epci", "departement:26")}
    assert epci == set(hierarchy.project("departement:26", Level.EPCI))
    in_epci = {f["properties"]["id"] for f in features("commune", "epci:242600534")}  # CC du Diois
    assert in_epci == set(hierarchy.project("epci:242600534", Level.COMMUNE)) and "commune:26113" in in_epci
    regions = {f["properties"]["id"] for f in features("departement", "region:84")}
    assert len(regions) == 12


def test_a_levels_features_must_have_shapes() -> None:
    with pytest.raises(ValueError, match="no shapes for level"):
        features("pays")


def test_bounding_boxes_nest() -> None:
    commune = bbox("commune:26362")
    departement = bbox("departement:26")
    region = bbox("region:84")
    assert commune and departement and region
    for inner, outer in ((commune, departement), (departement, region)):
        assert outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]
    france = bbox("pays:FR")
    assert france and france[0] < -60 and france[2] > 55  # from the Antilles to La Réunion and Mayotte
    assert bbox("departement:988") is None and bbox("commune:98818") is None and bbox("nowhere:1") is None


def test_shipped_geometry_stays_within_the_budget() -> None:
    files = [p for p in GEOMETRY_DIR.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) <= 20_000_000
    assert max(p.stat().st_size for p in files) <= 15_000_000
    assert len(list((GEOMETRY_DIR / "communes").glob("*.geojson.gz"))) == 101


@pytest.mark.parametrize(("tid", "name", "definite", "de", "a"), [
    ("departement:26", "Drôme", "la Drôme", "de la Drôme", "à la Drôme"),
    ("departement:69", "Rhône", "le Rhône", "du Rhône", "au Rhône"),
    ("departement:13", "Bouches-du-Rhône", "les Bouches-du-Rhône", "des Bouches-du-Rhône",
     "aux Bouches-du-Rhône"),
    ("departement:01", "Ain", "l'Ain", "de l'Ain", "à l'Ain"),
    ("departement:40", "Landes", "les Landes", "des Landes", "aux Landes"),
    ("departement:75", "Paris", "Paris", "de Paris", "à Paris"),
    # régions as the COG names them: « région Normandie », « conseil régional d'Île-de-France »
    ("region:11", "Île-de-France", "Île-de-France", "d'Île-de-France", "à Île-de-France"),
    ("region:28", "Normandie", "Normandie", "de Normandie", "à Normandie"),
    ("region:44", "Grand Est", "le Grand Est", "du Grand Est", "au Grand Est"),
    ("region:32", "Hauts-de-France", "les Hauts-de-France", "des Hauts-de-France", "aux Hauts-de-France"),
    ("commune:76351", "Le Havre", "Le Havre", "du Havre", "au Havre"),
    ("commune:85194", "Les Sables-d'Olonne", "Les Sables-d'Olonne", "des Sables-d'Olonne",
     "aux Sables-d'Olonne"),
    ("commune:17300", "La Rochelle", "La Rochelle", "de La Rochelle", "à La Rochelle"),
    ("commune:94038", "L'Haÿ-les-Roses", "L'Haÿ-les-Roses", "de L'Haÿ-les-Roses", "à L'Haÿ-les-Roses"),
    ("commune:07010", "Annonay", "Annonay", "d'Annonay", "à Annonay"),
    ("epci:242600534", "CC du Diois", "la CC du Diois", "de la CC du Diois", "à la CC du Diois"),
])
def test_articles_of_known_names(tid: str, name: str, definite: str, de: str, a: str) -> None:
    assert reference().hierarchy[tid].name == name
    assert (phrase(tid, name), phrase(tid, name, "de"), phrase(tid, name, "a")) == (definite, de, a)


@pytest.mark.parametrize(("tid", "name", "where"), [
    ("departement:26", "Drôme", "dans la Drôme"),
    ("departement:69", "Rhône", "dans le Rhône"),
    ("departement:40", "Landes", "dans les Landes"),
    ("departement:01", "Ain", "dans l'Ain"),
    ("departement:2A", "Corse-du-Sud", "dans la Corse-du-Sud"),
    ("departement:976", "Mayotte", "à Mayotte"),
    ("region:11", "Île-de-France", "en Île-de-France"),
    ("region:84", "Auvergne-Rhône-Alpes", "en Auvergne-Rhône-Alpes"),
    ("region:01", "Guadeloupe", "en Guadeloupe"),
    ("region:44", "Grand Est", "dans le Grand Est"),
    ("pays:FR", "France", "en France"),
    ("commune:26362", "Valence", "à Valence"),
    ("commune:85194", "Les Sables-d'Olonne", "aux Sables-d'Olonne"),
    ("epci:242600534", "CC du Diois", "dans la CC du Diois"),
])
def test_where_something_happens(tid: str, name: str, where: str) -> None:
    assert phrase(tid, name, "in") == where


def test_every_territory_with_a_cog_entry_has_an_article() -> None:
    for level in (Level.COMMUNE, Level.EPCI, Level.DEPARTEMENT, Level.REGION, Level.PAYS):
        lacking = {tid for tid in ids_of(level) if article(tid) is None}
        assert all(in_overseas_collectivity(tid) for tid in lacking), (level, sorted(lacking)[:5])


def test_a_commune_name_carrying_its_article_matches_its_tncc() -> None:
    """The TNCC and our names come from two packages: an article in a name must agree with it."""
    hierarchy = reference().hierarchy
    starts = {"Le ": 2, "La ": 3, "Les ": 4, "L'": 5}
    for t in hierarchy:
        if t.level is Level.COMMUNE and (found := article(t.id)) and found.tncc in starts.values():
            assert t.name.startswith(found.word), (t.id, t.name, found.tncc)


def test_unknown_territory_gets_no_article_and_elides_before_a_vowel() -> None:
    assert article("departement:988") is None
    assert phrase("departement:988", "Nouvelle-Calédonie", "de") == "de Nouvelle-Calédonie"
    assert phrase("nowhere:1", "Annecy", "de") == "d'Annecy"


def test_build_reads_postgis_hex_wkb() -> None:
    ring = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]
    points = b"".join(struct.pack("<2d", *p) for p in ring)
    polygon = struct.pack("<BII", 1, 3, 1) + struct.pack("<I", 4) + points
    multi = struct.pack("<BII", 1, 6, 2) + polygon + polygon
    decode = build_script().wkb_geometry
    assert decode(multi.hex()) == {"type": "MultiPolygon", "coordinates": [[[list(p) for p in ring]]] * 2}
    with_srid = struct.pack("<BII", 1, 0x20000001, 4326) + struct.pack("<2d", 4.9, 44.9)
    assert decode(with_srid.hex().upper()) == {"type": "Point", "coordinates": [4.9, 44.9]}
    assert decode("\\N") is None and decode("") is None


@pytest.mark.parametrize("module", [geometry, articles_module])
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_build_script_docstring_examples() -> None:
    result = doctest.testmod(build_script())
    assert result.attempted > 0 and result.failed == 0


def test_geometry_files_are_found_from_the_data_folder() -> None:
    assert Path(GEOMETRY_DIR).is_dir() and (GEOMETRY_DIR / "manifest.json").exists()
    assert geometry.manifest()["source"].startswith("IGN ADMIN EXPRESS COG")
