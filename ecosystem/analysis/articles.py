"""French articles before names: territories through the INSEE type of name, institutions by rule.

Territories: the INSEE COG gives each commune, département and région its type of name (TNCC),
which says whether the name takes an article and which one ("le Rhône", "la Drôme", "les Mureaux",
"l'Ardèche"). That table is built elsewhere (`ecosystem.reference.articles`, from the COG); this
module only asks it, through `territory_tncc`, and writes the French forms ("du Rhône", "de la
Drôme", "au Teil"). A territory it does not know keeps its name bare, as before. EPCI have no TNCC in the
COG: the shipped table derives theirs once from the head of the name (`epci_tncc` in
data/reference/build_geometry.py: « la CC du Diois », « l'Eurométropole de Strasbourg »), and this
module reads that table like any other territory's, so there is one rule for an EPCI's article.

Actors: a name that begins with the common noun of an institution ("CC de la Vallée du Garon",
"Ville de Brignais", "Département de la Drôme") takes that noun's article in a sentence ("invitez
la CC de la Vallée du Garon", "du Département de la Drôme"); any other name is a proper name and
stays bare ("Potagers du Garon").
"""

from __future__ import annotations

from collections.abc import Callable

from ecosystem.reference import articles as cog
from ecosystem.text import strip_accents

TNCC_ARTICLE = {0: "", 1: "", 2: "le", 3: "la", 4: "les", 5: "l'", 6: "aux", 7: "las", 8: "los"}
"""The article of each INSEE type of name (TNCC): 0 and 1 none ("de Valence", "d'Annonay")."""

FEMININE_HEADS = ("cc", "ca", "cu", "communaute", "metropole", "ville", "mairie", "commune", "region",
                  "collectivite", "agglomeration", "banque", "fondation", "federation", "maison",
                  "chambre", "direction", "caisse", "mission", "association", "cooperative", "cuisine",
                  "equipe", "epicerie", "ressourcerie", "recyclerie", "legumerie", "ferme", "amap",
                  "strategie", "charte", "convention", "politique", "feuille", "operation")
MASCULINE_HEADS = ("departement", "syndicat", "conseil", "pays", "parc", "pole", "centre", "comite",
                   "groupement", "laboratoire", "college", "lycee", "reseau", "collectif", "secours",
                   "fonds", "observatoire", "atelier", "institut", "office", "ccas", "cias",
                   "projet", "contrat", "plan", "programme", "schema", "pacte", "agenda", "dispositif",
                   "pat", "pcaet", "crte", "scot", "plui", "plu", "sraddet", "pdi")
"""First words of institution and policy names, by gender (without accents, lower case). A name
starting with one of them is a description ("la Ville de …", "le Contrat de ville de …"), not a
proper name."""

_source: Callable[[str], int | None] | None = None


def use_source(source: Callable[[str], int | None] | None) -> None:
    """Point the hook at a function giving a territory id's TNCC (None: unknown)."""
    global _source
    _source = source


def territory_tncc(tid: str) -> int | None:
    """The INSEE type of name of a territory, from the shipped COG (`ecosystem.reference.articles`).

    >>> territory_tncc("epci:246900757")  # CC de la Vallée du Garon: a communauté, feminine
    3
    >>> territory_tncc("departement:69")  # le Rhône
    2
    >>> territory_tncc("epci:244500468")  # Orléans Métropole: no article, like the shipped table says
    1
    """
    return (_source or cog.tncc)(tid)


def _head(name: str) -> str:
    return strip_accents(name.split(" ", 1)[0].split("'", 1)[0]).lower()


def _bare(name: str, article: str) -> str:
    """The name without its own leading article ("Le Teil" with TNCC 2 -> "Teil")."""
    for lead in (article.capitalize() + " ", article + " ", article.capitalize(), article):
        if article and name.startswith(lead) and len(name) > len(lead):
            return name[len(lead):]
    return name


def with_article(name: str, article: str) -> str:
    """`name` preceded by `article` ("" for none), elided before a vowel for le/la.

    >>> with_article("Drôme", "la"), with_article("Ardèche", "la"), with_article("Valence", "")
    ('la Drôme', "l'Ardèche", 'Valence')
    """
    if not article:
        return name
    bare = _bare(name, article)
    if article in ("le", "la") and strip_accents(bare[:1]).lower() in "aeiouyh":
        return f"l'{bare}"
    return f"{article}{'' if article.endswith(chr(39)) else ' '}{bare}"


def institution_article(name: str) -> str:
    """The article an actor's name takes in a sentence ("" for a proper name).

    >>> institution_article("CC de la Vallée du Garon"), institution_article("Département de la Drôme")
    ('la', 'le')
    >>> institution_article("Potagers du Garon")
    ''
    """
    head = _head(name)
    if head in FEMININE_HEADS:
        return "la"
    if head in MASCULINE_HEADS:
        return "le"
    return ""


def actor_in_sentence(name: str) -> str:
    """An actor's name with its article when it is an institution's.

    >>> actor_in_sentence("CC de la Vallée du Garon"), actor_in_sentence("Atelier vélo de Brignais")
    ('la CC de la Vallée du Garon', "l'Atelier vélo de Brignais")
    >>> actor_in_sentence("Potagers du Garon")
    'Potagers du Garon'
    >>> actor_in_sentence("Ville d'Annonay")
    "la Ville d'Annonay"
    """
    return with_article(name, institution_article(name))


def territory_in_sentence(tid: str, name: str) -> str:
    """A territory's name with its article: "le Rhône", "la CC de la Vallée du Garon", "Valence"."""
    tncc = territory_tncc(tid)
    return with_article(name, TNCC_ARTICLE.get(tncc, "")) if tncc is not None else name
