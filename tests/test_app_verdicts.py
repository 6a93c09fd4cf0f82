"""Issue 12 in the app, driven with AppTest on both stores: the portfolio on the Alliances page,
an explanation for every score, the overlap matrix read each way, and a Territoires page that
separates local actors from those counted through a wider territory.

Each assertion compares the page with what the analyses answer on the store the app opened.
"""

from __future__ import annotations

import json

from ecosystem.analysis.local_coverage import local_split
from ecosystem.analysis.overlap import overlap_matrix
from ecosystem.analysis.portfolio import portfolio
from ecosystem.ui.views.explain import complement_help, score_help, status_legend
from ecosystem.ui.views.overlaps import territory_matrix
from tests import test_app as app

kind, demo = app.kind, app.demo  # the fixtures: the demo on each store, as the app opens it
clean, run, shown, store = app.clean, app.run, app.shown, app.store


def _columns(frame) -> dict:
    """The column configuration a dataframe element was sent with (title -> its settings)."""
    config = json.loads(frame.proto.columns or "{}")
    return {v.get("label", k): v for k, v in config.items()}


# ---------------------------------------------------------------------- Alliances: the portfolio


def test_the_portfolio_has_one_row_per_alliance_and_explains_each_column(kind):
    at = run("alliances", {"show": "portfolio", "territory": "departement:26"})
    clean(at)
    expected = portfolio(store(), "departement:26", "fr")
    table = at.dataframe[0].value
    assert list(table.iloc[:, 0]) == [r.name for r in expected.rows]
    assert "P4 · Complémentarité" in table.columns
    p4 = [None if c is None else round(c * 100) for c in (r.score("principe-4") for r in expected.rows)]
    assert [None if v != v or v is None else int(v) for v in table["P4 · Complémentarité"]] == p4
    weakest = [r.weakest for r in expected.rows]
    assert sum(1 for v in table["À travailler d'abord"] if v != "—") == sum(1 for w in weakest if w)
    helps = {title: c.get("help") for title, c in _columns(at.dataframe[0]).items()}
    assert helps["P4 · Complémentarité"] == score_help("principe-4", "fr")
    assert helps["P7 · Action publique"] == score_help("principe-7", "fr")
    assert status_legend("fr") in shown(at)


def test_the_portfolio_sorts_by_a_principle_weakest_first(kind):
    at = run("alliances", {"show": "portfolio", "territory": "departement:26", "pf_sort": "principe-6"})
    clean(at)
    expected = portfolio(store(), "departement:26", "fr", sort="principe-6")
    assert list(at.dataframe[0].value.iloc[:, 0]) == [r.name for r in expected.rows]
    assert expected.rows[0].score("principe-6") < expected.rows[-1].score("principe-6")


def test_the_portfolio_in_english(kind):
    at = run("alliances", {"show": "portfolio", "territory": "departement:26", "lang": "en"})
    clean(at)
    assert "P4 · Complementarity" in at.dataframe[0].value.columns
    assert "Badges:" in shown(at)


# ---------------------------------------------------------------------- every score explained


def test_each_verdict_explains_its_score_and_the_badges_have_a_legend(kind, demo):
    at = run("alliances", {"alliance": demo.alliances[0].id})
    clean(at)
    helps = {m.proto.help for m in at.markdown if m.proto.help}
    for lever in ("principe-2", "principe-4", "principe-5", "principe-6", "principe-7"):
        assert score_help(lever, "fr") in helps
    assert "Pastilles : " in shown(at) and "moins de 40 %" in shown(at)


def test_complement_scores_are_explained(kind, demo):
    at = run("complements", {"for": "alliance", "alliance": demo.alliances[0].id})
    clean(at)
    assert complement_help("fr") in shown(at)


def test_overlap_shares_are_explained_in_plain_words(kind):
    at = run("overlaps", {"view": "territory", "territory": "departement:26"})
    clean(at)
    assert "Jaccard" not in shown(at)
    assert "part de l'empreinte" in shown(at)


def test_the_overlap_matrix_reads_the_share_each_way(kind):
    """Cell (row, column) is the share of the row's footprint inside the column's: never the 0 %
    of a rounded Jaccard where one footprint lies entirely inside the other."""
    at = run("overlaps", {"view": "territory", "territory": "departement:26"})
    clean(at)
    heat = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    matrix, _ = territory_matrix(store(), "departement:26", "commune")
    expected = overlap_matrix(store(), matrix.actors)
    inside = [(i, j) for i, row in enumerate(expected.containment) for j, v in enumerate(row)
              if i != j and v == 1.0 and expected.jaccard[i][j] < 0.5]
    assert inside, "the demo has a footprint entirely inside another one"
    for i, j in inside:
        assert heat["z"][i][j] == 100
        assert heat["text"][i][j] == "100 %"
        assert heat["z"][j][i] < 100  # the other way round is another share
    assert all(heat["z"][i][i] is None for i in range(len(expected.actors)))


# ---------------------------------------------------------------------- Territoires


def test_an_epci_separates_local_actors_from_wider_ones(kind):
    at = run("territories", {"territory": "epci:200068781"})
    clean(at)
    split = local_split(store(), "epci:200068781", "fr")
    assert split.local and split.wider
    assert split.sentence in shown(at)
    every = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["z"]
    at.radio(key="count").set_value("local").run()
    clean(at)
    local = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["z"]
    rows = list(zip(every[1:], local[1:], strict=True))
    assert any(sum(e) > 0 and sum(lo) == 0 for e, lo in rows), "a commune reached only by wider actors"
    assert any(sum(lo) > 0 for _, lo in rows), "a commune with actors of its own"
    assert all(lo_ <= e_ for e, lo in rows for e_, lo_ in zip(e, lo, strict=True))


def test_without_any_policy_gaps_are_said_not_computable(kind):
    at = run("territories", {"territory": "commune:07010"})
    clean(at)
    text = shown(at)
    assert "les manques ne peuvent donc pas être calculés" in text
    assert "Aucun manque" not in text


def test_an_epci_over_two_departements_says_which_part_counts(kind):
    at = run("territories", {"territory": "epci:200040491"})
    clean(at)
    assert ("La CC Porte de Dromardèche s'étend sur la Drôme (26 communes) et l'Ardèche (8 communes)"
            in shown(at))
