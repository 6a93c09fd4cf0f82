"""The findings of the analyses in French: one function per code, each writing one clause.

A clause starts lower-case and has no full stop (`render.sentence` joins, capitalises, ends).
The grammar of French sentences (articles, contractions, agreement, plurals) belongs here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from ecosystem.analysis import wording as w
from ecosystem.analysis.articles import actor_in_sentence, institution_article, territory_in_sentence
from ecosystem.analysis.codes import Code
from ecosystem.analysis.phrases import agree, names, who
from ecosystem.analysis.thresholds import SUGGESTIONS_SHOWN
from ecosystem.finding import Finding, Ref
from ecosystem.model import MAX_SCORE
from ecosystem.reference import reference

L = "fr"

SCORE_WORDS = {0: "absent", 1: "engagé", 2: "en place", 3: "pleinement en place"}
"""A self-assessed score (0..3) in words."""

STATUS_COUNTED = {"met": ("atteint", "atteints"), "partly": ("en partie", "en partie"),
                  "not_met": ("non atteint", "non atteints"),
                  "not_assessable": ("non évaluable", "non évaluables")}
"""A status after a count, singular and plural."""

NOTHING_TO_FIX = {
    "principe-2": "Rien à corriger : gardez les ODD comme langage commun dans vos échanges et vos bilans.",
    "principe-4": "Rien à corriger : avant chaque nouvelle action, vérifiez ce qui existe déjà autour de "
                  "vous.",
    "principe-5": "Rien à corriger : vos ODD relient les dimensions environnementale, sociale et "
                  "économique ; gardez ces liens visibles dans vos actions.",
    "principe-6": "Rien à corriger : continuez à partir des réalités et des fragilités de votre territoire.",
    "principe-7": "Rien à corriger : associez les élus à vos bilans pour garder cette synergie.",
}
NOTHING_TO_FIX_ASSESSED = ("Rien à corriger : refaites le point à votre prochain bilan pour suivre le chemin "
                           "parcouru.")


def _name(ref: Ref) -> str:
    """A record's name inside a sentence: "la CC de la Vallée du Garon", "Potagers du Garon"."""
    return actor_in_sentence(ref.name)


def _names(refs: Iterable[Ref], shown: int = SUGGESTIONS_SHOWN) -> str:
    return names((_name(r) for r in refs), L, shown)


def _de(refs: Iterable[Ref], shown: int = SUGGESTIONS_SHOWN) -> str:
    """"de" before each name, as French repeats it: "du Centre social, de l'Épicerie et d'un autre"."""
    return names((w.de(_name(r)) for r in refs), L, shown, prep="de")


def _to(refs: Iterable[Ref], shown: int = SUGGESTIONS_SHOWN) -> str:
    """"à" before each name: "à la Banque alimentaire, au Département et à un autre"."""
    return names((w.to(_name(r)) for r in refs), L, shown, prep="à")


def _policy(ref: Ref) -> str:
    """A policy in a sentence: with its article when its name starts with the kind of document
    (« le Contrat de ville de Montélimar »), quoted when it is a proper name (« Drôme 2030 »)."""
    named = actor_in_sentence(ref.name)
    return named if named != ref.name else w.quoted(ref.name, L)


def _policies(refs: Iterable[Ref]) -> str:
    return w.join((_policy(r) for r in refs), L)


def _de_quoted(text: str) -> str:
    """« de » before a quoted word, elided before a vowel: « d'« Innover » », « de « Outils » »."""
    return ("d'" if w.starts_with_vowel(text) else "de ") + w.quoted(text, L)


def _with_kinds(refs: Iterable[Ref]) -> str:
    return names((who(_name(r), r.kind, L) for r in refs), L)


def _agree(f: Finding, singular: str, plural: str) -> str:
    return agree(len(f.refs), singular, plural)


def _parts(f: Finding) -> list[str]:
    return [CLAUSES[p.code](p) for p in f.parts]


def _day(day: date) -> str:
    return w.date_text(day, L)


# ----------------------------------------------------------------------------- any verdict


