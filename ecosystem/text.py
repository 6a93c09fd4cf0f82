"""Text normalisation shared by header matching, name search and id slugs.

French users type names with or without accents, in any case, with stray spaces: every
comparison of user text goes through `normalize` so that "Évaluer", "evaluer " and "EVALUER" meet.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")
# The Unicode blocks of combining marks (what `unicodedata.combining` flags in Latin text): one regex
# pass instead of a Python loop over characters, which was a third of the time to prepare a big load.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def strip_accents(text: str) -> str:
    """Remove diacritics: "Égalité" -> "Egalite"; "œ" and "æ" are expanded."""
    if text.isascii():
        return text
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


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
    if text.isprintable() and "  " not in text:  # only single plain spaces: a tenth of the regex's cost
        return text.strip()
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
