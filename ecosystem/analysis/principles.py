"""The five principles measured on the graph (design.md, section 3): P2, P4, P5, P6, P7.

Pure functions over `AllianceFacts`. Each returns a `Verdict`: status, 0..1 score, evidence in
sentences with names, and one suggestion naming actors or policies to turn to. Weights and
thresholds come from `ecosystem.analysis.thresholds`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from ecosystem.analysis import wording as w
from ecosystem.analysis.facts import AllianceFacts, MemberFacts
from ecosystem.analysis.overlap import footprint_scores
from ecosystem.analysis.thresholds import (
    DUPLICATE_MIN_JACCARD,
    KINDS_FULL,
    LOCAL_AUTHORITY_KINDS,
    NEARBY_MIN_SHARE,
    P2_WEIGHTS,
    P4_WEIGHTS,
    P6_WEIGHTS,
    P7_EITHER,
    SILO_DIMENSIONS,
    SUBSTITUTION_MIN_SHARE,
    SUGGESTIONS_SHOWN,
    Status,
)
from ecosystem.analysis.verdict import (
    Verdict,
    agree,
    kinds_in_order,
    measured,
    names,
    no_members,
    pick,
    weighted,
    who,
)
from ecosystem.model import AllianceStatus
from ecosystem.reference import reference
from ecosystem.text import normalize


def kinds_score(kinds: int) -> float:
    """P2's "kinds" part: 1 kind scores 0, KINDS_FULL kinds or more score 1.

    >>> [kinds_score(n) for n in (0, 1, 2, 3, 5)]
    [0.0, 0.0, 0.5, 1.0, 1.0]
    """
    return min(1.0, max(0.0, (kinds - 1) / (KINDS_FULL - 1)))


def silo_score(dimensions: int) -> float:
    """P5 from the number of domains (environmental, social, economic) the SDGs span.

    >>> [silo_score(n) for n in (0, 1, 2, 3)]
    [0.0, 0.0, 0.5, 1.0]
    """
    return max(0.0, (dimensions - 1) / (len(SILO_DIMENSIONS) - 1))


def duplicate_members(members: Sequence[MemberFacts]) -> list[tuple[MemberFacts, MemberFacts, float]]:
    """Pairs of same-kind members whose footprints (communes x SDGs) have Jaccard >= the threshold."""
    pairs = []
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            if a.kind == b.kind:
                jac, _, _ = footprint_scores(a.places, a.sdgs, b.places, b.sdgs)
                if jac >= DUPLICATE_MIN_JACCARD:
                    pairs.append((a, b, jac))
    return pairs


# ----------------------------------------------------------------------------- P2


def principle_2(f: AllianceFacts, lang: str = "fr") -> Verdict:
    """The SDGs as common frame: targets declared, partners working on them, several kinds."""
    t = partial(w.tr, lang)
    targets = frozenset(f.alliance.sdgs)
    members = f.members
    if not members:
        return no_members("principe-2", f, lang)
    if targets:
        named = w.sdgs_named(targets, lang, article=True)
        evidence = [t(f"l'alliance vise {named}", f"the alliance targets {named}")]
    else:
        evidence = [t("l'alliance ne déclare aucun ODD cible", "the alliance declares no target SDG")]
    on = [m for m in members if m.sdgs & targets]
    off = [m for m in members if not m.sdgs & targets]
    if targets:
        n, total, s = len(on), len(members), "s" if len(on) > 1 else ""
        line = t(f"{n} partenaire{s} sur {total} {agree(n, 'travaille', 'travaillent')} sur ces ODD",
                 f"{n} partner{s} out of {total} {agree(n, 'works', 'work')} on these SDGs")
        if on:
            line += t(" : ", ": ") + names((m.name for m in on), lang)
        evidence.append(line)
        if off:
            them = names((m.name for m in off), lang)
            evidence.append(t(f"{them} n'en {agree(len(off), 'déclare', 'déclarent')} aucun",
                              f"{them} {agree(len(off), 'declares', 'declare')} none of them"))
    kinds = kinds_in_order(m.kind for m in members)
    listed = w.join((w.kind_name(k, lang) for k in kinds), lang)
    if len(kinds) >= 2:
        evidence.append(t(f"{len(kinds)} types d'acteurs réunis ({listed}) : l'ODD 17 en pratique",
                          f"{len(kinds)} kinds of actors together ({listed}): SDG 17 in practice"))
    else:
        evidence.append(t(f"un seul type d'acteur ({listed}) : l'ODD 17 suppose d'allier des profils "
                          "différents",
                          f"a single kind of actor ({listed}): SDG 17 means bringing different profiles "
                          "together"))

    suggestion = []
    if not targets:
        theirs = sorted({s for m in members for s in m.sdgs},
                        key=lambda s: (-sum(s in m.sdgs for m in members), s))
        clause = t("choisissez ensemble les ODD que l'alliance vise",
                   "choose together the SDGs the alliance targets")
        if theirs:
            phrase = w.sdgs_phrase(theirs[:4], lang)
            clause += t(f" ; vos partenaires travaillent déjà sur {phrase}",
                        f"; your partners already work on {phrase}")
        suggestion.append(clause)
    elif off:
        them, phrase = names((m.name for m in off), lang), w.sdgs_phrase(targets, lang)
        their = agree(len(off), "son", "leur")
        suggestion.append(t(f"demandez {w.to(them)} comment {their} action rejoint {phrase}, "
                            "et notez-le dans le jeu de données",
                            f"ask {them} how their work meets {phrase}, and record it in the dataset"))
    if len(kinds) < KINDS_FULL:
        found = pick(f, lambda c: c.other_kind and bool(c.common_sdgs)) or pick(f, lambda c: c.other_kind)
        if found:
            listed = names((who(c.name, c.kind, lang) for c in found), lang)
            suggestion.append(t("ouvrez l'alliance à un autre profil présent sur votre territoire, "
                                f"par exemple {listed}",
                                "open the alliance to another profile present on your territory, "
                                f"for instance {listed}"))
        else:
            suggestion.append(t("ouvrez l'alliance à un autre profil (entreprise, collectivité, association, "
                                "recherche…)",
                                "open the alliance to another profile (company, local authority, "
                                "association, research…)"))
    parts = {"targets": 1.0 if targets else 0.0,
             "partners": len(on) / len(members) if targets else 0.0,
             "kinds": kinds_score(len(kinds))}
    done = t("Rien à corriger : gardez les ODD comme langage commun dans vos échanges et vos bilans.",
             "Nothing to fix: keep the SDGs as your common language in meetings and reports.")
    return measured("principe-2", f, weighted(parts, P2_WEIGHTS), evidence, suggestion, lang, done)


# ----------------------------------------------------------------------------- P4


def principle_4(f: AllianceFacts, lang: str = "fr") -> Verdict:
    """Complementarity: partners do not duplicate each other, and the alliance does not substitute
    for another alliance, or for actors outside it, already at work on its footprint."""
    t = partial(w.tr, lang)
    members = f.members
    if not members and not f.footprint:
        return no_members("principe-4", f, lang)
    evidence: list[str] = []
    suggestion: list[str] = []

    distinct: float | None = None
    if len(members) >= 2:
        dups = duplicate_members(members)
        doubled = {m.id for a, b, _ in dups for m in (a, b)}
        distinct = 1 - len(doubled) / len(members)
        for a, b, jac in dups:
            kind, j = w.kind_name(a.kind, lang, plural_=True), w.number(jac, lang)
            evidence.append(t(f"{a.name} et {b.name}, deux {kind}, ont des empreintes très proches "
                              f"(Jaccard {j}) : risque de doublon",
                              f"{a.name} and {b.name}, two {kind}, have very similar footprints "
                              f"(Jaccard {j}): risk of duplication"))
            suggestion.append(t(f"précisez ce qu'apportent {a.name} et {b.name} pour éviter les doublons",
                                f"clarify what {a.name} and {b.name} each bring to avoid duplication"))
        if not dups:
            evidence.append(t(f"les {len(members)} partenaires ont des contributions distinctes",
                              f"the {len(members)} partners make distinct contributions"))
    offered = {lv.id: [m.name for m in members if lv.id in m.offers] for lv in reference().levers}
    if any(offered.values()):
        listed = w.join((f"{w.lever_name(o, lang)} ({names(who_, lang, shown=2)})"
                         for o, who_ in offered.items() if who_), lang)
        evidence.append(t(f"moyens apportés par les partenaires : {listed}",
                          f"means brought by the partners: {listed}"))

    alliances_part: float | None = None
    actors_part: float | None = None
    if not f.footprint:
        evidence.append(t("sans ODD cible ou sans territoire d'ancrage, le risque de substitution ne peut "
                          "pas être mesuré",
                          "without target SDGs or an anchoring territory, the risk of substitution cannot "
                          "be measured"))
    else:
        alliances_part = _other_alliances(f, lang, evidence, suggestion)
        actors_part = _outside_actors(f, lang, evidence, suggestion)
    parts = {"distinct": distinct, "alliances": alliances_part, "actors": actors_part}
    done = t("Rien à corriger : avant chaque nouvelle action, vérifiez ce qui existe déjà autour de vous.",
             "Nothing to fix: before each new action, check what already exists around you.")
    return measured("principe-4", f, weighted(parts, P4_WEIGHTS), evidence, suggestion, lang, done)


def _other_alliances(f: AllianceFacts, lang: str, evidence: list[str], suggestion: list[str]) -> float:
    """P4's alliance part: 1 - the largest share of the footprint another live alliance occupies."""
    t = partial(w.tr, lang)
    shown = [n for n in f.nearby_alliances if n.share >= NEARBY_MIN_SHARE]
    live = [n for n in shown if n.status != AllianceStatus.TERMINEE]
    ended = [n for n in shown if n.status == AllianceStatus.TERMINEE]
    for n in live[:SUGGESTIONS_SHOWN]:
        share, sdgs = w.percent(n.share, lang), w.sdgs_phrase(n.shared_sdgs, lang)
        risk = n.share >= SUBSTITUTION_MIN_SHARE
        evidence.append(t(f"« {n.name} », une autre alliance, occupe déjà {share} de votre empreinte ({sdgs} "
                          "sur votre territoire)" + (" : risque de substitution" if risk else ""),
                          f"\"{n.name}\", another alliance, already occupies {share} of your footprint "
                          f"({sdgs} on your territory)" + (": risk of substitution" if risk else "")))
    for n in ended[:SUGGESTIONS_SHOWN]:
        sdgs = w.sdgs_phrase(n.shared_sdgs, lang)
        evidence.append(t(f"« {n.name} », une alliance terminée, a travaillé sur {sdgs} sur votre territoire",
                          f"\"{n.name}\", an alliance now ended, worked on {sdgs} on your territory"))
    if not shown:
        evidence.append(t("aucune autre alliance ne travaille sur vos ODD sur votre territoire",
                          "no other alliance works on your SDGs on your territory"))
    risky = [n for n in live if n.share >= SUBSTITUTION_MIN_SHARE]
    if risky:
        them = names((w.quoted(n.name, lang) for n in risky), lang)
        suggestion.append(t(f"prenez contact avec {them} pour prolonger {agree(len(risky), 'son', 'leur')} "
                            "action plutôt que la doubler",
                            f"get in touch with {them} to extend their work rather than duplicate it"))
    lessons = [n for n in ended if n.share >= SUBSTITUTION_MIN_SHARE]
    if lessons:
        them = names((w.quoted(n.name, lang) for n in lessons), lang)
        suggestion.append(t(f"capitalisez sur l'expérience {w.de(them)}",
                            f"build on the experience of {them}"))
    return 1 - max((n.share for n in f.nearby_alliances if n.status != AllianceStatus.TERMINEE), default=0.0)


