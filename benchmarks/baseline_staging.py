"""The staging of actors before issue 17, item 4: one index seek per reference relationship.

Why kept: the A/B benchmark (`benchmarks/neo4j_staging.py`) measures it in the same run as the
current staging, and `tests/test_neo4j_staging.py` checks that both write the same graph. Only
`load_actors` changed; its previous text is `baseline_queries/load_actors.cypher`, its rows those of
`rows.actor_row` as they are (acts_in, contributes, offers, needs: ids of the targets).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import neo4j

from ecosystem.store.neo4j import load, rows
from ecosystem.store.neo4j.runner import Rows
from ecosystem.store.neo4j.staging import Targets

QUERIES = Path(__file__).resolve().parent / "baseline_queries"
LOAD_ACTORS = (QUERIES / "load_actors.cypher").read_text(encoding="utf-8")


def _as_built(built: list[rows.Row], _targets: Targets) -> tuple[list[rows.Row], rows.Row]:
    return built, {}


class BaselineLoader(load.Loader):
    """A `Loader` whose actors are staged by the previous query text; everything else is the same
    (check, other kinds of records, lease, switch, collection, relationship count)."""

    def batches(self, cells: Callable[[], list[rows.Row]]) -> Iterator[load.Batch]:
        return load.batches(self.dataset, self.ref, self.batch, self.digests, cells, actor_batch=_as_built)

    def write(self, batch: load.Batch, token: str) -> neo4j.SummaryCounters:
        if batch.query != "load_actors":
            return super().write(batch, token)
        runner = self.runner
        sent = Rows(batch.rows)  # as `load.Loader.write` sends them, emptied once written
        with runner.errors("baseline staging of actors"), runner.session(neo4j.WRITE_ACCESS) as session:
            try:
                return session.execute_write(
                    lambda tx: tx.run(LOAD_ACTORS, version=token, rows=sent).consume().counters)
            finally:
                sent.clear()
