"""French that reads right in the verdicts (issue 12, item 6): each test pins a sentence of the
demo's diagnoses, overlaps, complements or territories that read wrong before, in both languages.

Built from findings (what the analyses return), so each checks the renderer's grammar alone.
"""

from __future__ import annotations

from ecosystem.analysis import render
from ecosystem.analysis.codes import Code
from ecosystem.finding import Finding, Ref

VRA, MONTELIMAR_AGGLO, ARCHE = "epci:200068781", "epci:200040459", "epci:200073096"


def fr(*findings: Finding) -> str:
    return render.sentence(findings, "fr")


def en(*findings: Finding) -> str:
    return render.sentence(findings, "en")


def _refs(*names: str) -> tuple[Ref, ...]:
    return tuple(Ref(n.lower(), n) for n in names)


def test_the_preposition_is_repeated_before_the_others():
    """Was « … à la Fondation Terres de Drôme, aux Jardins du Plateau et 1 autre »."""
    seekers = _refs("Cuisine centrale Rhône-Isère", "Fondation Terres de Drôme", "Les Jardins du Plateau",
                    "Paniers paysans")
    share = Finding(Code.MEANS_SHARE, _refs("Potagers"), seekers, levers=("moyen-donnees",))
    assert fr(share) == ("Potagers peut apporter ce moyen à la Cuisine centrale Rhône-Isère, à la Fondation "
                         "Terres de Drôme, aux Jardins du Plateau et à un autre : organisez ce partage.")
    role = Finding(Code.P6_CLARIFY_ROLE, _refs("Collectif Roue Libre", "Fonds de dotation Valence Avenir",
                                               "Mobil'Emploi", "Transports Solidaires", "Autre Asso"))
    assert fr(role) == ("Précisez le rôle du Collectif Roue Libre, du Fonds de dotation Valence Avenir, de "
                        "Mobil'Emploi et de 2 autres sur le territoire de l'alliance.")


def test_an_included_footprint_names_institutions_with_their_article():
    """Was « l'empreinte de Caisse d'allocations familiales … dans celle de Fondation Confluences »."""
    inside = Finding(Code.INSIDE, _refs("Drôme Itinérance Douce", "Communauté de communes du Diois"))
    assert fr(inside) == ("L'empreinte de Drôme Itinérance Douce est entièrement incluse dans celle de la "
                          "Communauté de communes du Diois.")
    caf = Finding(Code.INSIDE, _refs("Caisse d'allocations familiales de la Drôme", "Fondation Confluences"))
    assert fr(caf).startswith("L'empreinte de la Caisse d'allocations familiales de la Drôme est entièrement "
                              "incluse dans celle de la Fondation Confluences")


def test_a_duplicate_group_agrees_with_its_size():
    """Was « Cuisine centrale … et Légumerie … » without articles, and « l'une dans l'autre » for 5."""
    two = Finding(Code.DUPLICATE_GROUP, _refs("Cuisine centrale Rhône-Isère", "Légumerie des Monts"),
                  kinds=("entreprise",))
    assert fr(two) == ("La Cuisine centrale Rhône-Isère et la Légumerie des Monts sont 2 entreprises aux "
                       "empreintes très proches ou incluses l'une dans l'autre.")
    three = Finding(Code.DUPLICATE_GROUP, _refs("Entraide du Plateau", "Le Panier Solidaire", "La Table"),
                    kinds=("association",))
    assert fr(three).endswith("sont 3 associations aux empreintes très proches ou incluses les unes dans les "
                              "autres.")
    together = Finding(Code.PRESENT_TOGETHER, places=(VRA,), count=1, sdgs=(2, 12), total=2)
    assert en(together).startswith("Both present in CA Valence Romans Agglo")
    three = Finding(Code.PRESENT_TOGETHER, places=(VRA,), count=1, sdgs=(2,), total=3)
    assert en(three).startswith("All present")


def test_several_epci_each_take_their_article():
    """Was « sur les territoires de CA Valence Romans Agglo, CA Montélimar Agglomération, … »."""
    both = Finding(Code.BOTH_PRESENT, places=(VRA, MONTELIMAR_AGGLO, ARCHE), count=16)
    assert fr(both) == ("Présents tous deux sur les territoires de la CA Valence Romans Agglo, de la CA "
                        "Montélimar Agglomération, de la CA Arche Agglo et de 13 autres EPCI.")
    two = Finding(Code.BOTH_PRESENT, places=(VRA, MONTELIMAR_AGGLO), count=2)
    assert fr(two) == ("Présents tous deux sur les territoires de la CA Valence Romans Agglo et de la CA "
                       "Montélimar Agglomération.")