def _self_path(f: Finding) -> str:
    if not f.history:
        return "jamais autoévalué"
    (first_on, first), (latest_on, latest) = f.history[0], f.history[-1]
    clauses = [f"autoévaluation du {_day(latest_on)} : {latest}/{MAX_SCORE} ({SCORE_WORDS[latest]})"]
    if len(f.history) > 1:
        since, steps = _day(first_on), f"{first} → {latest}"
        clauses.append(f"en progrès depuis le {since} ({steps})" if latest > first
                       else f"en recul depuis le {since} ({steps})" if latest < first
                       else f"stable depuis le {since}")
    clauses += [f"commentaire : « {comment} »" for comment in f.labels]
    return " ; ".join(clauses)


def _nothing_to_fix(f: Finding) -> str:
    return NOTHING_TO_FIX.get(f.levers[0], NOTHING_TO_FIX_ASSESSED)


def _summary(f: Finding) -> str:
    n = f.total or 0
    counted = [f"{k} {STATUS_COUNTED[s][0] if k == 1 else STATUS_COUNTED[s][1]}" for s, k in f.counts]
    text = f"{f.refs[0].name} : sur {n} principe{'s' if n > 1 else ''}, " + w.join(counted, L)
    if f.levers:
        lever = f.levers[0]
        number = reference().levers[lever].number
        text += f" ; à travailler d'abord : {w.lever_name(lever, L)} (principe {number})"
    return text


# ----------------------------------------------------------------------------- P2


def _p2_partners_on(f: Finding) -> str:
    n, s = f.count or 0, "s" if (f.count or 0) > 1 else ""
    line = f"{n} partenaire{s} sur {f.total} {agree(n, 'travaille', 'travaillent')} sur ces ODD"
    return line + (" : " + _names(f.refs) if f.refs else "")


def _p2_frame_not_shared(f: Finding) -> str:
    n = f.count or 0
    who_ = ("aucun partenaire ne travaille" if n == 0
            else f"{n} partenaire{'s' if n > 1 else ''} sur {f.total} seulement "
                 f"{agree(n, 'travaille', 'travaillent')}")
    return (f"{who_} sur les ODD de l'alliance : le cadre n'est pas encore commun, et le principe est au "
            "mieux atteint en partie")


def _p2_kinds(f: Finding) -> str:
    listed = w.join((w.kind_name(k, L) for k in f.kinds), L)
    if f.code == Code.P2_KINDS:
        return f"{len(f.kinds)} types d'acteurs réunis ({listed}) : l'ODD 17 en pratique"
    return f"un seul type d'acteur ({listed}) : l'ODD 17 suppose d'allier des profils différents"


def _p2_choose(f: Finding) -> str:
    text = "choisissez ensemble les ODD que l'alliance vise"
    return text + (f" ; vos partenaires travaillent déjà sur {w.sdgs_phrase(f.sdgs, L)}" if f.sdgs else "")


def _p2_ask(f: Finding) -> str:
    their = _agree(f, "son", "leur")
    return (f"demandez {_to(f.refs)} comment {their} action rejoint {w.sdgs_phrase(f.sdgs, L)}, "
            "et notez-le dans le jeu de données")


def _p2_open(f: Finding) -> str:
    if f.refs:
        return ("ouvrez l'alliance à un autre profil présent sur votre territoire, par exemple "
                + _with_kinds(f.refs))
    return "ouvrez l'alliance à un autre profil (entreprise, collectivité, association, recherche…)"


# ----------------------------------------------------------------------------- P4


def _p4_duplicates(f: Finding) -> str:
    a, b = _name(f.refs[0]), _name(f.refs[1])
    kind, j = w.kind_name(f.kinds[0], L, plural_=True), w.number(f.share or 0.0, L)
    return f"{a} et {b}, deux {kind}, ont des empreintes très proches (Jaccard {j}) : risque de doublon"


