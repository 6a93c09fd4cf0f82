"""The analyses through both stores (the `store` fixture), on tests/factories.small_dataset.

Every expectation is computed by hand from the dataset (see the comments); both stores must give
exactly these answers.
"""

from __future__ import annotations

import pytest

from ecosystem.analysis import thresholds as th
from ecosystem.analysis.codes import Code
from ecosystem.analysis.complementarity import complements
from ecosystem.analysis.coverage import coverage
from ecosystem.analysis.diagnosis import diagnose
from ecosystem.analysis.lookup import Ambiguous, find_actor, find_alliance, find_subject, find_territory
from ecosystem.analysis.metrics import actor_network
from ecosystem.analysis.overlap import duplicate_groups, overlap_matrix, pairs_in, top_overlaps
from ecosystem.analysis.thresholds import Status
from ecosystem.errors import NotFound
from ecosystem.model import ActorKind, Level
from ecosystem.reference import reference
from ecosystem.store.base import Store
from tests.factories import AURA, DROME, VALENCE, VRA, small_dataset

H = reference().hierarchy
N_VRA = H.commune_count(VRA)  # 54 communes
N_DROME = H.commune_count(DROME)  # 362 communes
N_AURA = H.commune_count(AURA)
N_DROME_EPCI = len(H.project(DROME, Level.EPCI))  # EPCI with at least one commune in the Drôme


@pytest.fixture
def loaded(store: Store) -> Store:
    store.load(small_dataset())
    return store


def test_reference_sizes_the_expectations_use() -> None:
    assert (N_VRA, N_DROME, N_DROME_EPCI) == (54, 362, 16)


# ----------------------------------------------------------------------------- overlap


def test_top_overlaps_of_an_association_in_valence(loaded: Store) -> None:
    r = top_overlaps(loaded, "jardins-valence", Level.COMMUNE, k=10)
    # F(jardins) = {Valence} x {2, 12, 15}: 3 cells
    assert (r.territories, r.sdgs) == (1, (2, 12, 15))
    assert [o.actor for o in r.items] == ["potagers-valentinois", "agglo-vra", "biodrome"]
    potagers, agglo, biodrome = r.items
    assert potagers.jaccard == pytest.approx(2 / 3)  # 2 shared cells / (3 + 2 - 2)
    assert (potagers.containment_subject, potagers.containment_other) == (pytest.approx(2 / 3), 1.0)
    assert potagers.same_kind and potagers.shared_sdgs == (2, 12)
    assert potagers.shared_territories == (VALENCE,)
    assert [f.code for f in potagers.findings] == [Code.BOTH_PRESENT, Code.SHARED_SDGS, Code.SAME_KIND,
                                                   Code.INSIDE, Code.POSSIBLE_DUPLICATE]
    assert potagers.duplicate and not agglo.duplicate  # the one rule of analysis.duplicates
    here, shared, kind, inside, _ = potagers.findings
    assert (here.places, here.count, shared.sdgs, kind.kinds) == ((VALENCE,), 1, (2, 12), ("association",))
    assert [r.id for r in inside.refs] == ["potagers-valentinois", "jardins-valence"]  # (inside, around)
    assert "l'empreinte de Potagers Valentinois est entièrement incluse dans celle de Jardins de Valence" \
        in potagers.reason
    assert agglo.jaccard == pytest.approx(1 / (3 + N_VRA * 3 - 1))  # shares Valence x {2}
    assert agglo.containment_subject == pytest.approx(1 / 3)
    assert biodrome.jaccard == pytest.approx(2 / (3 + N_DROME * 3 - 2))
    assert biodrome.containment_subject == pytest.approx(2 / 3)
    assert [o.actor for o in top_overlaps(loaded, "jardins-valence", k=1).items] == ["potagers-valentinois"]


def test_top_overlaps_at_epci_level(loaded: Store) -> None:
    r = top_overlaps(loaded, "jardins-valence", Level.EPCI)
    # P_EPCI(jardins) = {VRA}; romans-repair (Romans, 12 + inferred 13) now meets it on SDG 12
    assert [(o.actor, round(o.jaccard, 4)) for o in r.items] == [
        ("potagers-valentinois", round(2 / 3, 4)),
        ("romans-repair", 0.25),  # 1 cell / (3 + 2 - 1)
        ("agglo-vra", 0.2),  # 1 cell / (3 + 3 - 1)
        ("biodrome", round(2 / (3 + N_DROME_EPCI * 3 - 2), 4)),
    ]


