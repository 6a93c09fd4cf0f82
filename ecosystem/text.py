"""Text normalisation shared by header matching, name search and id slugs.

French users type names with or without accents, in any case, with stray spaces: every
comparison of user text goes through `normalize` so that "Évaluer", "evaluer " and "EVALUER" meet.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """Remove diacritics: "Égalité" -> "Egalite"; "œ" and "æ" are expanded."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """Casefold, strip accents, turn punctuation into single spaces.

    >>> normalize("  Vallée de la  Drôme-Diois ")
    'vallee de la drome diois'
    >>> normalize("L'Île-d'Yeu")
    'l ile d yeu'
    """
    folded = strip_accents(text).casefold()
    return _NON_ALNUM.sub(" ", folded).strip()


def header_key(text: str) -> str:
    """A column header reduced to what matters: "Territoires (codes)" -> "territoirescodes".

    >>> header_key(" Nom de l'acteur ") == header_key("nom_de_l_acteur")
    True
    """
    return normalize(text).replace(" ", "")


def slugify(text: str, max_length: int = 60) -> str:
    """A stable identifier from a name: "Les Jardins d'Été" -> "les-jardins-d-ete".

    >>> slugify("Les Jardins d'Été")
    'les-jardins-d-ete'
    """
    return normalize(text).replace(" ", "-")[:max_length].strip("-")


def squash_spaces(text: str) -> str:
    """Collapse runs of white space (including non-breaking spaces) and trim."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
