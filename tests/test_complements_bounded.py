"""The complements listing bounded like the pair listings (issue 16, item 8): every co-present actor
is scored, the best `k` are listed, and the number of the others is exact, however many there are
(it used to stop counting at CANDIDATE_POOL, 2,000). Both stores; the expected ranking is computed
here from every actor with the one scoring rule."""

from __future__ import annotations

import pytest

from ecosystem.analysis.complementarity import actor_subject, complements, rank
from ecosystem.analysis.thresholds import CANDIDATE_POOL
from ecosystem.cli import main
from ecosystem.model import Actor, ActorKind, Dataset, Level
from ecosystem.store.base import Store

VALENCE, ROMANS = "commune:26362", "commune:26281"
KINDS = (ActorKind.ASSOCIATION, ActorKind.ENTREPRISE, ActorKind.COLLECTIVITE)
MEANS = ("moyen-competences", "moyen-donnees", "moyen-outils")


def crowd(n: int) -> tuple[Actor, ...]:
    """`n` actors in Valence (some in Romans too), varied kinds, SDGs and means; a subject first."""
    subject = Actor("a-sujet", "Sujet", ActorKind.ASSOCIATION, (VALENCE,), (2, 12),
                    offers=("moyen-competences",), needs=("moyen-donnees",))
    places = ((VALENCE,), (VALENCE, ROMANS))
    others = tuple(Actor(f"c-{i:05d}", f"Acteur {i % 97:02d}", KINDS[i % 3], places[i % 2],
                         tuple(sorted({1 + i % 17, 2})), offers=(MEANS[i % 3],), needs=(MEANS[(i + 1) % 3],))
                   for i in range(n))
    return (subject, *others)


@pytest.fixture
def crowded(store: Store) -> tuple[Store, tuple[Actor, ...]]:
    actors = crowd(CANDIDATE_POOL + 600)
    store.load(Dataset("foule", "Foule", actors=actors))
    return store, actors


def test_the_total_counts_every_co_present_actor_and_the_best_are_the_best(
        crowded: tuple[Store, tuple[Actor, ...]]) -> None:
    store, actors = crowded
    subject = actor_subject(actors[0])
    expected = rank(subject, [(a, 1) for a in actors[1:]], Level.COMMUNE)
    assert len(expected) > CANDIDATE_POOL
    result = complements(store, actors[0], Level.COMMUNE, k=7)
    assert result.found == len(expected)
    assert [c.actor for c in result.items] == [a.id for a, _, _ in expected[:7]]
    assert (result.limit, result.more) == (7, len(expected) - 7)


def test_by_default_communes_then_neighbours_are_counted_exactly(
        crowded: tuple[Store, tuple[Actor, ...]]) -> None:
    store, actors = crowded
    result = complements(store, actors[0], k=5)
    subject = actor_subject(actors[0])
    assert result.found == len(rank(subject, [(a, 1) for a in actors[1:]], Level.COMMUNE))
    assert len(result.items) == 5 and not any(c.neighbour for c in result.items)


def test_the_cli_says_how_many_more(small_state, capsys: pytest.CaptureFixture[str]) -> None:
    from ecosystem import settings
    from ecosystem.store.memory import MemoryStore

    MemoryStore(settings.state_dir() / "embedded").load(Dataset("foule", "Foule", actors=crowd(30)))
    assert main(["complements", "a-sujet", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "acteurs complémentaires trouvés ; les 3 premiers :" in out
    found = int(out.split(" acteurs complémentaires trouvés")[0].split()[-1].replace("\u202f", ""))
    assert f"… et {found - 3} acteurs de plus (limite : 3, --top pour changer)." in out
    assert main(["complements", "a-sujet", "--top", "1", "--lang", "en"]) == 0
    assert f"… and {found - 1} more actors (limit: 1, --top to change it)." in capsys.readouterr().out
