"""The import summary as findings (which lines, which numbers), and its French and English lines."""

from __future__ import annotations

from ecosystem.importers.merge import MergeCounts
from ecosystem.importers.summary import FileRead, ImportSummary, Line


def summary(**changes: object) -> ImportSummary:
    """An RNA import of the Drôme: 2,500 rows, a few rejects, one warning."""
    fields: dict[str, object] = dict(
        register="rna", dataset_id="rna-26", dataset_name="Associations du RNA – Drôme",
        territory="departement:26", territory_label="Drôme (département 26)",
        files=(FileRead("rna_waldec_26.csv", "RNA waldec", "utf-8", 2500),), rows=2500, outside=12,
        rejected={"commune-manquante": 3, "dissoute": 0},
        merge=MergeCounts(added=2000, updated=10, unchanged=5, inactivated=7),
        linked=0, linked_datasets=(), inferred_actors=1200, inferred_links=1850, status="loaded",
        warnings=("alsace-moselle",))
    fields.update(changes)
    return ImportSummary(**fields)  # type: ignore[arg-type]


def test_the_findings_say_which_lines_there_are_and_their_numbers() -> None:
    found = summary().findings()
    assert [f.code for f in found] == [Line.TITLE, Line.STATUS, Line.FILE, Line.IMPORTED, Line.INACTIVATED,
                                       Line.REJECTED, Line.OUTSIDE, Line.INFERRED, Line.WARNING]
    by_code = {f.code: f for f in found}
    imported = dict(by_code[Line.IMPORTED].counts)
    assert imported == {"active": 2015, "added": 2000, "updated": 10, "unchanged": 5}
    assert (by_code[Line.REJECTED].count, by_code[Line.REJECTED].counts) == (3, (("commune-manquante", 3),))
    assert (by_code[Line.INFERRED].count, by_code[Line.INFERRED].total) == (1850, 1200)
    assert by_code[Line.FILE].labels == ("RNA waldec", "utf-8")


def test_optional_lines_appear_only_when_they_say_something() -> None:
    merge = MergeCounts(reactivated=1, kept=2, dropped=3)
    found = summary(register="collectivites", outside=0, warnings=(), linked=4,
                    linked_datasets=("sirene-26",), merge=merge).findings()
    codes = [f.code for f in found]
    assert Line.INFERRED not in codes and Line.OUTSIDE not in codes and Line.WARNING not in codes
    assert {Line.REACTIVATED, Line.KEPT, Line.DROPPED, Line.LINKED} <= set(codes)
    assert [r.id for r in next(f for f in found if f.code == Line.LINKED).refs] == ["sirene-26"]


def test_french_lines() -> None:
    lines = summary().lines("fr")
    assert lines[:3] == ["Import RNA (associations) → jeu « rna-26 » (Drôme (département 26))",
                         "Jeu de données créé.",
                         "Fichier rna_waldec_26.csv : RNA waldec, utf-8, 2\u202f500 lignes"]
    assert "Importés : 2\u202f015 actifs (nouveaux 2\u202f000, mis à jour 10, inchangés 5)" in lines
    assert lines[lines.index("Écartés : 3") + 1] == "  - code commune vide : 3"
    assert lines[-1].startswith("Attention : les associations d'Alsace-Moselle")


def test_english_lines_say_the_same_things() -> None:
    fr, en = summary(status="dry-run").lines("fr"), summary(status="dry-run").lines("en")
    assert len(fr) == len(en)
    assert en[:2] == ["Import RNA (associations) -> dataset 'rna-26' (Drôme (département 26))",
                      "Dry run: nothing was saved."]
    assert ("Inferred SDGs (to be confirmed): 1\u202f850 links for 1\u202f200 actors; suggestions of the "
            "project, not declarations") in en
