"""Validation: every problem at once, located (file, line, column, value), in English and French."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from ecosystem.datasets.reader import check, check_uploaded, read_dataset, read_uploaded
from ecosystem.datasets.rows import dataset_to_rows, rows_to_book
from ecosystem.datasets.validate import validate
from ecosystem.errors import DatasetInvalid, Problem
from ecosystem.model import ActorKind, AllianceStatus, InferredSdg, MemberRole
from tests.factories import other_dataset, small_dataset

DATA = Path(__file__).parent / "data"
BROKEN = DATA / "broken"
GOOD = DATA / "good"


def located(problems) -> list[tuple[str, int | None, str | None, str | None]]:
    return [(p.where, p.row, p.column, p.value) for p in problems]


def csv_report(**files: str):
    """Check CSV files given as sheet name -> text (";"-separated)."""
    return check_uploaded({f"{name}.csv": text.encode() for name, text in files.items()}, "essai")


# ----------------------------------------------------------------------------- the corpus of broken files

CORPUS = {
    "missing_required_column.csv": [("missing_required_column.csv", None, "Territoires", None)],
    "unknown_territory.csv": [("unknown_territory.csv", 3, "territoires", "69999")],
    "ambiguous_territory_name.csv": [("ambiguous_territory_name.csv", 2, "territoires", "Valence")],
    "duplicate_id.csv": [("duplicate_id.csv", 4, "id", "jardins")],
    "empty.csv": [("empty.csv", None, None, None)],
    "formula_cells.csv": [("formula_cells.csv", 2, "description", '=HYPERLINK("http://example.com")')],
    "bad_sdg.csv": [("bad_sdg.csv", 2, "odd", "18"), ("bad_sdg.csv", 3, "odd", "ODD treize")],
    "bad_date.csv": [("bad_date.csv", 2, "créé le", "31/02/2024"),
                     ("bad_date.csv", 3, "créé le", "2024/13/45"),
                     ("bad_date.csv", 4, "créé le", "01/03/24")],
    "score_out_of_range": [("evaluations.csv", 2, "note", "4"), ("evaluations.csv", 4, "note", "-1")],
    "unknown_member": [("membres.csv", 3, "acteur", "Jardins du Nord"),
                       ("membres.csv", 4, "alliance", "Alliance inconnue")],
    "ambiguous_member_name": [("membres.csv", 2, "acteur", "Mairie")],
    "no_actors_sheet": [("no_actors_sheet", None, None, None)],
    "bad_ids.csv": [("bad_ids.csv", 2, "id", "a;b")],
    "bad_values.csv": [("bad_values.csv", 2, column, value) for column, value in (
        ("offre", "Complémentarité"), ("actif", "peut-être"), ("siren", "12345"), ("siret", "2,00041E+13"),
        ("rna", "X12"), ("site web", "pas un site"))],  # in the order of the file's columns
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_broken_files_report_exactly_their_problems(name):
    report = check(BROKEN / name)
    assert located(report.problems) == CORPUS[name]
    assert report.dataset is None
    with pytest.raises(DatasetInvalid) as raised:
        read_dataset(BROKEN / name)
    assert located(raised.value.problems) == CORPUS[name]
    assert all(isinstance(p, Problem) and p.text("fr") != str(p) for p in raised.value.problems)


@pytest.mark.parametrize(("name", "names"), [
    ("encoding_cp1252.csv", ["Association Élan Drômois"]),
    ("bom_utf8.csv", ["Café Réparé"]),
    ("semicolon_separated.csv", ["Jardins de Crest"]),
    ("comma_separated.csv", ["Jardins de Crest"]),
    ("tab_separated.tsv", ["Jardins de Crest"]),
    ("quoted_newlines.csv", ["Jardins de Crest", "Atelier vélo"]),
    ("excel_lost_leading_zero.csv", ["Mairie de Bourg-en-Bresse", "Conseil départemental de l'Ain"]),
    ("header_only.csv", []),
    ("unknown_columns.csv", ["Jardins de Crest"]),
])
def test_tricky_but_valid_files_load(name, names):
    dataset = read_dataset(BROKEN / name)
    assert [a.name for a in dataset.actors] == names


def test_cp1252_file_keeps_its_accents():
    (actor,) = read_dataset(BROKEN / "encoding_cp1252.csv").actors
    assert actor.description == "Œuvre à l'insertion, dès 1998"


def test_separators_give_the_same_dataset():
    datasets = [read_dataset(BROKEN / n, dataset_id="x", name="x")
                for n in ("semicolon_separated.csv", "comma_separated.csv", "tab_separated.tsv")]
    assert datasets[0].actors == datasets[1].actors == datasets[2].actors
    assert datasets[0].actors[0].sdgs == (2, 12)
    assert datasets[0].source == "semicolon_separated.csv"  # the file, when no "jeu" sheet says otherwise


def test_lost_leading_zeros_are_restored():
    actors = read_dataset(BROKEN / "excel_lost_leading_zero.csv").actors
    assert [a.territories for a in actors] == [("commune:01053",), ("departement:01",)]


def test_messages_read_like_the_issue_in_both_languages():
    (problem,) = check(BROKEN / "unknown_territory.csv").problems
    assert str(problem) == ('unknown_territory.csv, line 3, column territoires: "69999" is not a known '
                            "commune, EPCI, département or région")
    assert problem.text("fr") == ("unknown_territory.csv, ligne 3, colonne territoires : « 69999 » n'est pas "
                                  "une commune, un EPCI, un département ou une région connus")


def test_ambiguous_names_list_their_candidates_with_codes():
    (territory,) = check(BROKEN / "ambiguous_territory_name.csv").problems
    assert territory.expected == ("is ambiguous: it names Valence (commune:16392); Valence (commune:26362); "
                                  "Valence (commune:82186); write the code instead")
    (member,) = check(BROKEN / "ambiguous_member_name").problems
    assert member.expected == ("is ambiguous: 2 actors of acteurs.csv have this name: mairie-crest (line 2); "
                               "mairie-valence (line 3); write the id instead")


def test_duplicate_id_names_both_lines():
    (problem,) = check(BROKEN / "duplicate_id.csv").problems
    assert problem.expected == "is already the id of line 2"
    assert "ligne 2" in problem.text("fr")


def test_formula_quoted_with_an_apostrophe_is_text():
    report = check(BROKEN / "formula_cells.csv")
    assert len(report.problems) == 1  # line 3 holds "'=pas une formule": not a problem


# ----------------------------------------------------------------------------- the good minimal dataset

def minimal_xlsx() -> bytes:
    """The minimal CSV folder as a workbook, with the typing Excel would give it."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    typed = {("acteurs", "siren"): int, ("evaluations", "note"): int}
    for path in sorted((GOOD / "minimal_csv").glob("*.csv")):
        ws = workbook.create_sheet(path.stem.capitalize())
        lines = path.read_text(encoding="utf-8").splitlines()
        header = lines[0].split(";")
        ws.append(header)
        for cells in csv.reader(lines[1:], delimiter=";"):
            row: list[object] = []
            for column, value in zip(header, cells, strict=True):
                kind = typed.get((path.stem, column))
                if column in ("créé le", "date", "début") and value:
                    value = date.fromisoformat(value) if "-" in value else date(
                        *reversed([int(x) for x in value.split("/")]))
                row.append(kind(value) if kind and value else (value or None))
            ws.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_minimal_dataset_reads_the_same_from_csv_json_and_xlsx():
    from_csv = read_dataset(GOOD / "minimal_csv")
    from_json = read_dataset(GOOD / "minimal.json")
    from_xlsx = read_uploaded({"minimal.xlsx": minimal_xlsx()}, "ignored: the jeu sheet names it")
    assert from_csv == from_json == from_xlsx
    assert from_csv.checksum() == from_json.checksum() == from_xlsx.checksum()


