"""Small datasets built in code, on real Drôme territories, whose answers can be computed by hand.

Territories used: Valence (commune:26362) and Romans-sur-Isère (commune:26281), both in CA Valence
Romans Agglo (epci:200068781); Crest (commune:26108, epci:200040509); Drôme (departement:26);
Auvergne-Rhône-Alpes (region:84).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ecosystem.model import (
    Actor,
    ActorKind,
    Alliance,
    Assessment,
    Dataset,
    InferredSdg,
    MemberRole,
    Membership,
    Policy,
)

VALENCE = "commune:26362"
ROMANS = "commune:26281"
CREST = "commune:26108"
VRA = "epci:200068781"
DROME = "departement:26"
AURA = "region:84"


def small_dataset(dataset_id: str = "petit-drome") -> Dataset:
    actors = (
        Actor("jardins-valence", "Jardins de Valence", ActorKind.ASSOCIATION, (VALENCE,), (2, 12, 15),
              offers=("moyen-competences",), needs=("moyen-donnees",)),
        Actor("potagers-valentinois", "Potagers Valentinois", ActorKind.ASSOCIATION, (VALENCE,), (2, 12)),
        Actor("biodrome", "BioDrôme Distribution", ActorKind.ENTREPRISE, (DROME,), (2, 8, 12),
              offers=("moyen-donnees",), needs=("moyen-competences",), siren="123456789"),
        Actor("ville-valence", "Ville de Valence", ActorKind.COLLECTIVITE, (VALENCE,), (11, 13)),
        Actor("agglo-vra", "Valence Romans Agglo", ActorKind.COLLECTIVITE, (VRA,), (2, 11, 13)),
        Actor("crest-solidaire", "Crest Solidaire", ActorKind.ASSOCIATION, (CREST,), (1, 10)),
        Actor("labo-aura", "Labo Rhône-Alpes", ActorKind.RECHERCHE, (AURA,), (9, 13),
              offers=("moyen-recherche",)),
        Actor("romans-repair", "Romans Repair Café", ActorKind.COLLECTIF_CITOYEN, (ROMANS,), (12,),
              inferred_sdgs=(InferredSdg(13, "mot-cle:climat", 0.5),)),
        Actor("ancienne-asso", "Ancienne association", ActorKind.ASSOCIATION, (VALENCE,), (2, 12),
              active=False),
    )
    policies = (
        Policy("pat-vra", "Projet alimentaire territorial VRA", "PAT", ("agglo-vra",), (VRA,), (2, 12)),
        Policy("pcaet-vra", "PCAET Valence Romans", "PCAET", ("agglo-vra",), (VRA,), (7, 13)),
        Policy("cdv-valence", "Contrat de ville de Valence", "Contrat de ville",
               ("ville-valence", "agglo-vra"), (VALENCE,), (1, 10, 11)),
    )
    alliances = (
        Alliance("alim-valence", "Alliance alimentaire valentinoise", "Nourrir sainement les Valentinois",
                 date(2024, 3, 1), territories=(VALENCE,), sdgs=(2, 12), policies=("pat-vra",)),
        Alliance("climat-drome", "Climat Drôme", "Adapter la Drôme", date(2025, 1, 15),
                 territories=(DROME,), sdgs=(13,)),
    )
    memberships = (
        Membership("alim-valence", "jardins-valence", MemberRole.PILOTE),
        Membership("alim-valence", "biodrome", MemberRole.PARTENAIRE),
        Membership("alim-valence", "agglo-vra", MemberRole.FINANCEUR),
        Membership("climat-drome", "labo-aura", MemberRole.PILOTE),
        Membership("climat-drome", "agglo-vra", MemberRole.PARTENAIRE),
    )
    assessments = (
        Assessment("alim-valence", "principe-1", date(2025, 1, 10), 2, "On apprend à se connaître"),
        Assessment("alim-valence", "principe-1", date(2025, 6, 1), 3),
        Assessment("alim-valence", "modalite-dialoguer", date(2025, 6, 1), 1),
    )
    return Dataset(dataset_id, "Petit jeu drômois", source="tests", actors=actors, policies=policies,
                   alliances=alliances, memberships=memberships, assessments=assessments)


def other_dataset(dataset_id: str = "autre-jeu") -> Dataset:
    """A second dataset with its own ids, on Crest, to check that datasets stay apart."""
    return Dataset(dataset_id, "Autre jeu", actors=(
        Actor("crest-velo", "Crest à vélo", ActorKind.ASSOCIATION, (CREST,), (3, 11)),
        Actor("crest-mairie", "Mairie de Crest", ActorKind.COLLECTIVITE, (CREST,), (11,)),
    ), memberships=(), alliances=(Alliance("mobilite-crest", "Mobilité Crest", territories=(CREST,),
                                           sdgs=(11,)),))


def with_actor_renamed(dataset: Dataset, actor_id: str, name: str) -> Dataset:
    actors = tuple(replace(a, name=name) if a.id == actor_id else a for a in dataset.actors)
    return replace(dataset, actors=actors)