def _outside_actors(f: AllianceFacts, lang: str, evidence: list[str], suggestion: list[str]) -> float:
    """P4's actors part: 1 - the share of the footprint a few similar outside actors occupy
    together. The other actors on the same SDGs there are named as partners to connect with."""
    t = partial(w.tr, lang)
    group = f.covering_group
    if group:
        them, share = names(group, lang, shown=len(group)), w.percent(f.covering_share, lang)
        many = len(group) > 1
        risk = f.covering_share >= SUBSTITUTION_MIN_SHARE
        fr_verb = "occupent ensemble" if many else "occupe déjà"
        en_verb = "together occupy" if many else "already occupies"
        fr_who = agree(len(group), "acteur local de même profil que vos membres",
                       "acteurs locaux de même profil que vos membres")
        en_who = agree(len(group), "a local actor of the same profile as your members",
                       "local actors of the same profile as your members")
        evidence.append(t(f"hors de l'alliance, {them}, {fr_who}, {fr_verb} {share} de votre empreinte"
                          + (" : risque de doublon" if risk else ""),
                          f"outside the alliance, {them}, {en_who}, {en_verb} {share} of your footprint"
                          + (": risk of duplication" if risk else "")))
        if risk:
            acts, pronoun = agree(len(group), "agit", "agissent"), "les" if many else "le"
            suggestion.append(t(f"rencontrez {them}, qui {acts} déjà sur vos ODD sur votre territoire : "
                                f"associez-{pronoun} ou répartissez-vous les rôles",
                                f"meet {them}, already at work on your SDGs on your territory: bring "
                                f"{'them' if many else 'it'} in or share the roles"))
    else:
        evidence.append(t("aucun acteur local de même profil que vos membres ne travaille déjà sur vos ODD "
                          "sur votre territoire",
                          "no local actor of the same profile as your members already works on your SDGs "
                          "on your territory"))
    partners = f.outside_partners[:SUGGESTIONS_SHOWN]
    if partners:
        them = names((who(o.name, o.kind, lang) for o in partners), lang)
        evidence.append(t(f"{them} {agree(len(partners), 'travaille', 'travaillent')} aussi sur vos ODD sur "
                          "votre territoire",
                          f"{them} also {agree(len(partners), 'works', 'work')} on your SDGs on your "
                          "territory"))
        suggestion.append(t(f"faites connaître votre action {w.to(names((o.name for o in partners), lang))}",
                            f"make your work known to {names((o.name for o in partners), lang)}"))
    return 1 - f.covering_share