def test_pairs_and_duplicates_in_a_territory(loaded: Store) -> None:
    pairs = pairs_in(loaded, VRA, Level.COMMUNE, min_jaccard=0.5, same_kind=True)
    assert [(p.a, p.b) for p in pairs] == [("jardins-valence", "potagers-valentinois")]
    assert pairs[0].containment_b == 1.0 and pairs[0].containment_a == pytest.approx(2 / 3)
    groups = duplicate_groups(loaded, DROME)
    assert [(g.kind, g.actors) for g in groups] == [
        (ActorKind.ASSOCIATION, ("jardins-valence", "potagers-valentinois"))]
    assert groups[0].shared_sdgs == (2, 12) and groups[0].shared_territories == (VALENCE,)
    assert [f.code for f in groups[0].findings] == [Code.DUPLICATE_GROUP, Code.PRESENT_TOGETHER,
                                                    Code.SEE_WITH_THEM]
    assert [r.id for r in groups[0].findings[0].refs] == ["jardins-valence", "potagers-valentinois"]
    assert groups[0].reason.startswith("Jardins de Valence et Potagers Valentinois sont 2 associations")
    # above a Jaccard of 0.7 alone they would not be duplicates, but the potagers' footprint lies inside
    # the jardins' (containment 1.0): the one rule keeps them a group
    assert [g.actors for g in duplicate_groups(loaded, DROME, min_jaccard=0.7)] == [
        ("jardins-valence", "potagers-valentinois")]


def test_overlap_matrix(loaded: Store) -> None:
    m = overlap_matrix(loaded, ["potagers-valentinois", "jardins-valence", "crest-solidaire", "nobody"])
    assert m.actors == ("crest-solidaire", "jardins-valence", "potagers-valentinois")
    assert m.jaccard[1][2] == m.jaccard[2][1] == pytest.approx(2 / 3)
    assert m.containment[2][1] == 1.0 and m.containment[1][2] == pytest.approx(2 / 3)
    assert m.jaccard[0][1] == 0.0


# ----------------------------------------------------------------------------- complementarity


def test_complements_of_an_actor_by_hand(loaded: Store) -> None:
    r = complements(loaded, find_actor(loaded, "jardins-valence"), Level.COMMUNE)
    # co-present in Valence: potagers (a twin: brings nothing), biodrome, ville-valence, agglo-vra, labo-aura
    assert [c.actor for c in r.items] == ["biodrome", "agglo-vra", "ville-valence", "labo-aura"]
    w = th.COMPLEMENT_WEIGHTS
    biodrome = r.items[0]
    # new SDG 8 (1/3), other kind, offers data it needs, needs skills it offers, common SDG 2,
    # present in 1 of its 362 communes
    assert biodrome.score == pytest.approx(w["new_sdgs"] / 3 + w["other_kind"] + w["receives"] + w["gives"]
                                           + w["mutual"] + w["common_ground"] + w["proximity"] / N_DROME)
    assert [(f.code, f.sdgs or f.kinds or f.levers) for f in biodrome.findings[1:]] == [
        (Code.BRINGS_SDGS, (8,)), (Code.OTHER_PROFILE, ("entreprise",)),
        (Code.OFFERS_NEEDED, ("moyen-donnees",)), (Code.NEEDS_OFFERED, ("moyen-competences",))]
    assert biodrome.reason == ("Présent à Valence ; apporte l'ODD 8 que vous ne couvrez pas ; profil "
                               "« entreprise », différent du vôtre ; offre le moyen « Données », dont "
                               "vous avez besoin ; a besoin du moyen « Compétences », que vous offrez.")
    assert r.items[1].score == pytest.approx(w["new_sdgs"] * 2 / 3 + w["other_kind"] + w["common_ground"]
                                             + w["proximity"] / N_VRA)
    assert r.items[2].score == pytest.approx(w["new_sdgs"] * 2 / 3 + w["other_kind"] + w["proximity"])
    assert r.found == 4


