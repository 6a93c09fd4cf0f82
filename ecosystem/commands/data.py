"""Data commands: validate, load, remove, stats, export, template, generate.

The readers, exporters and generator import openpyxl, networkx and numpy: each handler imports what
it uses when it runs, so that building the parser, hence any `--help`, stays fast.
"""

from __future__ import annotations

import argparse
import difflib
import shlex
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ecosystem.access.writes import Writes, cli_principal
from ecosystem.commands.common import (
    add_command,
    add_json_flag,
    add_lang_flag,
    info,
    print_json,
    print_table,
    say,
    store_from_args,
)
from ecosystem.commands.progress import ProgressBar, RowsLine
from ecosystem.errors import DatasetInvalid, NotFound
from ecosystem.lang import configured_lang
from ecosystem.resources import DEMO_DIR

if TYPE_CHECKING:
    from ecosystem.datasets.validate import Report

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")
"""`ecosystem.datasets.FORMATS`, spelled here because importing `ecosystem.datasets` loads openpyxl;
tests/test_startup.py checks that the two agree."""


def _lang() -> str:
    return configured_lang().value


def _print_warnings(report: Report) -> None:
    lang = _lang()
    for warning in report.warnings:
        print(f"  ! {warning.text(lang)}", file=sys.stderr)


def _summary(report: Report) -> str:
    d = report.dataset
    assert d is not None
    from ecosystem.analysis import wording as w

    lang = _lang()
    nouns = {"fr": (("acteur", "acteurs"), ("politique", "politiques"), ("alliance", "alliances"),
                    ("adhésion", "adhésions"), ("autoévaluation", "autoévaluations")),
             "en": (("actor", "actors"), ("policy", "policies"), ("alliance", "alliances"),
                    ("membership", "memberships"), ("assessment", "assessments"))}[lang]
    counts = (len(d.actors), len(d.policies), len(d.alliances), len(d.memberships), len(d.assessments))
    listed = ", ".join(w.counted(n, one, many, lang) for n, (one, many) in zip(counts, nouns, strict=True))
    return say(f"« {d.name} » (id {d.id}) : {listed}", f"“{d.name}” (id {d.id}): {listed}")


def _input_size(path: Path) -> int:
    """Bytes of a file, or of the files of a folder (0 when there is nothing: the reader says why)."""
    try:
        files = [p for p in path.iterdir() if p.is_file()] if path.is_dir() else [path]
        return sum(p.stat().st_size for p in files)
    except OSError:
        return 0


def _checked(args: argparse.Namespace) -> Report:
    """The report of PATH; DatasetInvalid (printed by the CLI, every problem located) when it has
    problems, after its warnings."""
    path = Path(args.path)
    line = RowsLine(path.name, _lang(), _input_size(path))
    line("read", 0, 0)  # before importing the readers (openpyxl...): a second on a busy machine
    from ecosystem.datasets import check

    try:
        report = check(path, dataset_id=getattr(args, "id", None), name=getattr(args, "name", None),
                       progress=line)
    finally:
        line.close()
    _print_warnings(report)
    if not report.ok:
        raise DatasetInvalid(report.problems, report.source)
    return report


def validate_cmd(args: argparse.Namespace) -> int:
    report = _checked(args)
    print(say("Valide : ", "Valid: ") + _summary(report))
    return 0


def load_cmd(args: argparse.Namespace) -> int:
    report = _checked(args)
    store = store_from_args(args)
    try:
        bar = ProgressBar(say("Chargement", "Loading"))
        try:
            result = Writes(store, cli_principal()).load(report.dataset_or_raise(), progress=bar,
                                                         force=args.force)
        finally:
            bar.close()
    finally:
        store.close()
    verb = {"loaded": say("chargé", "loaded"), "replaced": say("remplacé (nouvelle version)", "replaced"),
            "unchanged": say("inchangé (déjà chargé à l'identique)", "unchanged (already loaded as is)")}
    from ecosystem.analysis import wording as w

    lang = _lang()
    rows = w.counted(result.rows, say("ligne", "row"), say("lignes", "rows"), lang)
    links = w.counted(result.relationships, say("relation", "relationship"),
                      say("relations", "relationships"), lang)
    print(f"{_summary(report)} — {verb.get(result.status, result.status)} "
          f"({rows}, {links}, {w.number(result.seconds, lang)} s)")
    from ecosystem.ui.views.changes import changes_text

    if changes := changes_text(result, lang):
        print(changes)
    return 0


