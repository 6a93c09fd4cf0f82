"""Benchmark of the register importers (a script, not a test).

    .venv/bin/python benchmarks/bench_imports.py rna                    # Drôme, 40,000 rows, both stores*
    .venv/bin/python benchmarks/bench_imports.py rna --rows 100000 --departement 75
    .venv/bin/python benchmarks/bench_imports.py sirene --gigabytes 2.5  # streamed, peak RSS sampled
    .venv/bin/python benchmarks/bench_imports.py sirene --gigabytes 2.5 --keep   # reuse /tmp files

(*) the Neo4j side runs when ECOSYSTEM_TEST_NEO4J_URI (and _USER, _PASSWORD) are set; it imports
into that server's store and removes the dataset afterwards.

rna: writes a realistic synthetic per-département waldec file (39 columns, the real header; 65 %
active, 28 % dissolved, 4 % deleted, 3 % taken over; seats drawn on the département's communes by
population, 0.5 % junk codes; social-object codes drawn from the nomenclature; purposes assembled
from French phrases; every 10th row cp1252) and times a first import (parse + infer + load) and a
re-import of the same file with 1 % of the rows changed, on the embedded store (and Neo4j).
Target (issue 7): one département's file in under 10 s on each store.

sirene: writes a StockEtablissement CSV of the given size in /tmp (54 columns, 1 % of rows in the
chosen département, the rest spread over others, 60 % closed) and a StockUniteLegale CSV of one row
per SIREN, then imports one département (dry run: the store is not the point) while a thread samples
the process RSS with psutil every 50 ms. Target: peak RSS under 1 GB, however big the file.
Wall-clock and CPU seconds are both reported: on a shared machine the difference is waiting time.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ecosystem.importers import import_rna, import_sirene, sources_from_path  # noqa: E402
from ecosystem.model import Level  # noqa: E402
from ecosystem.reference import reference  # noqa: E402
from ecosystem.store.base import Store  # noqa: E402
from ecosystem.store.memory import MemoryStore  # noqa: E402

OPENDATA = ROOT / "tests" / "data" / "opendata"
PHRASES = (
    "favoriser la pratique du sport pour tous", "organiser des activités culturelles et des spectacles",
    "venir en aide aux personnes en situation de précarité", "protéger la biodiversité et les rivières",
    "développer les jardins partagés et le compostage", "accompagner les jeunes vers l'emploi et l'insertion",
    "promouvoir le patrimoine de la commune", "soutien scolaire et lutte contre l'illettrisme",
    "animer la vie du quartier et créer du lien social", "défendre les droits des femmes",
    "sensibiliser à la transition écologique et au climat", "gérer une ressourcerie et un repair café",
    "organiser la fête du village", "aider les familles et les personnes âgées à domicile",
    "représenter les parents d'élèves", "favoriser les échanges avec la ville jumelée",
)
WORDS = ("Amis", "Comité", "Association", "Club", "Foyer", "Union", "Cercle", "Collectif", "Maison", "Réseau")


class PeakRss:
    """Samples the RSS of this process in a thread (psutil), keeps the maximum."""

    def __init__(self, every: float = 0.05) -> None:
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._process = psutil.Process()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._process.memory_info().rss)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._process.memory_info().rss)


def clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> dict[str, float]:
    wall, cpu = clock()
    return {"wall_s": round(wall - start[0], 2), "cpu_s": round(cpu - start[1], 2)}


# ----------------------------------------------------------------------------- RNA


def write_rna(path: Path, departement: str, rows: int, seed: int, changed: float = 0.0) -> None:
    """A synthetic waldec file; `changed` renames that share of the active rows (a later month)."""
    h = reference().hierarchy
    rng = random.Random(seed)
    communes = [h[h.commune_ids[p]] for p in h.communes(f"departement:{departement}").tolist()]
    weights = [max(c.population, 1) for c in communes]
    with (OPENDATA / "rna_objets_sociaux.csv").open(encoding="utf-8") as f:
        codes = [r["code"] for r in csv.DictReader(f)]
    header = (OPENDATA / "rna_sample.csv").read_text(encoding="utf-8").splitlines()[0].split(";")
    picks = rng.choices(communes, weights=weights, k=rows)
    rename = random.Random(seed + 1)
    with path.open("wb") as out:
        out.write((";".join(header) + "\n").encode("utf-8"))
        for i in range(rows):
            draw = rng.random()
            position = "A" if draw < 0.65 else "D" if draw < 0.93 else "S" if draw < 0.97 else "R"
            commune = picks[i].code if rng.random() > 0.005 else rng.choice(("_", "99999", "", "0"))
            title = f"{rng.choice(WORDS)} {rng.choice(PHRASES).split()[-1]} de {picks[i].name}".upper()
            if changed and position == "A" and rename.random() < changed:
                title += " (NOUVEAU NOM)"
            purpose = ", ".join(rng.sample(PHRASES, rng.randint(1, 3)))
            values = dict.fromkeys(header, "")
            values.update(
                id=f"W{departement[:2]}{i:07d}",
                siret=f"{rng.randrange(10**13, 10**14)}" if i % 10 == 0 else "", gestion=f"{departement}1P",
                date_creat=f"{rng.randint(1950, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                date_disso="0001-01-01", nature="D", groupement="S", titre=title, titre_court=title[:38],
                objet=purpose, objet_social1=rng.choice(codes), objet_social2=rng.choice(("000000", *codes)),
                adrs_codeinsee=commune, adrs_codepostal=f"{departement}000", adrs_libcommune=picks[i].name,
                position=position, maj_time="2025-01-01 00:00:00",
                observation=f"W{departement[:2]}{rows + i:07d}" if position == "R" else "")
            line = ";".join(v.replace(";", ",") for v in values.values()) + "\n"
            out.write(line.encode("cp1252", errors="replace") if i % 10 == 0 else line.encode("utf-8"))


def timed_import(store: Store, path: Path, departement: str) -> dict[str, Any]:
    marks: dict[str, float] = {}

    def progress(step: str, done: int, total: int) -> None:
        marks.setdefault(step, time.perf_counter())

    start = clock()
    summary = import_rna(store, sources_from_path(path), departement, progress=progress)
    result = since(start)
    result["read_infer_merge_s"] = round(marks.get("chargement", time.perf_counter()) - start[0], 2)
    result["load_s"] = round(result["wall_s"] - result["read_infer_merge_s"], 2)
    result.update(status=summary.status, active=summary.merge.active, added=summary.merge.added,
                  updated=summary.merge.updated, inactivated=summary.merge.inactivated,
                  rejected=summary.rejected_total, inferred_links=summary.inferred_links)
    return result


def bench_rna(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="bench-rna-"))
    first, second = work / f"rna_waldec_dpt_{args.departement}.csv", work / "next_month.csv"
    start = clock()
    write_rna(first, args.departement, args.rows, args.seed)
    write_rna(second, args.departement, args.rows, args.seed, changed=0.01)
    report: dict[str, Any] = {"rows": args.rows, "departement": args.departement,
                              "file_mb": round(first.stat().st_size / 1e6, 1), "generate": since(start)}
    reference()  # parsed once, as in a running app
    stores: list[tuple[str, Store]] = [("embedded", MemoryStore(work / "state"))]
    uri = os.environ.get("ECOSYSTEM_TEST_NEO4J_URI")
    if uri:
        from ecosystem.store.neo4j.store import Neo4jStore

        stores.append(("neo4j", Neo4jStore.connect(
            uri=uri, user=os.environ.get("ECOSYSTEM_TEST_NEO4J_USER", "neo4j"),
            password=os.environ.get("ECOSYSTEM_TEST_NEO4J_PASSWORD", ""), database="neo4j", timeout=600)))
    for name, store in stores:
        dataset_id = f"rna-{args.departement}"
        if dataset_id in {d.id for d in store.datasets()}:
            store.remove_dataset(dataset_id)
        report[name] = {"first_import": timed_import(store, first, args.departement),
                        "re_import_1pct_changed": timed_import(store, second, args.departement),
                        "re_import_same_file": timed_import(store, second, args.departement)}
        if name == "neo4j":
            store.remove_dataset(dataset_id)
        store.close()
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    shutil.rmtree(work, ignore_errors=True)
    return report


# ----------------------------------------------------------------------------- SIRENE


def write_sirene(etab: Path, units: Path, gigabytes: float, departement: str, seed: int) -> dict[str, int]:
    """A StockEtablissement CSV of about `gigabytes` GB, and its StockUniteLegale."""
    h = reference().hierarchy
    rng = random.Random(seed)
    columns = json.loads((OPENDATA / "sirene_columns.json").read_text())
    etab_cols = columns["StockEtablissement"]["current_2025_54cols"]
    ul_cols = columns["StockUniteLegale"]["current_2025_35cols"]
    inside = [h[h.commune_ids[p]].code for p in h.communes(f"departement:{departement}").tolist()]
    outside = [t.code for t in h.by_level[Level.COMMUNE] if not t.code.startswith(departement)]
    at = {c: i for i, c in enumerate(etab_cols)}
    template = [""] * len(etab_cols)
    template[at["statutDiffusionEtablissement"]] = "O"
    template[at["nomenclatureActivitePrincipaleEtablissement"]] = "NAFRev2"
    template[at["libelleVoieEtablissement"]] = "DE LA REPUBLIQUE"
    template[at["typeVoieEtablissement"]] = "RUE"
    template[at["dateDebut"]] = "2015-01-01"
    template[at["caractereEmployeurEtablissement"]] = "N"
    nafs = ("88.99B", "47.11B", "56.10A", "62.01Z", "94.99Z", "85.59A", "43.21A", "68.20B", "86.21Z",
            "93.12Z")
    target = int(gigabytes * 1e9)
    written = rows = kept = 0
    siren = 100_000_000
    with (etab.open("w", encoding="utf-8", newline="") as out,
          units.open("w", encoding="utf-8", newline="") as ul):
        out.write(",".join(etab_cols) + "\n")
        ul.write(",".join(ul_cols) + "\n")
        ul_at = {c: i for i, c in enumerate(ul_cols)}
        while written < target:
            siren += 1
            here = rng.random() < 0.01
            commune = rng.choice(inside) if here else rng.choice(outside)
            category = rng.choice(("5710", "5499", "1000", "9220", "6540"))
            unit = [""] * len(ul_cols)
            unit[ul_at["siren"]], unit[ul_at["categorieJuridiqueUniteLegale"]] = str(siren), category
            unit[ul_at["denominationUniteLegale"]] = f"SOCIETE {siren}"
            unit[ul_at["statutDiffusionUniteLegale"]], unit[ul_at["nicSiegeUniteLegale"]] = "O", "00011"
            if category == "9220":
                unit[ul_at["identifiantAssociationUniteLegale"]] = f"W{departement}{siren % 10**7:07d}"
            ul.write(",".join(unit) + "\n")
            for nic in range(1, rng.randint(1, 3) + 1):
                row = list(template)
                row[0], row[1], row[2] = str(siren), f"{nic:04d}1", f"{siren}{nic:04d}1"
                row[at["codeCommuneEtablissement"]] = commune
                row[at["codePostalEtablissement"]] = commune[:2] + "000"
                row[at["libelleCommuneEtablissement"]] = "COMMUNE"
                row[at["etatAdministratifEtablissement"]] = "A" if rng.random() < 0.4 else "F"
                row[at["activitePrincipaleEtablissement"]] = rng.choice(nafs)
                row[at["dateCreationEtablissement"]] = "2010-05-17"
                row[at["etablissementSiege"]] = "true" if nic == 1 else "false"
                row[at["numeroVoieEtablissement"]] = str(rng.randint(1, 200))
                line = ",".join(row) + "\n"
                out.write(line)
                written += len(line)
                rows += 1
                kept += here
    return {"rows": rows, "rows_in_departement": kept, "sirens": siren - 100_000_000}


def bench_sirene(args: argparse.Namespace) -> dict[str, Any]:
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    etab, units = folder / "StockEtablissement_synthetic.csv", folder / "StockUniteLegale_synthetic.csv"
    report: dict[str, Any] = {"departement": args.departement}
    if not (args.keep and etab.exists() and units.exists()):
        start = clock()
        report["generated"] = write_sirene(etab, units, args.gigabytes, args.departement, args.seed)
        report["generate"] = since(start)
    report["etab_gb"] = round(etab.stat().st_size / 1e9, 2)
    report["unites_legales_gb"] = round(units.stat().st_size / 1e9, 2)
    reference()
    baseline = psutil.Process().memory_info().rss
    store = MemoryStore(Path(tempfile.mkdtemp(prefix="bench-sirene-")))
    with PeakRss() as rss:
        start = clock()
        summary = import_sirene(store, sources_from_path(etab), args.departement,
                                units=sources_from_path(units), dry_run=True)
        report["import"] = since(start)
    report.update(rows=summary.rows, outside=summary.outside, active_in_departement=summary.merge.active,
                  rejected=summary.rejected, baseline_rss_mb=round(baseline / 2**20),
                  peak_rss_mb=round(rss.peak / 2**20),
                  rows_per_second=round(summary.rows / max(report["import"]["wall_s"], 1e-9)))
    if not args.keep:
        etab.unlink()
        units.unlink()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("rna")
    p.add_argument("--rows", type=int, default=40_000)
    p.add_argument("--departement", default="26")
    p.add_argument("--seed", type=int, default=7)
    p = sub.add_parser("sirene")
    p.add_argument("--gigabytes", type=float, default=2.5)
    p.add_argument("--departement", default="26")
    p.add_argument("--folder", default="/tmp/bench-sirene")
    p.add_argument("--keep", action="store_true", help="keep the generated files and reuse them")
    p.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    report = bench_rna(args) if args.what == "rna" else bench_sirene(args)
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
