"""SIRENE importer: streaming filter by territory, layouts, legal categories, names, rejects.

Real rows: tests/data/opendata/sirene_etab_sample.csv (48 columns) and the 2019 legal-unit sample.
The Drôme rows below are built column by column from sirene_columns.json, in the current 54- and
35-column layouts, with fictitious SIRENs (except the real SIREN of the commune of Valence, taken
from the shipped hierarchy).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from ecosystem.errors import UnreadableFile
from ecosystem.importers import NotASireneFile, import_sirene, read_establishments, read_unites_legales
from ecosystem.importers.inference import Inference
from ecosystem.importers.legal import kind_of
from ecosystem.importers.scope import Scope
from ecosystem.importers.sirene import SireneFile, sirene_actor
from ecosystem.importers.sources import Source, sources_from_bytes, sources_from_path
from ecosystem.model import ActorKind
from ecosystem.reference import reference

DATA = Path(__file__).parent / "data" / "opendata"
COLUMNS = json.loads((DATA / "sirene_columns.json").read_text(encoding="utf-8"))
ETAB54 = COLUMNS["StockEtablissement"]["current_2025_54cols"]
ETAB48 = COLUMNS["StockEtablissement"]["legacy_until_~2023_48cols"]
UL35 = COLUMNS["StockUniteLegale"]["current_2025_35cols"]
UL33 = COLUMNS["StockUniteLegale"]["2019_33cols"]
H = reference().hierarchy
DROME = Scope.of("departement:26", H)
VALENCE_SIREN = next(s for s, c in H.sirens.items() if c == "commune:26362")


def etab(siret: str, commune: str, state: str = "A", naf: str = "88.99B", **more: str) -> dict[str, str]:
    row = {"siren": siret[:9], "nic": siret[9:], "siret": siret, "statutDiffusionEtablissement": "O",
           "dateCreationEtablissement": "2012-03-01", "etablissementSiege": "true",
           "codeCommuneEtablissement": commune, "etatAdministratifEtablissement": state,
           "activitePrincipaleEtablissement": naf, "nomenclatureActivitePrincipaleEtablissement": "NAFRev2",
           "codePostalEtablissement": commune[:2] + "000"}
    row.update(more)
    return row


def unit(siren: str, category: str, name: str = "", **more: str) -> dict[str, str]:
    row = {"siren": siren, "statutDiffusionUniteLegale": "O", "categorieJuridiqueUniteLegale": category,
           "denominationUniteLegale": name, "etatAdministratifUniteLegale": "A",
           "nicSiegeUniteLegale": "00011", "economieSocialeSolidaireUniteLegale": "N",
           "societeMissionUniteLegale": "N"}
    row.update(more)
    return row


def csv_bytes(columns: list[str], rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return out.getvalue().encode("utf-8")


ESTABLISHMENTS = [
    etab("11111111100011", "26362", enseigne1Etablissement="", naf="88.99B"),  # association, seat, Valence
    etab("11111111100029", "26108", etablissementSiege="false", naf="88.99B"),  # its other site, Crest
    etab("22222222200014", "26281", naf="62.01Z", enseigne1Etablissement="CODE ROMANS"),  # SAS, Romans
    etab(VALENCE_SIREN + "00015", "26362", naf="84.11Z"),  # the commune of Valence itself
    etab("33333333300017", "26362", naf="96.02A", statutDiffusionEtablissement="P"),  # a person, hidden
    etab("44444444400019", "26362", state="F", naf="56.10A"),  # closed
    etab("55555555500021", "69384", naf="88.99B"),  # Lyon 4e: another territory
    etab("66666666600023", "75108", naf="88.99B"),  # Paris 8e: another territory
    etab("77777777700025", "26113", naf="38.11Z"),  # a syndicat mixte, Die
    etab("88888888800027", "26198", naf="88.10A"),  # a foundation, Montélimar
    etab("99999999900029", "26362", naf="65.1A", nomenclatureActivitePrincipaleEtablissement="NAFRev1",
         denominationUsuelleEtablissement="BAR, TABAC\nDU CENTRE"),  # quoted comma and newline
]
UNITS = [
    unit("000000001", "5710", "PAS DANS LE TERRITOIRE"),
    unit("111111111", "9220", "LES AMIS DU VIVANT", identifiantAssociationUniteLegale="W261000001",
         economieSocialeSolidaireUniteLegale="O"),
    unit("222222222", "5710", "CODE ROMANS SAS", societeMissionUniteLegale="O"),
    unit("333333333", "1000", "", nomUniteLegale="[ND]", prenomUsuelUniteLegale="[ND]",
         statutDiffusionUniteLegale="P"),
    unit(VALENCE_SIREN, "7210", "COMMUNE DE VALENCE"),
    unit("444444444", "5499", "RESTAURANT FERME"),
    unit("555555555", "9220", "ASSO LYONNAISE"),
    unit("777777777", "7355", "SYNDICAT MIXTE DU DIOIS"),
    unit("888888888", "9300", "FONDATION DU SUD DROME"),
    unit("999999999", "1000", "", nomUniteLegale="MARTIN", prenomUsuelUniteLegale="JEANNE"),
]


def sources(name: str, data: bytes) -> list[Source]:
    return sources_from_bytes(name, data)


def establishments(columns: list[str] = ETAB54) -> bytes:
    return csv_bytes(columns, ESTABLISHMENTS)


def units(columns: list[str] = UL35) -> bytes:
    return csv_bytes(columns, UNITS)


# ----------------------------------------------------------------------------- reading while streaming


@pytest.mark.parametrize("columns", [ETAB54, ETAB48], ids=["54-columns", "48-columns"])
def test_only_the_territory_s_establishments_are_kept(columns):
    info = SireneFile("etab.csv")
    found = list(read_establishments(io.BytesIO(establishments(columns)), "etab.csv", DROME, info))
    drome = [r["siret"] for r in ESTABLISHMENTS if r["codeCommuneEtablissement"].startswith("26")]
    assert [e.siret for e in found] == drome
    assert (info.rows, info.kept, info.layout) == (11, 9, f"StockEtablissement CSV ({len(columns)} colonnes)")
    assert found[-1].denominationUsuelleEtablissement == "BAR, TABAC\nDU CENTRE"


def test_paris_arrondissement_codes_fold_into_paris():
    found = list(read_establishments(io.BytesIO(establishments()), "e", Scope.of("departement:75", H)))
    assert [e.siret for e in found] == ["66666666600023"]
    paris = Scope.of("commune:75056", H)
    real = list(read_establishments((DATA / "sirene_etab_sample.csv").open("rb"), "e", paris))
    assert [e.codeCommuneEtablissement for e in real] == ["75115", "75109", "75109", "75108", "75115"]


class CountingStream(io.RawIOBase):
    """A read-only stream that remembers how many bytes were asked of it."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._inner.read(min(len(buffer), 1 << 16))
        buffer[: len(chunk)] = chunk
        self.consumed += len(chunk)
        return len(chunk)


