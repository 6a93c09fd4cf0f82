"""The dataset format, declared once: sheets, columns, accepted values, help and examples.

The readers match headers against it, the validator checks cells against it, the Excel template
and docs/dataset-format.md are generated from it. Change a column here and all four follow.

Canonical names are the `ecosystem.model` field names (English); `fr` and `en` are the headers
written in templates and exports. Headers are compared with `ecosystem.text.header_key`, so case,
accents, spaces and underscores never matter ("Créé le" = "cree_le" = "CREE LE").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ecosystem import vocabulary
from ecosystem.text import header_key
from ecosystem.vocabulary import Term


class Kind(StrEnum):
    """What a cell holds; the validator has one parser per kind."""

    ID = "id"  # a usable identifier: trimmed, no ";"
    TEXT = "text"  # one line of free text
    LONG_TEXT = "long_text"  # free text, may hold line breaks
    CHOICE = "choice"  # one of `Column.choices`
    POLICY_KIND = "policy_kind"  # free text; known kinds are spelled the usual way
    TERRITORY = "territory"  # commune / EPCI / département / région code or name
    SDG = "sdg"  # 1..17, "ODD 13" accepted
    INFERRED_SDG = "inferred_sdg"  # "13 (mot-cle:climat, 0.5)": number, rule, confidence
    MEAN = "mean"  # a charter lever of the "moyen" family
    LEVER = "lever"  # any of the 21 charter levers
    REF = "ref"  # id or exact name of a record of sheet `Column.target`
    DATE = "date"  # 2025-01-31, 31/01/2025 or an Excel date
    SCORE = "score"  # whole number 0..3
    BOOL = "bool"  # oui / non
    SIREN = "siren"  # 9 digits
    SIRET = "siret"  # 14 digits
    RNA = "rna"  # W + 9 characters, or an older 12-character number
    URL = "url"  # a web address


@dataclass(frozen=True, slots=True)
class Choice:
    """An accepted value: `value` is what the model stores and exports write."""

    value: str
    fr: str
    en: str
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return tuple(header_key(k) for k in (self.value, self.fr, self.en, *self.aliases))


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    fr: str
    en: str
    kind: Kind
    help_fr: str
    help_en: str
    example: str = ""  # shown in the docs and in the "Lisez-moi" sheet
    required: bool = False
    multi: bool = False  # several values separated by ";"
    aliases: tuple[str, ...] = ()
    choices: tuple[Choice, ...] = ()
    target: str = ""  # for Kind.REF: the sheet the reference points into
    default: str = ""  # documented value of an empty cell

    def header(self, lang: str = "fr") -> str:
        return self.fr if lang == "fr" else self.en

    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(header_key(k) for k in (self.name, self.fr, self.en, *self.aliases)))


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str  # canonical: "actors"
    fr: str  # sheet title and CSV file name in French: "acteurs"
    en: str
    title_fr: str  # sheet title in the template: "Acteurs"
    title_en: str
    help_fr: str
    help_en: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()
    required: bool = False
    single_row: bool = False  # the dataset sheet describes the dataset itself: one row
    example: dict[str, str] = field(default_factory=dict)  # the template's example row

    def names(self) -> tuple[str, ...]:
        written = (self.name, self.fr, self.en, self.title_fr, self.title_en, *self.aliases)
        return tuple(dict.fromkeys(header_key(k) for k in written))

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def title(self, lang: str = "fr") -> str:
        return self.title_fr if lang == "fr" else self.title_en

    def file_name(self, lang: str = "fr") -> str:
        return (self.fr if lang == "fr" else self.en) + ".csv"


# ----------------------------------------------------------------------------- accepted values

def _choices(terms: Iterable[Term]) -> tuple[Choice, ...]:
    return tuple(Choice(term.value, term.fr, term.en, term.aliases) for term in terms)


# The words themselves live in ecosystem.vocabulary, with the app's and the analyses' labels.
ACTOR_KINDS = _choices(vocabulary.ACTOR_KINDS.values())
ROLES = _choices(vocabulary.ROLES.values())
STATUSES = _choices(vocabulary.ALLIANCE_STATUSES.values())
POLICY_KINDS = _choices(vocabulary.POLICY_KINDS)

# English names of the charter's means of action (the reference data names levers in French).
MEANS_EN = {
    "data": "moyen-donnees", "tools": "moyen-outils", "skills": "moyen-competences",
    "research": "moyen-recherche", "value creation": "moyen-valorisation",
    "recognition": "moyen-valorisation",
    "governance": "moyen-gouvernance", "facilitation": "moyen-gouvernance",
    "legal framework": "moyen-cadre-legislatif", "legislation": "moyen-cadre-legislatif",
}

TRUE_WORDS = ("oui", "o", "yes", "y", "vrai", "true", "1", "x", "actif", "active")
FALSE_WORDS = ("non", "n", "no", "faux", "false", "0", "inactif", "inactive", "dissous", "dissoute")

# ----------------------------------------------------------------------------- shared columns


def _id(what_fr: str, what_en: str, example: str) -> Column:
    return Column(
        "id", "Identifiant", "id", Kind.ID,
        f"Identifiant court et stable de {what_fr}, pour y faire référence depuis les autres feuilles. "
        "Sans point-virgule. Laissé vide, il est fabriqué à partir du nom.",
        f"Short, stable identifier of the {what_en}, used to refer to it from the other sheets. "
        "No semicolon. When empty, it is made from the name.",
        example, aliases=("identifiant", "code", "ref", "référence"),
    )


def _name(what_fr: str, what_en: str, example: str) -> Column:
    return Column("name", "Nom", "name", Kind.TEXT, f"Nom de {what_fr}.", f"Name of the {what_en}.",
                  example, required=True, aliases=("nom", "libellé", "intitulé", "titre", "title"))


def _territories(required: bool, what_fr: str, what_en: str, example: str) -> Column:
    return Column(
        "territories", "Territoires", "territories", Kind.TERRITORY,
        f"Territoires où {what_fr} : code INSEE de commune (5 caractères, 2A/2B pour la Corse ; pas le "
        "code postal), "
        "SIREN d'EPCI (9 chiffres), code de département, region:NN pour une région, FR pour la France, "
        "ou un nom sans ambiguïté (« Crest », « Saint-Paul (974) »). Plusieurs : séparez par « ; ».",
        f"Territories where the {what_en}: commune INSEE code (5 characters, 2A/2B for Corsica; not the "
        "postcode), EPCI "
        "SIREN (9 digits), département code, region:NN for a région, FR for France, or an unambiguous "
        "name (\"Crest\", \"Saint-Paul (974)\"). Several: separate with \";\".",
        example, required=required, multi=True,
        aliases=("territoire", "territory", "codes insee", "code insee", "communes", "commune", "zone",
                 "périmètre"),
    )


def _sdgs(what_fr: str, what_en: str, example: str) -> Column:
    return Column(
        "sdgs", "ODD", "SDGs", Kind.SDG,
        f"Objectifs de développement durable (1 à 17) sur lesquels {what_fr}. Plusieurs : « 2; 12; 13 ».",
        f"Sustainable Development Goals (1 to 17) the {what_en}. Several: \"2; 12; 13\".",
        example, multi=True,
        aliases=("odd", "sdg", "objectifs", "objectifs de développement durable",
                 "sustainable development goals"),
    )


def _description(what_fr: str, what_en: str, example: str) -> Column:
    return Column("description", "Description", "description", Kind.LONG_TEXT,
                  f"Quelques phrases sur {what_fr}.", f"A few sentences about the {what_en}.", example,
                  aliases=("présentation", "presentation", "résumé"))


_MEANS_HELP_FR = ("moyens d'action de la charte, par leur nom ou leur identifiant : données, outils, "
                  "compétences, recherche, valorisation, gouvernance, cadre législatif")
_MEANS_HELP_EN = ("means of action of the charter, by name or id: données, outils, compétences, recherche, "
                  "valorisation, gouvernance, cadre-legislatif")

# ----------------------------------------------------------------------------- sheets

DATASET = Sheet(
    "dataset", "jeu", "dataset", "Jeu", "Dataset",
    "Facultative. Une seule ligne qui décrit le jeu de données lui-même. Sans elle, le jeu prend le nom "
    "du fichier.",
    "Optional. One row describing the dataset itself. Without it, the dataset is named after the file.",
    columns=(
        Column("id", "Identifiant", "id", Kind.ID,
               "Identifiant du jeu : recharger un jeu de même identifiant le remplace.",
               "Dataset id: loading a dataset with the same id replaces it.",
               "exemple-drome", aliases=("identifiant", "code")),
        Column("name", "Nom", "name", Kind.TEXT, "Nom du jeu de données.", "Name of the dataset.",
               "Exemple drômois", required=True, aliases=("nom", "titre", "title")),
        Column("source", "Source", "source", Kind.TEXT,
               "D'où viennent les données (structure, enquête, date).",
               "Where the data comes from (organisation, survey, date).", "Modèle ecosystem",
               aliases=("origine", "provenance")),
        _description("le jeu de données", "dataset", "Exemple à remplacer par vos données."),
    ),
    aliases=("jeu de données", "jeu de donnees", "jeux", "métadonnées", "metadata", "à propos", "about"),
    single_row=True,
    example={"id": "exemple-drome", "name": "Exemple drômois", "source": "Modèle ecosystem",
             "description": "Exemple à remplacer par vos données."},
)

ACTORS = Sheet(
    "actors", "acteurs", "actors", "Acteurs", "Actors",
    "Obligatoire. Une ligne par acteur : association, entreprise, collectivité, service public, "
    "fondation, laboratoire, collectif citoyen.",
    "Required. One row per actor: association, company, local authority, public service, foundation, "
    "research lab, citizen group.",
    columns=(
        _id("l'acteur", "actor", "exemple-cc-crestois"),
        _name("l'acteur", "actor", "CC du Crestois et de Pays de Saillans"),
        Column("kind", "Type", "kind", Kind.CHOICE, "Type d'acteur.", "Kind of actor.", "collectivite",
               required=True, choices=ACTOR_KINDS,
               aliases=("type", "type d'acteur", "catégorie", "category", "nature", "statut juridique")),
        _territories(True, "l'acteur agit", "actor acts", "200040509"),
        _sdgs("l'acteur travaille", "actor works on", "2; 11; 13"),
        Column("offers", "Offre", "offers", Kind.MEAN,
               "Ce que l'acteur apporte aux alliances : " + _MEANS_HELP_FR
               + ". Plusieurs : séparez par « ; ».",
               "What the actor brings to alliances: " + _MEANS_HELP_EN + ". Several: separate with \";\".",
               "donnees; outils", multi=True,
               aliases=("offres", "apporte", "apports", "moyens offerts", "offer", "ressources")),
        Column("needs", "Besoins", "needs", Kind.MEAN,
               "Ce que l'acteur cherche : mêmes valeurs que la colonne Offre.",
               "What the actor looks for: same values as the offers column.",
               "competences", multi=True, aliases=("besoin", "need", "moyens recherchés", "attentes")),
        Column("siren", "SIREN", "SIREN", Kind.SIREN, "Numéro SIREN (9 chiffres), si l'acteur en a un.",
               "SIREN number (9 digits), if any.", "200040509", aliases=("numéro siren", "n siren")),
        Column("siret", "SIRET", "SIRET", Kind.SIRET, "Numéro SIRET (14 chiffres) de l'établissement.",
               "SIRET number (14 digits) of the establishment.", "20004050900016",
               aliases=("numéro siret", "n siret")),
        Column("rna", "RNA", "RNA", Kind.RNA, "Numéro RNA d'une association (W suivi de 9 caractères).",
               "RNA number of an association (W and 9 characters).", "W261000123",
               aliases=("numéro rna", "n rna", "numéro waldec", "waldec")),
        _description("l'acteur", "actor", "Communauté de communes de la vallée de la Drôme."),
        Column("website", "Site web", "website", Kind.URL, "Adresse du site web.", "Web address.",
               "https://www.exemple.fr", aliases=("site", "site internet", "url", "web", "site web")),
        Column("active", "Actif", "active", Kind.BOOL,
               "« oui » ou « non » : un acteur inactif (dissous, en sommeil) reste visible mais ne compte "
               "plus dans les analyses. Vide : oui.",
               "\"yes\" or \"no\": an inactive actor stays visible but no longer counts in the analyses. "
               "Empty: yes.", "oui", aliases=("actif", "en activité", "is active"), default="oui"),
        Column("created", "Créé le", "created", Kind.DATE, "Date de création de la structure.",
               "Date the organisation was created.", "2014-01-01",
               aliases=("date de création", "date creation", "création", "creation date", "créée le")),
        Column("source", "Source", "source", Kind.TEXT,
               "Registre d'où vient la ligne (rna, sirene...). Vide pour une saisie à la main.",
               "Register the row was imported from (rna, sirene...). Empty when typed by a person.",
               "", aliases=("origine", "registre")),
        Column("inferred_sdgs", "ODD déduits", "inferred SDGs", Kind.INFERRED_SDG,
               "ODD déduits par une règle, jamais présentés comme déclarés : « numéro (règle, confiance) », "
               "par exemple « 13 (mot-cle:climat, 0.5) ». Rempli par les imports de registres.",
               "SDGs inferred by a rule, never passed off as declared: \"number (rule, confidence)\", e.g. "
               "\"13 (mot-cle:climat, 0.5)\". Filled by the register imports.",
               "13 (mot-cle:climat, 0.5)", multi=True,
               aliases=("odd déduits", "odd inférés", "inferred sdgs", "odd deduits")),
        Column("rejected_sdgs", "ODD rejetés", "rejected SDGs", Kind.SDG,
               "ODD déduits qu'une personne a rejetés : ils ne seront plus jamais déduits pour cet acteur, "
               "même après une nouvelle importation. Rempli par l'application.",
               "Inferred SDGs a person rejected: never inferred again for this actor, even after a "
               "re-import. Filled by the app.", "", multi=True,
               aliases=("odd rejetes", "rejected sdgs", "odd refusés")),
    ),
    aliases=("acteur", "actor", "structures", "organisations", "organizations"),
    required=True,
    example={"id": "exemple-cc-crestois", "name": "CC du Crestois et de Pays de Saillans",
             "kind": "collectivite", "territories": "200040509", "sdgs": "2; 11; 13",
             "offers": "donnees; outils", "needs": "competences", "siren": "200040509",
             "description": "Communauté de communes de la vallée de la Drôme.", "active": "oui"},
)

POLICIES = Sheet(
    "policies", "politiques", "policies", "Politiques", "Policies",
    "Facultative. Une ligne par politique publique (PCAET, PAT, contrat de ville, CRTE...).",
    "Optional. One row per public policy (PCAET, PAT, contrat de ville, CRTE...).",
    columns=(
        _id("la politique", "policy", "exemple-pat-crestois"),
        _name("la politique", "policy", "Projet alimentaire territorial du Crestois"),
        Column("kind", "Type", "kind", Kind.POLICY_KIND,
               "Type de politique : PCAET, PAT, CRTE, Contrat de ville, CLS, PLH, PLUi, SCoT... ou tout "
               "autre libellé.",
               "Kind of policy: PCAET, PAT, CRTE, Contrat de ville, CLS, PLH, PLUi, SCoT... or any other "
               "label.",
               "PAT", required=True, choices=POLICY_KINDS, aliases=("type", "dispositif", "catégorie")),
        Column("carriers", "Porteurs", "carriers", Kind.REF,
               "Acteurs qui portent la politique (collectivités), par identifiant ou nom exact de la "
               "feuille Acteurs. Plusieurs : séparez par « ; ».",
               "Actors carrying the policy (local authorities), by id or exact name from the actors sheet. "
               "Several: separate with \";\".",
               "exemple-cc-crestois", multi=True, target="actors",
               aliases=("porteur", "carrier", "porté par", "portée par", "collectivités")),
        _territories(True, "la politique s'applique", "policy applies", "200040509"),
        _sdgs("la politique porte", "policy addresses", "2; 12"),
        _description("la politique", "policy", "Relocaliser l'alimentation des cantines."),
    ),
    aliases=("politique", "policy", "politiques publiques", "public policies", "dispositifs"),
    example={"id": "exemple-pat-crestois", "name": "Projet alimentaire territorial du Crestois",
             "kind": "PAT", "carriers": "exemple-cc-crestois", "territories": "200040509", "sdgs": "2; 12",
             "description": "Relocaliser l'alimentation des cantines."},
)

ALLIANCES = Sheet(
    "alliances", "alliances", "alliances", "Alliances", "Alliances",
    "Facultative. Une ligne par alliance d'intérêt général.",
    "Optional. One row per general-interest alliance.",
    columns=(
        _id("l'alliance", "alliance", "exemple-alliance-crest"),
        _name("l'alliance", "alliance", "Alliance alimentaire de Crest"),
        Column("purpose", "Objet", "purpose", Kind.LONG_TEXT, "Ce que l'alliance cherche à faire.",
               "What the alliance sets out to do.", "Approvisionner les cantines en produits locaux.",
               aliases=("but", "finalité", "objectif", "mission", "raison d'être")),
        Column("started", "Début", "started", Kind.DATE, "Date de début de l'alliance.",
               "Date the alliance started.", "2025-01-15",
               aliases=("date de début", "démarrage", "start", "start date", "depuis")),
        Column("status", "Statut", "status", Kind.CHOICE, "Où en est l'alliance. Vide : active.",
               "Where the alliance stands. Empty: active.", "active", choices=STATUSES,
               aliases=("statut", "état", "state"), default="active"),
        _territories(False, "l'alliance est ancrée", "alliance is anchored", "26108"),
        _sdgs("l'alliance vise", "alliance targets", "2; 12"),
        Column("policies", "Politiques", "policies", Kind.REF,
               "Politiques publiques avec lesquelles l'alliance s'articule, par identifiant ou nom exact "
               "de la feuille Politiques. Plusieurs : séparez par « ; ».",
               "Public policies the alliance aligns with, by id or exact name from the policies sheet. "
               "Several: separate with \";\".",
               "exemple-pat-crestois", multi=True, target="policies",
               aliases=("politique", "politiques publiques", "policy", "articulation")),
    ),
    aliases=("alliance",),
    example={"id": "exemple-alliance-crest", "name": "Alliance alimentaire de Crest",
             "purpose": "Approvisionner les cantines en produits locaux.", "started": "2025-01-15",
             "status": "active", "territories": "26108", "sdgs": "2; 12", "policies": "exemple-pat-crestois"},
)

MEMBERSHIPS = Sheet(
    "memberships", "membres", "members", "Membres", "Members",
    "Facultative. Une ligne par acteur membre d'une alliance, avec son rôle.",
    "Optional. One row per actor taking part in an alliance, with its role.",
    columns=(
        Column("alliance", "Alliance", "alliance", Kind.REF,
               "L'alliance, par identifiant ou nom exact de la feuille Alliances.",
               "The alliance, by id or exact name from the alliances sheet.",
               "exemple-alliance-crest", required=True, target="alliances"),
        Column("actor", "Acteur", "actor", Kind.REF, "L'acteur membre, par identifiant ou nom exact de la "
               "feuille Acteurs.", "The member actor, by id or exact name from the actors sheet.",
               "exemple-cc-crestois", required=True, target="actors",
               aliases=("membre", "member", "structure")),
        Column("role", "Rôle", "role", Kind.CHOICE, "Rôle de l'acteur dans l'alliance. Vide : partenaire.",
               "Role of the actor in the alliance. Empty: partenaire.", "pilote", choices=ROLES,
               aliases=("rôle", "fonction"), default="partenaire"),
    ),
    aliases=("membre", "member", "membership", "memberships", "adhésions", "partenariats", "participants"),
    example={"alliance": "exemple-alliance-crest", "actor": "exemple-cc-crestois", "role": "pilote"},
)

ASSESSMENTS = Sheet(
    "assessments", "evaluations", "assessments", "Évaluations", "Assessments",
    "Facultative. Les auto-évaluations datées d'une alliance, levier par levier de la charte : "
    "on garde l'historique pour voir le chemin parcouru.",
    "Optional. An alliance's dated self-assessments, lever by lever of the charter; the history is "
    "kept to see the path travelled.",
    columns=(
        Column("alliance", "Alliance", "alliance", Kind.REF,
               "L'alliance évaluée, par identifiant ou nom exact de la feuille Alliances.",
               "The assessed alliance, by id or exact name from the alliances sheet.",
               "exemple-alliance-crest", required=True, target="alliances"),
        Column("lever", "Levier", "lever", Kind.LEVER,
               "Un des 21 leviers de la charte, par identifiant ou nom : principe-4, « Complémentarité », "
               "« principe 4 », modalite-evaluer, « Données »...",
               "One of the charter's 21 levers, by id or name: principe-4, \"Complémentarité\", "
               "\"principe 4\", modalite-evaluer, \"Données\"...",
               "principe-4", required=True, aliases=("levier", "principe", "critère", "criterion")),
        Column("on", "Date", "date", Kind.DATE, "Date de l'évaluation.", "Date of the assessment.",
               "2025-06-30", required=True, aliases=("le", "évalué le", "date d'évaluation", "on")),
        Column("score", "Note", "score", Kind.SCORE,
               "Note de 0 (absent) à 3 (pleinement en place).",
               "Score from 0 (absent) to 3 (fully in place).",
               "2", required=True, aliases=("note", "niveau", "level")),
        Column("comment", "Commentaire", "comment", Kind.LONG_TEXT, "Ce qui justifie la note.",
               "What supports the score.", "Chaque partenaire apporte une compétence distincte.",
               aliases=("commentaire", "remarque", "justification", "notes")),
    ),
    aliases=("évaluation", "assessment", "auto-évaluations", "auto-évaluation", "self-assessments",
             "autoevaluations"),
    example={"alliance": "exemple-alliance-crest", "lever": "principe-4", "on": "2025-06-30",
             "score": "2", "comment": "Chaque partenaire apporte une compétence distincte."},
)

SHEETS: tuple[Sheet, ...] = (DATASET, ACTORS, POLICIES, ALLIANCES, MEMBERSHIPS, ASSESSMENTS)
SHEETS_BY_NAME: dict[str, Sheet] = {s.name: s for s in SHEETS}

# Sheets a workbook may hold that are not data (the template's own help and lists): skipped silently.
IGNORED_SHEETS = tuple(header_key(k) for k in
                       ("Lisez-moi", "Read me", "readme", "Aide", "Help", "Listes", "Lists", "Notice"))

SEPARATOR_HELP_FR = "Plusieurs valeurs dans une cellule : séparez-les par un point-virgule « ; »."


def sheet_for(title: str) -> Sheet | None:
    """The sheet a workbook tab, a CSV file stem or a JSON key stands for, if any.

    >>> sheet_for("Évaluations").name
    'assessments'
    >>> sheet_for("drome_acteurs").name
    'actors'
    >>> sheet_for("notes") is None
    True
    >>> sheet_for("evaluations_alliances") is None  # two sheets named: no guess
    True
    """
    key = header_key(title)
    for sheet in SHEETS:
        if key in sheet.names():
            return sheet
    words = title.replace("-", " ").replace("_", " ").replace(".", " ").split()
    if len(words) < 2:
        return None
    found = {sheet.name: sheet for word in (words[0], words[-1]) for sheet in SHEETS
             if header_key(word) in sheet.names()}
    return next(iter(found.values())) if len(found) == 1 else None


def column_index(sheet: Sheet) -> dict[str, Column]:
    """Header key -> column, for every name a column answers to."""
    index: dict[str, Column] = {}
    for column in sheet.columns:
        for key in column.names():
            if key in index and index[key] is not column:
                raise ValueError(f"sheet {sheet.name}: header {key!r} names two columns")
            index[key] = column
    return index


COLUMN_INDEX: dict[str, dict[str, Column]] = {s.name: column_index(s) for s in SHEETS}


# What each kind of cell accepts, for the "Lisez-moi" sheet and the docs: (French, English).
KIND_HELP: dict[Kind, tuple[str, str]] = {
    Kind.ID: ("texte sans « ; »", "text without \";\""),
    Kind.TEXT: ("texte", "text"),
    Kind.LONG_TEXT: ("texte, retours à la ligne permis", "text, line breaks allowed"),
    Kind.CHOICE: ("une valeur de la liste", "one value of the list"),
    Kind.POLICY_KIND: ("texte ; les types connus sont écrits de façon uniforme",
                       "text; known kinds are spelled uniformly"),
    Kind.TERRITORY: ("code INSEE, SIREN d'EPCI, code de département, region:NN, FR ou nom",
                     "INSEE code, EPCI SIREN, département code, region:NN, FR or name"),
    Kind.SDG: ("nombre de 1 à 17 (« ODD 13 » accepté)", "number from 1 to 17 (\"SDG 13\" accepted)"),
    Kind.INFERRED_SDG: ("numéro (règle, confiance)", "number (rule, confidence)"),
    Kind.MEAN: ("moyen d'action de la charte", "means of action of the charter"),
    Kind.LEVER: ("levier de la charte (identifiant ou nom)", "charter lever (id or name)"),
    Kind.REF: ("identifiant ou nom exact", "id or exact name"),
    Kind.DATE: ("date : 31/01/2025 ou 2025-01-31", "date: 31/01/2025 or 2025-01-31"),
    Kind.SCORE: ("0, 1, 2 ou 3", "0, 1, 2 or 3"),
    Kind.BOOL: ("oui ou non", "yes or no (oui / non)"),
    Kind.SIREN: ("9 chiffres", "9 digits"),
    Kind.SIRET: ("14 chiffres", "14 digits"),
    Kind.RNA: ("W suivi de 9 caractères", "W and 9 characters"),
    Kind.URL: ("adresse web", "web address"),
}


def accepted(column: Column, lang: str = "fr") -> str:
    """What a column accepts, in words: the list of values for a choice, the kind's help otherwise."""
    if column.kind is Kind.CHOICE:
        return ", ".join(c.value for c in column.choices)
    fr, en = KIND_HELP[column.kind]
    return fr if lang == "fr" else en