def _p4_included(f: Finding) -> str:
    inner, outer = _name(f.refs[0]), _name(f.refs[1])
    kind, share = w.kind_name(f.kinds[0], L, plural_=True), w.percent(f.share or 0.0, L)
    return (f"{inner} et {outer}, deux {kind} : {share} de l'empreinte {w.de(inner)} est déjà dans celle "
            f"{w.de(outer)} : risque de doublon")


def _p4_substitutes(f: Finding) -> str:
    m, n = _name(f.refs[0]), len(f.others)
    others = _names(f.others, shown=n)
    return (f"l'action {w.de(m)} couvre déjà tout le territoire et tous les ODD de l'alliance, et {others} "
            f"n'y {_agree_n(n, 'ajoute', 'ajoutent')} ni territoire, ni ODD, ni profil, ni moyen : "
            "l'alliance risque de se substituer à son propre partenaire")


def _agree_n(n: int, singular: str, plural: str) -> str:
    return agree(n, singular, plural)


def _p4_alliance_nearby(f: Finding) -> str:
    share, sdgs = w.percent(f.share or 0.0, L), w.sdgs_phrase(f.sdgs, L)
    return (f"« {f.refs[0].name} », une autre alliance, occupe déjà {share} de votre empreinte ({sdgs} sur "
            "votre territoire)" + (" : risque de substitution" if f.risk else ""))


def _p4_similar_outside(f: Finding) -> str:
    n, many = len(f.refs), len(f.refs) > 1
    them, share = _names(f.refs, shown=n), w.percent(f.share or 0.0, L)
    verb = "occupent ensemble" if many else "occupe déjà"
    local = "" if f.others else " local" if n == 1 else " locaux"  # some act beyond the territory
    who_ = agree(n, f"acteur{local} de même profil que vos membres",
                 f"acteurs{local} de même profil que vos membres")
    return (f"hors de l'alliance, {them}, {who_}, {verb} {share} de votre empreinte"
            + (" : risque de doublon" if f.risk else ""))


def _p4_meet_similar(f: Finding) -> str:
    them = _names(f.refs, shown=len(f.refs))
    # "lui" and "leur" say it whatever the gender of the names
    return (f"rencontrez {them}, qui {_agree(f, 'agit', 'agissent')} déjà sur vos ODD sur votre territoire : "
            f"proposez-{_agree(f, 'lui', 'leur')} de vous rejoindre ou répartissez-vous les rôles")


def _quoted(refs: Iterable[Ref]) -> str:
    return names((w.quoted(r.name, L) for r in refs), L)


# ----------------------------------------------------------------------------- P5


def _dimension(f: Finding) -> str:
    return f"{w.dimension_name(f.kinds[0], L)} ({w.sdgs_phrase(f.sdgs, L, article=False)})"


def _p5_targets(f: Finding) -> str:
    dims = "des dimensions" if len(f.parts) > 1 else "de la dimension"
    return f"les ODD visés relèvent {dims} {w.join(_parts(f), L)}"


def _p5_members_on(f: Finding) -> str:
    dim, theirs = w.dimension_name(f.kinds[0], L), w.sdgs_phrase(f.sdgs, L, article=False)
    return f"{_names(f.refs)} {_agree(f, 'travaille', 'travaillent')} déjà sur la dimension {dim} ({theirs})"


def _p5_open(f: Finding) -> str:
    dim, listed = w.dimension_name(f.kinds[0], L), w.sdgs_phrase(f.sdgs, L, article=False)
    if not f.parts:
        return f"ouvrez l'alliance à la dimension {dim} ({listed})"
    return f"ouvrez l'alliance à la dimension {dim} ({listed}), par exemple avec {names(_parts(f), L)}"


def _candidate(f: Finding) -> str:
    return f"{_name(f.refs[0])} ({w.sdgs_phrase(f.sdgs, L, article=False)})"


# ----------------------------------------------------------------------------- P6


def _p6_present(f: Finding) -> str:
    n = f.count or 0
    s = "s" if n > 1 else ""
    return f"{n} partenaire{s} sur {f.total} {agree(n, 'y est présent', 'y sont présents')}"


def _p6_none_present(f: Finding) -> str:
    total = f.total or 0
    if total > 1:
        return f"aucun des {total} partenaires n'y est présent"
    return "son seul partenaire n'y est pas présent"


