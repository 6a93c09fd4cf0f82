"""Finding the actor, alliance or territory a person means, by id or by name.

People type "biodrome", "BioDrôme Distribution" or "Valence": an exact id wins, then a unique
(normalised) name, then a unique partial match. Anything else raises `NotFound` with the closest
matches, so the message always says what to type instead.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ecosystem.errors import EcosystemError, NotFound
from ecosystem.model import Actor, Alliance
from ecosystem.reference import reference
from ecosystem.store.base import SearchHit, Store
from ecosystem.text import normalize

SUGGESTIONS = 5
_WHAT = {"actor": "actor", "alliance": "alliance", "subject": "actor or alliance"}


_WHAT_FR = {"actor": "acteurs", "alliance": "alliances", "actor or alliance": "acteurs ou alliances",
            "territory": "territoires"}


class Ambiguous(EcosystemError):
    """What was typed names several things; the message lists them so the id or code can be typed."""

    def __init__(self, what: str, key: str, candidates: list[str]) -> None:
        self.what, self.key, self.candidates = what, key, list(candidates)
        listed = ", ".join(self.candidates)
        super().__init__(
            f'"{key}" matches several: {listed}. Type the id (or the code) instead.',
            f"« {key} » désigne plusieurs {_WHAT_FR.get(what, what)} : {listed}. "
            "Tapez plutôt l'identifiant (ou le code).")


def find_actor(store: Store, text: str) -> Actor:
    """The actor with this id or name (NotFound with the closest matches otherwise)."""
    hit = _find(store, text, ("actor",))
    return store.actors([hit.id])[0]


def find_alliance(store: Store, text: str) -> Alliance:
    """The alliance with this id or name (NotFound with the closest matches otherwise)."""
    hit = _find(store, text, ("alliance",))
    return store.alliances([hit.id])[0]


def find_subject(store: Store, text: str) -> Actor | Alliance:
    """An actor or an alliance: what `ecosystem complements` accepts."""
    hit = _find(store, text, ("actor", "alliance"))
    if hit.type == "alliance":
        return store.alliances([hit.id])[0]
    return store.actors([hit.id])[0]


def find_territory(text: str, store: Store | None = None) -> str:
    """A territory id from a code, an id or an unambiguous name (hierarchy.resolve).

    A name shared by several territories ("Valence" is a commune of the Drôme, of the Charente and
    of the Tarn-et-Garonne) is taken as the only one where the store has data, when there is one.
    """
    h = reference().hierarchy
    resolution = h.resolve(text)
    if resolution.ok and resolution.territory_id in h:
        return resolution.territory_id  # type: ignore[return-value]
    if resolution.candidates:
        if store is not None:
            used = [t.id for t in resolution.candidates
                    if store.actors_in([t.id]) or store.alliances_in([t.id]) or store.policies_in([t.id])]
            if len(used) == 1:
                return used[0]
        raise Ambiguous("territory", text, [f"{t.name} ({t.id})" for t in resolution.candidates[:8]])
    else:
        found = {t.id: t for t in h.search(text, limit=SUGGESTIONS)}
        for word in _words(text):
            for t in h.search(word, limit=SUGGESTIONS):
                found.setdefault(t.id, t)
        ranked = sorted(found.values(), key=lambda t: (-_similarity(text, t.name), -t.population, t.id))
        options = [f"{t.name} ({t.id})" for t in ranked[:SUGGESTIONS]]
    raise NotFound("territory", text, options)


def _find(store: Store, text: str, types: tuple[str, ...]) -> SearchHit:
    key = text.strip()
    if "actor" in types and key and store.actors([key]):
        actor = store.actors([key])[0]
        return SearchHit("actor", actor.id, actor.name, actor.kind.value)
    if "alliance" in types and key and store.alliances([key]):
        alliance = store.alliances([key])[0]
        return SearchHit("alliance", alliance.id, alliance.name, alliance.status.value)
    hits = [h for h in store.search(key, limit=50) if h.type in types] if key else []
    wanted = normalize(key)
    exact = [h for h in hits if normalize(h.name) == wanted]
    if len(exact) == 1:
        return exact[0]
    if len(hits) == 1:
        return hits[0]
    what = _WHAT["subject" if len(types) > 1 else types[0]]
    if exact or hits:
        raise Ambiguous(what, text, [_label(h) for h in _rank(key, exact or hits)[:8]])
    raise NotFound(what, text, [_label(h) for h in _rank(key, _by_words(store, key, types))[:SUGGESTIONS]])


def _by_words(store: Store, text: str, types: tuple[str, ...]) -> list[SearchHit]:
    """Hits for each word, then each word's first letters, of a name that matched nothing as a
    whole: "Jardin de Valance" still finds "Jardins de Valence"."""
    found: dict[tuple[str, str], SearchHit] = {}
    words = _words(text)
    probes = dict.fromkeys([*words, *(w[:4] for w in words if len(w) > 4)])
    for word in probes:
        for hit in store.search(word, limit=20):
            if hit.type in types:
                found.setdefault((hit.type, hit.id), hit)
    return list(found.values())


def _words(text: str) -> Iterable[str]:
    return [w for w in normalize(text).split() if len(w) >= 3]


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normalize(a), normalize(b)).ratio()


def _rank(text: str, hits: list[SearchHit]) -> list[SearchHit]:
    return sorted(hits, key=lambda h: (-_similarity(text, h.name), normalize(h.name), h.id))


def _label(hit: SearchHit) -> str:
    return f"{hit.name} ({hit.id})"