def test_minimal_dataset_content():
    d = read_dataset(GOOD / "minimal_csv")
    assert (d.id, d.name, d.source, d.description) == ("minimal", "Jeu minimal", "tests",
                                                       "Deux acteurs, une alliance.")
    jardins, ville = d.actors
    assert jardins.sdgs == (2, 12) and jardins.offers == ("moyen-competences",)
    assert jardins.needs == ("moyen-donnees",) and jardins.created == date(2012, 3, 15)
    assert (ville.id, ville.kind, ville.territories) == ("ville-de-crest", ActorKind.COLLECTIVITE,
                                                         ("commune:26108",))
    (policy,) = d.policies
    assert (policy.kind, policy.carriers, policy.territories) == ("PAT", ("ville-de-crest",),
                                                                  ("epci:200040509",))
    (alliance,) = d.alliances
    assert alliance.started == date(2025, 1, 15) and alliance.status is AllianceStatus.ACTIVE
    assert [(m.actor, m.role) for m in d.memberships] == [("jardins", MemberRole.PILOTE),
                                                          ("ville-de-crest", MemberRole.FINANCEUR)]
    (assessment,) = d.assessments
    assert (assessment.lever, assessment.on, assessment.score) == ("principe-4", date(2025, 6, 30), 2)


# ----------------------------------------------------------------------------- ids and references

