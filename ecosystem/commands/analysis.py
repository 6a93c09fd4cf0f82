"""`ecosystem overlaps | complements | coverage | diagnose`: the analyses, from the command line.

Each command resolves what was typed (an id or a name; a territory code, id or name), calls one
function of `ecosystem.analysis`, and prints a readable table, or JSON with --json.
The analyses and the territory hierarchy load numpy and networkx: the handlers and printers import
them when they run, so that building the parser, hence any `--help`, stays fast.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from ecosystem import vocabulary
from ecosystem.analysis.thresholds import DUPLICATE_MIN_JACCARD, OVERLAP_LEVEL, Status
from ecosystem.commands.common import add_json_flag, add_lang_flag, print_json, print_table, store_from_args
from ecosystem.model import Level
from ecosystem.text import normalize

if TYPE_CHECKING:
    from ecosystem.analysis.complementarity import ComplementResult
    from ecosystem.analysis.coverage import Coverage
    from ecosystem.analysis.diagnosis import Diagnosis
    from ecosystem.analysis.overlap import Listing, OverlapResult
    from ecosystem.analysis.portfolio import Cell, Portfolio
    from ecosystem.analysis.verdict import Verdict
    from ecosystem.store import Store

R = TypeVar("R")

_LEVELS = {normalize(name): level for level, term in vocabulary.LEVELS.items() for name in term.names()}


MEASURED_PRINCIPLES = ("principe-2", "principe-4", "principe-5", "principe-6", "principe-7")
"""The principles measured on the graph (analysis.principles.MEASURED, which imports the analyses:
written out here so that `--help` stays light; tests/test_portfolio.py checks they agree)."""


def bounded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """The handler run under the whole-question limit (ECOSYSTEM_QUERY_TIMEOUT, `ecosystem.deadline`):
    a question stops within a few seconds of it, its Python work after the queries included."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        from ecosystem.deadline import question_limit

        with question_limit():
            return handler(args)

    return run


def level_arg(text: str) -> Level:
    """A level as typed: "commune", "EPCI", "département", "région", "pays"."""
    key = _LEVELS.get(normalize(text))
    if key is None:
        raise argparse.ArgumentTypeError(f"unknown level {text!r}: use commune, epci, departement, region "
                                         "or pays")
    return Level(key)


