"""The labelled corpus: verdicts a careful reader of the charter expects, on both stores.

Each file of tests/data/verdicts/ is a small territory written by hand on real communes (actors,
policies, alliances) and a list of cases: one alliance, one lever, the expected status, the names
the suggestion must contain, and the charter sentence that justifies the expectation (it must be
a sentence of docs/charter.md). docs/analyses.md explains the measures these cases pin.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ecosystem.analysis.codes import Code
from ecosystem.analysis.diagnosis import diagnose
from ecosystem.analysis.overlap import duplicate_groups, pairs_in
from ecosystem.model import (
    Actor,
    ActorKind,
    Alliance,
    AllianceStatus,
    Dataset,
    Level,
    MemberRole,
    Membership,
    Policy,
)
from ecosystem.store.base import Store

HERE = Path(__file__).resolve().parent
CORPUS = sorted((HERE / "data" / "verdicts").glob("*.json"))
CHARTER = " ".join((HERE.parent / "docs" / "charter.md").read_text(encoding="utf-8").split())


def _read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def dataset_of(data: dict[str, Any], dataset_id: str) -> Dataset:
    """The corpus file's territory as a dataset."""
    actors = tuple(Actor(a["id"], a["name"], ActorKind(a["kind"]), tuple(a["territories"]), tuple(a["sdgs"]),
                         offers=tuple(a.get("offers", ())), needs=tuple(a.get("needs", ())))
                   for a in data["actors"])
    policies = tuple(Policy(p["id"], p["name"], p["kind"], tuple(p["carriers"]), tuple(p["territories"]),
                            tuple(p["sdgs"])) for p in data["policies"])
    alliances = tuple(
        Alliance(a["id"], a["name"], started=date.fromisoformat(a.get("started", "2025-01-01")),
                 status=AllianceStatus(a.get("status", "active")), territories=tuple(a["territories"]),
                 sdgs=tuple(a["sdgs"]), policies=tuple(a.get("policies", ())))
        for a in data["alliances"])
    memberships = tuple(Membership(a["id"], actor, MemberRole(role))
                        for a in data["alliances"] for actor, role in a["members"])
    return Dataset(dataset_id, data["title"], source="tests", actors=actors, policies=policies,
                   alliances=alliances, memberships=memberships)


def test_the_corpus_has_at_least_30_cases_each_justified_by_the_charter() -> None:
    cases = [c for path in CORPUS for c in _read(path)["cases"]]
    assert len(cases) >= 30
    assert {c["principle"] for c in cases} >= {"principe-2", "principe-4", "principe-5", "principe-6",
                                                "principe-7"}
    for c in cases:
        assert " ".join(c["charter"].split()) in CHARTER, c["charter"]
        assert c["status"] in {"met", "partly", "not_met", "not_assessable"} and c["why"]


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_the_corpus_verdicts(store: Store, path: Path) -> None:
    data = _read(path)
    store.load(dataset_of(data, path.stem))
    diagnoses = {a["id"]: {v.lever: v for v in diagnose(store, a["id"]).verdicts}
                 for a in data["alliances"]}
    wrong = []
    for c in data["cases"]:
        v = diagnoses[c["alliance"]][c["principle"]]
        missing = [n for n in c["names"] if n not in v.suggestion]
        if str(v.status) != c["status"] or missing:
            wrong.append(f"{c['alliance']} {c['principle']}: expected {c['status']}, got {v.status} "
                         f"({v.score}); missing {missing} in « {v.suggestion} »")
    assert wrong == []


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_the_overlap_view_and_the_diagnosis_name_the_same_duplicates(store: Store, path: Path) -> None:
    """One definition: the member pairs `ecosystem overlaps --in` marks as duplicates are exactly those
    the diagnosis's P4 flags, alliance by alliance."""
    data = _read(path)
    store.load(dataset_of(data, path.stem))
    marked = {(p.a, p.b) for p in pairs_in(store, "region:84", Level.COMMUNE, same_kind=True) if p.duplicate}
    groups = duplicate_groups(store, "region:84")
    in_groups = {(a, b) for g in groups for a in g.actors for b in g.actors if a < b}
    assert marked and marked <= in_groups
    flagged_anywhere = set()
    for alliance in data["alliances"]:
        members = sorted(actor for actor, _ in alliance["members"])
        p4 = diagnose(store, alliance["id"]).principles[3]
        flagged = {tuple(sorted(r.id for r in f.refs)) for f in p4.findings
                   if f.code in (Code.P4_DUPLICATES, Code.P4_INCLUDED)}
        expected = {(a, b) for a, b in marked if a in members and b in members}
        assert flagged == expected, alliance["id"]
        flagged_anywhere |= flagged
    assert flagged_anywhere  # each file has at least one alliance whose partners duplicate each other