# ----------------------------------------------------------------------------- P5


def principle_5(f: AllianceFacts, lang: str = "fr") -> Verdict:
    """Beyond silos: the SDGs span the environmental, social and economic domains."""
    t = partial(w.tr, lang)
    own = frozenset(f.alliance.sdgs)
    sdgs = own or frozenset(s for m in f.members for s in m.sdgs)
    if not sdgs:
        return measured("principe-5", f, None,
                        [t("ni l'alliance ni ses partenaires ne déclarent d'ODD",
                           "neither the alliance nor its partners declare SDGs")],
                        [t("déclarez les ODD de l'alliance pour voir quels domaines elle relie",
                           "declare the alliance's SDGs to see which domains it links")],
                        lang, "", Status.NOT_ASSESSABLE)
    by_dim: dict[str, list[int]] = {}
    for s in sorted(sdgs):
        by_dim.setdefault(reference().sdgs[s].dimension.value, []).append(s)
    present = [d for d in SILO_DIMENSIONS if d in by_dim]
    listed = w.join((f"{w.dimension_name(d, lang)} ({w.sdgs_phrase(by_dim[d], lang, article=False)})"
                     for d in present), lang)
    if not own:
        evidence = [t("l'alliance ne déclare pas d'ODD cible ; ceux de ses partenaires relèvent des "
                      f"dimensions {listed}",
                      f"the alliance declares no target SDG; its partners' SDGs are {listed}")]
    elif present:
        dims = "des dimensions" if len(present) > 1 else "de la dimension"
        evidence = [t(f"les ODD visés relèvent {dims} {listed}", f"the targeted SDGs are {listed}")]
    else:
        evidence = [t("les ODD visés ne relèvent d'aucun domaine (seulement l'ODD 17)",
                      "the targeted SDGs belong to no domain (SDG 17 only)")]
    suggestion = []
    for d in (d for d in SILO_DIMENSIONS if d not in by_dim):
        _open_dimension(f, d, lang, evidence, suggestion)
    done = t("Rien à corriger : vos ODD relient les dimensions environnementale, sociale et économique ; "
             "gardez ces liens visibles dans vos actions.",
             "Nothing to fix: your SDGs link the environmental, social and economic dimensions; keep these "
             "links visible in your actions.")
    return measured("principe-5", f, silo_score(len(present)), evidence, suggestion, lang, done)


