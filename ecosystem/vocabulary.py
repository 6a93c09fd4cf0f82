"""The domain's words, declared once: kinds of actors, roles, statuses, levels, verdicts, levers.

Readers accept these words (and their aliases) in files, the analyses put them in sentences, the CLI
and the app show them as labels, the map writes them in legends: all read this module, so a kind of
actor is never named two ways. Each `Term` carries what French grammar needs to write it in a
sentence (plural, gender, the indefinite form when it is not simply "un"/"une" + noun), so the
renderers of the analyses can agree articles and adjectives without a table of their own.

It sits at the bottom of the house: it imports only the model and the language, nothing that reads
files, so anything may import it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from ecosystem.lang import Lang
from ecosystem.model import ActorKind, AllianceStatus, Dimension, Level, LeverFamily, MemberRole


class Gender(StrEnum):
    """The grammatical gender of a French noun: it chooses the article and agrees the adjectives."""

    MASCULINE = "m"
    FEMININE = "f"


@dataclass(frozen=True, slots=True)
class Term:
    """One word of the domain in both languages.

    `value` is what the model stores and exports write; `fr`/`en` the bare singular nouns shown as
    labels; plurals default to the singular + "s"; `fr_indefinite` overrides "un"/"une" + `fr` where
    a sentence needs another noun ("un organisme de recherche" for the kind "recherche").
    `aliases` are other spellings accepted in files (compared without case, accents or spacing).
    """

    value: str
    fr: str
    en: str
    gender: Gender = Gender.MASCULINE
    fr_plural: str = ""
    en_plural: str = ""
    fr_indefinite: str = ""
    aliases: tuple[str, ...] = ()

    def label(self, lang: Lang | str, plural: bool = False) -> str:
        """The bare noun, singular or plural.

        >>> ACTOR_KINDS[ActorKind.ENTREPRISE].label("en", plural=True)
        'companies'
        """
        if lang == Lang.EN:
            return (self.en_plural or self.en + "s") if plural else self.en
        return (self.fr_plural or self.fr + "s") if plural else self.fr

    def title(self, lang: Lang | str, plural: bool = False) -> str:
        """The label capitalised, for table headers, legends and pickers.

        >>> ACTOR_KINDS[ActorKind.COLLECTIVITE].title("fr")
        'Collectivité'
        """
        text = self.label(lang, plural)
        return text[:1].upper() + text[1:]

    def indefinite(self, lang: Lang | str) -> str:
        """The noun with its indefinite article, for sentences.

        >>> actor_kind("recherche").indefinite("fr"), actor_kind("association").indefinite("en")
        ('un organisme de recherche', 'an association')
        """
        if lang == Lang.EN:
            return ("an " if self.en[:1].lower() in "aeiou" else "a ") + self.en
        if self.fr_indefinite:
            return self.fr_indefinite
        return ("une " if self.gender == Gender.FEMININE else "un ") + self.fr

    def names(self) -> tuple[str, ...]:
        """Every spelling a file may use for this term."""
        return (self.value, self.fr, self.en, *self.aliases)


F = Gender.FEMININE
M = Gender.MASCULINE

ACTOR_KINDS: Mapping[ActorKind, Term] = {
    ActorKind.ASSOCIATION: Term("association", "association", "association", F, aliases=("asso",)),
    ActorKind.ENTREPRISE: Term("entreprise", "entreprise", "company", F, en_plural="companies",
                               aliases=("société", "business", "ess", "entreprise de l'ESS")),
    ActorKind.COLLECTIVITE: Term("collectivite", "collectivité", "local authority", F,
                                 en_plural="local authorities",
                                 aliases=("collectivité territoriale", "collectivité locale", "commune",
                                          "mairie", "epci", "département", "région")),
    ActorKind.SERVICE_PUBLIC: Term("service_public", "service public", "public service", M,
                                   fr_plural="services publics",
                                   aliases=("administration", "établissement public")),
    ActorKind.FONDATION: Term("fondation", "fondation", "foundation", F),
    ActorKind.RECHERCHE: Term("recherche", "recherche", "research", M,
                              fr_plural="organismes de recherche", en_plural="research bodies",
                              fr_indefinite="un organisme de recherche",
                              aliases=("université", "laboratoire", "university")),
    ActorKind.COLLECTIF_CITOYEN: Term("collectif_citoyen", "collectif citoyen", "citizen group", M,
                                      fr_plural="collectifs citoyens", aliases=("collectif", "citoyens")),
    ActorKind.AUTRE: Term("autre", "autre", "other", M, fr_plural="autres acteurs", en_plural="other actors",
                          fr_indefinite="un acteur d'un autre type"),
}
"""The kinds of actors; the French indefinite of "recherche" names the body, not the activity."""

ROLES: Mapping[MemberRole, Term] = {
    MemberRole.PILOTE: Term("pilote", "pilote", "lead", M,
                            aliases=("chef de file", "porteur", "coordinateur", "pilot")),
    MemberRole.PARTENAIRE: Term("partenaire", "partenaire", "partner", M, aliases=("membre", "member")),
    MemberRole.FINANCEUR: Term("financeur", "financeur", "funder", M,
                               aliases=("financeuse", "mécène", "sponsor")),
    MemberRole.BENEFICIAIRE: Term("beneficiaire", "bénéficiaire", "beneficiary", M,
                                  en_plural="beneficiaries"),
}
"""A member's role in an alliance."""