def test_the_national_file_is_streamed_not_loaded():
    # 200,000 rows of other départements around one Drôme row: the first Drôme row comes out after
    # reading about half of the file, and the reader has not swallowed the rest.
    others = [etab(f"5{n:08d}00011", "69384") for n in range(100_000)]
    rows = [*others, etab("11111111100011", "26362"), *others]
    data = csv_bytes(ETAB54, rows)
    stream = CountingStream(data)
    found = read_establishments(io.BufferedReader(stream), "national.csv", DROME)
    first = next(found)
    assert first.siret == "11111111100011"
    assert stream.consumed < 0.6 * len(data)
    assert list(found) == []
    assert stream.consumed == len(data)


def test_only_the_needed_legal_units_are_kept():
    info = SireneFile("ul.csv")
    got = list(read_unites_legales(io.BytesIO(units()), "ul.csv", {"111111111", "777777777"}, info))
    assert [u.siren for u in got] == ["111111111", "777777777"]
    assert got[0].identifiantAssociationUniteLegale == "W261000001"
    assert (info.rows, info.kept) == (10, 2)


def test_the_2019_legal_unit_layout_and_the_real_samples_are_read():
    real = list(read_unites_legales((DATA / "sirene_unitelegale_sample_2019layout.csv").open("rb"), "ul",
                                    {"000325175", "005410220"}))
    assert [(u.siren, u.categorieJuridiqueUniteLegale, u.nomUniteLegale) for u in real] == [
        ("000325175", "1000", "JANOYER"), ("005410220", "1000", "WATTEBLED")]
    assert real[0].societeMissionUniteLegale == ""  # no such column in 2019
    old = list(read_unites_legales(io.BytesIO(units(UL33)), "ul", {"222222222"}))
    assert old[0].denominationUniteLegale == "CODE ROMANS SAS"