def _p6_bring_local(f: Finding) -> str:
    also = " aussi" if f.count else ""
    if f.refs:
        return f"associez{also} un acteur local, par exemple {_with_kinds(f.refs)}"
    return f"associez{also} un acteur qui agit au plus près du terrain"


# ----------------------------------------------------------------------------- P7


def _p7_authorities(f: Finding) -> str:
    return (f"{_names(f.refs)} ({_agree(f, 'collectivité', 'collectivités')} du territoire) "
            f"{_agree(f, 'est membre', 'sont membres')} de l'alliance")


def _p7_policies(f: Finding) -> str:
    n = len(f.parts)
    s = "s" if n > 1 else ""
    return (f"{n} politique{s} publique{s} {agree(n, 'couvre', 'couvrent')} votre territoire et vos ODD : "
            f"{names(_parts(f), L)}")


def _p7_get_closer(f: Finding) -> str:
    policy, carriers = f.refs[0], w.join((_name(r) for r in f.others), L)
    kind = f"{policy.kind}, " if policy.kind else ""
    carried = "portée" if institution_article(policy.name) == "la" else "porté"
    return (f"rapprochez-vous {w.de(_policy(policy))} ({kind}{carried} par {carriers}), qui vise "
            f"{w.sdgs_phrase(f.sdgs, L)} sur votre territoire")


def _aligned_elsewhere(f: Finding) -> str:
    policy = f.refs[0]
    which = "sur lequel" if institution_article(policy.name) == "le" else "sur laquelle"
    return f"{_policy(policy)}, {which} l'alliance s'aligne, ne couvre pas son territoire ou ses ODD"


def _p7_invite(f: Finding) -> str:
    if f.refs:
        return f"invitez {_names(f.refs)} à rejoindre l'alliance ou à la soutenir"
    return "invitez la collectivité de votre territoire à rejoindre l'alliance"


# ----------------------------------------------------------------------------- self-assessed levers


def _lever(f: Finding) -> str:
    return w.lever_name(f.levers[0], L)


def _charter(f: Finding) -> str:
    return f" (la charte : « {reference().levers[f.levers[0]].description} »)"


def _means_in_alliance(f: Finding) -> str:
    parts = ([f"apporté par {_names(f.refs)}"] if f.refs else []) + (
        [f"recherché par {_names(f.others)}"] if f.others else [])
    return " ; ".join(parts)


def _means_share(f: Finding) -> str:
    return (f"{_names(f.refs)} {_agree(f, 'peut', 'peuvent')} apporter ce moyen {_to(f.others)} : "
            "organisez ce partage")


# ----------------------------------------------------------------------------- overlaps, complements, gaps


def _shared_sdgs(f: Finding) -> str:
    return "ODD en commun : " + w.join((f"{n} ({reference().sdgs[n].name_fr})" for n in f.sdgs), L)


def _duplicate_group(f: Finding) -> str:
    kind = w.kind_name(f.kinds[0], L, plural_=True)
    nested = "l'une dans l'autre" if len(f.refs) == 2 else "les unes dans les autres"
    return (f"{w.join((_name(r) for r in f.refs), L)} sont {w.whole(len(f.refs), L)} {kind} aux empreintes "
            f"très proches ou incluses {nested}")


def _offers(f: Finding) -> str:
    """« offre le moyen « Outils », dont vous avez besoin »: a lever's name is not a noun phrase."""
    return f"offre {_means(f.levers, 'le moyen', 'les moyens')}, dont vous avez besoin"


def _needs(f: Finding) -> str:
    return f"a besoin {_means(f.levers, 'du moyen', 'des moyens')}, que vous offrez"


def _means(levers: Iterable[str], one: str, many: str) -> str:
    order = {lv.id: i for i, lv in enumerate(reference().levers)}
    ids = sorted(set(levers), key=lambda i: order.get(i, 99))
    quoted = w.join((w.quoted(w.lever_name(i, L), L) for i in ids), L)
    return f"{one if len(ids) == 1 else many} {quoted}"