def remove_cmd(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    try:
        known = [d.id for d in store.datasets()]
        if args.dataset not in known:
            close = difflib.get_close_matches(args.dataset, known, n=5, cutoff=0.3)
            raise NotFound("dataset", args.dataset, close or known[:5])
        Writes(store, cli_principal()).remove(args.dataset)
    finally:
        store.close()
    print(say(f"Jeu {args.dataset} retiré.", f"Dataset {args.dataset} removed."))
    return 0


def stats_cmd(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    try:
        info_ = store.describe()
        stats = store.stats()
    finally:
        store.close()
    if args.json:
        print_json({"store": info_.label, "stats": stats, "actors": stats.actors})
        return 0
    print(say("Base : ", "Store: ") + info_.label)
    print()
    print_table([say("type d'acteur", "kind of actor"), say("nombre", "count")],
                [*stats.actors_by_kind, (say("total", "total"), stats.actors)])
    print()
    print_table([say("niveau", "level"), say("territoires", "territories")],
                [*stats.territories_by_level, (say("utilisés par les données", "used by the data"),
                                               stats.territories_used)])
    print()
    print_table([say("autres", "other"), say("nombre", "count")], [
        (say("politiques publiques", "public policies"), stats.policies),
        ("alliances", stats.alliances),
        (say("adhésions", "memberships"), stats.memberships),
        (say("autoévaluations", "self-assessments"), stats.assessments),
        ("ODD", stats.sdgs),
        (say("leviers de la charte", "charter levers"), stats.levers),
    ])
    print()
    if stats.datasets:
        print_table(["id", say("nom", "name"), say("acteurs", "actors"), say("chargé le", "loaded at"),
                     "checksum"],
                    [(d.id, d.name, d.count("actors"), d.loaded_at, d.checksum) for d in stats.datasets])
    else:
        demo = _demo_argument()
        print(say(f"Aucun jeu de données chargé. Essayez : ecosystem load {demo}",
                  f"No dataset loaded. Try: ecosystem load {demo}"))
    return 0


def _demo_argument() -> str:
    """The shipped demo as a path to type here: `data/examples/demo-drome` in the repository, the full
    path of the installed copy elsewhere."""
    cwd = Path.cwd()
    demo = DEMO_DIR.relative_to(cwd) if DEMO_DIR.is_relative_to(cwd) else DEMO_DIR
    return shlex.quote(demo.as_posix())


def export_cmd(args: argparse.Namespace) -> int:
    from ecosystem.datasets import export

    dest = Path(args.output or (f"export-{args.format}" if args.format in ("csv", "json")
                                else f"ecosystem.{args.format}"))
    store = store_from_args(args)
    try:
        written = export(store, args.format, dest, args.dataset or None, lang=_lang())
    finally:
        store.close()
    for path in written:
        print(path)
    if not written:
        info("Rien à exporter : aucun jeu de données chargé.", "Nothing to export: no dataset loaded.")
    return 0


def template_cmd(args: argparse.Namespace) -> int:
    from ecosystem.datasets import write_template

    path = write_template(Path(args.output), lang=args.lang or _lang())
    print(path)
    return 0


def generate_cmd(args: argparse.Namespace) -> int:
    from ecosystem.datasets import export_datasets
    from ecosystem.generate import GeneratorSpec, generate
    from ecosystem.reference import reference

    resolution = reference().hierarchy.resolve(args.scope)
    if not resolution.ok:
        raise NotFound("territory", args.scope, [t.id for t in resolution.candidates[:5]])
    dataset = generate(GeneratorSpec(actors=args.actors, seed=args.seed, scope=resolution.territory_id or ""))
    for path in export_datasets([dataset], args.format, Path(args.output), lang=_lang()):
        print(path)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    add = partial(add_command, sub)

    p = add("validate", validate_cmd, "check a dataset and report every problem (exit 1 if any)",
            "ecosystem validate data/examples/demo-drome")
    p.add_argument("path", help="an .xlsx workbook, a folder of CSV files, a .csv or a .json file")
    p = add("load", load_cmd, "validate and load a dataset, all or nothing (again = no change)",
            "ecosystem load mon-territoire.xlsx")
    p.add_argument("path", help="an .xlsx workbook, a folder of CSV files, a .csv or a .json file")
    p.add_argument("--id", help="dataset id (default: from the 'jeu' sheet, else the file name)")
    p.add_argument("--name", help="dataset name (default: from the 'jeu' sheet, else the file name)")
    p.add_argument("--force", action="store_true",
                   help="load even if the new version drops more than a fifth of the dataset's actors")
    p = add("remove", remove_cmd, "remove a loaded dataset and everything it brought",
            "ecosystem remove demo-drome")
    p.add_argument("dataset", help="dataset id (see `ecosystem stats`)")
    p = add("stats", stats_cmd, "which store is in use and what it holds", "ecosystem stats --json")
    add_json_flag(p)
    p = add("export", export_cmd, "export the loaded datasets (CSV/JSON reload with `ecosystem load`)",
            "ecosystem export --format gexf -o carte.gexf")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("-o", "--output", help="file (graphml, gexf) or folder (csv, json)")
    p.add_argument("--dataset", action="append", help="only this dataset (repeatable)")
    p = add("template", template_cmd, "write a ready-to-fill Excel workbook with an explanation sheet",
            "ecosystem template -o mon-territoire.xlsx")
    p.add_argument("-o", "--output", default="modele-ecosysteme.xlsx")
    add_lang_flag(p, "the headers and help")
    p = add("generate", generate_cmd, "write a synthetic dataset on the real French hierarchy (benchmarks)",
            "ecosystem generate --actors 10000 --scope 26 --format csv -o /tmp/gen")
    p.add_argument("--actors", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--scope", default="FR", help="territory the actors are placed in (code, id or name)")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("-o", "--output", required=True, help="folder")