def test_de_elides_before_a_quoted_lever():
    """Was « l'autoévaluation de « Innover » »."""
    assert fr(Finding(Code.SELF_ASSESS, levers=("modalite-innover",))).startswith(
        "Faites ensemble l'autoévaluation d'« Innover » (note de 0 à 3)")
    assert fr(Finding(Code.SELF_ASSESS, levers=("moyen-donnees",))).startswith(
        "Faites ensemble l'autoévaluation de « Données »")


def test_policies_take_their_article_and_are_not_quoted_twice():
    """Was « Rapprochez-vous de « Contrat de ville « Quartiers 2030 » de … » » and « s'aligne sur
    « Projet alimentaire … » »."""
    closer = Finding(Code.P7_GET_CLOSER, (Ref("cdv", "Contrat de ville « Quartiers 2030 » de Valence"),),
                     _refs("Valence Romans Agglo", "Ville de Valence"), sdgs=(8,))
    assert fr(closer) == ("Rapprochez-vous du Contrat de ville « Quartiers 2030 » de Valence (porté par "
                          "Valence Romans Agglo et la Ville de Valence), qui vise l'ODD 8 sur votre "
                          "territoire.")
    strategy = Finding(Code.P7_GET_CLOSER, (Ref("s", "Stratégie régionale de l'eau"),), _refs("Région"),
                       sdgs=(6,))
    assert fr(strategy).startswith("Rapprochez-vous de la Stratégie régionale de l'eau (portée par")
    named = Finding(Code.P7_GET_CLOSER, (Ref("d", "Drôme 2030"),), _refs("Département de la Drôme"),
                    sdgs=(6,))
    assert fr(named).startswith("Rapprochez-vous de « Drôme 2030 » (porté par le Département de la Drôme)")
    aligned = Finding(Code.P7_ALIGNED, _refs("Projet alimentaire territorial de Valence Romans Agglo"))
    assert fr(aligned) == "L'alliance s'aligne sur le Projet alimentaire territorial de Valence Romans Agglo."


def test_a_gap_starts_with_the_policy_and_its_article():
    """Was « À Valence, Contrat de ville … vise » and « Plan climat… vise » at a sentence's start."""
    plan = _refs("Plan climat-air-énergie territorial de Montélimar Agglomération")
    gap = Finding(Code.GAP_GROUP, plan, places=("commune:26198",), sdgs=(7,))
    assert fr(gap).startswith("Le Plan climat-air-énergie territorial de Montélimar Agglomération vise "
                              "l'ODD 7")


def test_means_are_named_as_means():
    """Was « offre Données dont vous avez besoin ; a besoin de Compétences que vous offrez »."""
    offers = Finding(Code.OFFERS_NEEDED, levers=("moyen-outils", "moyen-donnees"))
    needs = Finding(Code.NEEDS_OFFERED, levers=("moyen-competences",))
    assert fr(offers, needs) == ("Offre les moyens « Données » et « Outils », dont vous avez besoin ; a "
                                 "besoin du moyen « Compétences », que vous offrez.")
    assert en(offers, needs) == ('Offers the means "Data" and "Tools" that you need; needs the means '
                                 '"Skills" that you offer.')


def test_local_and_wider_actors_agree_with_their_counts():
    assert fr(Finding(Code.LOCAL_SPLIT, places=("commune:26362",), count=14, total=30)) == (
        "À Valence, 14 acteurs agissent sur place et 16 autres y sont comptés parce qu'ils agissent sur un "
        "territoire plus large (intercommunalité, département, région ou France).")
    assert fr(Finding(Code.LOCAL_SPLIT, places=(VRA,), count=1, total=2)) == (
        "Sur le territoire de la CA Valence Romans Agglo, 1 acteur agit sur place et 1 autre y est compté "
        "parce qu'il agit sur un territoire plus large (département, région ou France).")
    assert fr(Finding(Code.LOCAL_SPLIT, places=("commune:26362",), count=0, total=1234)) == (
        "À Valence, aucun acteur n'agit sur place et 1\u202f234 y sont comptés parce qu'ils agissent sur un "
        "territoire plus large (intercommunalité, département, région ou France).")
    alone = Finding(Code.LOCAL_SPLIT, places=("commune:26362",), count=1, total=1)
    assert en(alone) == "In Valence, 1 actor acts locally."


def test_no_policy_and_a_straddling_epci_are_said():
    assert fr(Finding(Code.NO_POLICY_NO_GAPS, places=("epci:242600534",))).startswith(
        "Aucune politique publique des données chargées ne couvre la CC du Diois : les manques ne peuvent "
        "donc pas être calculés")
    straddle = Finding(Code.EPCI_STRADDLES, places=("epci:200040491",),
                       counts=(("departement:26", 26), ("departement:07", 1)))
    assert fr(straddle).startswith("La CC Porte de Dromardèche s'étend sur la Drôme (26 communes) et "
                                   "l'Ardèche (1 commune) : ")