def _gap(f: Finding) -> str:
    verb = "visent" if len(f.refs) > 1 else "vise"
    what, who_ = w.sdg_named(f.sdgs[0], L), _policies(f.refs)
    if f.code == Code.GAP:
        where = w.in_places(f.places, L)
        return f"{where}, {who_} {verb} l'{what} mais aucun acteur ni alliance n'y travaille"
    return f"{who_} {verb} l'{what} mais aucun acteur ni alliance n'y travaille {w.in_places(f.places, L)}"


def _local_split(f: Finding) -> str:
    """« à Brignais, 2 acteurs agissent sur place et 14 autres y sont comptés parce qu'ils agissent
    sur un territoire plus large (intercommunalité, département, région ou France) »."""
    (tid,) = f.places
    where, local, total = w.in_places([tid], L), f.count or 0, f.total or 0
    if not total:
        return f"aucun acteur n'est présent {where}"
    wider = total - local
    here = (f"{w.whole(local, L)} {agree(local, 'acteur agit', 'acteurs agissent')} sur place" if local
            else "aucun acteur n'agit sur place")
    coarser = ("intercommunalité, département, région ou France" if tid.startswith("commune:")
               else "département, région ou France")
    if not wider:
        return f"{where}, {here}"
    counted = agree(wider, "y est compté parce qu'il agit", "y sont comptés parce qu'ils agissent")
    others = agree(wider, "autre", "autres") if local else ""
    return (f"{where}, {here} et {w.whole(wider, L)}{' ' + others if others else ''} {counted} sur un "
            f"territoire plus large ({coarser})")


def _no_policy(f: Finding) -> str:
    (tid,) = f.places
    return (f"aucune politique publique des données chargées ne couvre {_territory(tid)} : les manques "
            "ne peuvent donc pas être calculés (un manque est un ODD visé par une politique sans personne "
            "pour le porter)")


def _straddles(f: Finding) -> str:
    (tid,) = f.places
    parts = w.join((f"{_territory(dep)} ({w.whole(n, L)} {agree(n, 'commune', 'communes')})"
                    for dep, n in f.counts), L)
    return (f"{_territory(tid)} s'étend sur {parts} : un acteur qui agit à l'échelle d'un seul de ces "
            "départements n'y est compté que dans les communes de celui-ci")


def _territory(tid: str) -> str:
    """A territory's name with its article: « la CC du Diois », « la Drôme », « Valence »."""
    return territory_in_sentence(tid, w.territory_name(tid))


