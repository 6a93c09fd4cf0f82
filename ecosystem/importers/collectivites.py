"""Local authorities as actors, from the shipped hierarchy: ready to carry public policies.

Every commune, EPCI, département and région present in a chosen territory (design.md: the
territories of each level holding at least one of its communes) becomes one actor of kind
`collectivite`, acting in its own territory, with a stable id `collectivite-{level}-{code}`
(collectivite-commune-26362) that datasets and policies can refer to, and its SIREN when the
hierarchy knows it (communes and EPCI), which links it to SIRENE.
"""

from __future__ import annotations

from ecosystem.model import Actor, ActorKind, Level, Territory, split_territory_id
from ecosystem.reference.territories import LEVEL_NAMES_FR, Hierarchy

LEVELS = (Level.COMMUNE, Level.EPCI, Level.DEPARTEMENT, Level.REGION)
_VOWELS = "AEIOUYÉÈÊÎÏÔ"  # not H: h aspiré is common in place names (Hazebrouck)


def authority_id(territory_id: str) -> str:
    """collectivite-commune-26362 for commune:26362.

    >>> authority_id("region:84")
    'collectivite-region-84'
    """
    level, code = split_territory_id(territory_id)
    return f"collectivite-{level.value}-{code}"


def commune_name(name: str) -> str:
    """'Commune de Valence', 'Commune du Havre', 'Commune d'Eurre', 'Commune des Mées'.

    >>> for name in ("Valence", "Le Havre", "Eurre", "Les Mées", "La Roche-sur-Yon"):
    ...     print(commune_name(name))
    Commune de Valence
    Commune du Havre
    Commune d'Eurre
    Commune des Mées
    Commune de La Roche-sur-Yon
    """
    if name.startswith("Le "):
        return "Commune du " + name[3:]
    if name.startswith("Les "):
        return "Commune des " + name[4:]
    if name[:1].upper() in _VOWELS:
        return "Commune d'" + name
    return "Commune de " + name


def authority_name(territory: Territory) -> str:
    """The name of the authority of a territory; an EPCI's official name already says what it is."""
    if territory.level == Level.COMMUNE:
        return commune_name(territory.name)
    if territory.level == Level.EPCI:
        return territory.name
    if territory.level == Level.DEPARTEMENT:
        return f"Département {territory.name} ({territory.code})"
    return f"Région {territory.name}"


def authority_actor(territory: Territory, hierarchy: Hierarchy, sirens: dict[str, str]) -> Actor:
    """The actor of the authority governing `territory`."""
    level_fr = LEVEL_NAMES_FR[territory.level]
    population = f"{territory.population:,}".replace(",", "\u202f")
    description = f"{level_fr.capitalize()} {territory.name} ({territory.code}), {population} habitants."
    if territory.level == Level.COMMUNE:
        epci = hierarchy.ancestor(territory.id, Level.EPCI)
        if epci is not None:
            description += f" Membre de {hierarchy[epci].name}."
    return Actor(
        id=authority_id(territory.id), name=authority_name(territory), kind=ActorKind.COLLECTIVITE,
        territories=(territory.id,), siren=sirens.get(territory.id, ""), description=description,
        source="collectivites",
    )


def authority_actors(territory_id: str, hierarchy: Hierarchy) -> list[Actor]:
    """The authorities present in `territory_id`: its communes, EPCI, départements and régions."""
    sirens = {cid: siren for siren, cid in hierarchy.sirens.items()}
    sirens.update({t.id: t.code for t in hierarchy.by_level[Level.EPCI]})
    found: set[str] = set()
    for level in LEVELS:
        found |= hierarchy.project(territory_id, level)
    return sorted((authority_actor(hierarchy[t], hierarchy, sirens) for t in found), key=lambda a: a.id)