ALLIANCE_STATUSES: Mapping[AllianceStatus, Term] = {
    AllianceStatus.PROJET: Term("projet", "en projet", "planned", M, fr_plural="en projet",
                                en_plural="planned",
                                aliases=("projet", "project", "à venir", "en construction")),
    AllianceStatus.ACTIVE: Term("active", "active", "active", F, en_plural="active",
                                aliases=("actif", "en cours", "ongoing")),
    AllianceStatus.TERMINEE: Term("terminee", "terminée", "ended", F, en_plural="ended",
                                  aliases=("terminé", "finie", "fini", "close", "closed", "finished")),
}
"""Where an alliance stands: adjectives agreeing with « alliance » (feminine)."""

LEVELS: Mapping[Level, Term] = {
    Level.COMMUNE: Term("commune", "commune", "municipality", F, en_plural="municipalities"),
    Level.EPCI: Term("epci", "EPCI", "EPCI", M, fr_plural="EPCI", en_plural="EPCIs",
                     fr_indefinite="un EPCI", aliases=("interco", "intercommunalité")),
    Level.DEPARTEMENT: Term("departement", "département", "département", M, aliases=("dept",)),
    Level.REGION: Term("region", "région", "region", F),
    Level.PAYS: Term("pays", "pays", "country", M, fr_plural="pays", en_plural="countries"),
}
"""Territorial levels, finest first (the INSEE names in French)."""

VERDICTS: Mapping[str, Term] = {
    "met": Term("met", "atteint", "met", M, fr_plural="atteints", en_plural="met"),
    "partly": Term("partly", "en partie", "partly met", M, fr_plural="en partie", en_plural="partly met"),
    "not_met": Term("not_met", "non atteint", "not met", M, fr_plural="non atteints", en_plural="not met"),
    "not_assessable": Term("not_assessable", "non évaluable", "not assessable", M,
                           fr_plural="non évaluables", en_plural="not assessable"),
}
"""The verdict on one principle or lever (adjectives agreeing with « principe », masculine), keyed by
`ecosystem.analysis.thresholds.Status` values."""

LEVER_FAMILIES: Mapping[LeverFamily, Term] = {
    LeverFamily.PRINCIPE: Term("principe", "principe", "principle", M),
    LeverFamily.MODALITE: Term("modalite", "modalité", "modality", F, en_plural="modalities"),
    LeverFamily.MOYEN: Term("moyen", "moyen", "means", M, fr_plural="moyens", en_plural="means"),
}
"""The charter's three families of levers."""

SDG_DIMENSIONS: Mapping[Dimension, Term] = {
    Dimension.BIOSPHERE: Term("biosphere", "environnementale", "environmental", F),
    Dimension.SOCIETY: Term("society", "sociale", "social", F),
    Dimension.ECONOMY: Term("economy", "économique", "economic", F),
    Dimension.PARTNERSHIP: Term("partnership", "partenariale", "partnership", F),
}
"""The SDG dimensions as adjectives agreeing with « dimension » (feminine)."""

POLICY_KINDS: tuple[Term, ...] = (
    Term("PCAET", "PCAET", "PCAET", M, aliases=("plan climat", "plan climat air énergie territorial")),
    Term("PAT", "PAT", "PAT", M, aliases=("projet alimentaire territorial",)),
    Term("CRTE", "CRTE", "CRTE", M, aliases=("contrat de relance et de transition écologique",)),
    Term("Contrat de ville", "Contrat de ville", "Contrat de ville", M, aliases=("politique de la ville",)),
    Term("CLS", "CLS", "CLS", M, aliases=("contrat local de santé",)),
    Term("PLH", "PLH", "PLH", M, aliases=("programme local de l'habitat",)),
    Term("PLUi", "PLUi", "PLUi", M, aliases=("plan local d'urbanisme intercommunal",)),
    Term("PLU", "PLU", "PLU", M, aliases=("plan local d'urbanisme",)),
    Term("SCoT", "SCoT", "SCoT", M, aliases=("schéma de cohérence territoriale",)),
    Term("Agenda 2030", "Agenda 2030", "Agenda 2030", M, aliases=("agenda 2030 local",)),
)
"""The usual kinds of territorial public policies: acronyms, written the same in both languages.
A policy's kind is free text; these are only spelled the usual way when recognised."""

