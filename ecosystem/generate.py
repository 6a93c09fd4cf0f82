"""Realistic synthetic territory datasets on the real French hierarchy, deterministic for a seed.

Used by the benchmarks (1k to 1M actors) and by tests that need volume. What makes it realistic
enough to measure honestly:
- actors are placed on communes with probability proportional to population (Paris and Lyon are
  dense, a village of 80 people rarely hosts anyone);
- kinds in proportions close to the French landscape: associations are the large majority, then
  companies; local authorities are the real communes and EPCI where actors live;
- most actors act in their commune, some at EPCI, département, région or national scale;
- SDG profiles, means offered and means needed depend on the kind;
- alliances gather 3 to 8 actors of one département; policies are carried by local authorities.
Names are fictional and say so ("(fictif)").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ecosystem.model import (
    Actor,
    ActorKind,
    Alliance,
    AllianceStatus,
    Assessment,
    Dataset,
    Level,
    MemberRole,
    Membership,
    Policy,
)
from ecosystem.reference import reference
from ecosystem.reference.territories import Hierarchy

# Share of each kind among generated actors that are not local authorities. Sources for the orders
# of magnitude: ~1.5 M active associations and ~ 4.5 M companies in France, but companies engaged
# in territorial alliances are a minority of them; the demo of a territorial catalyst is mostly
# associative. Collectivités are added from the real communes and EPCI on top of these.
KIND_SHARES: dict[ActorKind, float] = {
    ActorKind.ASSOCIATION: 0.68,
    ActorKind.ENTREPRISE: 0.18,
    ActorKind.SERVICE_PUBLIC: 0.04,
    ActorKind.FONDATION: 0.015,
    ActorKind.RECHERCHE: 0.015,
    ActorKind.COLLECTIF_CITOYEN: 0.05,
    ActorKind.AUTRE: 0.02,
}
COLLECTIVITE_SHARE = 0.03

# Scale of action per kind: probabilities of commune, EPCI, département, région, pays.
SCALE: dict[ActorKind, tuple[float, float, float, float, float]] = {
    ActorKind.ASSOCIATION: (0.82, 0.10, 0.06, 0.015, 0.005),
    ActorKind.ENTREPRISE: (0.75, 0.08, 0.12, 0.04, 0.01),
    ActorKind.SERVICE_PUBLIC: (0.45, 0.25, 0.25, 0.05, 0.0),
    ActorKind.FONDATION: (0.2, 0.1, 0.3, 0.2, 0.2),
    ActorKind.RECHERCHE: (0.3, 0.2, 0.2, 0.25, 0.05),
    ActorKind.COLLECTIF_CITOYEN: (0.9, 0.08, 0.02, 0.0, 0.0),
    ActorKind.AUTRE: (0.4, 0.2, 0.3, 0.1, 0.0),
}
SCALE_LEVELS = (Level.COMMUNE, Level.EPCI, Level.DEPARTEMENT, Level.REGION, Level.PAYS)

# SDG weights per kind (index 0 = SDG 1).
SDG_PROFILE: dict[ActorKind, tuple[int, ...]] = {
    ActorKind.ASSOCIATION: (6, 5, 8, 8, 4, 1, 1, 3, 1, 7, 6, 3, 4, 1, 3, 4, 2),
    ActorKind.ENTREPRISE: (1, 2, 2, 2, 2, 2, 5, 9, 8, 2, 3, 7, 5, 1, 2, 1, 2),
    ActorKind.COLLECTIVITE: (4, 3, 3, 4, 3, 4, 6, 4, 3, 4, 9, 5, 8, 1, 5, 4, 4),
    ActorKind.SERVICE_PUBLIC: (6, 2, 6, 6, 3, 1, 1, 7, 1, 6, 3, 1, 1, 0, 1, 6, 2),
    ActorKind.FONDATION: (6, 3, 5, 6, 4, 2, 2, 3, 2, 6, 3, 2, 4, 2, 3, 2, 6),
    ActorKind.RECHERCHE: (1, 2, 4, 5, 2, 3, 4, 3, 8, 2, 3, 4, 6, 3, 4, 1, 3),
    ActorKind.COLLECTIF_CITOYEN: (3, 4, 2, 2, 2, 1, 4, 1, 1, 3, 7, 7, 7, 1, 5, 3, 1),
    ActorKind.AUTRE: (2, 2, 2, 3, 2, 2, 3, 6, 5, 2, 5, 4, 3, 1, 2, 2, 3),
}

MEANS = ("moyen-donnees", "moyen-outils", "moyen-competences", "moyen-recherche", "moyen-valorisation",
         "moyen-gouvernance", "moyen-cadre-legislatif")
# (offers weights, needs weights) over MEANS per kind.
MEANS_PROFILE: dict[ActorKind, tuple[tuple[int, ...], tuple[int, ...]]] = {
    ActorKind.ASSOCIATION: ((1, 2, 6, 0, 1, 2, 0), (5, 4, 2, 1, 5, 3, 1)),
    ActorKind.ENTREPRISE: ((2, 5, 6, 1, 4, 1, 0), (5, 1, 2, 2, 2, 1, 1)),
    ActorKind.COLLECTIVITE: ((6, 2, 2, 0, 2, 5, 3), (3, 2, 3, 2, 2, 2, 1)),
    ActorKind.SERVICE_PUBLIC: ((5, 2, 3, 0, 1, 2, 2), (2, 3, 2, 1, 2, 2, 1)),
    ActorKind.FONDATION: ((1, 3, 2, 1, 6, 3, 1), (4, 1, 1, 2, 2, 1, 1)),
    ActorKind.RECHERCHE: ((5, 3, 4, 8, 1, 1, 1), (5, 1, 1, 0, 3, 1, 1)),
    ActorKind.COLLECTIF_CITOYEN: ((0, 1, 4, 0, 1, 1, 0), (3, 4, 3, 1, 3, 3, 1)),
    ActorKind.AUTRE: ((3, 4, 4, 1, 2, 2, 1), (3, 2, 2, 1, 2, 1, 1)),
}

THEMES = ("Solidarité", "Jardins partagés", "Repair café", "Insertion", "Sport pour tous", "Culture",
          "Mobilité douce", "Énergie citoyenne", "Aide alimentaire", "Éducation populaire", "Santé",
          "Numérique inclusif", "Environnement", "Habitat", "Emploi", "Jeunesse", "Seniors", "Égalité")
COMPANY_WORDS = ("Atelier", "Conseil", "Services", "Bois", "Énergie", "Distribution", "Numérique",
                 "Construction", "Bio", "Recyclage", "Transport", "Alimentation")
POLICY_KINDS = (("PCAET", (7, 11, 13)), ("PAT", (2, 3, 12)), ("Contrat de ville", (1, 4, 8, 10, 11)),
                ("CRTE", (7, 9, 11, 13, 15)), ("Plan vélo", (3, 11, 13)), ("PLH", (1, 11)),
                ("Schéma des solidarités", (1, 3, 5, 10)))


@dataclass(frozen=True)
class GeneratorSpec:
    actors: int
    seed: int = 1
    scope: str = "pays:FR"  # a territory id: actors are placed on the communes inside it
    alliances_per_1000: float = 10.0


def _weights(values: tuple[int, ...] | np.ndarray) -> np.ndarray:
    w = np.asarray(values, dtype=float)
    return w / w.sum()


def _pick_territory(h: Hierarchy, commune_id: str, level: Level) -> str:
    if level == Level.COMMUNE:
        return commune_id
    if level == Level.PAYS:
        return "pays:FR"
    return h.ancestor(commune_id, level) or commune_id


def generate(spec: GeneratorSpec, hierarchy: Hierarchy | None = None) -> Dataset:
    """A synthetic dataset of about `spec.actors` actors (local authorities included).

    >>> d = generate(GeneratorSpec(actors=200, seed=3, scope="departement:26"))
    >>> len(d.actors), d == generate(GeneratorSpec(actors=200, seed=3, scope="departement:26"))
    (200, True)
    """
    h = hierarchy or reference().hierarchy
    rng = np.random.default_rng(spec.seed)
    positions = h.communes(spec.scope)
    communes = [h.commune_ids[p] for p in positions.tolist()]
    population = np.asarray([max(h[c].population, 1) for c in communes], dtype=float)
    n_local_authorities = max(1, int(spec.actors * COLLECTIVITE_SHARE))
    n_others = spec.actors - n_local_authorities
    homes = rng.choice(len(communes), size=spec.actors, p=population / population.sum())

    actors: list[Actor] = []
    kinds = list(KIND_SHARES)
    kind_draw = rng.choice(len(kinds), size=n_others, p=_weights(tuple(KIND_SHARES.values())))
    scale_draw = np.empty(n_others, dtype=np.int64)
    for k, kind in enumerate(kinds):
        rows = np.flatnonzero(kind_draw == k)
        scale_draw[rows] = rng.choice(5, size=len(rows), p=_weights(SCALE[kind]))
    profiles = _Profiles(rng, [kinds[k] for k in kind_draw])
    for i in range(n_others):
        kind = kinds[kind_draw[i]]
        commune = communes[homes[i]]
        territory = _pick_territory(h, commune, SCALE_LEVELS[scale_draw[i]])
        actors.append(profiles.actor(i, h, f"gen-{i:07d}", kind, commune, territory))

    # Local authorities: the real communes (and their EPCI) where the generated actors live.
    seen: set[str] = set()
    candidates = [communes[homes[i]] for i in range(n_others, spec.actors)] + [communes[c] for c in homes]
    for commune in candidates:
        if len(seen) >= n_local_authorities:
            break
        epci = h.ancestor(commune, Level.EPCI)
        for territory in (commune, epci):
            if territory and territory not in seen and len(seen) < n_local_authorities:
                seen.add(territory)
                t = h[territory]
                prefix = "Commune de" if t.level == Level.COMMUNE else ""
                name = f"{prefix} {t.name}".strip()
                la_profiles = _Profiles(rng, [ActorKind.COLLECTIVITE])
                actors.append(la_profiles.actor(0, h, f"gen-{t.level.value}-{t.code}", ActorKind.COLLECTIVITE,
                                                commune, territory, name=name))
    actors.sort(key=lambda a: a.id)
    policies = _policies(rng, [a for a in actors if a.kind == ActorKind.COLLECTIVITE])
    alliances, memberships, assessments = _alliances(rng, h, actors, policies, spec)
    scope_name = h.label(spec.scope)
    return Dataset(
        id=f"synthetique-{spec.actors}-{spec.seed}",
        name=f"Jeu synthétique de {spec.actors} acteurs (fictif)",
        source="ecosystem.generate",
        description=f"Données fictives générées (graine {spec.seed}) sur {scope_name}.",
        actors=tuple(actors), policies=tuple(policies), alliances=tuple(alliances),
        memberships=tuple(memberships), assessments=tuple(assessments),
    )


def _top_k(rng: np.random.Generator, weights: np.ndarray, ks: np.ndarray) -> list[list[int]]:
    """For each row, `ks[row]` distinct indices drawn without replacement with these weights.

    Gumbel-top-k: vectorised over all rows, so a million actors take seconds, not minutes.
    """
    with np.errstate(divide="ignore"):
        keys = np.log(weights)[None, :] + rng.gumbel(size=(len(ks), len(weights)))
    order = np.argsort(-keys, axis=1)
    return [sorted(order[row, :k].tolist()) for row, k in enumerate(ks.tolist())]


class _Profiles:
    """SDGs and means of a batch of actors, drawn at once per kind."""

    def __init__(self, rng: np.random.Generator, kinds: list[ActorKind]) -> None:
        self.rng = rng
        n = len(kinds)
        self.sdgs: list[list[int]] = [[] for _ in range(n)]
        self.offers: list[list[int]] = [[] for _ in range(n)]
        self.needs: list[list[int]] = [[] for _ in range(n)]
        kind_array = np.asarray([k.value for k in kinds])
        for kind in sorted(set(kinds), key=lambda k: k.value):
            rows = np.flatnonzero(kind_array == kind.value)
            offers_w, needs_w = MEANS_PROFILE[kind]
            drawn = (
                (self.sdgs, _weights(SDG_PROFILE[kind]), rng.integers(1, 5, size=len(rows))),
                (self.offers, _weights(offers_w), rng.integers(0, 3, size=len(rows))),
                (self.needs, _weights(needs_w), rng.integers(0, 3, size=len(rows))),
            )
            for target, weights, ks in drawn:
                for row, picked in zip(rows.tolist(), _top_k(rng, weights, ks), strict=True):
                    target[row] = picked
        self.theme = rng.integers(len(THEMES), size=n)
        self.word = rng.integers(len(COMPANY_WORDS), size=n)

    def actor(self, row: int, h: Hierarchy, actor_id: str, kind: ActorKind, commune: str, territory: str,
              name: str = "") -> Actor:
        if not name:
            place = h[commune].name
            if kind == ActorKind.ENTREPRISE:
                name = f"{COMPANY_WORDS[self.word[row]]} {place} {actor_id[-4:]} (fictif)"
            else:
                name = f"{THEMES[self.theme[row]]} {place} {actor_id[-4:]} (fictif)"
        return Actor(id=actor_id, name=name, kind=kind, territories=(territory,),
                     sdgs=tuple(s + 1 for s in self.sdgs[row]),
                     offers=tuple(MEANS[i] for i in self.offers[row]),
                     needs=tuple(MEANS[i] for i in self.needs[row]),
                     description="Acteur fictif généré pour les mesures de performance.")


def _policies(rng: np.random.Generator, authorities: list[Actor]) -> list[Policy]:
    policies = []
    for authority in authorities:
        for _ in range(int(rng.integers(0, 3))):
            kind, sdgs = POLICY_KINDS[int(rng.integers(len(POLICY_KINDS)))]
            pid = f"pol-{authority.id}-{len(policies)}"
            policies.append(Policy(pid, f"{kind} — {authority.name}", kind, (authority.id,),
                                   authority.territories, sdgs))
    return policies


def _alliances(rng: np.random.Generator, h: Hierarchy, actors: list[Actor], policies: list[Policy],
               spec: GeneratorSpec) -> tuple[list[Alliance], list[Membership], list[Assessment]]:
    by_dept: dict[str, list[Actor]] = {}
    for actor in actors:
        territory = actor.territories[0]
        communes = h.communes(territory)
        if len(communes):
            dept = h.ancestor(h.commune_ids[int(communes[0])], Level.DEPARTEMENT)
            by_dept.setdefault(dept or "", []).append(actor)
    policies_by_carrier: dict[str, list[Policy]] = {}
    for policy in policies:
        policies_by_carrier.setdefault(policy.carriers[0], []).append(policy)
    depts = sorted(d for d, members in by_dept.items() if len(members) >= 3)
    n_alliances = max(1, int(spec.actors * spec.alliances_per_1000 / 1000)) if depts else 0
    alliances, memberships, assessments = [], [], []
    levers = [lv.id for lv in reference().levers]
    for i in range(n_alliances):
        dept = depts[int(rng.integers(len(depts)))]
        pool = by_dept[dept]
        size = min(len(pool), int(rng.integers(3, 9)))
        members = [pool[j] for j in rng.choice(len(pool), size=size, replace=False)]
        sdg_counts = np.bincount([s for m in members for s in m.sdgs], minlength=18)
        targets = tuple(sorted(int(s) for s in np.argsort(-sdg_counts)[:3] if sdg_counts[s] > 0))
        anchor = members[0].territories[0]
        aligned = tuple(p.id for m in members for p in policies_by_carrier.get(m.id, ())[:1])
        aid = f"alliance-{i:05d}"
        started = date(2020, 1, 1) + timedelta(days=int(rng.integers(0, 1800)))
        alliances.append(Alliance(aid, f"Alliance {i} — {h[dept].name} (fictif)", "Alliance fictive générée",
                                  started, AllianceStatus.ACTIVE, (anchor,), targets, aligned))
        for rank, member in enumerate(members):
            role = MemberRole.PILOTE if rank == 0 else MemberRole.PARTENAIRE
            memberships.append(Membership(aid, member.id, role))
        on = started + timedelta(days=180)
        for lever in rng.choice(len(levers), size=int(rng.integers(0, 8)), replace=False):
            assessments.append(Assessment(aid, levers[int(lever)], on, int(rng.integers(0, 4))))
    return alliances, memberships, assessments
