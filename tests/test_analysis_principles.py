"""The charter principles judged on hand-built facts (no store): statuses, scores, named advice.

Verdicts are checked on their findings (codes, names, numbers); a few golden sentences per
language pin what the renderers write from them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from ecosystem.analysis import render
from ecosystem.analysis.assessment import lever_paths
from ecosystem.analysis.codes import Code
from ecosystem.analysis.diagnosis import diagnosis_from, summarise
from ecosystem.analysis.facts import (
    AllianceFacts,
    CandidateFacts,
    MemberFacts,
    NearbyAlliance,
    OutsideActor,
    PolicyFacts,
)
from ecosystem.analysis.principles import (
    duplicate_members,
    principle_2,
    principle_4,
    principle_5,
    principle_6,
    principle_7,
)
from ecosystem.analysis.self_assessed import self_assessed
from ecosystem.analysis.thresholds import P2_GATED_MAX, P4_DOUBLED_MAX, P7_EITHER, Status
from ecosystem.analysis.verdict import Verdict
from ecosystem.finding import Finding
from ecosystem.model import ActorKind, Alliance, AllianceStatus, Assessment, MemberRole

F = frozenset
V, R, C = "commune:26362", "commune:26281", "commune:26108"  # Valence, Romans, Crest


def member(mid: str, kind: ActorKind, sdgs: set[int], places: set[str] = frozenset({V}), offers=(), needs=(),
           active: bool = True) -> MemberFacts:
    return MemberFacts(mid, mid.title(), kind, MemberRole.PARTENAIRE, active, F(sdgs), F(offers), F(needs),
                       F(places))


def candidate(cid: str, kind: ActorKind, sdgs: set[int], new: tuple[int, ...] = (), local: bool = True,
              offers=(), common: tuple[int, ...] = (), other_kind: bool = True, score: float = 0.5
              ) -> CandidateFacts:
    return CandidateFacts(cid, cid.title(), kind, score, F(sdgs), new, common, F(offers), other_kind, local)


def facts(**changes) -> AllianceFacts:
    """An alliance anchored in Valence on SDGs 2 and 12, three partners of three kinds."""
    base = AllianceFacts(
        alliance=Alliance("alim", "Alim", territories=(V,), sdgs=(2, 12), policies=("pat",)),
        places=F({V}),
        members=(member("asso", ActorKind.ASSOCIATION, {2, 15}, offers=("moyen-competences",),
                        needs=("moyen-donnees",)),
                 member("ent", ActorKind.ENTREPRISE, {2, 8, 12}, places={V, R, C}, offers=("moyen-donnees",)),
                 member("agglo", ActorKind.COLLECTIVITE, {2, 11}, places={V, R})),
        nearby_alliances=(), outside_similar=(), outside_partners=(), covering_group=(), covering_share=0.0,
        policies=(PolicyFacts("pat", "PAT", "PAT", ("Agglo",), (2, 12), (2, 12), True, True),),
        authorities=(), candidates=(), paths=lever_paths([]))
    return replace(base, **changes)


def codes(findings: tuple[Finding, ...]) -> list[str]:
    return [f.code for f in findings]


def found(v: Verdict, code: Code) -> Finding:
    """The one finding (or advice) of this code in a verdict."""
    (hit,) = [f for f in (*v.findings, *v.advice) if f.code == code]
    return hit


def names(f: Finding) -> list[str]:
    return [r.name for r in f.refs]


# ----------------------------------------------------------------------------- P2


def test_p2_met_with_targets_partners_and_three_kinds() -> None:
    v = principle_2(facts(), "fr")
    assert (v.status, v.score) == (Status.MET, 1.0)
    assert codes(v.findings) == [Code.P2_TARGETS, Code.P2_PARTNERS_ON_TARGETS, Code.P2_KINDS]
    assert found(v, Code.P2_TARGETS).sdgs == (2, 12)
    on = found(v, Code.P2_PARTNERS_ON_TARGETS)
    assert (names(on), on.count, on.total) == (["Asso", "Ent", "Agglo"], 3, 3)  # facts' order
    assert found(v, Code.P2_KINDS).kinds == ("association", "entreprise", "collectivite")
    assert codes(v.advice) == [Code.NOTHING_TO_FIX]
    assert v.evidence[0] == ("L'alliance vise l'ODD 2 (Faim « zéro ») et l'ODD 12 (Consommation et "
                             "production responsables).")
    assert v.evidence[2] == ("3 types d'acteurs réunis (association, entreprise et collectivité) : l'ODD 17 "
                             "en pratique.")
    assert v.suggestion == ("Rien à corriger : gardez les ODD comme langage commun dans vos échanges et vos "
                            "bilans.")


def test_p2_single_kind_is_at_best_partly_and_names_another_profile() -> None:
    f = facts(members=(member("a1", ActorKind.ASSOCIATION, {2}), member("a2", ActorKind.ASSOCIATION, {12})),
              candidates=(candidate("far", ActorKind.ENTREPRISE, {8}, new=(8,), local=False),
                          candidate("labo", ActorKind.RECHERCHE, {2, 13}, new=(13,), common=(2,))))
    v = principle_2(f, "fr")
    assert v.score == pytest.approx(0.3 + 0.3 + 0.0)  # targets, partners, one kind
    assert v.status == Status.PARTLY
    assert found(v, Code.P2_ONE_KIND).kinds == ("association",)
    opening = found(v, Code.P2_OPEN_PROFILE)
    assert [(r.id, r.kind) for r in opening.refs] == [("labo", "recherche")]  # common ground first, not Far
    assert "par exemple Labo (recherche)" in v.suggestion


def test_p2_partner_off_the_targets_is_asked_how_it_contributes() -> None:
    f = facts(members=(*facts().members[:2], member("agglo", ActorKind.COLLECTIVITE, {11})))
    v = principle_2(f, "fr")
    assert v.score == pytest.approx(0.3 + 0.3 * 2 / 3 + 0.4)
    assert names(found(v, Code.P2_PARTNERS_OFF_TARGETS)) == ["Agglo"]
    ask = found(v, Code.P2_ASK_OFF_TARGETS)
    assert (names(ask), ask.sdgs) == (["Agglo"], (2, 12))
    assert v.evidence[2] == "Agglo n'en déclare aucun."
    assert v.suggestion.startswith("Demandez à Agglo comment son action rejoint les ODD 2 et 12")


def test_p2_without_targets_suggests_the_partners_sdgs() -> None:
    f = facts(alliance=Alliance("alim", "Alim", territories=(V,)))
    v = principle_2(f, "fr")
    assert v.score == pytest.approx(0.4)  # only the kinds
    assert codes(v.findings) == [Code.P2_NO_TARGETS, Code.P2_KINDS]
    assert found(v, Code.P2_CHOOSE_TARGETS).sdgs == (2, 8, 11, 12)  # 2 first: 3 members
    assert "vos partenaires travaillent déjà sur les ODD 2, 8, 11 et 12" in v.suggestion


def test_p2_without_members_is_not_assessable() -> None:
    v = principle_2(facts(members=()), "fr")
    assert v.status == Status.NOT_ASSESSABLE and v.score is None
    assert (codes(v.findings), codes(v.advice)) == ([Code.NO_MEMBERS], [Code.ADD_MEMBERS])
    assert "membres" in v.suggestion


# ----------------------------------------------------------------------------- P4


def test_p4_met_when_nothing_duplicates() -> None:
    v = principle_4(facts(), "fr")
    assert v.score == 1.0 and v.status == Status.MET
    means = found(v, Code.P4_MEANS_BROUGHT)
    assert [(p.levers, names(p)) for p in means.parts] == [(("moyen-donnees",), ["Ent"]),
                                                            (("moyen-competences",), ["Asso"])]
    assert found(v, Code.P4_DISTINCT).count == 3
    assert "Moyens apportés par les partenaires : Données (Ent) et Compétences (Asso)." in v.evidence


def test_p4_substitution_by_another_alliance_is_named() -> None:
    twin = NearbyAlliance("reemploi", "Réemploi Romans", AllianceStatus.ACTIVE, 1.0, (2, 12))
    small = NearbyAlliance("small", "Petite", AllianceStatus.ACTIVE, 0.02, (2,))
    v = principle_4(facts(nearby_alliances=(twin, small)), "fr")
    # distinct 1 (0.4) + alliances 1 - 1.0 (0) + actors 1 (0.2)
    assert v.score == pytest.approx(0.6)
    assert v.status == Status.PARTLY
    nearby = found(v, Code.P4_ALLIANCE_NEARBY)  # only one: Petite is under 5 %, noise
    assert (nearby.refs[0].id, nearby.share, nearby.sdgs, nearby.risk) == ("reemploi", 1.0, (2, 12), True)
    assert names(found(v, Code.P4_EXTEND_ALLIANCES)) == ["Réemploi Romans"]
    assert not any("Petite" in e for e in v.evidence)
    assert "Prenez contact avec « Réemploi Romans » pour prolonger son action" in v.suggestion


def test_p4_an_ended_alliance_is_experience_not_substitution() -> None:
    ended = NearbyAlliance("old", "Ancienne", AllianceStatus.TERMINEE, 1.0, (2, 12))
    v = principle_4(facts(nearby_alliances=(ended,)), "fr")
    assert v.score == 1.0
    assert names(found(v, Code.P4_ALLIANCE_ENDED)) == ["Ancienne"]
    assert names(found(v, Code.P4_LEARN_FROM)) == ["Ancienne"]
    assert "Capitalisez sur l'expérience de « Ancienne »" in v.suggestion


def test_p4_similar_local_actors_covering_the_footprint_are_a_duplication_risk() -> None:
    v = principle_4(facts(covering_group=("Potagers",), covering_share=1.0), "fr")
    assert v.score == pytest.approx(0.8)
    similar = found(v, Code.P4_SIMILAR_OUTSIDE)
    assert (names(similar), similar.share, similar.risk) == (["Potagers"], 1.0, True)
    assert names(found(v, Code.P4_MEET_SIMILAR)) == ["Potagers"]
    assert ("Hors de l'alliance, Potagers, acteur local de même profil que vos membres, occupe déjà 100 % "
            "de votre empreinte : risque de doublon.") in v.evidence
    assert v.suggestion.startswith("Rencontrez Potagers, qui agit déjà sur vos ODD sur votre territoire : "
                                   "proposez-lui de vous rejoindre")
    english = principle_4(facts(covering_group=("Potagers",), covering_share=1.0), "en")
    assert ("Outside the alliance, Potagers, a local actor of the same profile as your members, already "
            "occupies 100% of your footprint: risk of duplication.") in english.evidence


def test_p4_duplicate_members_are_flagged() -> None:
    twins = (member("a1", ActorKind.ASSOCIATION, {1, 2}), member("a2", ActorKind.ASSOCIATION, {1, 2, 3}),
             member("ent", ActorKind.ENTREPRISE, {1, 2}))
    pairs = duplicate_members(twins)
    assert [(a.id, b.id, round(j, 3)) for a, b, j, *_ in pairs] == [("a1", "a2", 0.667)]
    v = principle_4(facts(members=twins), "fr")
    assert v.score == pytest.approx(min(0.4 * (1 - 2 / 3) + 0.4 + 0.2, P4_DOUBLED_MAX))  # capped
    assert v.status == Status.PARTLY
    twin = found(v, Code.P4_DUPLICATES)
    assert (names(twin), twin.kinds, round(twin.share or 0, 3)) == (["A1", "A2"], ("association",), 0.667)
    assert names(found(v, Code.P4_CLARIFY_DUPLICATES)) == ["A1", "A2"]
    assert "Précisez ce qu'apportent A1 et A2" in v.suggestion


def test_p4_without_footprint_nor_members_is_not_assessable() -> None:
    f = facts(alliance=Alliance("x", "X"), places=F(), members=())
    assert principle_4(f, "fr").status == Status.NOT_ASSESSABLE


# ----------------------------------------------------------------------------- P5


def test_p5_two_domains_is_partly_and_leans_on_a_member_for_the_third() -> None:
    v = principle_5(facts(), "fr")  # SDG 2 society, 12 economy; member asso works on 15 (biosphere)
    assert v.score == 0.5 and v.status == Status.PARTLY
    dims = found(v, Code.P5_TARGET_DIMENSIONS)
    assert [(p.kinds, p.sdgs) for p in dims.parts] == [(("society",), (2,)), (("economy",), (12,))]
    inside = found(v, Code.P5_MEMBERS_ON_DIMENSION)
    assert (names(inside), inside.kinds, inside.sdgs) == (["Asso"], ("biosphere",), (15,))
    assert "dimensions sociale (ODD 2) et économique (ODD 12)" in v.evidence[0]
    assert v.suggestion == "Ouvrez l'alliance à la dimension environnementale en vous appuyant sur Asso."


def test_p5_single_domain_names_outside_candidates() -> None:
    f = facts(alliance=Alliance("s", "Silo", territories=(V,), sdgs=(1, 2, 3)),
              members=(member("a1", ActorKind.ASSOCIATION, {1, 2}),),
              candidates=(candidate("eau", ActorKind.ENTREPRISE, {6}, new=(6,)),
                          candidate("eco", ActorKind.ENTREPRISE, {8}, new=(8,))))
    v = principle_5(f, "fr")
    assert v.score == 0.0 and v.status == Status.NOT_MET
    opened = [(f.kinds, [(names(p), p.sdgs) for p in f.parts]) for f in v.advice]
    assert opened == [(("biosphere",), [(["Eau"], (6,))]), (("economy",), [(["Eco"], (8,))])]
    assert "dimension environnementale (ODD 6, 13, 14 et 15), par exemple avec Eau (ODD 6)" in v.suggestion
    assert "dimension économique (ODD 8, 9, 10 et 12), par exemple avec Eco (ODD 8)" in v.suggestion


def test_p5_three_domains_is_met() -> None:
    v = principle_5(facts(alliance=Alliance("a", "A", territories=(V,), sdgs=(2, 12, 13, 17))), "fr")
    assert v.score == 1.0 and v.suggestion.startswith("Rien à corriger")


# ----------------------------------------------------------------------------- P6


def test_p6_all_present_with_a_local_partner_is_met() -> None:
    v = principle_6(facts(), "fr")
    assert v.score == 1.0
    present = found(v, Code.P6_PRESENT)
    assert (present.count, present.total) == (3, 3)
    assert names(found(v, Code.P6_LOCAL)) == ["Asso"]
    assert "Partenaires locaux (qui n'agissent que sur ce territoire) : Asso." in v.evidence


def test_p6_partners_elsewhere_is_not_met_and_local_actors_are_suggested() -> None:
    f = facts(alliance=Alliance("diois", "Diois", territories=("epci:242600534",), sdgs=(8,)),
              places=F({"commune:26113"}),
              candidates=(candidate("wide", ActorKind.COLLECTIVITE, {8}, local=False),
                          candidate("cc-diois", ActorKind.COLLECTIVITE, {8, 11})))
    v = principle_6(f, "fr")
    assert v.score == 0.0 and v.status == Status.NOT_MET
    assert found(v, Code.P6_NONE_PRESENT).total == 3
    assert [(r.id, r.kind) for r in found(v, Code.P6_BRING_LOCAL).refs] == [("cc-diois", "collectivite")]
    assert "Aucun des 3 partenaires n'y est présent." in v.evidence
    assert "associez un acteur local, par exemple Cc-Diois (collectivité)" in v.suggestion


def test_p6_half_present_without_local_is_partly() -> None:
    members = (member("here", ActorKind.ASSOCIATION, {2}, places={V, R}),
               member("away", ActorKind.ENTREPRISE, {2}, places={C}))
    v = principle_6(facts(members=members), "fr")
    assert v.score == pytest.approx(0.6 * 0.5)
    assert v.status == Status.NOT_MET
    assert names(found(v, Code.P6_ABSENT)) == names(found(v, Code.P6_CLARIFY_ROLE)) == ["Away"]
    assert "Précisez le rôle d'Away sur le territoire de l'alliance" in v.suggestion


def test_p6_without_territory_is_not_met() -> None:
    v = principle_6(facts(alliance=Alliance("x", "X", sdgs=(2,)), places=F()), "fr")
    assert v.status == Status.NOT_MET and codes(v.advice) == [Code.P6_DECLARE_TERRITORY]
    assert "territoire d'ancrage" in v.suggestion


# ----------------------------------------------------------------------------- P7


def test_p7_member_authority_and_aligned_policy_is_met() -> None:
    v = principle_7(facts(), "fr")
    assert v.score == 1.0 and v.status == Status.MET


def test_p7_no_authority_no_alignment_names_the_policy_and_its_carrier() -> None:
    crte = PolicyFacts("crte", "CRTE Val de Drôme", "CRTE", ("CC Val de Drôme",), (6, 13, 15), (6, 13), True,
                       False)
    velo = PolicyFacts("velo", "Plan vélo", "Plan vélo", ("Département",), (3, 13), (13,), True, False)
    f = facts(members=facts().members[:2], policies=(velo, crte), alliance=Alliance(
        "riv", "Rivière", territories=(V,), sdgs=(6, 13)))
    v = principle_7(f, "fr")
    assert v.score == 0.0 and v.status == Status.NOT_MET
    closer = [f for f in v.advice if f.code == Code.P7_GET_CLOSER]
    assert [(f.refs[0].id, f.refs[0].kind, names(Finding("", f.others)), f.sdgs) for f in closer] == [
        ("crte", "", ["CC Val de Drôme"], (6, 13)), ("velo", "", ["Département"], (13,))]  # kind in the name
    assert names(found(v, Code.P7_INVITE)) == ["CC Val de Drôme", "Département"]
    assert v.suggestion.startswith("Rapprochez-vous du CRTE Val de Drôme (porté par la CC Val de Drôme), "
                                   "qui vise les ODD 6 et 13 sur votre territoire ; rapprochez-vous du "
                                   "Plan vélo")
    assert "invitez la CC Val de Drôme et le Département à rejoindre l'alliance" in v.suggestion
    assert principle_7(f, "en").suggestion.startswith(
        "Get closer to \"CRTE Val de Drôme\" (carried by CC Val de Drôme), which addresses SDGs 6 and 13 on "
        "your territory; get closer to \"Plan vélo\"")


def test_p7_alignment_alone_is_enough_to_meet() -> None:
    f = facts(members=facts().members[:2])  # no authority; aligned with the PAT
    v = principle_7(f, "fr")
    assert v.score == P7_EITHER and v.status == Status.MET


# ----------------------------------------------------------------------------- self-assessed levers


def test_self_assessed_lever_reads_the_latest_score_and_the_trend() -> None:
    paths = lever_paths([Assessment("alim", "principe-1", date(2024, 1, 1), 3),
                         Assessment("alim", "principe-1", date(2025, 1, 1), 1)])
    v = self_assessed("principe-1", facts(paths=paths), "fr")
    assert v.status == Status.PARTLY and v.score == pytest.approx(1 / 3)
    assert v.trend == -2 and v.history == ((date(2024, 1, 1), 3), (date(2025, 1, 1), 1))
    assert found(v, Code.SELF_PATH).history == v.history
    assert codes(v.advice) == [Code.SELF_DECLINING]
    assert v.suggestion.startswith("« Respect mutuel et confiance » recule")


def test_never_assessed_lever_is_not_assessable() -> None:
    v = self_assessed("principe-3", facts(), "fr")
    assert v.status == Status.NOT_ASSESSABLE and v.score is None
    assert codes(v.advice) == [Code.SELF_ASSESS] and v.evidence == ("Jamais autoévalué.",)
    assert v.suggestion.startswith("Faites ensemble l'autoévaluation de « Traduire en actes »")


def test_a_means_shows_who_offers_and_who_needs_it() -> None:
    v = self_assessed("moyen-donnees", facts(), "fr")
    means = found(v, Code.MEANS_IN_ALLIANCE)
    assert (names(means), [r.name for r in means.others]) == (["Ent"], ["Asso"])
    assert codes(v.advice) == [Code.SELF_ASSESS, Code.MEANS_SHARE]
    assert "Apporté par Ent ; recherché par Asso." in v.evidence
    assert "Ent peut apporter ce moyen à Asso : organisez ce partage" in v.suggestion


def test_a_means_nobody_offers_points_to_outside_candidates() -> None:
    f = facts(members=facts().members[:1], candidates=(candidate("hydro", ActorKind.RECHERCHE, {6},
                                                                 offers=("moyen-donnees",)),))
    v = self_assessed("moyen-donnees", f, "fr")
    assert names(found(v, Code.MEANS_LOOK_FOR)) == ["Hydro"]
    assert "cherchez ce moyen auprès d'Hydro, qui le propose près de chez vous" in v.suggestion


def test_graph_principle_shows_a_diverging_self_assessment() -> None:
    paths = lever_paths([Assessment("s", "principe-5", date(2025, 1, 1), 3)])
    f = facts(alliance=Alliance("s", "Silo", territories=(V,), sdgs=(1, 2)), paths=paths)
    v = principle_5(f, "fr")
    assert v.status == Status.NOT_MET
    assert codes(v.findings)[-2:] == [Code.SELF_PATH, Code.SELF_MORE_FAVOURABLE]
    assert any("plus favorable que ce que montrent les données" in e for e in v.evidence)
    assert v.history == ((date(2025, 1, 1), 3),)


# ----------------------------------------------------------------------------- the whole diagnosis


def test_diagnosis_has_the_21_levers_in_charter_order_and_a_summary() -> None:
    d = diagnosis_from(facts(), "fr")
    assert [v.number for v in d.principles] == [1, 2, 3, 4, 5, 6, 7]
    assert len(d.modalities) == 7 and len(d.means) == 7
    assert [v.basis for v in d.principles] == ["self-assessment", "graph", "self-assessment", "graph",
                                               "graph", "graph", "graph"]
    summary = d.summary_finding
    assert summary is not None and summary.refs[0].id == "alim"
    assert (summary.total, summary.counts, summary.levers) == (
        7, (("met", 4), ("partly", 1), ("not_assessable", 2)), ("principe-5",))
    assert d.summary == ("Alim : sur 7 principes, 4 atteints, 1 en partie et 2 non évaluables ; à travailler "
                         "d'abord : Sortir des silos (principe 5).")


def test_english_diagnosis() -> None:
    d = diagnosis_from(facts(), "en")
    assert d.principles[1].evidence[0].startswith("The alliance targets SDG 2 (Zero hunger)")
    assert d.summary.startswith("Alim: of 7 principles, 4 met, 1 partly met and 2 not assessable")


def test_summary_without_weak_principles_has_no_priority() -> None:
    met = diagnosis_from(facts(), "fr").principles[1]
    assert summarise("A", (met,), "fr") == "A : sur 1 principe, 1 atteint."


def test_every_code_has_a_sentence_in_both_languages() -> None:
    assert render.missing("fr") == set() and render.missing("en") == set()


def test_a_finding_reads_the_same_in_the_verdict_and_from_the_renderer() -> None:
    v = principle_6(facts(), "en")
    assert v.evidence == render.sentences(v.findings, "en")
    assert v.suggestion == render.sentence(v.advice, "en")


# ----------------------------------------------------------------------------- inclusion, shared frame


def test_p2_a_frame_one_partner_of_three_shares_is_at_best_partly_met() -> None:
    """Three kinds, but only one partner of three on the alliance's only SDG: variety cannot hide it."""
    trio = (member("asso", ActorKind.ASSOCIATION, {2}), member("ent", ActorKind.ENTREPRISE, {8}),
            member("agglo", ActorKind.COLLECTIVITE, {11}))
    v = principle_2(facts(alliance=Alliance("alim", "Alim", territories=(V,), sdgs=(2,)), members=trio), "fr")
    assert v.status == Status.PARTLY and v.score == pytest.approx(P2_GATED_MAX)
    gate = found(v, Code.P2_FRAME_NOT_SHARED)
    assert (gate.count, gate.total) == (1, 3)
    assert ("1 partenaire sur 3 seulement travaille sur les ODD de l'alliance : le cadre n'est pas encore "
            "commun, et le principe est au mieux atteint en partie.") in v.evidence
    half = principle_2(facts(alliance=Alliance("alim", "Alim", territories=(V,), sdgs=(2,)),
                             members=(trio[0], member("ent", ActorKind.ENTREPRISE, {2}), trio[2])), "fr")
    assert not [f for f in half.findings if f.code == Code.P2_FRAME_NOT_SHARED]


