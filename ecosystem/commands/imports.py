"""`ecosystem import rna | sirene | collectivites`: public registers into the store.

Each command resolves the territory, opens the files (zips accepted), calls one function of
`ecosystem.importers`, shows a progress bar on stderr and prints the summary: imported, updated,
marked inactive, not imported by reason. Exit 0 when the import ran (dirty rows are counted, not
fatal), 1 when a file is not the expected register or the store refuses, 2 on wrong usage.
The importers and the territory hierarchy load numpy and the readers: the handlers import them when
they run, so that building the parser, hence any `--help`, stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from ecosystem.commands.common import add_lang_flag, print_json, store_from_args
from ecosystem.commands.progress import ProgressBar
from ecosystem.lang import configured_lang

if TYPE_CHECKING:
    from ecosystem.importers import ImportSummary

EPILOG = {
    "rna": "Examples:\n"
           "  ecosystem import rna rna_waldec_20250101.zip rna_import_20250101.zip --territory 26\n"
           "  ecosystem import rna rna_waldec_20250101_dpt_26.csv --territory Valence --rejects rejets.csv\n"
           "  ecosystem import rna rna_waldec_20250101_dpt_26.csv --territory 26 --dry-run",
    "sirene": "Examples:\n"
              "  ecosystem import sirene StockEtablissement_utf8.zip --territory 26 "
              "--unites-legales StockUniteLegale_utf8.zip\n"
              "  ecosystem import sirene StockEtablissement_utf8.csv --territory 200068781 --dry-run",
    "collectivites": "Examples:\n"
                     "  ecosystem import collectivites --territory 26\n"
                     "  ecosystem import collectivites --territory \"CA Valence Romans Agglo\"",
}


class StepBars:
    """progress(step, done, total) shown as one bar per step (reading, legal units, loading)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.step = ""
        self.bar: ProgressBar | None = None

    def __call__(self, step: str, done: int, total: int) -> None:
        from ecosystem.importers.summary import STEPS

        if step != self.step:
            self.close()
            self.step = step
            fr, en = STEPS.get(step, (step, step))
            self.bar = ProgressBar(fr if self.lang == "fr" else en)
        assert self.bar is not None
        self.bar(done, total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _lang(args: argparse.Namespace) -> str:
    return (args.lang or configured_lang()).value


def _common(parser: argparse.ArgumentParser, paths: str | None) -> None:
    if paths is not None:
        parser.add_argument("paths", nargs=paths, metavar="PATH", type=Path,
                            help="register file: CSV, parquet (SIRENE) or the zip as downloaded")
    parser.add_argument("--territory", "-t", required=True, metavar="CODE",
                        help="territory to import: département (26), commune (26362), EPCI SIREN "
                             "(200068781), région (region:84) or an unambiguous name")
    parser.add_argument("--rejects", type=Path, metavar="FILE",
                        help="write the rows not imported, with their reason, to this CSV (opens in Excel)")
    parser.add_argument("--dry-run", action="store_true", help="read and count everything, save nothing")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON instead of text")
    add_lang_flag(parser, "the summary")


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser(
        "import", help="import public registers (RNA, SIRENE) and local authorities as actors",
        description="Start from the real territory: associations from the RNA, establishments from SIRENE, "
                    "and local authorities from the shipped hierarchy, each into its own dataset "
                    "(rna-26, sirene-26, collectivites-26). Re-importing updates that dataset; SDGs are "
                    "inferred, never declared, until a person confirms them.",
        epilog=EPILOG["rna"] + "\n" + EPILOG["sirene"][len("Examples:\n"):] + "\n"
               + EPILOG["collectivites"][len("Examples:\n"):],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    registers = group.add_subparsers(dest="register", metavar="REGISTER")
    registers.required = True

    p = registers.add_parser(
        "rna", help="active associations from RNA files (rna_waldec / rna_import, zip or CSV)",
        description="Active associations (position A) of the territory become actors (id = RNA number) in "
                    "the dataset rna-CODE. Give the waldec and the import files together: the dataset is "
                    "replaced as a whole.",
        epilog=EPILOG["rna"], formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(p, "+")
    p.set_defaults(func=run_rna, parser=p)

    p = registers.add_parser(
        "sirene", help="active establishments from SIRENE StockEtablissement (streamed, filtered)",
        description="Active establishments (state A) of the territory become actors (id = SIRET) in the "
                    "dataset sirene-CODE. The national file is streamed, never loaded. Pass the legal-unit "
                    "file for names, kinds of actors and links with the RNA.",
        epilog=EPILOG["sirene"], formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(p, "+")
    p.add_argument("--unites-legales", type=Path, metavar="PATH",
                   help="StockUniteLegale file (CSV, parquet or zip): legal category, name, ESS, RNA number")
    p.set_defaults(func=run_sirene, parser=p)

    p = registers.add_parser(
        "collectivites", help="communes, EPCI, départements and régions of a territory as actors",
        description="Every local authority present in the territory becomes an actor of kind collectivite "
                    "(ids like collectivite-commune-26362), ready to carry public policies.",
        epilog=EPILOG["collectivites"], formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(p, "*")
    p.set_defaults(func=run_collectivites, parser=p)


def _territory(args: argparse.Namespace) -> str:
    from ecosystem.analysis.lookup import find_territory

    return find_territory(args.territory)


def _run(args: argparse.Namespace, call: Callable[..., ImportSummary]) -> int:
    from ecosystem.access.writes import Writes, WritingStore, cli_principal
    from ecosystem.history.archive import Archive
    from ecosystem.importers import RejectsWriter

    lang = _lang(args)
    bars = StepBars(lang)
    store = store_from_args(args)
    with ExitStack() as stack:
        stack.callback(store.close)
        writer = None
        if args.rejects is not None:
            out = stack.enter_context(args.rejects.open("w", encoding="utf-8-sig", newline=""))
            writer = RejectsWriter(out, lang)
        try:
            # Through the checked, archived and audited writes; a register is authoritative, so an
            # import is not stopped by the reload guard: the version it replaces stays restorable.
            writing = WritingStore(Writes(store, cli_principal(), Archive.of(store)), force=True)
            summary = call(writing, rejects=writer, dry_run=args.dry_run, progress=bars)
        finally:
            bars.close()
    if args.json:
        print_json(summary)
    else:
        print("\n".join(summary.lines(lang)))
        if writer is not None:
            from ecosystem.analysis.wording import counted

            if lang == "fr":
                rows = counted(writer.count, "ligne écartée écrite", "lignes écartées écrites", lang)
                done = f"{rows} dans {args.rejects}"
            else:
                rows = counted(writer.count, "row not imported", "rows not imported", lang)
                done = f"{rows} written to {args.rejects}"
            print(done, file=sys.stderr)
    return 0


def run_rna(args: argparse.Namespace) -> int:
    from ecosystem.importers import import_rna, scope_of, sources_from_path
    from ecosystem.reference import reference

    territory = _territory(args)
    scope = scope_of(territory, reference().hierarchy)
    sources = [s for path in args.paths for s in sources_from_path(path, scope.departements)]
    return _run(args, lambda store, **kw: import_rna(store, sources, territory, **kw))


def run_sirene(args: argparse.Namespace) -> int:
    from ecosystem.importers import import_sirene, sources_from_path

    territory = _territory(args)
    sources = [s for path in args.paths for s in sources_from_path(path)]
    units = sources_from_path(args.unites_legales) if args.unites_legales else []
    return _run(args, lambda store, **kw: import_sirene(store, sources, territory, units=units, **kw))


def run_collectivites(args: argparse.Namespace) -> int:
    if args.paths:
        args.parser.error("collectivites takes no file: they come from the shipped hierarchy "
                          "(les collectivités viennent de la hiérarchie livrée avec le projet)")
    from ecosystem.importers import import_collectivites

    territory = _territory(args)
    return _run(args, lambda store, **kw: import_collectivites(store, territory, **kw))
