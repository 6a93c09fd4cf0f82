"""RNA importer: real sample rows in every layout and encoding, dirty rows rejected with their reason.

The samples in tests/data/opendata/ are real rows of the register (see the README there); the dirty
variant is the first real row altered field by field. Expected values are read off the files by eye.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from ecosystem.importers import NotAnRnaFile, RejectsWriter, import_rna, read_rna, sources_from_bytes
from ecosystem.importers.inference import Inference
from ecosystem.importers.rejects import Reject
from ecosystem.importers.rna import RnaFile, RnaRow, rna_actor
from ecosystem.importers.scope import Scope, commune_of
from ecosystem.importers.sources import sources_from_path
from ecosystem.model import ActorKind
from ecosystem.reference import reference

DATA = Path(__file__).parent / "data" / "opendata"
H = reference().hierarchy
INF = Inference.shipped()


def rows_of(data: bytes, name: str = "f.csv") -> tuple[list[RnaRow], list[Reject], RnaFile]:
    info = RnaFile(name)
    items = list(read_rna(io.BytesIO(data), name, info))
    return ([i for i in items if isinstance(i, RnaRow)], [i for i in items if isinstance(i, Reject)], info)


def cp1252(path: Path) -> bytes:
    """The file as an older ministry file would be: same text, cp1252 bytes."""
    return path.read_text(encoding="utf-8").encode("cp1252")


# ----------------------------------------------------------------------------- layouts and encodings


@pytest.mark.parametrize(("file", "layout", "ids"), [
    ("rna_sample.csv", "waldec (39 colonnes)", ["W9T1002867", "W9T1002359", "W9T1000001", "W9T1000018"]),
    ("rna_sample_waldec_legacy_etalab.csv", "waldec ancien (41 colonnes)", ["W632007046", "W012000002",
                                                                            "W012000005"]),
    ("rna_sample_import_etalab.csv", "import ancien (26 colonnes)", ["751P00085568", "751P00184848",
                                                                     "751P00188854"]),
])
@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_every_layout_reads_in_both_encodings(file, layout, ids, encoding):
    path = DATA / file
    data = path.read_bytes() if encoding == "utf-8" else cp1252(path)
    rows, rejects, info = rows_of(data, file)
    assert [r.id for r in rows] == ids
    assert rejects == []
    assert info.layout == layout
    assert info.decoding is not None and info.decoding.label == ("utf-8" if encoding == "utf-8" else "cp1252"
                                                                 if file == "rna_sample.csv" else "utf-8")


def test_cp1252_accents_are_read_back_exactly():
    utf8_rows, _, _ = rows_of((DATA / "rna_sample.csv").read_bytes())
    cp_rows, _, _ = rows_of(cp1252(DATA / "rna_sample.csv"))
    assert cp_rows == utf8_rows
    assert "protéger" in cp_rows[0].purpose and "bien-être" in cp_rows[0].purpose


def test_current_import_layout_with_24_columns_is_read():
    legacy = list(csv.reader(io.StringIO((DATA / "rna_sample_import_etalab.csv").read_text()), delimiter=";"))
    drop = {legacy[0].index("telephone"), legacy[0].index("email")}
    text = "\n".join(";".join(v for i, v in enumerate(row) if i not in drop) for row in legacy) + "\n"
    rows, rejects, info = rows_of(text.encode())
    assert info.layout == "import (24 colonnes)"
    assert [r.commune for r in rows] == ["75114", "75113", "75106"]
    assert [r.observation for r in rows] == ["W751085568", "W751184848", "W751188854"]
    assert rejects == []


def test_a_bom_and_crlf_line_ends_change_nothing():
    data = (DATA / "rna_sample.csv").read_bytes()
    rows, _, _ = rows_of(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
    assert [r.id for r in rows] == ["W9T1002867", "W9T1002359", "W9T1000001", "W9T1000018"]
    assert rows[0].position == "A"


def test_a_file_mixing_utf8_and_cp1252_lines_keeps_both_accents():
    lines = (DATA / "rna_sample.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    data = "".join(lines[:2]).encode("utf-8") + "".join(lines[2:]).encode("cp1252")
    rows, _, info = rows_of(data)
    assert "protéger" in rows[0].purpose  # utf-8 line
    assert "vertébrés" in rows[1].purpose  # cp1252 line
    assert info.decoding is not None and info.decoding.fallback == 3


# ----------------------------------------------------------------------------- files that are not RNA files


@pytest.mark.parametrize("data", [
    (DATA / "sirene_etab_sample.csv").read_bytes(),
    b"",
    b"nom;type;territoires\nJardins;association;26362\n",
    b"PK\x03\x04 not really a zip but binary \x00\x01\x02",
])
def test_a_file_that_is_not_an_rna_file_stops_with_a_message_in_both_languages(data):
    with pytest.raises(NotAnRnaFile) as caught:
        rows_of(data, "mauvais.csv")
    assert caught.value.text("fr").startswith("« mauvais.csv » n'est pas un fichier du RNA")
    assert caught.value.text("en").startswith("'mauvais.csv' is not an RNA file")
    assert "RNA file" not in caught.value.text("fr") and "fichier" not in caught.value.text("en")


def test_a_sirene_file_given_as_rna_gets_a_hint():
    with pytest.raises(NotAnRnaFile, match="ecosystem import sirene"):
        rows_of((DATA / "sirene_etab_sample.csv").read_bytes(), "StockEtablissement.csv")


# ----------------------------------------------------------------------------- one row, one decision


def test_the_real_active_rows_become_associations_with_every_field():
    scope = Scope.of("departement:976", H)
    rows, _, _ = rows_of((DATA / "rna_sample.csv").read_bytes(), "rna_sample.csv")
    first = rna_actor(rows[0], scope, H, INF).actor
    assert first is not None
    assert (first.id, first.rna, first.kind, first.territories) == (
        "W9T1002867", "W9T1002867", ActorKind.ASSOCIATION, ("commune:97612",))
    assert first.name == "LA VIE D'UN AGRICULTEUR & LA VIE D'UN ANIMAL"
    assert first.description.startswith("protéger la culture et les makis ainsi que d'autres animaux")
    assert first.created == date(2015, 12, 29)
    assert first.source == "rna" and first.active and first.sdgs == ()
    assert [(s.number, s.source) for s in first.inferred_sdgs] == [(15, "rna:024026")]
    third = rna_actor(rows[2], scope, H, INF).actor
    assert third is not None and third.territories == ("commune:97611",)  # Mamoudzou
    assert third.name.endswith("(A.J.O.I. SECTION MAHORAISE)")  # double spaces squashed


@pytest.mark.parametrize(("index", "reason", "detail"), [(1, "dissoute", ""), (3, "dissoute", "")])
def test_dissolved_real_rows_are_rejected(index, reason, detail):
    rows, _, _ = rows_of((DATA / "rna_sample.csv").read_bytes(), "rna_sample.csv")
    outcome = rna_actor(rows[index], Scope.of("departement:976", H), H, INF)
    assert outcome.actor is None and outcome.reject is not None
    assert (outcome.reject.reason, outcome.reject.detail, outcome.reject.line) == (reason, detail, index + 2)


def test_taken_over_rows_name_their_new_number_and_fold_paris_arrondissements():
    rows, _, _ = rows_of((DATA / "rna_sample_import_etalab.csv").read_bytes())
    outcomes = [rna_actor(r, Scope.of("departement:75", H), H, INF) for r in rows]
    assert [(o.reject.reason, o.reject.detail) for o in outcomes if o.reject] == [
        ("reprise", "W751085568"), ("reprise", "W751184848"), ("reprise", "W751188854")]
    assert [commune_of(r.commune, H) for r in rows] == ["commune:75056"] * 3


def test_rows_of_other_territories_are_ignored_not_rejected():
    rows, _, _ = rows_of((DATA / "rna_sample_waldec_legacy_etalab.csv").read_bytes())
    outcomes = [rna_actor(r, Scope.of("departement:69", H), H, INF) for r in rows]
    assert [o.outside for o in outcomes] == [True, False, False]  # Clermont-Ferrand is in the Puy-de-Dôme
    assert [o.actor.territories for o in outcomes if o.actor] == [("commune:69266",), ("commune:69088",)]


# ----------------------------------------------------------------------------- the dirty file, imported


def dirty_import(store, territory: str = "FR"):
    out = io.StringIO()
    summary = import_rna(store, sources_from_path(DATA / "rna_dirty_waldec.csv"), territory,
                         rejects=RejectsWriter(out))
    return summary, list(csv.DictReader(io.StringIO(out.getvalue()), delimiter=";"))


def test_dirty_rows_are_rejected_with_their_reason_and_never_stop_the_import(memory_store):
    summary, rejects = dirty_import(memory_store)
    assert summary.rejected == Counter({
        "commune-inconnue": 2, "commune-manquante": 1, "position-inconnue": 1, "nom-manquant": 1,
        "supprimee": 1, "identifiant-invalide": 1, "doublon": 1, "ligne-mal-formee": 1})
    assert [(r["ligne"], r["motif"], r["identifiant"]) for r in rejects] == [
        ("7", "commune-inconnue", "W9T1000006"), ("8", "commune-inconnue", "W9T1000007"),
        ("9", "commune-manquante", "W9T1000008"), ("10", "position-inconnue", "W9T1000009"),
        ("11", "nom-manquant", "W9T1000010"), ("12", "supprimee", "W9T1000011"),
        ("13", "identifiant-invalide", "??"), ("14", "doublon", "W751000001"),
        ("15", "ligne-mal-formee", "W9T1000012")]
    assert rejects[0]["explication"] == "code commune inconnu"
    assert summary.rows == 15
    actors = {a.id: a for a in memory_store.dataset("rna-fr").actors}
    assert sorted(actors) == ["W011000004", "W011000005", "W131000003", "W691000002", "W751000001",
                              "W9T1000013"]


def test_arrondissements_old_codes_and_lost_zeros_fold_to_their_commune(memory_store):
    dirty_import(memory_store)
    got = {a.id: a.territories for a in memory_store.dataset("rna-fr").actors}
    assert got["W751000001"] == ("commune:75056",)  # 75113, Paris 13e
    assert got["W691000002"] == ("commune:69123",)  # 69384, Lyon 4e
    assert got["W131000003"] == ("commune:13055",)  # 13203, Marseille 3e
    assert got["W011000004"] == ("commune:01053",)  # "1053", Bourg-en-Bresse
    assert got["W011000005"] == ("commune:01165",)  # 01003, merged into 01165


def test_siret_website_and_empty_dates_are_read(memory_store):
    dirty_import(memory_store)
    actors = {a.id: a for a in memory_store.dataset("rna-fr").actors}
    garden = actors["W751000001"]
    assert (garden.siret, garden.siren, garden.website) == ("12345678900011", "123456789",
                                                            "http://www.jardin-moulins.example")
    assert garden.name == "AMIS DU JARDIN PARTAGÉ DES GRANDS MOULINS"  # the first of two rows, kept
    assert actors["W9T1000013"].created is None  # 0001-01-01


def test_a_territory_keeps_only_its_rows(memory_store):
    summary = import_rna(memory_store, sources_from_path(DATA / "rna_dirty_waldec.csv"), "75")
    assert [a.id for a in memory_store.dataset("rna-75").actors] == ["W751000001"]
    assert summary.dataset_id == "rna-75"
    assert summary.outside == 9  # Lyon, Marseille, Bourg, the Ain's old commune, 5 rows of Mayotte
    # junk codes cannot be placed, and a cut line has no columns: rejected whatever the territory
    assert summary.rejected == Counter({"commune-inconnue": 2, "commune-manquante": 1, "doublon": 1,
                                        "ligne-mal-formee": 1})


def test_waldec_and_import_files_in_one_zip_are_read_for_the_territory_only(memory_store):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("rna_waldec_20250101_dpt_976.csv", (DATA / "rna_sample.csv").read_bytes())
        z.writestr("rna_waldec_20250101_dpt_69.csv",
                   (DATA / "rna_sample_waldec_legacy_etalab.csv").read_bytes())
        z.writestr("rna_import_20250101_dpt_976.csv", cp1252(DATA / "rna_sample.csv"))
    sources = sources_from_bytes("rna.zip", archive.getvalue(), Scope.of("departement:976", H).departements)
    assert [s.name for s in sources] == ["rna.zip:rna_waldec_20250101_dpt_976.csv",
                                         "rna.zip:rna_import_20250101_dpt_976.csv"]
    summary = import_rna(memory_store, sources, "976")
    assert [f.encoding for f in summary.files] == ["utf-8", "cp1252"]
    assert summary.merge.added == 2 and summary.rejected == Counter({"dissoute": 4, "doublon": 2})


def test_dry_run_saves_nothing_but_counts_everything(memory_store):
    summary = import_rna(memory_store, sources_from_path(DATA / "rna_sample.csv"), "976", dry_run=True)
    assert summary.status == "dry-run" and summary.merge.added == 2
    assert memory_store.datasets() == []


def test_progress_reaches_the_whole_file_then_loads(memory_store):
    calls: list[tuple[str, int, int]] = []
    import_rna(memory_store, sources_from_path(DATA / "rna_sample.csv"), "976",
               progress=lambda step, done, total: calls.append((step, done, total)))
    size = (DATA / "rna_sample.csv").stat().st_size
    assert ("lecture", size, size) in calls
    assert calls[-1][0] == "chargement" and calls[-1][1] == calls[-1][2]