def test_p4_a_partner_inside_another_is_a_duplicate_though_their_jaccard_is_low() -> None:
    """Brignais only inside Brignais + Chaponost (containment 1.0, Jaccard 0.5 on one SDG, 0.33 here)."""
    small = member("petite", ActorKind.ASSOCIATION, {2, 12}, places={V})
    big = member("grande", ActorKind.ASSOCIATION, {2, 12, 15}, places={V, R})
    v = principle_4(facts(members=(small, big)), "fr")
    inc = found(v, Code.P4_INCLUDED)
    assert (names(inc), inc.share) == (["Petite", "Grande"], 1.0)
    assert v.status == Status.PARTLY
    assert ("Petite et Grande, deux associations : 100 % de l'empreinte de Petite est déjà dans celle de "
            "Grande : risque de doublon.") in v.evidence
    assert not [f for f in v.findings if f.code == Code.P4_DISTINCT]


def test_p4_an_alliance_adding_nothing_to_one_partner_substitutes_for_it() -> None:
    small = member("petite", ActorKind.ASSOCIATION, {2}, places={V})
    big = member("grande", ActorKind.ASSOCIATION, {2, 12}, places={V, R}, offers=("moyen-competences",))
    v = principle_4(facts(members=(small, big)), "fr")
    sub = found(v, Code.P4_SUBSTITUTES_MEMBER)
    assert (names(sub), [r.name for r in sub.others]) == (["Grande"], ["Petite"])
    assert "dites ce que l'alliance apporte de plus que l'action de Grande" in v.suggestion
    # another profile is something the alliance adds: no substitution
    other = member("ent", ActorKind.ENTREPRISE, {2}, places={V})
    assert not [f for f in principle_4(facts(members=(other, big)), "fr").findings
                if f.code == Code.P4_SUBSTITUTES_MEMBER]


