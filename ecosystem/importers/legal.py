"""INSEE legal categories (catégories juridiques) and what kind of actor each one is.

The SIRENE legal category is a 4-digit code whose first two digits give its family (level II of the
INSEE nomenclature). The project needs only the kind of actor: associations (92xx), foundations (93xx),
local authorities and their groupings (72xx, 7312-7314, 7340-7357), other public bodies (71xx, other
73xx, 74xx, 4xxx, 81xx), universities (7383), and businesses. Without the legal-unit file the
category is unknown, and the NAF activity gives a weaker guess (`kind_from_naf`).
"""

from __future__ import annotations

from ecosystem.model import ActorKind

FAMILIES = {
    "10": "entrepreneur individuel", "21": "indivision", "22": "société créée de fait",
    "23": "société en participation", "24": "fiducie", "27": "paroisse hors zone concordataire",
    "28": "assujetti unique à la TVA",
    "29": "autre groupement de droit privé non doté de la personnalité morale",
    "31": "personne morale de droit étranger, immatriculée au RCS",
    "32": "personne morale de droit étranger, non immatriculée au RCS",
    "41": "établissement public ou régie à caractère industriel ou commercial",
    "51": "société coopérative commerciale particulière", "52": "société en nom collectif",
    "53": "société en commandite", "54": "société à responsabilité limitée (SARL)",
    "55": "société anonyme à conseil d'administration", "56": "société anonyme à directoire",
    "57": "société par actions simplifiée (SAS)", "58": "société européenne",
    "61": "caisse d'épargne et de prévoyance", "62": "groupement d'intérêt économique (GIE)",
    "63": "société coopérative agricole", "64": "société d'assurance mutuelle", "65": "société civile",
    "69": "autre personne morale immatriculée au RCS", "71": "administration de l'État",
    "72": "collectivité territoriale", "73": "établissement public administratif",
    "74": "autre personne morale de droit public administratif",
    "81": "organisme gérant un régime de protection sociale à adhésion obligatoire",
    "82": "organisme mutualiste", "83": "comité social et économique d'entreprise",
    "84": "organisme professionnel", "85": "organisme de retraite à adhésion non obligatoire",
    "91": "syndicat de propriétaires", "92": "association loi 1901 ou assimilé", "93": "fondation",
    "99": "autre personne morale de droit privé",
}
"""Level II of the INSEE nomenclature of legal categories (the first two digits)."""

DETAILS = {
    "7210": "commune et commune nouvelle", "7220": "département",
    "7225": "collectivité et territoire d'outre-mer",
    "7229": "autre collectivité territoriale", "7230": "région", "7343": "communauté urbaine",
    "7344": "métropole", "7345": "syndicat intercommunal à vocation multiple (SIVOM)",
    "7346": "communauté de communes", "7347": "communauté de villes", "7348": "communauté d'agglomération",
    "7353": "syndicat intercommunal à vocation unique (SIVU)", "7354": "syndicat mixte fermé",
    "7355": "syndicat mixte ouvert", "7357": "pôle d'équilibre territorial et rural (PETR)",
    "7361": "centre communal d'action sociale", "7383": "établissement public national à caractère "
    "scientifique, culturel et professionnel", "9220": "association déclarée",
    "9230": "association déclarée, reconnue d'utilité publique", "9300": "fondation",
}

IMPORTED_AS_COLLECTIVITES = frozenset({"7210", "7220", "7225", "7229", "7230", "7343", "7344", "7346", "7347",
                                       "7348"})
"""Communes, départements, régions and EPCI with their own taxation: the `collectivites` import creates
them from the hierarchy (one actor per authority, ids like collectivite-commune-26362). The SIRENE
import leaves their establishments (town hall, schools, technical services...) out, so that a
commune is one actor and not twenty."""

_COLLECTIVITE_GROUPS = {"7312", "7313", "7314", *(str(n) for n in range(7340, 7358))}


def label(category: str) -> str:
    """French label of a legal category: its own when known, else its family's.

    >>> label("9220"), label("5710")
    ('association déclarée', 'société par actions simplifiée (SAS)')
    """
    return DETAILS.get(category) or FAMILIES.get(category[:2], "")


def kind_of(category: str) -> ActorKind:
    """The kind of actor for a legal category.

    >>> [kind_of(c).value for c in ("9220", "9300", "7210", "7355", "7361", "7383", "5710")]
    ['association', 'fondation', 'collectivite', 'collectivite', 'service_public', 'recherche', 'entreprise']
    """
    code = category.strip()
    family = code[:2]
    if family == "92":
        return ActorKind.ASSOCIATION
    if family == "93":
        return ActorKind.FONDATION
    if family == "72" or code in _COLLECTIVITE_GROUPS:
        return ActorKind.COLLECTIVITE
    if code == "7383":
        return ActorKind.RECHERCHE
    if family in ("41", "71", "73", "74", "81"):
        return ActorKind.SERVICE_PUBLIC
    if family in ("82", "83", "84", "85", "91", "99"):
        return ActorKind.AUTRE
    return ActorKind.ENTREPRISE


def kind_from_naf(naf: str) -> ActorKind:
    """A guess from the activity when the legal category is unknown (no legal-unit file).

    >>> kind_from_naf("94.99Z").value, kind_from_naf("84.11Z").value, kind_from_naf("47.11B").value
    ('association', 'service_public', 'entreprise')
    """
    division = naf.strip()[:2]
    if division == "94":
        return ActorKind.ASSOCIATION
    if division == "84":
        return ActorKind.SERVICE_PUBLIC
    return ActorKind.ENTREPRISE