def register(sub: argparse._SubParsersAction) -> None:
    def common(parser: argparse.ArgumentParser) -> None:
        add_lang_flag(parser, "the sentences")
        add_json_flag(parser)

    p = sub.add_parser(
        "overlaps", help="actors overlapping an actor's footprint (territories x SDGs), or duplicates",
        description="Top actors overlapping one actor (Jaccard of footprints F = presence x SDGs, with "
                    "containment both ways), or, with --in, all overlapping pairs of a territory and the "
                    "groups of same-kind actors that may duplicate each other.",
        epilog='Examples:\n  ecosystem overlaps "Jardins du Plateau" --top 5\n'
               "  ecosystem overlaps panier-solidaire-valentinois --level epci\n"
               "  ecosystem overlaps --in Valence --min-jaccard 0.3",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("actor", nargs="?", metavar="ACTOR", help="actor id or name")
    p.add_argument("--in", dest="territory", metavar="TERRITORY",
                   help="list pairs and duplicate groups inside this territory instead (code, id or name)")
    p.add_argument("--level", type=level_arg, default=OVERLAP_LEVEL,
                   help="level at which presence is compared: commune (default), epci, departement, region")
    p.add_argument("--top", type=int, default=10,
                   help="how many actors or pairs to show (default 10); with --in, the pairs left out are "
                        "counted and said")
    p.add_argument("--min-jaccard", type=float, default=None,
                   help=f"with --in: smallest Jaccard shown (default 0; duplicates use "
                        f"{DUPLICATE_MIN_JACCARD})")
    common(p)
    p.set_defaults(func=bounded(run_overlaps), parser=p)

    p = sub.add_parser(
        "complements", help="co-present actors that bring what an actor or an alliance lacks",
        description="Ranked co-present actors bringing other SDGs, another kind of actor, means the "
                    "subject needs, or needing means the subject offers, each with one sentence saying "
                    "why.",
        epilog='Examples:\n  ecosystem complements jardins-du-plateau\n'
               '  ecosystem complements "Alliance Rivière Drôme vivante" --top 5 --level epci',
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("subject", metavar="ACTOR|ALLIANCE", help="actor or alliance, id or name")
    p.add_argument("--level", type=level_arg, default=None,
                   help="level at which co-presence is checked: commune, epci, departement, region "
                        "(default: the same commune first, then the other communes of its EPCI)")
    p.add_argument("--top", type=int, default=10, help="how many candidates to show (default 10)")
    common(p)
    p.set_defaults(func=bounded(run_complements))

    p = sub.add_parser(
        "coverage", help="SDG x territory matrix of a territory, and the gaps public policies leave open",
        description="How many actors work on each SDG in each part of a territory (the next level down by "
                    "default), with the gaps: an SDG a public policy addresses there while no actor and no "
                    "alliance works on it.",
        epilog="Examples:\n  ecosystem coverage 26            (Drôme, by EPCI)\n"
               "  ecosystem coverage 200068781 --level commune\n  ecosystem coverage \"Montélimar\"",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("territory", metavar="TERRITORY",
                   help="commune/EPCI/département code, id (region:84) or name")
    p.add_argument("--level", type=level_arg, default=None, help="rows' level (default: the next level down)")
    common(p)
    p.set_defaults(func=bounded(run_coverage), parser=p)

    p = sub.add_parser(
        "alliances", help="all the alliances of a territory side by side, principle by principle",
        description="One row per alliance of the territory, one column per principle measured on the data "
                    "(P2, P4, P5, P6, P7), and the weakest principle to work on first.",
        epilog="Examples:\n  ecosystem alliances --in 26\n  ecosystem alliances --in Romans-sur-Isère "
               "--sort principe-4 --json",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--in", dest="territory", metavar="TERRITORY", required=True,
                   help="commune/EPCI/département code, id or name")
    p.add_argument("--sort", choices=MEASURED_PRINCIPLES, default=None,
                   help="sort by this principle's score, weakest first (default: by name)")
    common(p)
    p.set_defaults(func=bounded(run_alliances))

    p = sub.add_parser(
        "diagnose", help="an alliance checked against the 21 levers of the Charte du faire alliance",
        description="Principle by principle (and the 7 modalities and 7 means): status, score, evidence "
                    "and a concrete suggestion naming actors or policies.",
        epilog='Examples:\n  ecosystem diagnose riviere-drome-vivante\n'
               '  ecosystem diagnose "Alliance Romans zéro déchet" --lang en',
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("alliance", metavar="ALLIANCE", help="alliance id or name")
    common(p)
    p.set_defaults(func=bounded(run_diagnose))


# ----------------------------------------------------------------------------- answering


def _answer(args: argparse.Namespace, ask: Callable[[Store], R], show: Callable[[R, str], None],
            as_json: Callable[[R], Any] | None = None) -> int:
    """Ask the store once, close it, then print the answer: JSON with --json (`as_json` of it when
    given), else `show` in the user's language.

    Every analysis command ends this way; one copy keeps the store closed on an error and --json alike
    for all of them.
    """
    store = store_from_args(args)
    try:
        result = ask(store)
    finally:
        store.close()
    if args.json:
        print_json(result if as_json is None else as_json(result))
    else:
        show(result, args.lang)
    return 0


def _words(lang: str) -> Callable[[str, str], str]:
    """The printers' `t(fr, en)`: the sentence in `lang`."""
    from ecosystem.analysis import wording as w

    return lambda fr, en: w.tr(lang, fr, en)


# ----------------------------------------------------------------------------- overlaps


@dataclass(frozen=True, slots=True)
class _Pairs:
    """What `overlaps --in` found: the overlapping pairs and the possible duplicates of a territory."""

    territory: str
    level: Level
    pairs: Listing
    groups: Listing

    def as_json(self) -> dict[str, Any]:
        return {"territory": self.territory, "level": self.level, "pairs": self.pairs.items,
                "pairs_count": _counts(self.pairs), "duplicates": self.groups.items,
                "duplicates_count": _counts(self.groups)}


def run_overlaps(args: argparse.Namespace) -> int:
    from ecosystem.analysis.lookup import find_actor, find_territory
    from ecosystem.analysis.overlap import duplicate_listing, pair_listing, top_overlaps

    if bool(args.actor) == bool(args.territory):
        args.parser.error("give an ACTOR, or --in TERRITORY (one of the two)")
    if args.territory:
        def pairs(store: Store) -> _Pairs:
            tid = find_territory(args.territory, store)
            return _Pairs(tid, args.level,
                          pair_listing(store, tid, args.level, min_jaccard=args.min_jaccard or 0.0,
                                       limit=args.top, lang=args.lang),
                          duplicate_listing(store, tid, args.level, lang=args.lang))

        return _answer(args, pairs, _print_pairs, _Pairs.as_json)
    return _answer(args, lambda store: top_overlaps(store, find_actor(store, args.actor).id, args.level,
                                                    args.top, args.lang), _print_overlaps)


def _print_overlaps(r: OverlapResult, lang: str) -> None:
    from ecosystem.analysis import wording as w

    t = _words(lang)
    level = w.level_name(r.level, lang, plural_=r.territories > 1)
    who, sdgs = f"{r.name} ({w.kind_name(r.kind, lang)})", ", ".join(map(str, r.sdgs))
    print(t(f"{who} : empreinte de {r.territories} {level} × {len(r.sdgs)} ODD ({sdgs})",
            f"{who}: footprint of {r.territories} {level} × {len(r.sdgs)} SDGs ({sdgs})"))
    if not r.sdgs:
        print(t("Aucun ODD déclaré : pas d'empreinte, donc pas de recouvrement. Ajoutez ses ODD dans le "
                "jeu de données.",
                "No SDG declared: no footprint, hence no overlap. Add its SDGs to the dataset."))
        return
    if not r.items:
        print(t("Aucun autre acteur n'occupe les mêmes cases (territoire × ODD).",
                "No other actor occupies the same (territory × SDG) cells."))
        return
    print()
    _overlap_table((t("Acteur", "Actor"), t("Type", "Kind"), t("Part de la vôtre", "Of yours"),
                    t("Part de la sienne", "Of theirs")),
                   [(o.name, w.kind_name(o.kind, lang), o.jaccard, o.containment_subject, o.containment_other,
                     o.reason) for o in r.items], lang)


def _overlap_table(heads: tuple[str, str, str, str],
                   rows: Sequence[tuple[str, str, float, float, float, str]], lang: str) -> None:
    """The table of overlaps, of one actor's or of a territory's pairs: two names (`heads[0:2]`), the
    Jaccard, the share of each footprint the other covers (`heads[2:4]`) and why, figures in `lang`."""
    from ecosystem.analysis import wording as w

    print_table([heads[0], heads[1], "Jaccard", heads[2], heads[3], _words(lang)("Pourquoi", "Why")],
                [(a, b, w.number(jaccard, lang), w.percent(of_a, lang), w.percent(of_b, lang), why)
                 for a, b, jaccard, of_a, of_b, why in rows])


def _counts(listing: Listing) -> dict[str, int]:
    """The explicit figures of a cut listing, for JSON readers: listed, in all, left out, limit."""
    return {"shown": listing.shown, "total": listing.total, "more": listing.more, "limit": listing.limit}


def _print_pairs(found: _Pairs, lang: str) -> None:
    from ecosystem.analysis import wording as w
    from ecosystem.analysis.overlap import more_sentence
    from ecosystem.reference import reference

    t = _words(lang)
    tid, level, pairs, groups = found.territory, found.level, found.pairs, found.groups
    place = reference().hierarchy.label(tid)
    print(t(f"Recouvrements dans {place}, niveau {w.level_name(level, lang)}",
            f"Overlaps in {place}, at {w.level_name(level, lang)} level"))
    if groups:
        print()
        j = w.number(DUPLICATE_MIN_JACCARD, lang)
        print(t(f"Doublons possibles (acteurs de même type, Jaccard ≥ {j})",
                f"Possible duplicates (same kind, Jaccard ≥ {j})"))
        for g in groups.items:
            print(f"  - {g.reason}")
        if groups.more:
            print("  " + more_sentence(groups, ("groupe", "groupes", "group", "groups"), None, lang))
    print()
    if not pairs.total:
        print(t("Aucune paire d'acteurs ne se recouvre ici.", "No pair of actors overlaps here."))
        return
    if pairs.items:
        _overlap_table((t("Acteur A", "Actor A"), t("Acteur B", "Actor B"), t("Part de A", "Of A"),
                        t("Part de B", "Of B")),
                       [(p.a_name, p.b_name, p.jaccard, p.containment_a, p.containment_b, p.reason)
                        for p in pairs.items], lang)
    if pairs.more:
        print(more_sentence(pairs, ("paire", "paires", "pair", "pairs"), "--top", lang))


# ----------------------------------------------------------------------------- complements


def run_complements(args: argparse.Namespace) -> int:
    from ecosystem.analysis.complementarity import complements
    from ecosystem.analysis.lookup import find_subject

    return _answer(args, lambda store: complements(store, find_subject(store, args.subject), args.level,
                                                   args.top, args.lang), _print_complements)


def _print_complements(r: ComplementResult, lang: str) -> None:
    from ecosystem.analysis import wording as w

    t = _words(lang)
    s = r.subject
    what = t("alliance", "alliance") if s.type == "alliance" else w.kind_name(s.kinds[0], lang)
    if r.neighbours is not None:
        print(t(f"Complémentarités {w.de(s.name)} ({what}) : même commune d'abord, puis même "
                "intercommunalité",
                f"Complements of {s.name} ({what}): same commune first, then same intercommunality"))
    else:
        print(t(f"Complémentarités {w.de(s.name)} ({what}), co-présence au niveau "
                f"{w.level_name(r.level, lang)}",
                f"Complements of {s.name} ({what}), co-presence at {w.level_name(r.level, lang)} level"))
    if not r.items:
        print(t("Aucun acteur co-présent n'apporte d'ODD, de profil ou de moyen qui vous manque.",
                "No co-present actor brings an SDG, a profile or a means you lack."))
        return
    found = w.whole(r.found, lang)
    if r.found == 1:
        print(t("1 acteur complémentaire trouvé :", "1 complementary actor found:"))
    else:
        first = t("le premier", "the first") if len(r.items) == 1 else t(f"les {len(r.items)} premiers",
                                                                          f"the first {len(r.items)}")
        print(t(f"{found} acteurs complémentaires trouvés ; {first} :",
                f"{found} complementary actors found; {first}:"))
    print()
    rows = [(n, c.name, w.kind_name(c.kind, lang), w.number(c.score, lang), c.reason)
            for n, c in enumerate(r.items, 1)]
    print_table(["#", t("Acteur", "Actor"), t("Type", "Kind"), "Score", t("Pourquoi", "Why")], rows)
    if r.more:
        from ecosystem.analysis.overlap import Listing, more_sentence

        print(more_sentence(Listing(r.items, r.limit, r.found), ("acteur", "acteurs", "actor", "actors"),
                            "--top", lang))


# ----------------------------------------------------------------------------- coverage


def run_coverage(args: argparse.Namespace) -> int:
    from ecosystem.analysis.coverage import check_level, coverage
    from ecosystem.analysis.lookup import find_territory

    def ask(store: Store) -> Coverage:
        tid = find_territory(args.territory, store)
        if args.level is not None:
            try:
                check_level(tid, args.level)
            except ValueError as error:
                args.parser.error(str(error))
        return coverage(store, tid, args.level, args.lang)

    return _answer(args, ask, _print_coverage)


def _cell_text(actors: int, gap: bool, empty: bool) -> str:
    if gap:
        return "!"
    return "." if empty else str(actors)


def _print_coverage(c: Coverage, lang: str) -> None:
    from ecosystem.analysis import wording as w
    from ecosystem.reference import reference

    t = _words(lang)
    place = reference().hierarchy.label(c.territory)
    print(t(f"Couverture des ODD : {place}, par {w.level_name(c.level, lang)}",
            f"SDG coverage: {place}, by {w.level_name(c.level, lang)}"))
    print(t("Chaque case : nombre d'acteurs qui travaillent sur l'ODD ; « ! » : une politique publique vise "
            "l'ODD mais aucun acteur ni alliance n'y travaille ; « . » : rien.",
            "Each cell: number of actors working on the SDG; \"!\": a public policy addresses the SDG but no "
            "actor or alliance works on it; \".\": nothing."))
    print()
    headers = [t("Territoire", "Territory"), *(str(s) for s in range(1, 18))]
    shown = [(r.name, r) for r in c.rows]
    if c.level != reference().hierarchy[c.territory].level:
        shown.append((f"Total {c.total.name}", c.total))
    print_table(headers, [[label, *(_cell_text(x.actors, x.gap, not (x.actors or x.alliances or x.policies))
                                    for x in row.cells)] for label, row in shown])
    print()
    from ecosystem.analysis.local_coverage import no_policy, notes

    for note in notes(c, lang):  # an EPCI over several départements; no policy, so no gap computed
        print(note)
    if no_policy(c) is not None:
        return
    groups = c.gap_groups(lang)
    if not groups:
        print(t("Aucun manque : chaque ODD visé par une politique publique a au moins un acteur ou une "
                "alliance.",
                "No gap: every SDG addressed by a public policy has at least one actor or alliance."))
        return
    n, many = w.whole(len(c.gaps), lang), len(c.gaps) > 1
    print(t(f"{n} {'manques' if many else 'manque'} (territoire × ODD) :",
            f"{n} {'gaps' if many else 'gap'} (territory × SDG):"))
    for g in groups:
        print(f"  - {g.sentence}")


# ----------------------------------------------------------------------------- alliances


def run_alliances(args: argparse.Namespace) -> int:
    from ecosystem.analysis.lookup import find_territory
    from ecosystem.analysis.portfolio import portfolio

    return _answer(args, lambda store: portfolio(store, find_territory(args.territory, store), args.lang,
                                                 args.sort), _print_portfolio)


def _print_portfolio(p: Portfolio, lang: str) -> None:
    from ecosystem.analysis import wording as w
    from ecosystem.reference import reference

    t = _words(lang)
    n = len(p.rows)
    where = w.in_places([p.territory], lang)
    print(t(f"{n} alliance{'s' if n > 1 else ''} {where}", f"{n} alliance{'s' if n != 1 else ''} {where}"))
    if not p.rows:
        return
    heads = [f"P{reference().levers[lever].number}" for lever in p.principles]
    rows = [[r.name, *(_cell(c, lang) for c in r.cells), r.weakest_name or "-"] for r in p.rows]
    print_table([t("Alliance", "Alliance"), *heads, t("À travailler d'abord", "Work on first")], rows)


def _cell(c: Cell, lang: str) -> str:
    """A principle's status and score in one cell: "en partie 0,60"."""
    from ecosystem.analysis import wording as w

    return w.status_label(c.status, lang) + ("" if c.score is None else " " + w.number(c.score, lang))


# ----------------------------------------------------------------------------- diagnose


def run_diagnose(args: argparse.Namespace) -> int:
    from ecosystem.analysis.diagnosis import diagnose
    from ecosystem.analysis.lookup import find_alliance

    return _answer(args, lambda store: diagnose(store, find_alliance(store, args.alliance), args.lang),
                   _print_diagnosis)


def _score(v: Verdict, lang: str) -> str:
    from ecosystem.analysis import wording as w

    return "-" if v.score is None else w.number(v.score, lang)


def _print_diagnosis(d: Diagnosis, lang: str) -> None:
    from ecosystem.analysis import wording as w

    t = _words(lang)
    print(f"{d.name} ({d.alliance})")
    print(d.summary)
    if d.assessed_on:
        dates = ", ".join(w.date_text(x, lang) for x in d.assessed_on)
        print(t(f"Autoévaluations : {dates}", f"Self-assessments: {dates}"))
    print()
    basis = {"graph": t("données", "data"), "self-assessment": t("autoévaluation", "self-assessment")}
    print_table(["#", t("Principe", "Principle"), t("Statut", "Status"), "Score", t("Source", "Basis")],
                [(v.number, v.name, w.status_label(v.status, lang), _score(v, lang), basis[v.basis])
                 for v in d.principles])
    for v in d.principles:
        print()
        print(f"P{v.number} · {v.name} — {w.status_label(v.status, lang)} ({_score(v, lang)})")
        for e in v.evidence:
            print(f"  - {e}")
        print(f"  → {v.suggestion}")
    for title, verdicts in ((t("Modalités d'action", "Modalities of action"), d.modalities),
                            (t("Moyens d'action", "Means of action"), d.means)):
        print()
        print_table([title, t("Statut", "Status"), t("Dernière note", "Latest"), t("Évolution", "Trend")],
                    [(v.name, w.status_label(v.status, lang), _latest(v), _trend(v)) for v in verdicts])
        never = [v.name for v in verdicts if not v.history]
        if never:
            print(t(f"  À autoévaluer ensemble (0 à 3) : {', '.join(never)}.",
                    f"  To self-assess together (0 to 3): {', '.join(never)}."))
        for v in verdicts:
            advice = _advice(v, lang)
            if advice:
                print(f"  → {v.name} : {advice}" if lang == "fr" else f"  → {v.name}: {advice}")


def _latest(v: Verdict) -> str:
    return f"{v.history[-1][1]}/3" if v.history else "-"


def _trend(v: Verdict) -> str:
    """'2 → 3 ↗' from the first to the latest self-assessment."""
    if v.trend is None:
        return ""
    arrow = "↗" if v.trend > 0 else "↘" if v.trend < 0 else "="
    return f"{v.history[0][1]} → {v.history[-1][1]} {arrow}"


def _advice(v: Verdict, lang: str) -> str:
    """The suggestion worth printing under the table: not the "nothing to fix" one, and without the
    generic "self-assess it" clause already said once for all the levers never assessed."""
    from ecosystem.analysis import render
    from ecosystem.analysis.codes import Code

    if v.status == Status.MET and not (v.trend is not None and v.trend < 0):
        return ""
    if not v.history:
        return render.sentence((f for f in v.advice if f.code != Code.SELF_ASSESS), lang)
    return v.suggestion
