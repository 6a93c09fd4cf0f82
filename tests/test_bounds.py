"""Bounded pair listings (issue 16, item 8): a territory holding more overlapping pairs than the
limit lists exactly `limit` of them, best first, and says how many more there are, counted without
making them. Both stores; the true count is computed here independently, pair by pair."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from ecosystem.analysis.overlap import footprint_scores, more_sentence, pair_listing
from ecosystem.cli import main
from ecosystem.model import Actor, ActorKind, Dataset, Level
from ecosystem.reference import reference
from ecosystem.store.base import Store

VALENCE, ROMANS, CREST = "commune:26362", "commune:26281", "commune:26108"
C = Level.COMMUNE
KINDS = (ActorKind.ASSOCIATION, ActorKind.ENTREPRISE, ActorKind.COLLECTIVITE)


def crowded(n: int = 60) -> tuple[Actor, ...]:
    """`n` actors in Valence (some also in Romans or Crest) with varied SDGs and kinds, plus a few
    only elsewhere, which no pair in Valence may count: many profiles, many ties, many pairs."""
    places = ((VALENCE,), (VALENCE, ROMANS), (VALENCE, ROMANS, CREST))
    inside = tuple(Actor(f"b-{i:03d}", f"Acteur {i}", KINDS[i % 3], places[i % 3],
                         tuple(sorted({1 + i % 5, 1 + (i * 7) % 17})))
                   for i in range(n))
    outside = tuple(Actor(f"o-{i}", f"Ailleurs {i}", ActorKind.ASSOCIATION, (ROMANS,), (1, 2))
                    for i in range(5))
    return inside + outside


def true_pairs(actors: tuple[Actor, ...], min_jaccard: float = 0.0) -> int:
    """Pairs both present in Valence whose commune footprints meet, counted one by one."""
    h = reference().hierarchy
    here = [a for a in actors if VALENCE in a.territories]
    count = 0
    for a, b in itertools.combinations(here, 2):
        pa, pb = h.presence(a.territories, C), h.presence(b.territories, C)
        sa, sb = frozenset(a.all_sdgs), frozenset(b.all_sdgs)
        if pa & pb and sa & sb and footprint_scores(pa, sa, pb, sb)[0] >= min_jaccard - 1e-12:
            count += 1
    return count


@pytest.fixture
def loaded(store: Store) -> tuple[Store, tuple[Actor, ...]]:
    actors = crowded()
    store.load(Dataset("foule", "Foule", actors=actors))
    return store, actors


def test_total_is_the_true_count(loaded: tuple[Store, tuple[Actor, ...]]) -> None:
    store, actors = loaded
    expected = true_pairs(actors)
    assert expected > 500  # more pairs than the default limit
    assert store.overlap_pair_total(VALENCE, C) == expected == len(store.overlap_pairs(VALENCE, C))
    floor = 0.3
    assert store.overlap_pair_total(VALENCE, C, min_jaccard=floor) == true_pairs(actors, floor)
    assert store.overlap_pair_total("departement:07", C) == 0


def test_listing_shows_exactly_the_limit_and_says_the_rest(loaded: tuple[Store, tuple[Actor, ...]]) -> None:
    store, actors = loaded
    expected = true_pairs(actors)
    listing = pair_listing(store, VALENCE, limit=37)
    assert (listing.shown, listing.total, listing.more) == (37, expected, expected - 37)
    best = store.overlap_pairs(VALENCE, C)[:37]
    assert [(p.a, p.b) for p in listing.items] == [(p.a, p.b) for p in best]
    said = more_sentence(listing, ("paire", "paires", "pair", "pairs"), "--top", "fr")
    left = f"{expected - 37:,}".replace(",", "\u202f")
    assert said == f"… et {left} paires de plus (limite : 37, --top pour changer)."
    whole = pair_listing(store, VALENCE, limit=expected + 10)
    assert (whole.shown, whole.more) == (expected, 0)


def test_cli_says_how_many_more(small_state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["overlaps", "--in", "Valence", "--top", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    counts = data["pairs_count"]
    assert len(data["pairs"]) == counts["shown"] == 1 == counts["limit"]
    assert counts["total"] > 1 and counts["more"] == counts["total"] - 1
    assert main(["overlaps", "--in", "Valence", "--top", "1"]) == 0
    out = capsys.readouterr().out
    more = counts["more"]
    noun = "paire" if more == 1 else "paires"
    assert f"… et {more} {noun} de plus (limite : 1, --top pour changer)." in out


def test_duplicate_groups_from_profiles_match_pairs(loaded: tuple[Store, tuple[Actor, ...]]) -> None:
    """Groups joined from pairs of profiles are those joined from every pair of actors, counted one
    by one here with the one duplicate rule."""
    from ecosystem.analysis.duplicates import is_duplicate
    from ecosystem.analysis.overlap import (
        _containments,
        duplicate_components,
        duplicate_listing,
        pair_jaccard,
    )

    store, _ = loaded
    # twelve look-alike associations: one profile, 66 pairs, one group
    twins = tuple(Actor(f"t-{i:02d}", f"Jumelle {i}", ActorKind.ASSOCIATION, (VALENCE,), (3, 4))
                  for i in range(12))
    store.load(Dataset("jumelles", "Jumelles", actors=twins))
    pairs = [(c.a, c.b) for c in store.overlap_pairs(VALENCE, C, min_jaccard=0.2, same_kind=True)
             if is_duplicate(pair_jaccard(c), *_containments(c))]
    expected = duplicate_components(pairs)
    twin_ids = {f"t-{i:02d}" for i in range(12)}
    assert len(expected) > 2 and any(twin_ids <= set(g) for g in expected)
    listing = duplicate_listing(store, VALENCE, limit=2)
    assert [g.actors for g in listing.items] == expected[:2]
    assert (listing.shown, listing.total, listing.more) == (2, len(expected), len(expected) - 2)


def test_a_cut_among_ties_lists_the_first_pairs(store: Store) -> None:
    """Look-alike actors tie at Jaccard 1 by the thousand: the cut lists the first pairs in (a, b)
    order, as the whole listing would, whatever the limit."""
    places = ((VALENCE,), (VALENCE, ROMANS))
    actors = tuple(Actor(f"s-{i:03d}", f"Semblable {i}", KINDS[i % 2], places[i % 4 // 2],
                         ((1, 2), (2, 3), (5,))[i % 3]) for i in range(48))
    store.load(Dataset("semblables", "Semblables", actors=actors))
    whole = store.overlap_pairs(VALENCE, C)
    for limit in (1, 2, 7, 30, 31, 100, 250, len(whole) + 1):
        assert store.overlap_pairs(VALENCE, C, limit=limit) == whole[:limit], limit
    same = store.overlap_pairs(VALENCE, C, same_kind=True)
    assert store.overlap_pairs(VALENCE, C, same_kind=True, limit=13) == same[:13]


def test_the_best_pairs_take_flat_memory_however_many_look_alikes(memory_store: Store) -> None:
    """6,000 actors in 6 profiles of 1,000 tie 3 million pairs at Jaccard 1 (9 million overlap); the
    best 500 and the total are found without making them: the question's own memory (tracemalloc,
    numpy included) stays a few MiB, where making the tied pairs of even one profile took 38 MiB."""
    import tracemalloc

    places = ((VALENCE,), (VALENCE, ROMANS), (VALENCE, ROMANS, CREST))
    actors = tuple(Actor(f"m-{i:05d}", f"Semblable {i}", KINDS[i % 3], places[i % 3], ((1, 2), (3,))[i % 2])
                   for i in range(6000))
    memory_store.load(Dataset("sosies", "Sosies", actors=actors))
    memory_store.overlap_pairs(VALENCE, C, limit=1)  # matrices and reference data built once
    tracemalloc.start()
    try:
        best = memory_store.overlap_pairs(VALENCE, C, limit=500)
        total = memory_store.overlap_pair_total(VALENCE, C)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total == 2 * 3000 * 2999 // 2  # SDGs 1-2 or 3: pairs inside each half
    assert peak < 8 * 2**20, f"{peak / 2**20:.1f} MiB"
    # Jaccard 1 first, then (a, b): m-00000 with the 500 first of its profile (every sixth actor)
    assert {p.a for p in best} == {"m-00000"}
    assert [p.b for p in best] == [f"m-{6 * k:05d}" for k in range(1, 501)]
