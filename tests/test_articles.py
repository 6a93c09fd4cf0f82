"""French articles of territories through the TNCC hook, and of institutions' names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ecosystem.analysis import articles
from ecosystem.analysis import wording as w

TNCC = {"departement:69": 2, "departement:26": 3, "departement:07": 5, "commune:07319": 2}
"""What the INSEE COG says (le Rhône, la Drôme, l'Ardèche, Le Teil): as the COG module will answer."""


@pytest.fixture
def cog() -> Iterator[None]:
    articles.use_source(TNCC.get)
    yield
    articles.use_source(None)


def test_territories_take_their_article_from_the_type_of_name(cog: None) -> None:
    assert w.in_places(["departement:69"], "fr") == "sur le territoire du Rhône"
    assert w.in_places(["departement:26"], "fr") == "sur le territoire de la Drôme"
    assert w.in_places(["departement:07"], "fr") == "sur le territoire de l'Ardèche"
    assert w.in_places(["commune:07319"], "fr") == "au Teil"
    assert w.in_places(["departement:26"], "en") == "in Drôme"


def test_without_the_cog_names_stay_bare() -> None:
    """One source for every territory's article, EPCI included (issue 12, item 4): no second rule
    hiding behind the table."""
    articles.use_source(lambda _tid: None)
    try:
        assert w.in_places(["departement:26"], "fr") == "sur le territoire de Drôme"
        assert w.in_places(["epci:246900757"], "fr") == "sur le territoire de CC de la Vallée du Garon (CCVG)"
    finally:
        articles.use_source(None)


def test_an_epci_takes_the_article_of_the_shipped_table() -> None:
    """The table derives it once from the head of the name (data/reference/build_geometry.py)."""
    assert w.in_places(["epci:246900757"], "fr") == "sur le territoire de la CC de la Vallée du Garon (CCVG)"
    assert articles.territory_tncc("epci:244500468") == 1  # Orléans Métropole: no article
    assert articles.territory_tncc("epci:246700488") == 5  # l'Eurométropole de Strasbourg


def test_the_shipped_cog_gives_the_articles_by_default() -> None:
    """The hook reads ecosystem.reference.articles (data/reference/territory_articles.csv)."""
    assert w.in_places(["departement:26"], "fr") == "sur le territoire de la Drôme"
    assert w.in_places(["departement:69"], "fr") == "sur le territoire du Rhône"
    assert w.in_places(["departement:13"], "fr") == "sur le territoire des Bouches-du-Rhône"


def test_institutions_take_their_article_and_contract() -> None:
    assert w.to(articles.actor_in_sentence("Département de la Drôme")) == "au Département de la Drôme"
    assert w.de(articles.actor_in_sentence("Département de la Drôme")) == "du Département de la Drôme"
    assert w.de(articles.actor_in_sentence("Ville de Brignais")) == "de la Ville de Brignais"
    assert w.de(articles.actor_in_sentence("Association des Amis")) == "de l'Association des Amis"
    assert articles.actor_in_sentence("Maraîcher de Millery") == "Maraîcher de Millery"


def test_prepositions_are_repeated_before_each_name() -> None:
    from ecosystem.analysis import render
    from ecosystem.analysis.codes import Code
    from ecosystem.finding import Finding, Ref

    role = Finding(Code.P6_CLARIFY_ROLE, (Ref("c", "Centre social de Brignais"), Ref("e", "Épicerie")))
    assert render.sentence([role], "fr") == ("Précisez le rôle du Centre social de Brignais et de l'Épicerie "
                                            "sur le territoire de l'alliance.")
    banque, departement = Ref("b", "Banque alimentaire du Rhône"), Ref("d", "Département du Rhône")
    known = Finding(Code.P4_MAKE_KNOWN, (banque, departement))
    assert render.sentence([known], "fr") == ("Faites connaître votre action à la Banque alimentaire du "
                                             "Rhône et au Département du Rhône.")