def _open_dimension(f: AllianceFacts, dimension: str, lang: str, evidence: list[str],
                    suggestion: list[str]) -> None:
    """How to bring a missing dimension in: members already on it first, then outside candidates."""
    t = partial(w.tr, lang)
    dim_sdgs = frozenset(w.sdgs_of_dimension(dimension))
    dim = w.dimension_name(dimension, lang)
    inside = [m for m in f.members if m.sdgs & dim_sdgs]
    if inside:
        them = names((m.name for m in inside), lang)
        theirs = w.sdgs_phrase(sorted({s for m in inside for s in m.sdgs & dim_sdgs}), lang, article=False)
        fr_verb, en_verb = agree(len(inside), "travaille", "travaillent"), agree(len(inside), "works", "work")
        evidence.append(t(f"{them} {fr_verb} déjà sur la dimension {dim} ({theirs})",
                          f"{them} already {en_verb} on the {dim} dimension ({theirs})"))
        suggestion.append(t(f"ouvrez l'alliance à la dimension {dim} en vous appuyant sur {them}",
                            f"open the alliance to the {dim} dimension with {them}"))
        return
    listed = w.sdgs_phrase(sorted(dim_sdgs), lang, article=False)
    found = pick(f, lambda c: bool(set(c.new_sdgs) & dim_sdgs))
    if not found:
        suggestion.append(t(f"ouvrez l'alliance à la dimension {dim} ({listed})",
                            f"open the alliance to the {dim} dimension ({listed})"))
        return
    them = names((f"{c.name} ({w.sdgs_phrase(sorted(set(c.new_sdgs) & dim_sdgs), lang, article=False)})"
                  for c in found), lang)
    suggestion.append(t(f"ouvrez l'alliance à la dimension {dim} ({listed}), par exemple avec {them}",
                        f"open the alliance to the {dim} dimension ({listed}), for instance with {them}"))