CLAUSES: dict[str, Callable[[Finding], str]] = {
    Code.NO_MEMBERS: lambda f: "aucun membre n'est enregistré pour cette alliance",
    Code.ADD_MEMBERS: lambda f: ("ajoutez ses membres (feuille « membres » du jeu de données) pour que ce "
                                 "principe puisse être lu"),
    Code.NOTHING_TO_FIX: _nothing_to_fix,
    Code.SELF_PATH: _self_path,
    Code.SELF_MORE_FAVOURABLE: lambda f: ("votre autoévaluation est plus favorable que ce que montrent les "
                                          "données : un point à discuter entre partenaires"),
    Code.DATA_MORE_FAVOURABLE: lambda f: ("les données sont plus favorables que votre autoévaluation : "
                                          "qu'est-ce qui vous manque encore ?"),
    Code.P2_TARGETS: lambda f: f"l'alliance vise {w.sdgs_named(f.sdgs, L, article=True)}",
    Code.P2_NO_TARGETS: lambda f: "l'alliance ne déclare aucun ODD cible",
    Code.P2_PARTNERS_ON_TARGETS: _p2_partners_on,
    Code.P2_PARTNERS_OFF_TARGETS:
        lambda f: f"{_names(f.refs)} n'en {_agree(f, 'déclare', 'déclarent')} aucun",
    Code.P2_FRAME_NOT_SHARED: _p2_frame_not_shared,
    Code.P2_KINDS: _p2_kinds,
    Code.P2_ONE_KIND: _p2_kinds,
    Code.P2_CHOOSE_TARGETS: _p2_choose,
    Code.P2_ASK_OFF_TARGETS: _p2_ask,
    Code.P2_OPEN_PROFILE: _p2_open,
    Code.P4_DUPLICATES: _p4_duplicates,
    Code.P4_INCLUDED: _p4_included,
    Code.P4_SUBSTITUTES_MEMBER: _p4_substitutes,
    Code.P4_ADD_BEYOND:
        lambda f: (f"dites ce que l'alliance apporte de plus que l'action {w.de(_name(f.refs[0]))} : un "
                   "territoire, un ODD, un public ou un moyen nouveau"),
    Code.P4_CLARIFY_DUPLICATES:
        lambda f: (f"précisez ce qu'apportent {_name(f.refs[0])} et {_name(f.refs[1])} pour "
                   "éviter les doublons"),
    Code.P4_DISTINCT: lambda f: f"les {f.count} partenaires ont des contributions distinctes",
    Code.P4_MEANS_BROUGHT: lambda f: f"moyens apportés par les partenaires : {w.join(_parts(f), L)}",
    Code.P4_MEANS_ITEM: lambda f: f"{w.lever_name(f.levers[0], L)} ({_names(f.refs, shown=2)})",
    Code.P4_NOT_MEASURABLE:
        lambda f: ("sans ODD cible ou sans territoire d'ancrage, le risque de substitution "
                   "ne peut pas être mesuré"),
    Code.P4_ALLIANCE_NEARBY: _p4_alliance_nearby,
    Code.P4_ALLIANCE_ENDED: lambda f: (f"« {f.refs[0].name} », une alliance terminée, a travaillé sur "
                                       f"{w.sdgs_phrase(f.sdgs, L)} sur votre territoire"),
    Code.P4_NO_ALLIANCE_NEARBY:
        lambda f: "aucune autre alliance ne travaille sur vos ODD sur votre territoire",
    Code.P4_EXTEND_ALLIANCES: lambda f: (f"prenez contact avec {_quoted(f.refs)} pour prolonger "
                                         f"{_agree(f, 'son', 'leur')} action plutôt que la doubler"),
    Code.P4_LEARN_FROM:
        lambda f: f"capitalisez sur l'expérience {names((w.de(w.quoted(r.name, L)) for r in f.refs), L)}",
    Code.P4_SIMILAR_OUTSIDE: _p4_similar_outside,
    Code.P4_MEET_SIMILAR: _p4_meet_similar,
    Code.P4_NO_SIMILAR_OUTSIDE:
        lambda f: ("aucun acteur local de même profil que vos membres ne travaille déjà "
                   "sur vos ODD sur votre territoire"),
    Code.P4_OTHERS_OUTSIDE:
        lambda f: (f"{_with_kinds(f.refs)} {_agree(f, 'travaille', 'travaillent')} aussi sur "
                   "vos ODD sur votre territoire"),
    Code.P4_MAKE_KNOWN: lambda f: f"faites connaître votre action {_to(f.refs)}",
    Code.P5_NO_SDGS: lambda f: "ni l'alliance ni ses partenaires ne déclarent d'ODD",
    Code.P5_DECLARE_SDGS: lambda f: "déclarez les ODD de l'alliance pour voir quels domaines elle relie",
    Code.P5_PARTNER_DIMENSIONS: lambda f: ("l'alliance ne déclare pas d'ODD cible ; ceux de ses partenaires "
                                           f"relèvent des dimensions {w.join(_parts(f), L)}"),
    Code.P5_TARGET_DIMENSIONS: _p5_targets,
    Code.P5_DIMENSION: _dimension,
    Code.P5_NO_DIMENSION: lambda f: "les ODD visés ne relèvent d'aucun domaine (seulement l'ODD 17)",
    Code.P5_MEMBERS_ON_DIMENSION: _p5_members_on,
    Code.P5_OPEN_WITH_MEMBERS:
        lambda f: (f"ouvrez l'alliance à la dimension {w.dimension_name(f.kinds[0], L)} "
                   f"en vous appuyant sur {_names(f.refs)}"),
    Code.P5_OPEN_DIMENSION: _p5_open,
    Code.P5_CANDIDATE: _candidate,
    Code.P6_NO_TERRITORY: lambda f: "l'alliance ne déclare aucun territoire d'ancrage",
    Code.P6_DECLARE_TERRITORY: lambda f: ("déclarez le territoire d'ancrage de l'alliance (commune, EPCI ou "
                                          "département)"),
    Code.P6_ANCHORED: lambda f: f"l'alliance est ancrée {w.in_places(f.places, L)}",
    Code.P6_PRESENT: _p6_present,
    Code.P6_NONE_PRESENT: _p6_none_present,
    Code.P6_ABSENT: lambda f: f"{_names(f.refs)} n'y {_agree(f, 'agit', 'agissent')} pas",
    Code.P6_LOCAL: lambda f: f"partenaires locaux (qui n'agissent que sur ce territoire) : {_names(f.refs)}",
    Code.P6_NO_LOCAL:
        lambda f: ("aucun partenaire n'agit seulement sur ce territoire : tous ont un périmètre "
                   "plus large"),
    Code.P6_INACTIVE:
        lambda f: f"{_names(f.refs)} {_agree(f, 'est marqué inactif', 'sont marqués inactifs')}",
    Code.P6_CLARIFY_ROLE:
        lambda f: f"précisez le rôle {_de(f.refs)} sur le territoire de l'alliance",
    Code.P6_BRING_LOCAL: _p6_bring_local,
    Code.P7_AUTHORITIES_IN: _p7_authorities,
    Code.P7_NO_AUTHORITY: lambda f: "aucune collectivité du territoire n'est membre de l'alliance",
    Code.P7_POLICIES: _p7_policies,
    Code.P7_POLICY: _candidate,
    Code.P7_ALIGNED: lambda f: f"l'alliance s'aligne sur {_policies(f.refs)}",
    Code.P7_NOT_ALIGNED: lambda f: "l'alliance ne s'aligne sur aucune d'elles",
    Code.P7_NO_POLICY:
        lambda f: "aucune politique publique enregistrée ne couvre votre territoire sur vos ODD",
    Code.P7_ALIGNED_ELSEWHERE: _aligned_elsewhere,
    Code.P7_GET_CLOSER: _p7_get_closer,
    Code.P7_INVITE: _p7_invite,
    Code.SELF_ASSESS:
        lambda f: (f"faites ensemble l'autoévaluation {_de_quoted(_lever(f))} (note de 0 à 3) lors de "
                   "votre prochain point d'étape"),
    Code.SELF_DECLINING: lambda f: (f"« {_lever(f)} » recule : prenez le temps d'en parler entre partenaires"
                                    + _charter(f)),
    Code.SELF_ON_AGENDA:
        lambda f: f"mettez « {_lever(f)} » à l'ordre du jour de votre prochaine rencontre" + _charter(f),
    Code.MEANS_IN_ALLIANCE: _means_in_alliance,
    Code.MEANS_SHARE: _means_share,
    Code.MEANS_LOOK_FOR:
        lambda f: (f"cherchez ce moyen auprès {_de(f.refs)}, "
                   f"qui {_agree(f, 'le propose', 'le proposent')} près de chez vous"),
    Code.SUMMARY: _summary,
    Code.BOTH_PRESENT: lambda f: "présents tous deux " + w.in_places(f.places, L, total=f.count),
    Code.SHARED_SDGS: _shared_sdgs,
    Code.SAME_KIND: lambda f: f"même type d'acteur ({w.kind_name(f.kinds[0], L)})",
    Code.INSIDE: lambda f: (f"l'empreinte {w.de(_name(f.refs[0]))} est entièrement incluse dans celle "
                            f"{w.de(_name(f.refs[1]))}"),
    Code.POSSIBLE_DUPLICATE: lambda f: "doublon possible",
    Code.DUPLICATE_GROUP: _duplicate_group,
    Code.PRESENT_TOGETHER: lambda f: (f"présence commune {w.in_places(f.places, L, total=f.count)} sur "
                                      f"{w.sdgs_phrase(f.sdgs, L)}"),
    Code.SEE_WITH_THEM: lambda f: "voyez avec eux s'ils peuvent s'allier ou se répartir les rôles",
    Code.PRESENT: lambda f: "présent " + w.in_places(f.places, L, total=f.count),
    Code.PRESENT_NEARBY:
        lambda f: f"présent {w.in_places(f.places, L, total=f.count)}, dans la même intercommunalité",
    Code.BRINGS_SDGS: lambda f: f"apporte {w.sdgs_phrase(f.sdgs, L)} que vous ne couvrez pas",
    Code.OTHER_PROFILE: lambda f: f"profil « {w.kind_name(f.kinds[0], L)} », différent du vôtre",
    Code.OTHER_PROFILE_ALLIANCE: lambda f: f"profil « {w.kind_name(f.kinds[0], L)} », absent de l'alliance",
    Code.WORKS_ALIKE: lambda f: f"travaille comme vous sur {w.sdgs_phrase(f.sdgs, L)}",
    Code.OFFERS_NEEDED: _offers,
    Code.NEEDS_OFFERED: _needs,
    Code.GAP: _gap,
    Code.GAP_GROUP: _gap,
    Code.LOCAL_SPLIT: _local_split,
    Code.NO_POLICY_NO_GAPS: _no_policy,
    Code.EPCI_STRADDLES: _straddles,
}
"""The clause of each code, in French."""