AUDIT_ACTIONS: Mapping[str, Term] = {
    "load": Term("load", "import", "load", M),
    "replace": Term("replace", "remplacement", "replacement", M),
    "remove": Term("remove", "retrait", "removal", M),
    "restore": Term("restore", "restauration", "restore", F),
    "assess": Term("assess", "autoévaluation", "self-assessment", F),
    "assess-correct": Term("assess-correct", "correction d'une autoévaluation", "self-assessment corrected",
                           F, fr_plural="corrections d'autoévaluations"),
    "assess-delete": Term("assess-delete", "suppression d'une autoévaluation", "self-assessment deleted",
                          F, fr_plural="suppressions d'autoévaluations"),
    "purge": Term("purge", "purge de l'historique", "history purged", F, fr_plural="purges de l'historique"),
    "edit": Term("edit", "modification dans l'application", "edit in the app", F,
                 fr_plural="modifications dans l'application"),
}
"""What the audit log records, as a noun."""

RECORDS: Mapping[str, Term] = {
    "actors": Term("actors", "acteur", "actor", M),
    "policies": Term("policies", "politique", "policy", F, en_plural="policies"),
    "alliances": Term("alliances", "alliance", "alliance", F),
    "memberships": Term("memberships", "adhésion", "membership", F),
    "assessments": Term("assessments", "autoévaluation", "self-assessment", F),
    "levers": Term("levers", "levier", "lever", M),
}
"""The records a dataset holds, keyed by the names the store counts them under."""


def audit_action(value: str, lang: Lang | str) -> str:
    """An audit action as a noun; an action this version does not know reads as itself.

    >>> audit_action("restore", "fr"), audit_action("later-action", "fr")
    ('restauration', 'later-action')
    """
    term = AUDIT_ACTIONS.get(value)
    return term.label(lang) if term else value


def counted_records(counts: Iterable[tuple[str, int]], lang: Lang | str) -> str:
    """Counts of records as a reader says them, agreed (French: singular for 0 and 1).

    >>> counted_records([("actors", 1), ("policies", 2), ("things", 3)], "fr")
    '1 acteur, 2 politiques, 3 things'
    >>> counted_records([("actors", 0), ("policies", 1)], "en")
    '0 actors, 1 policy'
    """
    parts = []
    for name, count in counts:
        term = RECORDS.get(name)
        if term is None:
            parts.append(f"{count} {name}")
            continue
        one = count in (0, 1) if lang == Lang.FR else count == 1
        parts.append(f"{count} {term.label(lang, plural=not one)}")
    return ", ".join(parts)


LEVER_NAMES_EN: Mapping[str, str] = {
    "principe-1": "Mutual respect and trust",
    "principe-2": "The SDGs as a common frame",
    "principe-3": "Turning goals into action",
    "principe-4": "Complementarity",
    "principe-5": "Beyond silos",
    "principe-6": "Territories, the crucible of alliances",
    "principe-7": "Articulation with public policies",
    "modalite-dialoguer": "Dialogue",
    "modalite-partager": "Share",
    "modalite-experimenter": "Experiment",
    "modalite-capitaliser": "Capitalise",
    "modalite-evaluer": "Evaluate",
    "modalite-innover": "Innovate",
    "modalite-mutualiser": "Pool",
    "moyen-donnees": "Data",
    "moyen-outils": "Tools",
    "moyen-competences": "Skills",
    "moyen-recherche": "Contribution to research",
    "moyen-valorisation": "Recognising contributions and shared value",
    "moyen-gouvernance": "Facilitation and governance",
    "moyen-cadre-legislatif": "Contribution to the legal framework",
}
"""English short names of the 21 levers; the French ones are the charter's own, in the reference data."""


def actor_kind(kind: ActorKind | str) -> Term:
    """The term of a kind of actor, from its enum or stored value.

    >>> actor_kind("collectif_citoyen").label("fr", plural=True)
    'collectifs citoyens'
    """
    return ACTOR_KINDS[ActorKind(kind)]


def level(value: Level | str) -> Term:
    """The term of a territorial level.

    >>> level("epci").label("en", plural=True), level("departement").label("fr")
    ('EPCIs', 'département')
    """
    return LEVELS[Level(value)]


def role(value: MemberRole | str) -> Term:
    """The term of a member's role; an unknown role reads as itself (older datasets).

    >>> role("financeur").label("en"), role("mécène").label("fr")
    ('funder', 'mécène')
    """
    try:
        return ROLES[MemberRole(value)]
    except ValueError:
        return Term(str(value), str(value), str(value))


def alliance_status(value: AllianceStatus | str) -> Term:
    """The term of an alliance's status.

    >>> alliance_status("terminee").label("fr")
    'terminée'
    """
    return ALLIANCE_STATUSES[AllianceStatus(value)]


def verdict(value: str) -> Term:
    """The term of a verdict (a `Status` value).

    >>> verdict("partly").label("fr"), verdict("not_met").label("en")
    ('en partie', 'not met')
    """
    return VERDICTS[str(value)]
