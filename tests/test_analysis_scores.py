"""The pure scoring functions of ecosystem.analysis, on small cases computed by hand."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from datetime import date
from pathlib import Path

import pytest

import ecosystem.analysis
from ecosystem.analysis import render
from ecosystem.analysis import thresholds as th
from ecosystem.analysis import wording as w
from ecosystem.analysis.assessment import lever_paths
from ecosystem.analysis.complementarity import Subject, complement_reason, contribution, rank
from ecosystem.analysis.coverage import Cell, CoverageRow, default_level, find_gaps, group_gaps, matrix_rows
from ecosystem.analysis.facts import closeness, greedy_cover
from ecosystem.analysis.metrics import build_graph, communities, open_pairs
from ecosystem.analysis.overlap import (
    containment,
    duplicate_components,
    footprint_scores,
    matrix_from,
    overlap_reason,
    pair_jaccard,
)
from ecosystem.analysis.principles import articulation_score, kinds_score, silo_score
from ecosystem.analysis.thresholds import Status, lever_status_of, status_of
from ecosystem.analysis.verdict import path_finding, weighted
from ecosystem.lang import UnknownLang
from ecosystem.model import Actor, ActorKind, Assessment, Level, Policy
from ecosystem.store.base import CoverageCell, Link, PairCount

VALENCE, ROMANS, CREST = "commune:26362", "commune:26281", "commune:26108"
F = frozenset


def _modules() -> list[str]:
    return [m.name for m in pkgutil.iter_modules(ecosystem.analysis.__path__, "ecosystem.analysis.")]


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_hold(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_every_threshold_is_documented() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "analyses.md").read_text(encoding="utf-8")
    names = [n for n in vars(th) if n.isupper()]
    assert len(names) > 20
    assert [n for n in names if f"`{n}`" not in doc] == []


# ----------------------------------------------------------------------------- overlap


def test_containment_is_the_shared_part_of_one_footprint() -> None:
    # F(a) = 2 communes x 3 SDGs = 6 cells; 1 commune and 2 SDGs shared -> 2 cells
    assert containment(1, 2, 2, 3) == pytest.approx(2 / 6)
    assert containment(1, 1, 0, 3) == 0.0


def test_footprint_scores_by_hand() -> None:
    # F(a) = {V, R} x {1, 2} (4 cells); F(b) = {V} x {2, 3} (2 cells); shared {V} x {2} = 1 cell
    jac, ca, cb = footprint_scores(F({VALENCE, ROMANS}), F({1, 2}), F({VALENCE}), F({2, 3}))
    assert jac == pytest.approx(1 / 5)  # union = 4 + 2 - 1
    assert ca == pytest.approx(1 / 4)
    assert cb == pytest.approx(1 / 2)


def test_a_local_actor_inside_a_departemental_one_is_fully_contained() -> None:
    drome = F(f"commune:{i}" for i in range(360))
    jac, local_in_big, big_in_local = footprint_scores(F({"commune:1"}), F({1, 2}), drome, F({1, 2, 10}))
    assert local_in_big == 1.0
    assert big_in_local == pytest.approx(2 / (360 * 3))
    assert jac == pytest.approx(2 / (2 + 1080 - 2))


def test_pair_jaccard_uses_the_store_counts() -> None:
    assert pair_jaccard(PairCount("a", "b", 1, 2, 1, 2, 1, 3)) == pytest.approx(2 / 3)
    assert pair_jaccard(PairCount("a", "b", 0, 0, 0, 0, 0, 0)) == 0.0


def test_matrix_is_symmetric_for_jaccard_not_for_containment() -> None:
    ids = ["a", "b", "c"]
    presence = {"a": F({VALENCE}), "b": F({VALENCE, ROMANS}), "c": F({CREST})}
    sdgs = {"a": F({1}), "b": F({1}), "c": F({1})}
    jac, con = matrix_from(ids, presence, sdgs)
    assert jac[0][1] == jac[1][0] == pytest.approx(0.5)
    assert con[0][1] == 1.0 and con[1][0] == 0.5
    assert jac[0][2] == con[2][0] == 0.0
    assert [jac[i][i] for i in range(3)] == [1.0, 1.0, 1.0]


def test_duplicate_groups_are_connected_components() -> None:
    groups = duplicate_components([("c", "d"), ("a", "b"), ("b", "e")])
    assert groups == [("a", "b", "e"), ("c", "d")]
    assert duplicate_components([]) == []


def test_overlap_reason_names_places_sdgs_kind_and_inclusion() -> None:
    text = overlap_reason([VALENCE], [1, 2], "fr", ActorKind.ASSOCIATION, ("Le Panier", "La Table"))
    assert text.startswith("Présents tous deux à Valence ; ODD en commun : 1 (Pas de pauvreté) et 2 (Faim")
    assert "même type d'acteur (association)" in text
    assert text.endswith("l'empreinte du Panier est entièrement incluse dans celle de La Table.")
    english = overlap_reason([VALENCE], [1], "en")
    assert english == "Both present in Valence; shared SDGs: 1 (No poverty)."


# ----------------------------------------------------------------------------- complementarity


def _jardins() -> Subject:
    return Subject("actor", "jardins", "Jardins", (VALENCE,), (2, 11, 15), (ActorKind.ASSOCIATION,),
                   ("moyen-competences",), ("moyen-donnees",))


def test_contribution_reciprocity_by_hand() -> None:
    # the demo's labo <-> jardins: other SDGs 12, 13; research; offers data; needs skills; local
    c = contribution(_jardins(), ActorKind.RECHERCHE, (2, 12, 13), ("moyen-recherche", "moyen-donnees"),
                     ("moyen-competences",), proximity=1.0)
    assert c.new_sdgs == (12, 13) and c.common_sdgs == (2,)
    assert c.offers_needed == ("moyen-donnees",) and c.needs_offered == ("moyen-competences",)
    # 0.25 * 2/3 + 0.20 + 0.20 * 1 + 0.10 * 1 + 0.05 + 0.10 + 0.10 * 1
    assert c.score == pytest.approx(0.25 * 2 / 3 + 0.20 + 0.20 + 0.10 + 0.05 + 0.10 + 0.10)
    assert c.brings_something


def test_contribution_of_a_twin_is_nothing() -> None:
    c = contribution(_jardins(), ActorKind.ASSOCIATION, (2, 11), (), ())
    assert not c.brings_something
    assert c.score == pytest.approx(0.10)  # only the common ground


def test_weights_sum_to_one_so_scores_stay_in_0_1() -> None:
    assert sum(th.COMPLEMENT_WEIGHTS.values()) == pytest.approx(1.0)
    assert sum(th.P2_WEIGHTS.values()) == pytest.approx(1.0)
    assert sum(th.P4_WEIGHTS.values()) == pytest.approx(1.0)
    assert sum(th.P6_WEIGHTS.values()) == pytest.approx(1.0)


def test_rank_drops_the_subject_and_twins_and_orders_by_score() -> None:
    subject = _jardins()
    twin = Actor("twin", "Twin", ActorKind.ASSOCIATION, (VALENCE,), (2, 11))
    near = Actor("near", "Near", ActorKind.ENTREPRISE, (VALENCE,), (2, 8), offers=("moyen-donnees",))
    far = Actor("far", "Far", ActorKind.ENTREPRISE, ("departement:26",), (2, 8), offers=("moyen-donnees",))
    me = Actor("jardins", "Jardins", ActorKind.ASSOCIATION, (VALENCE,), (2, 11, 15))
    ranked = rank(subject, [(twin, 1), (far, 1), (near, 1), (me, 1)])
    assert [a.id for a, _, _ in ranked] == ["near", "far"]  # same gifts; near is local (proximity 1)
    near_score, far_score = ranked[0][2].score, ranked[1][2].score
    assert near_score - far_score == pytest.approx(0.10 * (1 - 1 / 362), abs=1e-3)


def test_complement_reason_for_an_alliance_says_the_profile_is_missing() -> None:
    alliance = Subject("alliance", "al", "Al", (VALENCE,), (2,), (ActorKind.ASSOCIATION,), (),
                       ("moyen-outils",), ("m1",))
    c = contribution(alliance, ActorKind.ENTREPRISE, (2,), ("moyen-outils",), ())
    text = complement_reason(alliance, ActorKind.ENTREPRISE, [VALENCE], c, "fr")
    assert text == ("Présent à Valence ; profil « entreprise », absent de l'alliance ; travaille comme vous "
                    "sur l'ODD 2 ; offre le moyen « Outils », dont vous avez besoin.")
    assert alliance.exclude == ("al", "m1")


# ----------------------------------------------------------------------------- coverage


def test_matrix_rows_fill_zeros_and_sort_by_name() -> None:
    rows = matrix_rows([VALENCE, CREST, ROMANS], [CoverageCell(VALENCE, 5, 1, 0, 2)])
    assert [r.name for r in rows] == ["Crest", "Romans-sur-Isère", "Valence"]
    assert rows[2].cell(5) == Cell(1, 0, 2)
    assert rows[0].empty and not rows[2].empty
    assert len(rows[0].cells) == 17


def test_a_gap_is_a_policy_without_actor_nor_alliance() -> None:
    assert Cell(0, 0, 1).gap
    assert not Cell(1, 0, 1).gap and not Cell(0, 1, 1).gap and not Cell(0, 0, 0).gap


def test_find_gaps_lists_the_policies_concerned() -> None:
    cells = (Cell(),) * 4 + (Cell(0, 0, 2),) + (Cell(),) * 2 + (Cell(0, 0, 1),) + (Cell(),) * 9
    row = CoverageRow(VALENCE, "Valence", cells)
    policies = [Policy("cdv", "Contrat de ville", "Contrat de ville", ("v",), (VALENCE,), (5, 8)),
                Policy("pcaet", "PCAET", "PCAET", ("v",), ("epci:200068781",), (5,)),
                Policy("crest", "Crest plan", "PAT", ("c",), (CREST,), (5, 8))]
    gaps = find_gaps([row], policies, Level.COMMUNE)
    assert [(g.sdg, g.policies) for g in gaps] == [(5, ("cdv", "pcaet")), (8, ("cdv",))]
    assert gaps[0].sentence == ("À Valence, le Contrat de ville et le PCAET visent l'ODD 5 (Égalité entre "
                                "les sexes) mais aucun acteur ni alliance n'y travaille.")
    grouped = group_gaps(gaps)
    assert [g.territories for g in grouped] == [(VALENCE,), (VALENCE,)]


def test_default_level_is_the_next_one_down() -> None:
    assert default_level("region:84") == Level.DEPARTEMENT
    assert default_level("departement:26") == Level.EPCI
    assert default_level("epci:200068781") == Level.COMMUNE
    assert default_level(VALENCE) == Level.COMMUNE


# ----------------------------------------------------------------------------- diagnosis pieces


def test_status_thresholds() -> None:
    assert [status_of(x) for x in (0.75, 0.7499, 0.4, 0.3999, None)] == [
        Status.MET, Status.PARTLY, Status.PARTLY, Status.NOT_MET, Status.NOT_ASSESSABLE]
    assert [lever_status_of(x) for x in (3, 2, 1, 0, None)] == [
        Status.MET, Status.MET, Status.PARTLY, Status.NOT_MET, Status.NOT_ASSESSABLE]


def test_weighted_leaves_out_what_cannot_be_assessed() -> None:
    assert weighted({"a": 0.5, "b": 1.0}, {"a": 0.25, "b": 0.75}) == pytest.approx(0.875)
    assert weighted({"a": 0.5, "b": None}, {"a": 0.25, "b": 0.75}) == pytest.approx(0.5)
    assert weighted({"a": None}, {"a": 1.0}) is None


def test_principle_part_scores() -> None:
    assert [kinds_score(n) for n in (1, 2, 3, 4)] == [0.0, 0.5, 1.0, 1.0]
    assert [silo_score(n) for n in (1, 2, 3)] == [0.0, 0.5, 1.0]
    assert articulation_score(True, True) == 1.0
    assert articulation_score(False, True) == articulation_score(True, False) == th.P7_EITHER
    assert articulation_score(False, False) == 0.0
    assert articulation_score(True, None) == 1.0 and articulation_score(False, None) == 0.0


def test_greedy_cover_picks_the_actor_adding_most_cells_first() -> None:
    places, sdgs = F({"x", "y", "z"}), F({1, 2})  # 6 cells
    actors = [("small", F({"x"}), F({1})), ("wide", F({"x", "y", "z"}), F({1})),
              ("two", F({"y", "z"}), F({2}))]
    chosen, share = greedy_cover(places, sdgs, actors)
    assert chosen == ("wide", "two")  # 3 cells, then 2; "small" adds nothing
    assert share == pytest.approx(5 / 6)
    assert greedy_cover(places, sdgs, actors, max_n=1) == (("wide",), 0.5)
    assert greedy_cover(F(), sdgs, actors) == ((), 0.0)


def test_closeness_is_the_jaccard_of_communes() -> None:
    assert closeness(1, 2, 2) == pytest.approx(1 / 3)  # {a, b} and {b, c}
    assert closeness(0, 0, 0) == 0.0


def test_lever_paths_keep_the_whole_history_in_date_order() -> None:
    paths = lever_paths([
        Assessment("al", "principe-1", date(2023, 2, 14), 3),
        Assessment("al", "principe-1", date(2025, 2, 11), 1, "Tensions"),
        Assessment("al", "principe-1", date(2024, 2, 1), 2),
        Assessment("al", "moyen-donnees", date(2024, 1, 1), 0),
    ])
    p1 = paths["principe-1"]
    assert p1.history == ((date(2023, 2, 14), 3), (date(2024, 2, 1), 2), (date(2025, 2, 11), 1))
    assert (p1.first, p1.latest, p1.trend, p1.status) == (3, 1, -2, Status.PARTLY)
    assert p1.score == pytest.approx(1 / 3)
    assert paths["moyen-donnees"].trend is None and paths["moyen-donnees"].status == Status.NOT_MET
    assert len(paths) == 21
    found = path_finding(p1)
    assert (found.code, found.levers, found.labels) == ("self-path", ("principe-1",), ("Tensions",))
    assert found.history == p1.history
    text = render.sentence([found], "fr")
    assert "1/3 (engagé)" in text and "en recul depuis le 14/02/2023 (3 → 1)" in text
    assert "« Tensions »" in text


# ----------------------------------------------------------------------------- metrics


def test_communities_are_seeded_and_sorted() -> None:
    links = [Link("a", "b", 1, 0), Link("a", "c", 1, 0), Link("b", "c", 1, 0),
             Link("x", "y", 1, 0), Link("x", "z", 1, 0), Link("y", "z", 1, 0), Link("c", "x", 1, 0)]
    graph = build_graph(links)
    assert communities(graph) == (("a", "b", "c"), ("x", "y", "z"))
    assert communities(graph) == communities(build_graph(list(reversed(links))))


def test_open_pairs_count_only_unlinked_neighbours_of_disjoint_groups() -> None:
    graph = build_graph([Link("hub", "a1", 1, 0), Link("hub", "a2", 1, 0), Link("hub", "e1", 1, 0),
                         Link("hub", "c1", 1, 0), Link("a1", "e1", 1, 0)])
    kinds = {"a1": F({"association"}), "a2": F({"association"}), "e1": F({"entreprise"}),
             "c1": F({"collectivite"})}
    # pairs of different kinds: a1-e1 (linked: no), a1-c1, a2-e1, a2-c1, e1-c1 -> 4
    assert open_pairs(graph, "hub", kinds) == (4, ("association", "collectivite", "entreprise"))
    assert open_pairs(graph, "a1", kinds) == (0, ())  # neighbours hub (no group) and e1: nothing to bridge


# ----------------------------------------------------------------------------- wording


def test_french_contractions_and_lists() -> None:
    assert w.de("Le Pain partagé") == "du Pain partagé"
    assert w.de("Entraide") == "d'Entraide"
    assert w.to("Les Chantiers du Lez") == "aux Chantiers du Lez"
    assert w.join(["a", "b", "c"], "fr") == "a, b et c"
    assert w.sdgs_phrase([13, 7], "en") == "SDGs 7 and 13"
    assert w.place_names([VALENCE, ROMANS, CREST, "commune:26058"], "fr", shown=2) == (
        "Valence, Romans-sur-Isère et 2 autres communes")
    assert w.in_places(["epci:200068781"], "fr") == "sur le territoire de la CA Valence Romans Agglo"
    assert w.check_lang(" EN ") == "en"
    with pytest.raises(UnknownLang):
        w.check_lang("de")
