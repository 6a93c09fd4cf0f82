"""A finding: what an analysis or an import found, as data, before any sentence is written.

Analyses and imports say *what* they found (a code, the records it names, the numbers); the
renderers of each language (`ecosystem.analysis.render`, `ecosystem.importers.summary_text`) say it
in words. So the CLI, the pages and `--json` read the same data, a test can check a verdict without
parsing French, and the grammar of a sentence is written in one place per language.

One generic shape rather than one class per kind of finding: the kinds are many (about eighty) and
most carry the same few things (some records, some SDGs, a count); the code says which fields
matter, and each renderer's docstring says which fields it reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Ref:
    """A record a finding names: an actor, an alliance, a policy, a local authority.

    `id` is empty when the analysis only knows the name (the carriers of a policy, read by name);
    `kind` is the actor kind value (or the policy kind) when a sentence may show it.
    """

    id: str
    name: str
    kind: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing found, with what a sentence about it needs; unused fields keep their defaults.

    >>> f = Finding("p2.partners-on-targets", refs=(Ref("a", "Asso"),), count=1, total=3)
    >>> f.code, [r.name for r in f.refs], f.count, f.total
    ('p2.partners-on-targets', ['Asso'], 1, 3)
    """

    code: str
    refs: tuple[Ref, ...] = ()  # the records named first
    others: tuple[Ref, ...] = ()  # a second group of records (those they could help, the carriers...)
    sdgs: tuple[int, ...] = ()
    places: tuple[str, ...] = ()  # territory ids, the best known first
    levers: tuple[str, ...] = ()  # lever ids of the charter
    kinds: tuple[str, ...] = ()  # actor kind values
    count: int | None = None
    total: int | None = None
    share: float | None = None  # a 0..1 share or score
    counts: tuple[tuple[str, int], ...] = ()  # labelled counts (status -> n, reject reason -> n)
    parts: tuple[Finding, ...] = ()  # one finding per item when each item has its own details
    risk: bool = False  # the threshold of a risk (duplication, substitution) is crossed
    history: tuple[tuple[date, int], ...] = ()  # dated self-assessment scores, oldest first
    labels: tuple[str, ...] = ()  # words shown as written, never translated (a comment, a file's layout)


def refs(items: Iterable[Any]) -> tuple[Ref, ...]:
    """Refs of records having `id`, `name` and maybe `kind` (members, candidates, actors...).

    >>> from types import SimpleNamespace as R
    >>> refs([R(id="a", name="Asso", kind="association")])
    (Ref(id='a', name='Asso', kind='association'),)
    """
    return tuple(Ref(x.id, x.name, _kind(x)) for x in items)


def _kind(record: Any) -> str:
    kind = getattr(record, "kind", "")
    return str(getattr(kind, "value", kind))