def test_generated_ids_are_slugs_made_unique_in_row_order_around_given_ids():
    report = csv_report(acteurs="id;nom;type;territoires\n"
                                ";Mairie;collectivite;26108\n"
                                "mairie-2;Autre;association;26108\n"
                                ";Mairie;collectivite;26362\n"
                                ";Mairie;collectivite;26281\n"
                                "  espace autour ;Espacé;association;26108\n"
                                ";!!!;association;26108\n")
    assert report.problems == ()
    assert [a.id for a in report.dataset.actors] == ["mairie", "mairie-2", "mairie-3", "mairie-4",
                                                     "espace autour", "acteur"]


def test_references_by_id_exact_name_or_name_ignoring_case_and_accents():
    report = csv_report(
        acteurs="id;nom;type;territoires\nvc;Ville de Crest;collectivite;26108\n"
                "Atelier;Atelier;association;26\n",
        politiques="nom;type;porteurs;territoires\nPlan climat;pcaet;ville de crest;26108\n",
        alliances="nom;politiques\nAlliance;PLAN CLIMAT\n",
        membres="alliance;acteur;role\nalliance;vc;\nAlliance;atelier;Bénéficiaire\n",
    )
    assert report.problems == ()
    d = report.dataset
    assert d.policies[0].kind == "PCAET" and d.policies[0].carriers == ("vc",)
    assert d.alliances[0].policies == ("plan-climat",)
    assert [(m.alliance, m.actor, m.role) for m in d.memberships] == [
        ("alliance", "vc", MemberRole.PARTENAIRE),  # empty role: the documented default
        ("alliance", "Atelier", MemberRole.BENEFICIAIRE)]  # by id, before any name


def test_duplicate_membership_and_assessment_are_problems():
    report = csv_report(
        acteurs="id;nom;type;territoires\na;A;association;26108\n",
        alliances="id;nom\nal;Al\n",
        membres="alliance;acteur\nal;a\nal;A\n",
        evaluations="alliance;levier;date;note\nal;principe-4;2025-06-30;1\nal;Complémentarité;30/06/2025;2\n",
    )
    assert [(p.where, p.row, p.column, p.value, p.expected) for p in report.problems] == [
        ("membres.csv", 3, "acteur", "A", "is already a member of this alliance on line 2"),
        ("evaluations.csv", 3, "levier", "Complémentarité",
         "was already assessed for this alliance on this date, on line 2"),
    ]


def test_reference_into_a_missing_sheet():
    report = csv_report(acteurs="nom;type;territoires\nA;association;26108\n",
                        membres="alliance;acteur\nal;A\n")
    assert [(p.where, p.row, p.column, p.value, p.expected) for p in report.problems] == [
        ("membres.csv", 2, "alliance", "al", "refers to the alliances sheet, which is missing or empty")]


def test_a_bad_row_does_not_cascade_into_unknown_references():
    report = csv_report(acteurs="id;nom;type;territoires\na;A;martien;26108\n",
                        alliances="id;nom\nal;Al\n", membres="alliance;acteur\nal;a\n")
    assert located(report.problems) == [("acteurs.csv", 2, "type", "martien")]


# ----------------------------------------------------------------------------- cells

def test_every_problem_of_a_row_is_reported_at_once():
    report = csv_report(acteurs="nom;type;territoires;odd\n;;;0\n")
    assert [(p.row, p.column, p.value) for p in report.problems] == [
        (2, "nom", None), (2, "type", None), (2, "territoires", None), (2, "odd", "0")]