# ----------------------------------------------------------------------------- P6


def principle_6(f: AllianceFacts, lang: str = "fr") -> Verdict:
    """Territorial anchoring: partners present in the alliance's territory, local partners in."""
    t = partial(w.tr, lang)
    territories = f.alliance.territories
    if not territories:
        return measured("principe-6", f, 0.0,
                        [t("l'alliance ne déclare aucun territoire d'ancrage",
                           "the alliance declares no anchoring territory")],
                        [t("déclarez le territoire d'ancrage de l'alliance (commune, EPCI ou département)",
                           "declare the alliance's anchoring territory (municipality, EPCI or département)")],
                        lang, "")
    members = f.members
    if not members:
        return no_members("principe-6", f, lang)
    where = w.in_places(territories, lang)
    evidence = [t(f"l'alliance est ancrée {where}", f"the alliance is anchored {where}")]
    present = [m for m in members if m.places & f.places]
    absent = [m for m in members if not m.places & f.places]
    local = [m for m in present if m.places <= f.places]
    n, total, s = len(present), len(members), "s" if len(present) > 1 else ""
    if n:
        evidence.append(t(f"{n} partenaire{s} sur {total} {agree(n, 'y est présent', 'y sont présents')}",
                          f"{n} partner{s} out of {total} {agree(n, 'is', 'are')} present there"))
    else:
        evidence.append(t(f"aucun des {total} partenaires n'y est présent" if total > 1
                          else "son seul partenaire n'y est pas présent",
                          f"none of the {total} partners is present there" if total > 1
                          else "its only partner is not present there"))
    if absent:
        them = names((m.name for m in absent), lang)
        evidence.append(t(f"{them} n'y {agree(len(absent), 'agit', 'agissent')} pas",
                          f"{them} {agree(len(absent), 'does', 'do')} not act there"))
    if local:
        them = names((m.name for m in local), lang)
        evidence.append(t(f"partenaires locaux (qui n'agissent que sur ce territoire) : {them}",
                          f"local partners (acting only on this territory): {them}"))
    else:
        evidence.append(t("aucun partenaire n'agit seulement sur ce territoire : tous ont un périmètre "
                          "plus large",
                          "no partner acts only on this territory: all have a wider scope"))
    inactive = [m for m in members if not m.active]
    if inactive:
        them = names((m.name for m in inactive), lang)
        evidence.append(t(f"{them} {agree(len(inactive), 'est marqué inactif', 'sont marqués inactifs')}",
                          f"{them} {agree(len(inactive), 'is', 'are')} marked inactive"))
    suggestion = []
    if absent:
        them = names((m.name for m in absent), lang)
        suggestion.append(t(f"précisez le rôle {w.de(them)} sur le territoire de l'alliance",
                            f"clarify the role of {them} on the alliance's territory"))
    if not local:
        found = pick(f, lambda c: c.local)
        if found:
            them = names((who(c.name, c.kind, lang) for c in found), lang)
            suggestion.append(t(f"associez un acteur local, par exemple {them}",
                                f"bring in a local actor, for instance {them}"))
        else:
            suggestion.append(t("associez un acteur qui agit au plus près du terrain",
                                "bring in an actor working close to the ground"))
    parts = {"present": len(present) / len(members), "local": 1.0 if local else 0.0}
    done = t("Rien à corriger : continuez à partir des réalités et des fragilités de votre territoire.",
             "Nothing to fix: keep starting from the realities and fragilities of your territory.")
    return measured("principe-6", f, weighted(parts, P6_WEIGHTS), evidence, suggestion, lang, done)