@pytest.mark.parametrize(("data", "what"), [
    (b"siren,categorieJuridiqueUniteLegale\n123456789,9220\n", "StockEtablissement"),
    ((DATA / "rna_sample.csv").read_bytes(), "StockEtablissement"),
    (b"", "StockEtablissement"),
])
def test_a_file_that_is_not_a_stock_etablissement_stops_with_a_message(data, what):
    with pytest.raises(NotASireneFile) as caught:
        list(read_establishments(io.BytesIO(data), "x.csv", DROME))
    assert caught.value.text("fr").startswith(f"« x.csv » n'est pas un fichier SIRENE {what}")
    assert caught.value.text("en").startswith(f"'x.csv' is not a SIRENE {what} file")
    assert "colonnes" not in caught.value.text("en")


def test_the_legal_unit_file_given_as_establishments_gets_a_hint():
    with pytest.raises(NotASireneFile, match="--unites-legales"):
        list(read_establishments(io.BytesIO(units()), "StockUniteLegale.csv", DROME))


def test_parquet_files_are_filtered_the_same_way():
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")

    def parquet(columns: list[str], rows: list[dict[str, str]]) -> bytes:
        table = pa.table({c: [r.get(c, "") for r in rows] for c in columns})
        out = io.BytesIO()
        pq.write_table(table, out, row_group_size=4)
        return out.getvalue()

    found = list(read_establishments(io.BytesIO(parquet(ETAB54, ESTABLISHMENTS)), "e.parquet", DROME))
    from_csv = list(read_establishments(io.BytesIO(establishments()), "e.parquet", DROME))
    assert [(e.siret, e.codeCommuneEtablissement, e.denominationUsuelleEtablissement) for e in found] == [
        (e.siret, e.codeCommuneEtablissement, e.denominationUsuelleEtablissement) for e in from_csv]
    got = list(read_unites_legales(io.BytesIO(parquet(UL35, UNITS)), "u.parquet", {"888888888"}))
    assert [u.denominationUniteLegale for u in got] == ["FONDATION DU SUD DROME"]


# ----------------------------------------------------------------------------- legal categories


@pytest.mark.parametrize(("category", "kind"), [
    ("9220", ActorKind.ASSOCIATION), ("9230", ActorKind.ASSOCIATION), ("9300", ActorKind.FONDATION),
    ("7210", ActorKind.COLLECTIVITE), ("7230", ActorKind.COLLECTIVITE), ("7346", ActorKind.COLLECTIVITE),
    ("7355", ActorKind.COLLECTIVITE), ("7357", ActorKind.COLLECTIVITE), ("7361", ActorKind.SERVICE_PUBLIC),
    ("7364", ActorKind.SERVICE_PUBLIC), ("7120", ActorKind.SERVICE_PUBLIC),
    ("4110", ActorKind.SERVICE_PUBLIC),
    ("7383", ActorKind.RECHERCHE), ("5710", ActorKind.ENTREPRISE), ("5499", ActorKind.ENTREPRISE),
    ("1000", ActorKind.ENTREPRISE), ("6540", ActorKind.ENTREPRISE), ("8210", ActorKind.AUTRE),
    ("9110", ActorKind.AUTRE),
])
def test_legal_categories_give_the_kind_of_actor(category, kind):
    assert kind_of(category) == kind


# ----------------------------------------------------------------------------- the import


def drome_import(store, with_units: bool = True, territory: str = "26"):
    rejects = []
    summary = import_sirene(store, sources("StockEtablissement.csv", establishments()), territory,
                            units=sources("StockUniteLegale.csv", units()) if with_units else (),
                            rejects=rejects.append)
    return summary, rejects


def test_active_establishments_become_actors_of_the_right_kind(memory_store):
    summary, rejects = drome_import(memory_store)
    actors = {a.id: a for a in memory_store.dataset("sirene-26").actors}
    assert {i: (a.kind, a.name, a.territories) for i, a in actors.items()} == {
        "11111111100011": (ActorKind.ASSOCIATION, "LES AMIS DU VIVANT", ("commune:26362",)),
        "11111111100029": (ActorKind.ASSOCIATION, "LES AMIS DU VIVANT", ("commune:26108",)),
        "22222222200014": (ActorKind.ENTREPRISE, "CODE ROMANS", ("commune:26281",)),
        "77777777700025": (ActorKind.COLLECTIVITE, "SYNDICAT MIXTE DU DIOIS", ("commune:26113",)),
        "88888888800027": (ActorKind.FONDATION, "FONDATION DU SUD DROME", ("commune:26198",)),
        "99999999900029": (ActorKind.ENTREPRISE, "BAR, TABAC DU CENTRE", ("commune:26362",)),
    }
    assert summary.rejected == Counter({"fermee": 1, "non-diffusible": 1, "collectivite": 1})
    assert {(r.id, r.reason) for r in rejects} == {("44444444400019", "fermee"),
                                                   ("33333333300017", "non-diffusible"),
                                                   (VALENCE_SIREN + "00015", "collectivite")}
    hidden = next(r for r in rejects if r.reason == "non-diffusible")
    assert hidden.name == ""  # the person's name is not copied
    assert (summary.rows, summary.outside) == (11, 2)


