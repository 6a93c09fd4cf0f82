"""Words for the analyses' sentences, in French first and in English.

The analyses explain every figure in one sentence a non-programmer can act on; this module holds
the small pieces they are made of (lists, SDG and lever names, places, numbers), so that each
analysis only says *what* it wants to say, once per language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from ecosystem import vocabulary
from ecosystem.analysis import articles
from ecosystem.analysis.thresholds import PLACES_SHOWN, Status
from ecosystem.lang import ACCEPTED, Lang, parse_lang
from ecosystem.model import ActorKind, Dimension, Level
from ecosystem.reference import reference
from ecosystem.text import strip_accents

LANGS = ACCEPTED


def check_lang(lang: str) -> Lang:
    """The language (`fr`, `FR`, ` en `...), or `UnknownLang`: only French and English are written."""
    return parse_lang(lang, "lang")


def tr(lang: str, fr: str, en: str) -> str:
    """The French or the English text.

    >>> tr("en", "bonjour", "hello")
    'hello'
    """
    return fr if lang == "fr" else en


def join(items: Iterable[str], lang: str) -> str:
    """A list the way it is written in a sentence.

    >>> join(["Valence", "Crest", "Die"], "fr")
    'Valence, Crest et Die'
    >>> join(["Valence", "Crest"], "en")
    'Valence and Crest'
    """
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + tr(lang, " et ", " and ") + words[-1]


def sentence(clauses: Iterable[str], lang: str) -> str:
    """Clauses joined into one sentence, capitalised, ending with a full stop, unless a quotation
    that ends the sentence already ends with its own (« … à ce jour. » takes no second one).

    >>> sentence(["présent à Valence", "apporte l'ODD 7"], "fr")
    "Présent à Valence ; apporte l'ODD 7."
    >>> sentence(["commentaire : « Aucun trajet à ce jour. »"], "fr")
    'Commentaire : « Aucun trajet à ce jour. »'
    """
    parts = [c.strip() for c in clauses if c and c.strip()]
    if not parts:
        return ""
    text = tr(lang, " ; ", "; ").join(parts)
    text = text[0].upper() + text[1:]
    ending = text.rstrip("»”\"' \u00a0\u202f")
    return text if ending.endswith((".", "!", "?", "…")) else text + "."


def quoted(text: str, lang: str) -> str:
    """A name between the quotes of the language.

    >>> quoted("Réemploi Romans", "fr"), quoted("Réemploi Romans", "en")
    ('« Réemploi Romans »', '"Réemploi Romans"')
    """
    return f"« {text} »" if lang == "fr" else f'"{text}"'


def starts_with_vowel(text: str) -> bool:
    """Whether French elides before this word ("d'Innover", "l'Atelier"; h counted as mute).

    >>> starts_with_vowel("Évaluer"), starts_with_vowel("Outils"), starts_with_vowel("Données")
    (True, True, False)
    """
    first = strip_accents(text[:1]).lower()
    return bool(first) and first in "aeiouyh"


def number(value: float, lang: str, digits: int = 2) -> str:
    """A decimal number with the decimal comma in French.

    >>> number(0.6667, "fr")
    '0,67'
    """
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "fr" else text


def percent(value: float, lang: str) -> str:
    """A share as a whole percentage (French puts a space before %).

    >>> percent(0.5, "fr"), percent(0.5, "en"), percent(0.003, "fr")
    ('50 %', '50%', 'moins de 1 %')
    """
    if 0 < value < 0.005:  # never "0 %" for something that is there
        return tr(lang, "moins de 1 %", "less than 1%")
    return f"{round(value * 100)}{tr(lang, ' %', '%')}"


def whole(value: int, lang: str) -> str:
    """A whole number with the thousands separator of the language (a narrow no-break space in French).

    >>> whole(12345, "fr"), whole(12345, "en")
    ('12\u202f345', '12,345')
    """
    text = f"{value:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def counted(count: int, singular: str, plural_form: str, lang: str) -> str:
    """A count and its noun, agreed: French keeps the singular for 0 and 1, English for 1 only.

    >>> counted(1, "alliance", "alliances", "fr"), counted(0, "acteur", "acteurs", "fr")
    ('1 alliance', '0 acteur')
    >>> counted(0, "actor", "actors", "en"), counted(1500, "ligne", "lignes", "fr")
    ('0 actors', '1\u202f500 lignes')
    """
    one = count in (0, 1) if lang == "fr" else count == 1
    return f"{whole(count, lang)} {singular if one else plural_form}"


def date_text(day: date, lang: str) -> str:
    """A date as French readers write it (ISO in English).

    >>> date_text(date(2025, 6, 1), "fr")
    '01/06/2025'
    """
    return day.strftime("%d/%m/%Y") if lang == "fr" else day.isoformat()


def plural(count: int, singular: str, plural_form: str) -> str:
    """A count with its noun in the right number.

    >>> plural(1, "partenaire", "partenaires"), plural(2, "partenaire", "partenaires")
    ('1 partenaire', '2 partenaires')
    """
    return f"{count} {singular if count == 1 else plural_form}"


# ----------------------------------------------------------------------------- SDGs


def sdgs_phrase(numbers: Iterable[int], lang: str, article: bool = True) -> str:
    """SDG numbers as in "apporte les ODD 7 et 13".

    >>> sdgs_phrase([13, 7], "fr")
    'les ODD 7 et 13'
    >>> sdgs_phrase([7], "fr")
    "l'ODD 7"
    >>> sdgs_phrase([7, 13], "en")
    'SDGs 7 and 13'
    """
    nums = [str(n) for n in sorted(set(numbers))]
    if lang == "en":
        return ("SDG " if len(nums) == 1 else "SDGs ") + join(nums, lang)
    if not article:
        return "ODD " + join(nums, lang)
    return ("l'ODD " if len(nums) == 1 else "les ODD ") + join(nums, lang)


def sdg_named(number_: int, lang: str) -> str:
    """An SDG with its name, for evidence sentences.

    >>> sdg_named(2, "en")
    'SDG 2 (Zero hunger)'
    """
    sdg = reference().sdgs[number_]
    return tr(lang, f"ODD {number_} ({sdg.name_fr})", f"SDG {number_} ({sdg.name_en})")


def sdgs_named(numbers: Iterable[int], lang: str, article: bool = False) -> str:
    """Several SDGs with their names (with their French article when asked).

    >>> sdgs_named([12, 2], "fr")
    'ODD 2 (Faim « zéro ») et ODD 12 (Consommation et production responsables)'
    >>> sdgs_named([13], "fr", article=True)
    "l'ODD 13 (Mesures relatives à la lutte contre les changements climatiques)"
    """
    prefix = "l'" if article and lang == "fr" else ""
    return join((prefix + sdg_named(n, lang) for n in sorted(set(numbers))), lang)


def dimension_name(dimension: str, lang: str) -> str:
    """The adjective of an SDG dimension (biosphere -> environnementale).

    >>> dimension_name("biosphere", "fr")
    'environnementale'
    """
    return vocabulary.SDG_DIMENSIONS[Dimension(str(dimension))].label(lang)


def sdgs_of_dimension(dimension: str) -> tuple[int, ...]:
    """The SDG numbers of one dimension, from the reference data.

    >>> sdgs_of_dimension("biosphere")
    (6, 13, 14, 15)
    """
    return tuple(s.number for s in reference().sdgs if s.dimension.value == str(dimension))


# ----------------------------------------------------------------------------- actors, levers

def kind_name(kind: ActorKind | str, lang: str, plural_: bool = False) -> str:
    """The kind of actor as a bare noun (table cells, lists).

    >>> kind_name("collectivite", "fr"), kind_name("entreprise", "en", plural_=True)
    ('collectivité', 'companies')
    """
    return vocabulary.actor_kind(kind).label(lang, plural=plural_)


def kind_with_article(kind: ActorKind | str, lang: str) -> str:
    """The kind of actor with its indefinite article, for sentences.

    >>> kind_with_article("recherche", "fr")
    'un organisme de recherche'
    """
    return vocabulary.actor_kind(kind).indefinite(lang)


def lever_name(lever_id: str, lang: str) -> str:
    """The short name of a charter lever (French from the reference data).

    >>> lever_name("moyen-donnees", "fr"), lever_name("moyen-donnees", "en")
    ('Données', 'Data')
    """
    if lang == "en" and lever_id in vocabulary.LEVER_NAMES_EN:
        return vocabulary.LEVER_NAMES_EN[lever_id]
    try:
        return reference().levers[lever_id].name
    except KeyError:
        return lever_id


def levers_phrase(lever_ids: Iterable[str], lang: str) -> str:
    """Several levers as a list, in charter order.

    >>> levers_phrase(["moyen-outils", "moyen-donnees"], "fr")
    'Données et Outils'
    """
    order = {lv.id: i for i, lv in enumerate(reference().levers)}
    ids = sorted(set(lever_ids), key=lambda i: order.get(i, 99))
    return join((lever_name(i, lang) for i in ids), lang)


def status_label(status: Status | str, lang: str) -> str:
    """A status in words.

    >>> status_label("partly", "fr")
    'en partie'
    """
    return vocabulary.verdict(Status(status)).label(lang)


# ----------------------------------------------------------------------------- places


def by_importance(territory_ids: Iterable[str]) -> tuple[str, ...]:
    """Territory ids, most populated first (then by id): the names a reader knows come first."""
    h = reference().hierarchy

    def key(tid: str) -> tuple[int, str]:
        t = h.get(tid)
        return (-(t.population if t else 0), tid)

    return tuple(sorted(set(territory_ids), key=key))


def territory_name(tid: str) -> str:
    t = reference().hierarchy.get(tid)
    return t.name if t else tid


def level_name(level: Level | str, lang: str, plural_: bool = False) -> str:
    """A territorial level in words.

    >>> level_name("departement", "fr"), level_name("commune", "en", plural_=True)
    ('département', 'municipalities')
    """
    return vocabulary.level(level).label(lang, plural=plural_)


def place_names(territory_ids: Iterable[str], lang: str, shown: int = PLACES_SHOWN,
                total: int | None = None) -> str:
    """The best-known names, then how many others; `total` counts them all when only the first
    few ids are given (a national actor shares 35,000 communes).

    >>> place_names(["commune:26108", "commune:26362"], "fr")
    'Valence et Crest'
    >>> place_names(["commune:26108", "commune:26362", "commune:26281"], "fr", shown=1)
    'Valence et 2 autres communes'
    >>> place_names(["commune:26362"], "en", total=362)
    'Valence and 361 other municipalities'
    """
    ids = by_importance(territory_ids)
    names = [territory_name(t) for t in ids[:shown]]
    rest = max(len(ids), total or 0) - len(names)
    if rest <= 0:
        return join(names, lang)
    levels = {tid.partition(":")[0] for tid in ids}
    if len(levels) == 1:
        noun = level_name(levels.pop(), lang, plural_=rest > 1)
    else:
        noun = tr(lang, "territoires" if rest > 1 else "territoire", "places" if rest > 1 else "place")
    other = tr(lang, "autres" if rest > 1 else "autre", "other")
    return ", ".join(names) + tr(lang, " et ", " and ") + f"{rest} {other} {noun}"


def in_places(territory_ids: Sequence[str] | frozenset[str], lang: str, total: int | None = None) -> str:
    """Where, with the right preposition: "à Valence", "sur le territoire de la Drôme", "in Valence".

    >>> in_places(["commune:26362"], "fr"), in_places(["departement:26"], "fr")
    ('à Valence', 'sur le territoire de la Drôme')
    >>> in_places(["epci:246900757"], "fr")
    'sur le territoire de la CC de la Vallée du Garon (CCVG)'
    """
    names = place_names(territory_ids, lang, total=total)
    if lang == "en":
        return f"in {names}"
    ids = set(territory_ids)
    levels = {tid.partition(":")[0] for tid in ids}
    many = max(len(ids), total or 0) > 1
    if many and ids and "commune" not in levels:
        return "sur les territoires " + _each_de(ids, total)
    if not many and ids:  # one territory: its article from the INSEE type of name (articles.py)
        (tid,) = ids
        names = articles.territory_in_sentence(tid, names)
    if levels == {"commune"}:
        return to(names)
    return ("sur les territoires " if many else "sur le territoire ") + de(names)


def _each_de(ids: set[str], total: int | None) -> str:
    """Several EPCI, départements or régions, each with its article and its « de », as French
    repeats it: « de la CA Valence Romans Agglo, de la CC du Diois et de 13 autres EPCI »."""
    ordered = by_importance(ids)
    shown = [de(articles.territory_in_sentence(t, territory_name(t))) for t in ordered[:PLACES_SHOWN]]
    rest = max(len(ordered), total or 0) - len(shown)
    if rest <= 0:
        return join(shown, "fr")
    levels = {tid.partition(":")[0] for tid in ordered}
    noun = level_name(levels.pop(), "fr", plural_=rest > 1) if len(levels) == 1 else (
        "territoires" if rest > 1 else "territoire")
    others = f"de {rest} autres {noun}" if rest > 1 else f"d'un autre {noun}"
    return ", ".join(shown) + " et " + others


def de(name: str) -> str:
    """French "de" before a name: elided before a vowel, contracted with "le" and "les".

    >>> de("Auvergne-Rhône-Alpes"), de("Drôme"), de("Le Panier"), de("Les Jardins"), de("La Table")
    ("d'Auvergne-Rhône-Alpes", 'de Drôme', 'du Panier', 'des Jardins', 'de La Table')
    """
    first_word, _, rest = name.partition(" ")
    if first_word in ("Le", "le") and rest:
        return f"du {rest}"
    if first_word in ("Les", "les") and rest:
        return f"des {rest}"
    first = strip_accents(name[:1]).lower()
    return f"d'{name}" if first and first in "aeiouyh" else f"de {name}"


def to(name: str) -> str:
    """French "à" before a name, contracted with "Le" and "Les".

    >>> to("Le Panier"), to("Les Jardins"), to("Valence")
    ('au Panier', 'aux Jardins', 'à Valence')
    """
    first_word, _, rest = name.partition(" ")
    if first_word in ("Le", "le") and rest:
        return f"au {rest}"
    if first_word in ("Les", "les") and rest:
        return f"aux {rest}"
    return f"à {name}"
