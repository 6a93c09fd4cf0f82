"""The portfolio: all alliances of a territory side by side, the same verdicts as their diagnoses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecosystem.analysis.diagnosis import diagnose
from ecosystem.analysis.portfolio import PRINCIPLES, portfolio
from ecosystem.analysis.thresholds import Status
from ecosystem.store.base import Store
from tests.test_verdict_corpus import CORPUS, _read, dataset_of

GARON = next(p for p in CORPUS if p.stem == "vallee-du-garon")
EPCI = "epci:246900757"


def test_one_row_per_alliance_with_the_verdicts_of_its_diagnosis(store: Store) -> None:
    data = _read(GARON)
    store.load(dataset_of(data, GARON.stem))
    p = portfolio(store, EPCI)
    assert p.principles == ("principe-2", "principe-4", "principe-5", "principe-6", "principe-7")
    assert sorted(r.alliance for r in p.rows) == sorted(a["id"] for a in data["alliances"])
    assert [r.name for r in p.rows] == sorted(r.name for r in p.rows)  # by name by default
    for row in p.rows:
        measured = {v.lever: v for v in diagnose(store, row.alliance).principles if v.lever in PRINCIPLES}
        assert [(c.status, c.score) for c in row.cells] == [(measured[x].status, measured[x].score)
                                                            for x in PRINCIPLES]
    doubled = next(r for r in p.rows if r.alliance == "potagers-brignais")
    # P4 0.2 (partners doubling each other), P7 0.0 (no authority, no alignment): P7 comes first
    assert (doubled.score("principe-4"), doubled.score("principe-7")) == (pytest.approx(0.2), 0.0)
    assert doubled.weakest == "principe-7"
    assert doubled.weakest_name == "Articulation avec les politiques publiques"
    by_p4 = portfolio(store, EPCI, sort="principe-4")
    scores = [r.score("principe-4") for r in by_p4.rows]
    assert scores == sorted(scores) and by_p4.rows[0].alliance == "potagers-brignais"
    only_millery = portfolio(store, "commune:69133", "en")
    assert {r.alliance for r in only_millery.rows} == {"alimentation-garon", "circuits-courts-millery",
                                                       "paniers-millery"}
    assert all(c.status in Status for r in only_millery.rows for c in r.cells)


def test_the_alliances_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    from ecosystem import settings
    from ecosystem.cli import main
    from ecosystem.store.memory import MemoryStore

    monkeypatch.chdir(tmp_path)
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "ECOSYSTEM_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path / "state"))
    MemoryStore(settings.state_dir() / "embedded").load(dataset_of(_read(GARON), GARON.stem))
    assert main(["alliances", "--in", "Millery"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "3 alliances à Millery"
    assert "Paniers de Millery" in out and "À travailler d'abord" in out and "en partie 0,40" in out
    assert main(["alliances", "--in", "Millery", "--json", "--sort", "principe-4"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [r["alliance"] for r in rows][:2] in (["circuits-courts-millery", "paniers-millery"],
                                                 ["paniers-millery", "circuits-courts-millery"])
    assert rows[0]["cells"][1]["lever"] == "principe-4" and rows[0]["weakest"] in PRINCIPLES


def test_the_command_offers_the_principles_the_portfolio_measures():
    from ecosystem.analysis.portfolio import PRINCIPLES
    from ecosystem.commands.analysis import MEASURED_PRINCIPLES

    assert MEASURED_PRINCIPLES == PRINCIPLES


def test_rows_are_sorted_as_a_reader_sorts_names():
    from ecosystem.analysis.portfolio import PortfolioRow, sort_key

    rows = [PortfolioRow(i, name, "active", (), None, "") for i, name in
            enumerate(["Alliance pour", "Alliance Énergies", "Alliance Emploi"])]
    assert [r.name for r in sorted(rows, key=sort_key(None))] == [
        "Alliance Emploi", "Alliance Énergies", "Alliance pour"]
