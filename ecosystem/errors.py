"""One exception root, whose errors say themselves in French and in English.

The core never prints: it raises one of these, and only `cli.py` and `ui/` decide how a person sees
it, with `error.text(lang)`. Both sentences are written where the error is raised (or built there
from the error's fields), because that is the only place that knows what went wrong and what fixes
it; a translation table keyed on English text would drift the first time a sentence changes.
`str(error)` stays English, for logs and tracebacks.

French sentences follow French typography: « » around quoted values, a space before : ; ? and !
(tests/test_errors.py reads every raise site and refuses one without its French sentence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # ecosystem.lang imports this module for UnknownLang
    from ecosystem.lang import Lang


def is_french(lang: Lang | str) -> bool:
    """Whether `lang` asks for French; anything else gets English (an error must always render).

    >>> is_french("fr"), is_french(" FR "), is_french("en")
    (True, True, False)
    """
    return str(lang).strip().lower() == "fr"


def _restore(cls: type[EcosystemError], args: tuple[Any, ...], state: dict[str, Any]) -> EcosystemError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class EcosystemError(Exception):
    """Root of every error a user can cause or fix: one sentence per language, each saying the fix.

    Subclasses with structured fields (`NotFound`, `DatasetInvalid`...) build both sentences from
    them in their `__init__`; the others are raised with the two sentences written side by side.
    """

    def __init__(self, en: str, fr: str) -> None:
        super().__init__(en)
        self.en = en
        self.fr = fr

    def text(self, lang: Lang | str = "fr") -> str:
        """The error as a person reads it, in `lang` (French for "fr", English otherwise)."""
        return self.fr if is_french(lang) else self.en

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle without calling `__init__` again (subclasses take structured arguments)."""
        return _restore, (type(self), self.args, dict(self.__dict__))


def quoted(values: Sequence[str], lang: Lang | str, limit: int = 10) -> str:
    """Values as a French or English list, cut after `limit` with how many more.

    >>> quoted(["a", "b"], "fr"), quoted(["a", "b", "c"], "en", limit=2)
    ('a, b', 'a, b and 1 more')
    """
    shown = ", ".join(values[:limit])
    more = len(values) - limit
    if more <= 0:
        return shown
    return f"{shown} et {more} de plus" if is_french(lang) else f"{shown} and {more} more"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a dataset, located precisely enough to fix it in Excel.

    `where` is the file or sheet name, `row` the line number as the user sees it (header = 1 for
    spreadsheets and CSV; the 1-based position of the record for JSON), `column` the header as
    written by the user (or the canonical name when the column is missing). `expected` says what is
    wrong in English, `expected_fr` the same in French; problems compare on the English fields.
    """

    where: str
    row: int | None
    column: str | None
    value: str | None
    expected: str
    expected_fr: str = field(compare=False)

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang | str = "fr") -> str:
        """The problem as one located sentence.

        >>> p = Problem("acteurs.csv", 14, "territoires", "69999", "is not a known commune",
        ...             "n'est pas une commune connue")
        >>> print(p.text("fr"))
        acteurs.csv, ligne 14, colonne territoires : « 69999 » n'est pas une commune connue
        >>> print(p.text("en"))
        acteurs.csv, line 14, column territoires: "69999" is not a known commune
        """
        french = is_french(lang)
        parts = [self.where]
        if self.row is not None:
            parts.append(f"{'ligne' if french else 'line'} {self.row}")
        if self.column:
            parts.append(f"{'colonne' if french else 'column'} {self.column}")
        location = ", ".join(parts)
        if french:
            what = self.expected_fr if self.value is None else f"« {self.value} » {self.expected_fr}"
            return f"{location} : {what}"
        what = self.expected if self.value is None else f'"{self.value}" {self.expected}'
        return f"{location}: {what}"


class DatasetInvalid(EcosystemError):
    """A dataset has problems; nothing was loaded. Carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem], source: str = "") -> None:
        self.problems = list(problems)
        self.source = source
        n = len(self.problems)
        where_en, where_fr = ((f'"{source}"', f"« {source} »") if source
                              else ("the dataset", "le jeu de données"))
        en = (f"{n} problem{'s' if n > 1 else ''} in {where_en}; nothing was loaded. "
              "Correct the lines below and try again:")
        fr = (f"{n} problème{'s' if n > 1 else ''} dans {where_fr} ; rien n'a été "
              "chargé. Corrigez les lignes ci-dessous puis réessayez :")
        super().__init__(self._listed(en, "en"), self._listed(fr, "fr"))

    def _listed(self, head: str, lang: str) -> str:
        return head + "".join(f"\n  - {p.text(lang)}" for p in self.problems)


class UnreadableFile(EcosystemError):
    """A file cannot be read at all (not a workbook, not CSV, not JSON, unknown encoding)."""