# ----------------------------------------------------------------------------- P7


def principle_7(f: AllianceFacts, lang: str = "fr") -> Verdict:
    """Articulation with public policy: a local authority of the territory is a member, and the
    alliance aligns with the policies covering its territory and SDGs."""
    t = partial(w.tr, lang)
    authorities = [m for m in f.members if m.kind in LOCAL_AUTHORITY_KINDS and m.places & f.places]
    relevant = [p for p in f.policies if p.relevant]
    aligned = [p for p in relevant if p.aligned]
    evidence = []
    if authorities:
        them, n = names((m.name for m in authorities), lang), len(authorities)
        evidence.append(t(f"{them} ({agree(n, 'collectivité', 'collectivités')} du territoire) "
                          f"{agree(n, 'est membre', 'sont membres')} de l'alliance",
                          f"{them} (local {agree(n, 'authority', 'authorities')} of the territory) "
                          f"{agree(n, 'is a member', 'are members')} of the alliance"))
    else:
        evidence.append(t("aucune collectivité du territoire n'est membre de l'alliance",
                          "no local authority of the territory is a member of the alliance"))
    if relevant:
        listed = names((f"{p.name} ({w.sdgs_phrase(p.shared_sdgs, lang, article=False)})" for p in relevant),
                       lang)
        n, s = len(relevant), "s" if len(relevant) > 1 else ""
        fr_verb, policy, en_verb = agree(n, "couvre", "couvrent"), agree(n, "policy", "policies"), agree(
            n, "covers", "cover")
        evidence.append(t(f"{n} politique{s} publique{s} {fr_verb} votre territoire et vos ODD : {listed}",
                          f"{n} public {policy} {en_verb} your territory and SDGs: {listed}"))
        if aligned:
            them = names((p.name for p in aligned), lang)
            evidence.append(t(f"l'alliance s'aligne sur {them}", f"the alliance aligns with {them}"))
        else:
            evidence.append(t("l'alliance ne s'aligne sur aucune d'elles",
                              "the alliance aligns with none of them"))
    else:
        evidence.append(t("aucune politique publique enregistrée ne couvre votre territoire sur vos ODD",
                          "no recorded public policy covers your territory on your SDGs"))
    for p in (p for p in f.policies if p.aligned and not p.relevant):
        evidence.append(t(f"{p.name}, sur laquelle l'alliance s'aligne, ne couvre pas son territoire ou "
                          "ses ODD",
                          f"{p.name}, which the alliance aligns with, does not cover its territory or SDGs"))
    suggestion = []
    closest = sorted(relevant, key=lambda p: (-len(p.shared_sdgs), p.name, p.id))
    for p in [p for p in closest if not p.aligned][:SUGGESTIONS_SHOWN]:
        carriers, sdgs = w.join(p.carriers, lang), w.sdgs_phrase(p.shared_sdgs, lang)
        kind = f"{p.kind}, " if normalize(p.kind) not in normalize(p.name) else ""
        suggestion.append(t(f"rapprochez-vous de « {p.name} » ({kind}porté par {carriers}), qui vise {sdgs} "
                            "sur votre territoire",
                            f"get closer to \"{p.name}\" ({kind}carried by {carriers}), which addresses "
                            f"{sdgs} on your territory"))
    if not authorities:
        inside = {m.name for m in f.members}
        carriers = list(dict.fromkeys(c for p in closest for c in p.carriers if c not in inside))
        invited = carriers or [name for _, name in f.authorities]
        if invited:
            them = names(invited, lang)
            suggestion.append(t(f"invitez {them} à rejoindre l'alliance ou à la soutenir",
                                f"invite {them} to join or support the alliance"))
        else:
            suggestion.append(t("invitez la collectivité de votre territoire à rejoindre l'alliance",
                                "invite your territory's local authority to join the alliance"))
    score = articulation_score(bool(authorities), bool(aligned) if relevant else None)
    done = t("Rien à corriger : associez les élus à vos bilans pour garder cette synergie.",
             "Nothing to fix: involve the elected representatives in your reviews to keep this synergy.")
    return measured("principe-7", f, score, evidence, suggestion, lang, done)


def articulation_score(authority: bool, aligned: bool | None) -> float:
    """P7 from "a local authority of the territory is a member" and "aligns with a policy covering
    its territory and SDGs" (None: no such policy exists, so the authority alone decides).

    >>> [articulation_score(a, p) for a, p in ((True, True), (True, False), (False, True), (False, False))]
    [1.0, 0.75, 0.75, 0.0]
    >>> articulation_score(True, None), articulation_score(False, None)
    (1.0, 0.0)
    """
    if aligned is None:
        return 1.0 if authority else 0.0
    if authority and aligned:
        return 1.0
    return P7_EITHER if authority or aligned else 0.0


MEASURED = {
    "principe-2": principle_2,
    "principe-4": principle_4,
    "principe-5": principle_5,
    "principe-6": principle_6,
    "principe-7": principle_7,
}
"""The principles measured on the graph; the others are read from self-assessments."""