# ----------------------------------------------------------------------------- the network


def _network_summary(f: Finding) -> str:
    total, links = f.total or 0, dict(f.counts)
    if not total:
        return f"aucun acteur n'est présent {w.in_places(f.places, L)}"
    present = "présent" if total <= 1 else "présents"
    verb = "est relié" if (f.count or 0) <= 1 else "sont reliés"
    return (f"{w.whole(f.count or 0, L)} acteur{'s' if (f.count or 0) > 1 else ''} sur {w.whole(total, L)} "
            f"{present} {w.in_places(f.places, L)} {verb} à d'autres par "
            f"{w.counted(links['links'], 'lien', 'liens', L)} (alliances ou politiques portées ensemble), en "
            f"{w.counted(links['communities'], 'communauté', 'communautés', L)}")


def _network_community(f: Finding) -> str:
    kinds = w.join((w.kind_name(k, L, plural_=True) for k in f.kinds), L)
    around = names((w.de(_name(r)) for r in f.refs), L, SUGGESTIONS_SHOWN)
    return f"une communauté de {w.whole(f.count or 0, L)} acteurs autour {around} ({kinds})"


def _some(kind: str) -> str:
    """« des associations », « d'autres acteurs »: a kind in the plural, with its indefinite article."""
    plural_ = w.kind_name(kind, L, plural_=True)
    return f"d'{plural_}" if plural_.startswith("autres") else f"des {plural_}"


def _network_broker(f: Finding) -> str:
    linked = w.join((_some(k) for k in f.kinds), L) if f.kinds else w.place_names(f.places, L)
    pairs = w.counted(f.count or 0, "paire", "paires", L)
    return f"{_name(f.refs[0])} relie {linked} : {pairs} de partenaires sans autre lien direct"


def _network_bridge(f: Finding) -> str:
    if f.kinds:
        a, b = (w.kind_name(k, L, plural_=True) for k in f.kinds)
    else:
        a, b = (w.territory_name(p) for p in f.places)
    return f"{w.counted(f.count or 0, 'lien', 'liens', L)} entre {a} et {b}"


CLAUSES.update({
    Code.NETWORK_SUMMARY: _network_summary,
    Code.NETWORK_COMMUNITY: _network_community,
    Code.NETWORK_KIND_BROKER: _network_broker,
    Code.NETWORK_PLACE_BROKER: _network_broker,
    Code.NETWORK_KIND_BRIDGE: _network_bridge,
    Code.NETWORK_PLACE_BRIDGE: _network_bridge,
})