def test_naf_activity_and_legal_facts_are_in_the_description_and_sdgs_inferred(memory_store):
    drome_import(memory_store)
    actors = {a.id: a for a in memory_store.dataset("sirene-26").actors}
    asso = actors["11111111100011"]
    assert asso.description == ("Siège. Activité principale : 88.99B (Action sociale sans hébergement). "
                                "Catégorie juridique : 9220 (association déclarée). Entreprise de l'économie "
                                "sociale et solidaire (ESS).")
    assert (asso.siren, asso.siret, asso.rna, asso.source) == ("111111111", "11111111100011", "W261000001",
                                                               "sirene")
    assert [(s.number, s.source) for s in asso.inferred_sdgs] == [(1, "naf:88"), (10, "naf:88")]
    assert asso.sdgs == ()
    assert actors["11111111100029"].description.startswith("Établissement secondaire de LES AMIS DU VIVANT.")
    assert "Société à mission." in actors["22222222200014"].description
    assert actors["99999999900029"].inferred_sdgs == ()  # NAFRev1 code: not read


def test_without_legal_units_names_and_kinds_are_guessed_and_the_summary_says_so(memory_store):
    summary, _ = drome_import(memory_store, with_units=False)
    actors = {a.id: a for a in memory_store.dataset("sirene-26").actors}
    assert actors["11111111100011"].name == "Établissement 11111111100011"
    assert actors["22222222200014"].name == "CODE ROMANS"
    assert actors[VALENCE_SIREN + "00015"].kind == ActorKind.SERVICE_PUBLIC  # 84.11Z, category unknown
    assert summary.warnings == ("sans-unites-legales",)
    assert any("unités légales" in line for line in summary.lines("fr"))


def test_a_commune_or_epci_territory_filters_the_same_file(memory_store):
    drome_import(memory_store, territory="26362")
    assert [a.id for a in memory_store.dataset("sirene-26362").actors] == ["11111111100011", "99999999900029"]


def test_a_zipped_national_file_is_streamed_from_the_archive(memory_store):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("StockEtablissement_utf8.csv", establishments())
    summary = import_sirene(memory_store, sources("StockEtablissement_utf8.zip", archive.getvalue()), "26",
                            units=sources("StockUniteLegale.csv", units()))
    assert summary.files[0].name == "StockEtablissement_utf8.zip:StockEtablissement_utf8.csv"
    assert summary.merge.added == 6


def test_real_sample_rows_import_as_described(memory_store):
    def run(territory: str):
        return import_sirene(memory_store, sources_from_path(DATA / "sirene_etab_sample.csv"), territory,
                             units=sources_from_path(DATA / "sirene_unitelegale_sample_2019layout.csv"))

    paris, amiens = run("75"), run("80")
    assert [(a.id, a.territories, a.kind) for a in memory_store.dataset("sirene-75").actors] == [
        ("99999066600037", ("commune:75056",), ActorKind.ENTREPRISE)]  # 65.11Z, Paris 8e
    assert paris.rejected == Counter({"fermee": 4}) and paris.outside == 7
    (actor,) = memory_store.dataset("sirene-80").actors
    assert (actor.id, actor.territories) == ("99999235700015", ("commune:80021",))  # 81.10Z, Amiens
    assert [(s.number, s.source) for s in actor.inferred_sdgs] == [(11, "naf:81")]
    assert amiens.rejected == {} and amiens.outside == 11


def test_the_whole_of_france_is_refused_for_sirene(memory_store):
    with pytest.raises(UnreadableFile, match="whole of France") as caught:
        import_sirene(memory_store, sources_from_path(DATA / "sirene_etab_sample.csv"), "FR")
    assert "France entière" in caught.value.text("fr")


def test_one_establishment_alone_is_decided_without_a_store():
    scope = DROME
    row = next(read_establishments(io.BytesIO(establishments()), "e", scope))
    outcome = sirene_actor(row, None, scope, Inference.shipped())
    assert outcome.actor is not None and outcome.actor.kind == ActorKind.ENTREPRISE  # 88.99B: no guess
