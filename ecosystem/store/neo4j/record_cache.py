"""The actors a Neo4j store has read, kept while the data's revision token stays the same.

Why: a what-if recomputes an alliance's diagnosis that the page has just computed; both read the
same few hundred co-present actors, and turning them from Bolt into `Actor`s was most of a
what-if's time at 100,000 actors (a profile: 12 s of 25 in `actors`, 6 s of it in `actor_from`).
Each read still goes to the server, once: the query returns the revision token first, then only the
actors not kept. When the token has moved (any data write, by any process: `datasets_lock` raises
it), what was kept is dropped and the actors served from it are read again, so an answer is never
older than the token read with it. Actors are frozen dataclasses, safe to share between sessions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ecosystem.model import Actor
from ecosystem.store.neo4j import rows
from ecosystem.store.neo4j.runner import Runner

KEPT_LIMIT = 50_000
"""At most this many actors kept (tens of MB); past it, the cache starts again from one read."""

Read = Callable[[list[str]], tuple[str, list[dict[str, Any]]]]


def reader(runner: Runner) -> Read:
    """`ids` -> (revision token, properties of the live actors among them), in one query."""
    def read(ids: list[str]) -> tuple[str, list[dict[str, Any]]]:
        record = runner.read("actors_by_id_with_revision", ids=ids)[0]
        return f"{record['epoch']}:{record['generation']}.{record['revision']}", record["props"]
    return read


class ActorCache:
    """Actors by id (None: no live actor has it) for one revision token."""

    def __init__(self, read: Read, limit: int = KEPT_LIMIT) -> None:
        self._read, self._limit = read, limit
        # replaced whole, never emptied in place: a session reading it keeps a consistent pair
        self._kept: tuple[str | None, dict[str, Actor | None]] = (None, {})

    def actors(self, ids: Iterable[str]) -> list[Actor]:
        """The live actors among `ids`, by id."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        token, kept = self._kept
        missing = [i for i in wanted if i not in kept]
        revision, props = self._read(missing)
        if revision != token:
            served = [i for i in wanted if i in kept]
            if served:  # written since they were kept: read them again
                props = props + self._read(served)[1]
                missing = wanted
            # labelled with the first read's token: a newer second read only makes the next call
            # drop what it kept sooner, never serve something older than its token
            kept = {}
            self._kept = (revision, kept)
        elif len(kept) + len(missing) > self._limit:
            kept = {i: kept[i] for i in wanted if i in kept}
            self._kept = (revision, kept)
        kept.update({i: None for i in missing})
        kept.update((p["id"], rows.actor_from(p)) for p in props)
        return [a for a in (kept.get(i) for i in wanted) if a is not None]
