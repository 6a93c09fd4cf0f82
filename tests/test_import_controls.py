"""Register imports remove control characters from the cells they use and say where they were."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

from ecosystem.controls import has_controls
from ecosystem.datasets.export import graph_bytes
from ecosystem.importers import import_rna, import_sirene, read_rna, sources_from_bytes
from ecosystem.importers.rna import RnaRow
from ecosystem.store.base import Store
from tests.test_import_sirene import ETAB54, UL35, UNITS, csv_bytes, etab

RNA_SAMPLE = Path(__file__).parent / "data" / "opendata" / "rna_sample.csv"


def dirty_rna() -> bytes:
    """The real sample, its first row (an active association of Mayotte) with an ESC in its title and
    a vertical tab and a \\x01 in its purpose."""
    lines = RNA_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[1].split(";")
    cells[11] = "\x1b[31m" + cells[11]  # titre
    cells[13] = cells[13].replace(" ", "\x0b", 1).replace("a", "\x01a", 1)  # objet
    lines[1] = ";".join(cells)
    return "".join(lines).encode("utf-8")


def test_rna_rows_come_out_without_control_characters() -> None:
    rows = [r for r in read_rna(io.BytesIO(dirty_rna()), "rna.csv") if isinstance(r, RnaRow)]
    assert rows[0].title.startswith("[31mLA VIE D'UN AGRICULTEUR")
    assert not any(has_controls(f"{r.title}{r.purpose}") for r in rows)


def test_an_rna_import_says_which_cells_it_cleaned(memory_store: Store) -> None:
    summary = import_rna(memory_store, sources_from_bytes("rna.csv", dirty_rna()), "976")
    assert summary.cleaned.count == 2
    assert [(c.file, c.line, c.column, c.codes) for c in summary.cleaned.cells] == [
        ("rna.csv", 2, "titre", "U+001B"), ("rna.csv", 2, "objet", "U+0001, U+000B")]
    french = summary.lines("fr")
    assert ("Caractères de contrôle invisibles retirés : 2 cellules (vérifiez ces valeurs dans le "
            "registre)") in french
    assert "  - rna.csv, ligne 2, colonne objet : U+0001, U+000B" in french
    assert "  - rna.csv, line 2, column titre: U+001B" in summary.lines("en")
    dataset = memory_store.dataset(summary.dataset_id)
    actor = next(a for a in dataset.actors if a.id == "W9T1002867")
    assert "protéger la culture" in actor.description and not has_controls(actor.description + actor.name)
    ET.fromstring(graph_bytes([dataset], "graphml"))  # the export is valid XML


def test_a_sirene_import_says_which_cells_it_cleaned(memory_store: Store) -> None:
    establishments = [etab("11111111100011", "26362", denominationUsuelleEtablissement="CAFÉ\x1b[2J DU PORT")]
    units = [{**u, "denominationUniteLegale": "LES AMIS\x0bDU VIVANT"} if u["siren"] == "111111111" else u
             for u in UNITS]
    summary = import_sirene(memory_store, sources_from_bytes("etab.csv", csv_bytes(ETAB54, establishments)),
                            "26", units=sources_from_bytes("ul.csv", csv_bytes(UL35, units)))
    assert [(c.file, c.line, c.column) for c in summary.cleaned.cells] == [
        ("etab.csv", 2, "denominationUsuelleEtablissement"), ("ul.csv", 3, "denominationUniteLegale")]
    (actor,) = memory_store.dataset(summary.dataset_id).actors
    assert actor.name == "CAFÉ[2J DU PORT" and not has_controls(actor.description)


def test_a_clean_import_says_nothing_about_control_characters(memory_store: Store) -> None:
    summary = import_rna(memory_store, sources_from_bytes("rna.csv", RNA_SAMPLE.read_bytes()), "976")
    assert summary.cleaned.count == 0
    assert not any("contrôle" in line for line in summary.lines("fr"))