def test_complements_of_an_alliance_leave_its_members_out(loaded: Store) -> None:
    r = complements(loaded, find_alliance(loaded, "alim-valence"))
    assert r.subject.members == ("agglo-vra", "biodrome", "jardins-valence")
    assert r.subject.needs == ()  # every member's need is offered by another member
    # Valence's own actors first, then Romans Repair Café, a neighbour in the same EPCI (VRA)
    assert [c.actor for c in r.items] == ["labo-aura", "ville-valence", "romans-repair"]
    assert [c.neighbour for c in r.items] == [False, False, True]
    assert r.items[2].reason.startswith("Présent à Romans-sur-Isère, dans la même intercommunalité ; ")
    assert r.neighbours == Level.EPCI
    at_communes = complements(loaded, find_alliance(loaded, "alim-valence"), Level.COMMUNE)
    assert [c.actor for c in at_communes.items] == ["labo-aura", "ville-valence"]  # the level option remains
    profile = [f.kinds for f in r.items[0].findings if f.code == Code.OTHER_PROFILE_ALLIANCE]
    assert profile == [("recherche",)]
    assert "profil « recherche », absent de l'alliance" in r.items[0].reason


def test_english_reasons(loaded: Store) -> None:
    r = complements(loaded, find_actor(loaded, "jardins-valence"), lang="en")
    assert r.items[0].reason == ("Present in Valence; brings SDG 8 you do not cover; profile \"company\", "
                                 "different from yours; offers the means \"Data\" that you need; needs the "
                                 "means \"Skills\" that you offer.")


# ----------------------------------------------------------------------------- coverage


def test_coverage_of_the_agglo_by_commune(loaded: Store) -> None:
    c = coverage(loaded, VRA)
    assert c.level == Level.COMMUNE and len(c.rows) == N_VRA
    valence = next(r for r in c.rows if r.territory == VALENCE)
    # SDG 2 in Valence: jardins, potagers, biodrome, agglo; alliance alim-valence; policy pat-vra
    assert (valence.cell(2).actors, valence.cell(2).alliances, valence.cell(2).policies) == (4, 1, 1)
    assert valence.cell(14).actors == valence.cell(14).policies == 0
    # total: the agglo itself, each actor once
    assert (c.total.territory, c.total.cell(13).actors, c.total.cell(13).alliances) == (VRA, 4, 1)
    # gaps: SDG 7 of the PCAET in each of the 54 communes; SDGs 1 and 10 of the contrat de ville in Valence
    assert len(c.gaps) == N_VRA + 2
    assert {(g.territory, g.sdg) for g in c.gaps if g.sdg != 7} == {(VALENCE, 1), (VALENCE, 10)}
    assert c.gaps[0].territory == VALENCE  # most populated first
    groups = c.gap_groups()
    assert [(g.sdg, g.policies, len(g.territories)) for g in groups] == [
        (7, ("pcaet-vra",), N_VRA), (1, ("cdv-valence",), 1), (10, ("cdv-valence",), 1)]
    (why,) = groups[0].findings
    assert (why.code, why.sdgs, [r.id for r in why.refs]) == (Code.GAP_GROUP, (7,), ["pcaet-vra"])
    assert why.places == groups[0].territories and len(why.places) == N_VRA
    assert c.gaps[0].findings[0].places == (VALENCE,)
    assert groups[0].sentence.startswith("Le PCAET Valence Romans vise l'ODD 7 (Énergie propre et d'un coût "
                                         "abordable) mais aucun acteur ni alliance n'y travaille à Valence, ")


def test_coverage_of_the_departement_by_epci_has_zero_rows(loaded: Store) -> None:
    c = coverage(loaded, DROME)
    assert c.level == Level.EPCI and len(c.rows) == N_DROME_EPCI
    assert [(g.territory, g.sdg) for g in c.gaps] == [(VRA, 1), (VRA, 7), (VRA, 10)]
    crest_epci = next(r for r in c.rows if r.territory == "epci:200040509")
    assert crest_epci.cell(1).actors == 1  # crest-solidaire
    with pytest.raises(ValueError):
        coverage(loaded, VALENCE, Level.EPCI)


# ----------------------------------------------------------------------------- diagnosis