def test_p6_names_local_actors_when_a_partner_is_absent_even_with_one_local() -> None:
    here = member("ici", ActorKind.ASSOCIATION, {2}, places={V})
    away = (member("loin", ActorKind.ENTREPRISE, {2}, places={C}),
            member("ailleurs", ActorKind.RECHERCHE, {2}, places={R}))
    voisin = candidate("voisin", ActorKind.ENTREPRISE, {2})
    v = principle_6(facts(members=(here, *away), candidates=(voisin,)), "fr")
    bring = found(v, Code.P6_BRING_LOCAL)
    assert names(bring) == ["Voisin"]
    assert "associez aussi un acteur local, par exemple Voisin" in v.suggestion


def test_p4_a_similar_outside_actor_acting_beyond_the_territory_is_not_called_local() -> None:
    """Similar outside actors include same-kind ones duplicating a member from the next commune."""
    twin = OutsideActor("voisine", "Voisine", ActorKind.ASSOCIATION, 1.0, (2, 12), False, True)
    v = principle_4(facts(outside_similar=(twin,), covering_group=("Voisine",), covering_share=1.0), "fr")
    sim = found(v, Code.P4_SIMILAR_OUTSIDE)
    assert [r.name for r in sim.others] == ["Voisine"]
    assert ("Hors de l'alliance, Voisine, acteur de même profil que vos membres, occupe déjà 100 % de votre "
            "empreinte : risque de doublon.") in v.evidence