def test_multivalued_cells_accept_commas_where_unambiguous():
    beaune = "CA Beaune, Côte et Sud - Communauté Beaune-Chagny-Nolay"
    report = csv_report(acteurs='nom;type;territoires;odd;offre\nA;association;"26108, Drôme";"2 12";'
                               f'"Données, outils"\nB;association;"{beaune}";13;\n')
    assert report.problems == ()
    a, b = report.dataset.actors
    assert a.territories == ("commune:26108", "departement:26") and a.sdgs == (2, 12)
    assert a.offers == ("moyen-donnees", "moyen-outils")
    assert b.territories == ("epci:200006682",)  # an EPCI name holding a comma stays whole


def test_a_comma_list_with_one_unknown_code_names_that_code():
    report = csv_report(acteurs='nom;type;territoires\nA;association;"26108, 99999"\n')
    assert located(report.problems) == [("acteurs.csv", 2, "territoires", "99999")]


def test_duplicates_inside_a_cell_are_dropped_keeping_order():
    report = csv_report(acteurs='nom;type;territoires;odd\nA;association;"26108; Crest";"12; 2; 12"\n')
    (actor,) = report.dataset.actors
    assert actor.territories == ("commune:26108",) and actor.sdgs == (12, 2)


def test_inferred_sdgs_and_activity_columns():
    report = csv_report(acteurs="nom;type;territoires;odd déduits;actif;source\n"
                                "A;association;26108;13 (mot-cle:climat, 0,5); non;rna\n"
                                "B;association;26108;13 (climat);;\n")
    assert located(report.problems) == [("acteurs.csv", 3, "odd déduits", "13 (climat)")]
    report = csv_report(acteurs="nom;type;territoires;odd déduits;actif;source\n"
                                "A;association;26108;13 (mot-cle:climat, 0,5); non;rna\n")
    (actor,) = report.dataset.actors
    assert actor.inferred_sdgs == (InferredSdg(13, "mot-cle:climat", 0.5),)
    assert (actor.active, actor.source) == (False, "rna")


def test_english_headers_and_values_are_accepted():
    report = csv_report(actors="name,kind,territories,SDGs,offers\n"
                               "Repair Café,citizen group,region:84,SDG 12,tools\n",
                        members="alliance,actor,role\n")
    assert report.problems == ()
    (actor,) = report.dataset.actors
    assert (actor.kind, actor.territories, actor.sdgs, actor.offers) == (
        ActorKind.COLLECTIF_CITOYEN, ("region:84",), (12,), ("moyen-outils",))


def test_missing_column_is_named_in_the_language_of_the_headers():
    report = csv_report(actors="name,kind\nA,association\n")
    assert located(report.problems) == [("actors.csv", None, "territories", None)]


def test_dataset_sheet_names_the_dataset_and_holds_one_row():
    report = csv_report(acteurs="nom;type;territoires\n", jeu="id;nom\nmon-jeu;Mon jeu\nautre;Autre\n")
    assert located(report.problems) == [("jeu.csv", 3, None, None)]
    report = csv_report(acteurs="nom;type;territoires\n", jeu="id;nom;source\nmon-jeu;Mon jeu;\n")
    assert (report.dataset.id, report.dataset.name, report.dataset.source) == ("mon-jeu", "Mon jeu", "")


def test_without_dataset_sheet_the_name_comes_from_the_caller():
    dataset = read_uploaded({"acteurs.csv": b"nom;type;territoires\n"}, "Vallée de la Drôme")
    assert (dataset.id, dataset.name, dataset.source) == ("vallee-de-la-drome", "Vallée de la Drôme",
                                                          "acteurs.csv")
    dataset = read_dataset(BROKEN / "header_only.csv", dataset_id="forced")
    assert (dataset.id, dataset.name) == ("forced", "header_only")


# ----------------------------------------------------------------------------- round trip at dataset level

@pytest.mark.parametrize("factory", [small_dataset, other_dataset])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_rows_round_trip_to_the_same_dataset(factory, lang):
    dataset = factory()
    report = validate(rows_to_book(dataset_to_rows(dataset, lang), lang=lang), "ignored")
    assert report.problems == ()
    assert report.dataset == dataset
    assert report.dataset.checksum() == dataset.checksum()
