"""Build data/reference/territories.csv and territory_aliases.csv from @etalab/decoupage-administratif.

Source: npm package `@etalab/decoupage-administratif`, version pinned below (millésime 2026), itself
built from INSEE's Code officiel géographique, the DGCL's list of EPCI à fiscalité propre and
INSEE's légal populations. Data licence: Licence Ouverte / Open Licence 2.0 (Etalab); package code: MIT.
https://github.com/datagouv/decoupage-administratif

Run from the repository root (needs npm and network access to the npm registry, at build time only):

    python data/reference/build_territories.py            # fetches the pinned package with `npm pack`
    python data/reference/build_territories.py --from DIR # or reads an unpacked package folder

The app never runs this: it reads the committed CSV files.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

PACKAGE = "@etalab/decoupage-administratif"
VERSION = "6.0.0"
HERE = Path(__file__).resolve().parent
HEADER = [
    f"# French territorial hierarchy, built by data/reference/build_territories.py from {PACKAGE}@{VERSION}",
    "# (INSEE Code officiel géographique 2026, DGCL EPCI à fiscalité propre, INSEE populations légales).",
    "# Licence Ouverte / Open Licence 2.0 (Etalab). Do not edit by hand: rerun the script.",
]


def fetch_package(workdir: Path) -> Path:
    """`npm pack` the pinned version and unpack it; returns the package folder."""
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    tarball = next(workdir.glob("etalab-decoupage-administratif-*.tgz"))
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def load(package: Path, name: str) -> list[dict]:
    return json.loads((package / "data" / f"{name}.json").read_text(encoding="utf-8"))


def build(package: Path) -> tuple[list[list[str]], list[list[str]]]:
    """Rows of territories.csv and territory_aliases.csv (without headers)."""
    regions = load(package, "regions")
    departements = load(package, "departements")
    communes_all = load(package, "communes")
    epcis = load(package, "epci")

    communes = [c for c in communes_all if c["type"] == "commune-actuelle"]
    current_codes = {c["code"] for c in communes}
    epci_of: dict[str, str] = {}
    for e in epcis:
        for member in e["membres"]:
            if member["code"] in epci_of:
                raise SystemExit(f"commune {member['code']} is in two EPCI")
            if member["code"] not in current_codes:
                raise SystemExit(f"EPCI {e['code']} lists unknown commune {member['code']}")
            epci_of[member["code"]] = e["code"]

    population = {c["code"]: int(c.get("population") or 0) for c in communes}
    by_dep: dict[str, int] = defaultdict(int)
    by_reg: dict[str, int] = defaultdict(int)
    by_epci: dict[str, int] = defaultdict(int)
    dep_region = {d["code"]: d["region"] for d in departements}
    for c in communes:
        by_dep[c["departement"]] += population[c["code"]]
        by_reg[dep_region[c["departement"]]] += population[c["code"]]
        if c["code"] in epci_of:
            by_epci[epci_of[c["code"]]] += population[c["code"]]

    rows: list[list[str]] = [["pays:FR", "pays", "FR", "France", str(sum(population.values())), "", ""]]
    for r in sorted(regions, key=lambda r: r["code"]):
        rows.append([f"region:{r['code']}", "region", r["code"], r["nom"], str(by_reg[r["code"]]),
                     "pays:FR", ""])
    for d in sorted(departements, key=lambda d: d["code"]):
        rows.append([f"departement:{d['code']}", "departement", d["code"], d["nom"], str(by_dep[d["code"]]),
                     f"region:{d['region']}", ""])
    for e in sorted(epcis, key=lambda e: e["code"]):
        rows.append([f"epci:{e['code']}", "epci", e["code"], e["nom"], str(by_epci[e["code"]]), "",
                     e["code"]])
    for c in sorted(communes, key=lambda c: c["code"]):
        parents = [f"epci:{epci_of[c['code']]}"] if c["code"] in epci_of else []
        parents.append(f"departement:{c['departement']}")
        rows.append([f"commune:{c['code']}", "commune", c["code"], c["nom"], str(population[c["code"]]),
                     ";".join(parents), c.get("siren", "")])

    aliases: dict[str, tuple[str, str]] = {}

    def alias(code: str, target: str, kind: str) -> None:
        if code and code not in current_codes and code not in aliases and target in current_codes:
            aliases[code] = (f"commune:{target}", kind)

    for c in communes_all:
        if c["type"] == "arrondissement-municipal":
            alias(c["code"], c["commune"], "arrondissement-municipal")
    for c in communes_all:
        if c["type"] in ("commune-deleguee", "commune-associee"):
            alias(c["code"], c.get("chefLieu", ""), c["type"])
    for c in communes:
        for old in c.get("anciensCodes", []):
            alias(old, c["code"], "ancien-code")
    alias_rows = [[code, target, kind] for code, (target, kind) in sorted(aliases.items())]
    return rows, alias_rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        for line in HEADER:
            f.write(line + "\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, help="unpacked package folder (skips npm pack)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        package = args.source or fetch_package(Path(tmp))
        meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
        if meta["version"] != VERSION:
            print(f"expected {PACKAGE}@{VERSION}, found {meta['version']}", file=sys.stderr)
            return 1
        rows, alias_rows = build(package)
    write(HERE / "territories.csv", ["id", "level", "code", "name", "population", "parents", "siren"], rows)
    write(HERE / "territory_aliases.csv", ["code", "territory", "kind"], alias_rows)
    print(f"{len(rows)} territories, {len(alias_rows)} aliases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
