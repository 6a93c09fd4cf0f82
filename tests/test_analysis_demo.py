"""The demo dataset's built-in findings (data/examples/demo-drome/README.md) are found, on both stores.

Skipped when the demo or the dataset reader is missing, so that this file can land before them.
"""

from __future__ import annotations

import pytest

from ecosystem.analysis.complementarity import complements
from ecosystem.analysis.coverage import coverage
from ecosystem.analysis.diagnosis import diagnose
from ecosystem.analysis.lookup import find_subject
from ecosystem.analysis.overlap import duplicate_groups, pairs_in, top_overlaps
from ecosystem.analysis.thresholds import Status
from ecosystem.model import ActorKind, Level
from ecosystem.reference import DATA_DIR
from ecosystem.store.base import Store

DEMO = DATA_DIR / "examples" / "demo-drome"
DROME = "departement:26"


@pytest.fixture
def demo(store: Store) -> Store:
    from ecosystem.datasets.reader import read_dataset

    store.load(read_dataset(DEMO))
    return store


def _principles(store: Store, alliance: str) -> dict[int, object]:
    return {v.number: v for v in diagnose(store, alliance).principles}


def test_duplicates_and_inclusions(demo: Store) -> None:
    pairs = pairs_in(demo, DROME, Level.COMMUNE, min_jaccard=0.34, same_kind=True)
    assert {(p.a, p.b) for p in pairs} == {
        ("entraide-alimentaire-du-plateau", "panier-solidaire-valentinois"),
        ("panier-solidaire-valentinois", "table-partagee-valence"),
        ("entraide-alimentaire-du-plateau", "table-partagee-valence"),
        ("bidouilleurs-de-la-monnaie", "repar-romans"),
    }
    groups = duplicate_groups(demo, DROME)
    assert [(g.kind, g.actors) for g in groups] == [
        (ActorKind.ASSOCIATION,
         ("entraide-alimentaire-du-plateau", "panier-solidaire-valentinois", "table-partagee-valence")),
        (ActorKind.COLLECTIF_CITOYEN, ("bidouilleurs-de-la-monnaie", "repar-romans")),
    ]
    inside = {o.actor: o for o in top_overlaps(demo, "epi-crestois", k=20).items}
    assert inside["reseau-dromois-aide-alimentaire"].containment_subject == 1.0
    assert "entièrement incluse" in inside["reseau-dromois-aide-alimentaire"].reason


@pytest.mark.parametrize(("subject", "partner", "receives", "gives"), [
    ("jardins-du-plateau", "labo-transitions-alimentaires", ("moyen-donnees",), ("moyen-competences",)),
    ("labo-transitions-alimentaires", "jardins-du-plateau", ("moyen-competences",), ("moyen-donnees",)),
    ("riviere-vivante-val-de-drome", "equipe-hydro-drome", ("moyen-donnees", "moyen-recherche"),
     ("moyen-competences",)),
    ("riviere-drome-vivante", "equipe-hydro-drome", ("moyen-donnees", "moyen-recherche"),
     ("moyen-competences",)),
    ("numerique-solidaire-portes", "numeridrome-services", ("moyen-outils",), ()),
    ("fonds-valence-avenir", "numeridrome-services", ("moyen-donnees",), ("moyen-valorisation",)),
    ("montelimar-acces-aux-droits", "caf-drome", ("moyen-donnees",), ("moyen-competences",)),
])
def test_complementarities(demo: Store, subject: str, partner: str, receives: tuple, gives: tuple) -> None:
    found = {c.actor: c for c in complements(demo, find_subject(demo, subject), k=10).items}
    assert partner in found
    assert (found[partner].offers_needed, found[partner].needs_offered) == (receives, gives)


