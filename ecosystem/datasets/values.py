"""Cell parsers, one per `columns.Kind`: text in, value out, or `Invalid` with the sentence to show.

Pure functions over one cell (or one item of a multi-valued cell). Resolutions that hit the
reference data are cached per distinct text, so 100,000 rows naming the same 300 communes cost
300 lookups.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from ecosystem.datasets.columns import FALSE_WORDS, MEANS_EN, POLICY_KINDS, TRUE_WORDS, Choice, Kind
from ecosystem.model import MAX_SCORE, InferredSdg, LeverFamily
from ecosystem.reference import Reference
from ecosystem.text import header_key, normalize, squash_spaces

T = TypeVar("T")


class Invalid(ValueError):
    """A cell value that cannot be accepted, with what was expected in English and French."""

    def __init__(self, en: str, fr: str, value: str | None = None) -> None:
        super().__init__(en)
        self.en = en
        self.fr = fr
        self.value = value  # the part of the cell at fault, when not the whole cell


SPLITTERS: dict[Kind, re.Pattern[str]] = {
    Kind.TERRITORY: re.compile(r"[;\n]"),  # EPCI names hold commas
    Kind.SDG: re.compile(r"[;,/\n]"),
    Kind.INFERRED_SDG: re.compile(r"[;\n]"),
    Kind.MEAN: re.compile(r"[;,\n]"),
    Kind.REF: re.compile(r"[;\n]"),  # actor names may hold commas
}
_SPACED_NUMBERS = re.compile(r"\d+(?:\s+\d+)+")
_SDG = re.compile(r"(?:odd|sdg|objectif|goal)?\s*0*(\d{1,3})(?:\s+[a-z].*)?")
_INFERRED = re.compile(r"(?:odd|sdg)?\s*(\d{1,3})\s*\((.+?),\s*(\d+(?:[.,]\d+)?)\s*\)", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][0-9:.]*)?")
_FR_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+[0-9:]*)?")
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE]\+?\d+")
_DIGITS_SPACED = re.compile(r"[\s\u00a0\u202f.]")
_SPACED_CODE = re.compile(r"(?:\d|2[AaBb])[\d\s\u00a0\u202f]*\d")  # 26 362, 2A 004, 200 068 781
_RNA = re.compile(r"W[0-9A-Z]{9}|[0-9A-Z]{12}")
_URL = re.compile(r"\S+\.\S+")


def split(text: str, kind: Kind) -> list[str]:
    """The items of a multi-valued cell, trimmed, empty ones dropped.

    >>> split("2, 12 ;13", Kind.SDG)
    ['2', '12', '13']
    >>> split("2 12", Kind.SDG)
    ['2', '12']
    """
    items = [item.strip() for item in SPLITTERS[kind].split(text)]
    if kind is Kind.SDG:
        items = [part for item in items
                 for part in (item.split() if _SPACED_NUMBERS.fullmatch(item) else [item])]
    return [item for item in items if item]


def cached(parse: Callable[[str], T]) -> Callable[[str], T]:
    """`parse` remembered per distinct text, verdicts included: cells repeat ("association", "2")."""
    memo: dict[str, T | Invalid] = {}

    def parse_cached(text: str) -> T:
        found = memo.get(text, _MISSING)
        if found is _MISSING:
            try:
                found = memo[text] = parse(text)
            except Invalid as exc:
                found = memo[text] = exc
        if isinstance(found, Invalid):
            raise found
        return found  # type: ignore[return-value]

    return parse_cached


_MISSING: Any = object()


def unique(items: list) -> tuple:
    """Order-preserving de-duplication: "2; 2; 12" means 2 and 12."""
    return tuple(dict.fromkeys(items))


# ----------------------------------------------------------------------------- simple kinds

def usable_id(text: str) -> str:
    value = squash_spaces(text)
    if ";" in value or "\n" in text:
        raise Invalid("is not a usable id: it must not contain \";\" or a line break",
                      "n'est pas un identifiant utilisable : il ne doit contenir ni « ; » ni retour à la "
                      "ligne")
    return value


def choice_index(choices: tuple[Choice, ...]) -> dict[str, str]:
    return {key: c.value for c in choices for key in c.names()}


def choice(text: str, index: dict[str, str], choices: tuple[Choice, ...]) -> str:
    value = index.get(header_key(text))
    if value is None:
        listed = ", ".join(c.value for c in choices)
        raise Invalid(f"is not an accepted value: expected one of {listed}",
                      f"n'est pas une valeur acceptée : attendu l'une de {listed}")
    return value


_POLICY_KINDS = choice_index(POLICY_KINDS)


def policy_kind(text: str) -> str:
    """Known kinds spelled the usual way ("pcaet" -> "PCAET"); anything else kept as typed."""
    return _POLICY_KINDS.get(header_key(text), squash_spaces(text))


def sdg(text: str) -> int:
    """An SDG number, with or without its prefix or name.

    >>> sdg("ODD 13"), sdg("13 · Climat"), sdg("sdg13")
    (13, 13, 13)
    """
    match = _SDG.fullmatch(normalize(text).replace("odd", "odd ").replace("sdg", "sdg "))
    if match is None or not 1 <= int(match[1]) <= 17:
        raise Invalid("is not an SDG number: expected a number from 1 to 17 (several: 2; 12)",
                      "n'est pas un numéro d'ODD : attendu un nombre de 1 à 17 (plusieurs : 2; 12)")
    return int(match[1])


def inferred_sdg(text: str) -> InferredSdg:
    """An SDG link inferred by a rule, as the exports write it.

    >>> inferred_sdg("13 (mot-cle:climat, 0,5)")
    InferredSdg(number=13, source='mot-cle:climat', confidence=0.5)
    """
    match = _INFERRED.fullmatch(text.strip())
    wrong = Invalid("is not an inferred SDG: expected \"number (rule, confidence 0 to 1)\", "
                    "e.g. \"13 (mot-cle:climat, 0.5)\"",
                    "n'est pas un ODD déduit : attendu « numéro (règle, confiance de 0 à 1) », "
                    "par exemple « 13 (mot-cle:climat, 0.5) »")
    if match is None:
        raise wrong
    number, source, confidence = int(match[1]), match[2].strip(), float(match[3].replace(",", "."))
    if not 1 <= number <= 17 or not 0.0 <= confidence <= 1.0 or not source:
        raise wrong
    return InferredSdg(number, source, confidence)


def parse_date(text: str) -> date:
    """ISO (2025-01-31), French (31/01/2025, 31-01-2025, 31.01.2025), or what Excel wrote.

    >>> parse_date("31/01/2025"), parse_date("2025-01-31 00:00:00")
    (datetime.date(2025, 1, 31), datetime.date(2025, 1, 31))
    """
    value = text.strip()
    parts: tuple[str, str, str] | None = None
    match = _ISO_DATE.fullmatch(value)
    if match:
        parts = (match[1], match[2], match[3])
    else:
        match = _FR_DATE.fullmatch(value)
        if match and len(match[3]) == 2:
            raise Invalid("has a two-digit year: write the year with four digits (31/01/2025)",
                          "a une année sur deux chiffres : écrivez l'année sur quatre chiffres (31/01/2025)")
        if match:
            parts = (match[3], match[2], match[1])
    if parts is not None:
        try:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            pass
    raise Invalid("is not a date: expected day/month/year (31/01/2025) or 2025-01-31",
                  "n'est pas une date : attendu jour/mois/année (31/01/2025) ou 2025-01-31")


def score(text: str) -> int:
    if text.isdigit() and int(text) <= MAX_SCORE:
        return int(text)
    raise Invalid(f"is not a score: expected a whole number from 0 to {MAX_SCORE}",
                  f"n'est pas une note : attendu un nombre entier de 0 à {MAX_SCORE}")


_TRUE = frozenset(normalize(w) for w in TRUE_WORDS)
_FALSE = frozenset(normalize(w) for w in FALSE_WORDS)


def boolean(text: str) -> bool:
    key = normalize(text)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise Invalid("is not yes or no: expected oui or non", "n'est ni oui ni non : attendu oui ou non")


def _scientific(text: str) -> None:
    if _SCIENTIFIC.fullmatch(text.strip()):
        raise Invalid("was turned into scientific notation by the spreadsheet, which loses digits; format "
                      "the column as Text and type the number again",
                      "a été transformé en notation scientifique par le tableur, qui perd des chiffres ; "
                      "mettez la colonne au format Texte et retapez le numéro")


def digits(text: str, count: int, label: str) -> str:
    """A SIREN (9) or SIRET (14): spaces and dots allowed between digit groups."""
    _scientific(text)
    value = _DIGITS_SPACED.sub("", text)
    if len(value) != count or not value.isdigit():
        raise Invalid(f"is not a {label} number: expected {count} digits",
                      f"n'est pas un numéro {label} : attendu {count} chiffres")
    return value


def rna(text: str) -> str:
    value = _DIGITS_SPACED.sub("", text).upper()
    if not _RNA.fullmatch(value):
        raise Invalid("is not an RNA number: expected W and 9 characters (W261000123)",
                      "n'est pas un numéro RNA : attendu W suivi de 9 caractères (W261000123)")
    return value


def url(text: str) -> str:
    value = text.strip()
    if not _URL.fullmatch(value):
        raise Invalid("is not a web address", "n'est pas une adresse web")
    return value


# ----------------------------------------------------------------------------- reference data

class Territories:
    """Territory codes and names -> ids, cached per distinct text."""

    def __init__(self, reference: Reference) -> None:
        self.hierarchy = reference.hierarchy
        self._cache: dict[str, str | Invalid] = {}

    def resolve(self, text: str) -> str:
        """A territory id, or Invalid with the candidates of an ambiguous name.

        >>> from ecosystem.reference import reference
        >>> Territories(reference()).resolve("1053")  # Excel ate the leading zero of 01053
        'commune:01053'
        >>> Territories(reference()).resolve("26\u00a0362")  # a thousands space typed in a code
        'commune:26362'
        """
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self._resolve(text)
        if isinstance(found, Invalid):
            raise found
        return found

    def _resolve(self, text: str) -> str | Invalid:
        code = text.strip()
        if _SCIENTIFIC.fullmatch(code):
            try:
                _scientific(code)
            except Invalid as exc:
                return exc
        if _SPACED_CODE.fullmatch(code):  # "26 362": digits grouped with spaces, as SIREN cells may be
            joined = _DIGITS_SPACED.sub("", code)
            if len(joined) in (5, 9):  # a commune or an EPCI; "26 07" stays two words, not 02607
                code = joined
        if len(code) == 4 and code.isdigit():  # a spreadsheet dropped the leading zero of 01xxx..09xxx
            code = "0" + code
        resolution = self.hierarchy.resolve(code)
        if resolution.ok:
            return resolution.territory_id or ""
        if resolution.candidates:
            listed = "; ".join(f"{t.name} ({t.id})" for t in resolution.candidates[:8])
            more = len(resolution.candidates) - 8
            listed_fr = listed + (f" et {more} autres" if more > 0 else "")
            return Invalid(resolution.explain(),
                           f"est ambigu : il désigne {listed_fr} ; écrivez plutôt le code")
        return Invalid(resolution.explain(),
                       "n'est pas une commune, un EPCI, un département ou une région connus")


_MEANS_EN = {normalize(k): v for k, v in MEANS_EN.items()}


class Levers:
    """Lever names and ids -> lever ids, cached per distinct text and family."""

    def __init__(self, reference: Reference) -> None:
        self.levers = reference.levers
        self._cache: dict[tuple[str, LeverFamily | None], str | Invalid] = {}
        means = [lv.id.split("-", 1)[1] for lv in self.levers.family(LeverFamily.MOYEN)]
        self._means = ", ".join(means)

    def resolve(self, text: str, family: LeverFamily | None = None) -> str:
        key = (text, family)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._resolve(text, family)
        if isinstance(found, Invalid):
            raise found
        return found

    def _resolve(self, text: str, family: LeverFamily | None) -> str | Invalid:
        lever_id = self.levers.resolve(text, family) or _MEANS_EN.get(normalize(text))
        if lever_id is not None and (family is None or lever_id.startswith(family.value + "-")):
            return lever_id
        if family is LeverFamily.MOYEN:
            other = self.levers.resolve(text)
            if other is not None:
                return Invalid(f"is the charter lever {other}, not a means of action; expected one of "
                               f"{self._means}",
                               f"est le levier {other} de la charte, pas un moyen d'action ; attendu l'un de "
                               f"{self._means}")
            return Invalid(f"is not a means of action of the charter; expected one of {self._means}",
                           f"n'est pas un moyen d'action de la charte ; attendu l'un de {self._means}")
        return Invalid("is not one of the charter's 21 levers: write its id (principe-1 to principe-7, "
                       "modalite-dialoguer, moyen-donnees...) or its name (Complémentarité, Données...)",
                       "n'est pas l'un des 21 leviers de la charte : écrivez son identifiant (principe-1 à "
                       "principe-7, modalite-dialoguer, moyen-donnees...) ou son nom (Complémentarité, "
                       "Données...)")