# What NotFound names, per language: (English noun phrase, French "aucun ..." phrase).
_NONE: dict[str, tuple[str, str]] = {
    "dataset": ("No dataset", "Aucun jeu de données"),
    "actor": ("No actor", "Aucun acteur"),
    "alliance": ("No alliance", "Aucune alliance"),
    "policy": ("No policy", "Aucune politique"),
    "territory": ("No territory", "Aucun territoire"),
    "actor or alliance": ("No actor or alliance", "Aucun acteur ni alliance"),
    "dataset history": ("No kept version of the dataset", "Aucune version conservée du jeu de données"),
    "version": ("No kept version", "Aucune version conservée"),
    "self-assessment entry": ("No self-assessment entry", "Aucune entrée d'autoévaluation"),
}
NOT_FOUND_KINDS = tuple(_NONE)


class NotFound(EcosystemError):
    """An actor, alliance, policy, territory or dataset that does not exist; names the closest matches.

    `what` is one of `NOT_FOUND_KINDS` (a test checks every raise site).
    """

    def __init__(self, what: str, key: str, suggestions: Sequence[str] | None = None) -> None:
        self.what = what
        self.key = key
        self.suggestions = list(suggestions or [])
        none_en, none_fr = _NONE.get(what, (f"No {what}", "Rien ne correspond à"))
        en, fr = f'{none_en} "{key}".', f"{none_fr} « {key} »."
        if self.suggestions:
            en += " Closest matches: " + ", ".join(self.suggestions) + "."
            fr += " Les plus proches : " + ", ".join(self.suggestions) + "."
        else:
            en += " Check the spelling, or type the id."
            fr += " Vérifiez l'orthographe, ou tapez l'identifiant."
        super().__init__(en, fr)


class ConflictError(EcosystemError):
    """A write would clash with records another dataset or another load holds."""


@dataclass(frozen=True, slots=True)
class Taken:
    """One id of a dataset that another dataset already holds."""

    kind: str  # "actor", "policy" or "alliance"
    id: str
    holder: str  # the dataset holding it


# (singular, plural) of each kind of record, with the French article.
_KINDS_FR = {"actor": ("l'acteur", "les acteurs"), "policy": ("la politique", "les politiques"),
             "alliance": ("l'alliance", "les alliances")}
_KINDS_EN = {"actor": ("actor", "actors"), "policy": ("policy", "policies"),
             "alliance": ("alliance", "alliances")}


class IdsTaken(ConflictError):
    """A dataset uses ids that belong to other datasets: nothing was loaded; says which and the fix.

    The ids are listed per dataset holding them and per kind of record, at most 10 per list.
    """

    def __init__(self, dataset: str, taken: Sequence[Taken]) -> None:
        self.dataset = dataset
        self.taken = list(taken)
        holders = list(dict.fromkeys(t.holder for t in self.taken))
        several = len(holders) > 1
        groups_en = "; ".join(f'{self._ids(h, "en")} (dataset "{h}")' for h in holders)
        groups_fr = " ; ".join(f"{self._ids(h, 'fr')} (jeu « {h} »)" for h in holders)
        others_en = ("datasets " if several else "dataset ") + ", ".join(f'"{h}"' for h in holders)
        others_fr = ("les jeux " if several else "le jeu ") + ", ".join(f"« {h} »" for h in holders)
        to_en, to_fr = (("other datasets", "à d'autres jeux") if several
                        else ("another dataset", "à un autre jeu"))
        en = (f'Dataset "{dataset}" uses ids that belong to {to_en}: {groups_en}. Nothing was loaded. '
              f"Rename these records in your file, or remove the {others_en} first.")
        fr = (f"Le jeu de données « {dataset} » utilise des identifiants qui appartiennent déjà {to_fr} : "
              f"{groups_fr}. Rien n'a été chargé. Renommez ces enregistrements dans votre fichier, ou "
              f"retirez d'abord {others_fr}.")
        super().__init__(en, fr)

    def _ids(self, holder: str, lang: str) -> str:
        """'l'acteur « a »', 'les acteurs « a », « b »' ... for the ids `holder` holds, kind by kind."""
        parts = []
        for kind in dict.fromkeys(t.kind for t in self.taken if t.holder == holder):
            ids = [t.id for t in self.taken if t.holder == holder and t.kind == kind]
            one, many = (_KINDS_FR if is_french(lang) else _KINDS_EN).get(kind, (kind, kind))
            shown = [f"« {i} »" if is_french(lang) else f'"{i}"' for i in ids]
            parts.append(f"{one if len(ids) == 1 else many} {quoted(shown, lang)}")
        return ", ".join(parts)


class StoreUnavailable(EcosystemError):
    """The configured store cannot be reached (Neo4j down, wrong password, ...). One line, with the fix."""


class QueryTimeout(EcosystemError):
    """A query ran past its time limit."""


class Neo4jServerError(EcosystemError):
    """The project's local Neo4j server could not be installed, started or stopped."""