def test_exactly_two_gaps_at_commune_and_epci_none_at_departement(demo: Store) -> None:
    by_epci = coverage(demo, DROME, Level.EPCI)
    assert {(g.territory, g.sdg, g.policies) for g in by_epci.gaps} == {
        ("epci:200040459", 7, ("pcaet-montelimar",)),
        ("epci:200068781", 5, ("contrat-de-ville-valence-romans",)),
    }
    by_commune = coverage(demo, DROME, Level.COMMUNE)
    assert [(g.sdg, g.policies, len(g.territories)) for g in by_commune.gap_groups()] == [
        (7, ("pcaet-montelimar",), 27), (5, ("contrat-de-ville-valence-romans",), 2)]
    assert {g.territory for g in by_commune.gaps if g.sdg == 5} == {"commune:26362", "commune:26281"}
    assert coverage(demo, DROME, Level.DEPARTEMENT).gaps == ()


def test_the_exemplary_alliance_meets_every_principle(demo: Store) -> None:
    p = _principles(demo, "alliance-alimentaire-valence-romans")
    assert {n: v.status for n, v in p.items()} == dict.fromkeys(range(1, 8), Status.MET)
    assert p[1].trend == 1 and p[3].trend == 1


def test_the_silo_alliance(demo: Store) -> None:
    p = _principles(demo, "coordination-solidarites-montiliennes")
    assert (p[5].status, p[5].score) == (Status.NOT_MET, 0.0)
    assert "dimension environnementale" in p[5].suggestion and "dimension économique" in p[5].suggestion
    assert p[2].status == Status.PARTLY  # associations only: SDG 17 asks for other profiles
    assert p[6].status == Status.MET and p[7].status == Status.MET


def test_the_poorly_anchored_alliance(demo: Store) -> None:
    p = _principles(demo, "mobilite-solidaire-diois")
    assert (p[6].status, p[6].score) == (Status.NOT_MET, 0.0)
    assert "Aucun des 4 partenaires n'y est présent." in p[6].evidence
    assert "Communauté de communes du Diois" in p[6].suggestion
    assert "Maison France Services de Die" in p[6].suggestion


def test_the_alliance_without_public_policy(demo: Store) -> None:
    p = _principles(demo, "riviere-drome-vivante")
    assert (p[7].status, p[7].score) == (Status.NOT_MET, 0.0)
    assert p[7].suggestion.startswith("Rapprochez-vous du Contrat de relance et de transition écologique "
                                      "du Val de Drôme en Biovallée (CRTE, porté par")
    assert "invitez la Communauté de communes du Val de Drôme en Biovallée" in p[7].suggestion
    data = next(v for v in diagnose(demo, "riviere-drome-vivante").means if v.lever == "moyen-donnees")
    assert "Équipe de recherche Hydro-Drôme" in data.suggestion


def test_the_duplicate_alliance(demo: Store) -> None:
    p = _principles(demo, "romans-zero-dechet")
    assert p[4].status in (Status.PARTLY, Status.NOT_MET)
    twin = "« Alliance Réemploi Romans », une autre alliance, occupe déjà 100 %"
    assert any(twin in e for e in p[4].evidence)
    assert "Prenez contact avec « Alliance Réemploi Romans »" in p[4].suggestion
    assert p[4].history[-1][1] == 0  # its own self-assessment says so too


def test_the_alliance_without_self_assessment(demo: Store) -> None:
    d = diagnose(demo, "tiers-lieu-baronnies")
    p = {v.number: v for v in d.principles}
    assert p[1].status == p[3].status == Status.NOT_ASSESSABLE
    assert all(v.status == Status.NOT_ASSESSABLE for v in d.modalities + d.means)
    assert d.assessed_on == ()


def test_the_regression_over_time(demo: Store) -> None:
    d = diagnose(demo, "emploi-insertion-tricastin")
    trends = {v.lever: (v.history[0][1], v.history[-1][1]) for v in d.verdicts if v.trend is not None}
    assert trends["principe-1"] == (3, 1) and trends["principe-3"] == (3, 1)
    assert trends["modalite-dialoguer"] == (3, 1) and trends["modalite-evaluer"] == (2, 0)
    assert trends["moyen-gouvernance"] == (2, 0)
    dialogue = next(v for v in d.modalities if v.lever == "modalite-dialoguer")
    assert "recule" in dialogue.suggestion