def test_diagnosis_of_the_food_alliance(loaded: Store) -> None:
    d = diagnose(loaded, "alim-valence")
    p = {v.number: v for v in d.principles}
    assert {n: (v.status, v.score) for n, v in p.items()} == {
        1: (Status.MET, 1.0),  # self-assessed 2 then 3
        2: (Status.MET, 1.0),
        3: (Status.NOT_ASSESSABLE, None),
        4: (Status.MET, pytest.approx(0.8)),  # Potagers Valentinois already occupies the whole footprint
        5: (Status.PARTLY, 0.5),  # social (2) and economic (12), no environmental SDG
        6: (Status.MET, 1.0),
        7: (Status.MET, 1.0),  # the agglo is a member, aligned with the PAT
    }
    assert p[1].trend == 1
    similar = next(f for f in p[4].findings if f.code == Code.P4_SIMILAR_OUTSIDE)
    assert [r.id for r in similar.refs] == ["potagers-valentinois"]
    assert (similar.share, similar.risk) == (1.0, True)
    assert p[4].suggestion == ("Rencontrez Potagers Valentinois, qui agit déjà sur vos ODD sur votre "
                               "territoire : proposez-lui de vous rejoindre ou répartissez-vous les rôles.")
    assert p[5].suggestion == ("Ouvrez l'alliance à la dimension environnementale en vous appuyant sur "
                               "Jardins de Valence et Valence Romans Agglo.")
    assert d.summary == ("Alliance alimentaire valentinoise : sur 7 principes, 5 atteints, 1 en partie et "
                         "1 non évaluable ; à travailler d'abord : Sortir des silos (principe 5).")
    dialoguer = next(v for v in d.modalities if v.lever == "modalite-dialoguer")
    assert (dialoguer.status, dialoguer.score) == (Status.PARTLY, pytest.approx(1 / 3))
    donnees = next(v for v in d.means if v.lever == "moyen-donnees")
    assert "BioDrôme Distribution peut apporter ce moyen à Jardins de Valence" in donnees.suggestion


def test_diagnosis_of_the_climate_alliance(loaded: Store) -> None:
    d = diagnose(loaded, "climat-drome")
    p = {v.number: v for v in d.principles}
    assert p[2].score == pytest.approx(0.3 + 0.3 + 0.4 * 0.5)  # two kinds
    assert p[4].score == 1.0
    assert p[4].suggestion == "Faites connaître votre action à Romans Repair Café et à la Ville de Valence."
    assert (p[5].status, p[5].score) == (Status.NOT_MET, 0.0)  # SDG 13 only
    assert (p[7].status, p[7].score) == (Status.MET, th.P7_EITHER)
    assert p[7].suggestion == ("Rapprochez-vous du PCAET Valence Romans (porté par Valence Romans "
                               "Agglo), qui vise l'ODD 13 sur votre territoire.")


# ----------------------------------------------------------------------------- metrics


def test_actor_network(loaded: Store) -> None:
    m = actor_network(loaded)
    assert [(n.actor, n.degree) for n in m.nodes][:1] == [("agglo-vra", 4)]
    hub = m.nodes[0]
    assert hub.betweenness == pytest.approx(5 / 6)  # on 5 of the 6 paths between the 4 others
    assert m.communities == (("agglo-vra", "labo-aura", "ville-valence"), ("biodrome", "jardins-valence"))
    assert [(b.actor, b.open_pairs) for b in m.kind_brokers] == [("agglo-vra", 5)]
    assert m.territory_brokers == ()  # all present in the Drôme


# ----------------------------------------------------------------------------- lookup


def test_lookup_by_id_name_part_or_typo(loaded: Store) -> None:
    assert find_actor(loaded, "biodrome").id == "biodrome"
    assert find_actor(loaded, "BioDrome distribution").id == "biodrome"
    assert find_subject(loaded, "Climat Drôme").id == "climat-drome"
    with pytest.raises(Ambiguous) as error:
        find_actor(loaded, "valence")
    assert "Jardins de Valence (jardins-valence)" in str(error.value)
    with pytest.raises(NotFound) as error:
        find_actor(loaded, "Jardin de Valance")
    assert error.value.suggestions[0] == "Jardins de Valence (jardins-valence)"


def test_an_ambiguous_town_name_is_the_one_with_data(loaded: Store) -> None:
    assert find_territory("Valence", loaded) == VALENCE
    with pytest.raises(Ambiguous):
        find_territory("Valence")
    assert find_territory("26") == DROME
    with pytest.raises(NotFound):
        find_territory("Atlantide")
