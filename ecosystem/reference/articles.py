"""The article a territory's name takes in French, from INSEE's "type de nom en clair" (TNCC).

« la Drôme », « du Rhône », « des Bouches-du-Rhône », « de l'Ain », « au Havre »: which article and
which contraction a name takes cannot be guessed from the name; INSEE's Code officiel géographique
records it for each commune, département and région as the TNCC. data/reference/territory_articles.csv
holds it (built by data/reference/build_geometry.py); for EPCI, which have none in the COG, it is
derived from the head noun of the name (« la CC du Diois », « l'Eurométropole de Strasbourg »).

The COG follows the official names of régions, which take no article for most of them (« région
Normandie », « d'Auvergne-Rhône-Alpes ») but do for some (« du Grand Est », « des Hauts-de-France »).

Communes carry their article in their official name (« Le Havre », « La Rochelle »), départements
and régions do not (« Drôme »): `phrase` handles both, so callers only choose the form.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from ecosystem.reference import REFERENCE_DIR

ARTICLES_CSV = REFERENCE_DIR / "territory_articles.csv"
Form = Literal["definite", "de", "a", "in"]
# "in" (where something happens) is not the à-form above communes: « dans la Drôme », « en Normandie ».
_IN_ARTICLE = {2: "dans le ", 3: "dans la ", 4: "dans les ", 5: "dans l'", 6: "dans les ", 7: "dans las ",
               8: "dans los "}
# A city or an island is « à »: « à Paris », « à Mayotte ».
_IN_A = frozenset({"departement:75", "departement:976", "region:06"})
VOWELS = frozenset("AEIOUYÂÊÎÔÛÉÈËÏÜŸaeiouyâêîôûéèëïüÿ")


@dataclass(frozen=True, slots=True)
class Article:
    """What goes before a bare name (without its article): « la » Drôme, « de la » Drôme, « à la » Drôme."""

    tncc: int
    definite: str
    de: str
    a: str
    word: str  # the article as the official name of a commune spells it at its start: "Le ", "L'"

    def contracts(self) -> bool:
        """Whether "de"/"à" merge with the article (du, des, au, aux) rather than stand before it."""
        return self.tncc in (2, 4, 6)


# INSEE TNCC 0-8 (https://www.insee.fr/fr/information/2560684#tncc).
ARTICLES: dict[int, Article] = {
    0: Article(0, "", "de ", "à ", ""),
    1: Article(1, "", "d'", "à ", ""),
    2: Article(2, "le ", "du ", "au ", "Le "),
    3: Article(3, "la ", "de la ", "à la ", "La "),
    4: Article(4, "les ", "des ", "aux ", "Les "),
    5: Article(5, "l'", "de l'", "à l'", "L'"),
    6: Article(6, "aux ", "des ", "aux ", "Aux "),
    7: Article(7, "las ", "de las ", "à las ", "Las "),
    8: Article(8, "los ", "de los ", "à los ", "Los "),
}


@cache
def _tnccs(path: Path) -> dict[str, int]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {f"{r['level']}:{r['code']}": int(r["tncc"]) for r in rows}


def article(tid: str, path: Path = ARTICLES_CSV) -> Article | None:
    """The article of a territory's name by its id; None when the COG gives none (overseas collectivités).

    >>> article("departement:26").definite, article("departement:26").de, article("departement:26").a
    ('la ', 'de la ', 'à la ')
    >>> article("departement:69").de, article("departement:13").de, article("departement:01").de
    ('du ', 'des ', "de l'")
    """
    tncc = _tnccs(path).get(tid)
    return None if tncc is None else ARTICLES[tncc]


def tncc(tid: str, path: Path = ARTICLES_CSV) -> int | None:
    """The INSEE type of name (TNCC, 0-8) of a territory by its id; None when the COG records none.

    >>> tncc("departement:26"), tncc("departement:69"), tncc("commune:76351")
    (3, 2, 2)
    """
    return _tnccs(path).get(tid)


def _guess(name: str) -> Article:
    """No recorded TNCC: no article, and elision before a vowel (« d'Annonay »)."""
    return ARTICLES[1 if name[:1] in VOWELS else 0]


def _in(tid: str, found: Article, name: str) -> str:
    """Where: a commune takes « à » (au Havre); a région without article « en », one with « dans »."""
    level = tid.split(":")[0]
    if level == "commune" or tid in _IN_A or name.startswith(("Le ", "La ", "Les ", "L'")):
        return found.a  # an article written in the name, as in « La Réunion »: « à La Réunion »
    if found.tncc in (0, 1) or (level in ("region", "pays") and found.tncc in (3, 5)):
        return "en " if level != "epci" else "dans "
    return _IN_ARTICLE[found.tncc]


def phrase(tid: str, name: str, form: Form = "definite", path: Path = ARTICLES_CSV) -> str:
    """The name with its article in a form: "definite" (la Drôme), "de" (de la Drôme), "a" (à la Drôme),
    "in" (dans la Drôme, en Normandie, au Havre).

    A commune's official name already starts with its article; it is kept as written, except that
    le/les/aux merge with de and à (« du Havre », « aux Sables-d'Olonne ») while la, l' do not
    (« de La Rochelle »).

    >>> phrase("departement:26", "Drôme", "de"), phrase("departement:69", "Rhône", "de")
    ('de la Drôme', 'du Rhône')
    >>> phrase("departement:13", "Bouches-du-Rhône", "de"), phrase("departement:01", "Ain", "de")
    ('des Bouches-du-Rhône', "de l'Ain")
    >>> phrase("departement:40", "Landes", "a"), phrase("region:44", "Grand Est", "de")
    ('aux Landes', 'du Grand Est')
    >>> phrase("region:84", "Auvergne-Rhône-Alpes", "definite"), phrase("region:28", "Normandie", "de")
    ('Auvergne-Rhône-Alpes', 'de Normandie')
    >>> phrase("commune:76351", "Le Havre", "de"), phrase("commune:76351", "Le Havre", "a")
    ('du Havre', 'au Havre')
    >>> phrase("commune:76351", "Le Havre"), phrase("commune:17300", "La Rochelle", "de")
    ('Le Havre', 'de La Rochelle')
    >>> phrase("commune:07010", "Annonay", "de"), phrase("commune:26362", "Valence", "a")
    ("d'Annonay", 'à Valence')
    >>> phrase("departement:26", "Drôme", "in"), phrase("region:28", "Normandie", "in")
    ('dans la Drôme', 'en Normandie')
    >>> phrase("region:75", "Nouvelle-Aquitaine", "in"), phrase("commune:76351", "Le Havre", "in")
    ('en Nouvelle-Aquitaine', 'au Havre')
    >>> phrase("region:04", "La Réunion", "in"), phrase("departement:75", "Paris", "in")
    ('à La Réunion', 'à Paris')
    >>> phrase("epci:242600534", "CC du Diois", "de"), phrase("pays:FR", "France", "de")
    ('de la CC du Diois', 'de la France')
    >>> phrase("epci:246700488", "Eurométropole de Strasbourg", "a")
    "à l'Eurométropole de Strasbourg"
    >>> phrase("epci:244500468", "Orléans Métropole", "de")
    "d'Orléans Métropole"
    """
    found = article(tid, path)
    if found is None:
        found = _guess(name)
    if form == "in" and not tid.startswith("commune:"):
        return _in(tid, found, name) + name
    if form == "in":
        form = "a"
    if found.word and name.startswith(found.word):
        bare = name[len(found.word):]
        if form == "definite":
            return name
        if found.contracts():
            return getattr(found, form) + bare
        return ("de " if form == "de" else "à ") + name
    return getattr(found, form) + name


__all__ = ["ARTICLES", "ARTICLES_CSV", "Article", "Form", "article", "phrase"]
