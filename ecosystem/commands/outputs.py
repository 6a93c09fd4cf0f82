"""`ecosystem report | export-map`: what people take to a meeting, written to a file.

`report` writes the one-page A4 PDF of an alliance's diagnosis; `export-map` the network or the
geographic map of a territory as PNG or SVG, with title, filters and legend on it. The handlers
import matplotlib, fpdf2 and the analyses when they run, so `--help` stays light.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ecosystem.commands.analysis import level_arg
from ecosystem.commands.common import add_command, add_lang_flag, store_from_args
from ecosystem.errors import EcosystemError
from ecosystem.model import Level

if TYPE_CHECKING:
    from ecosystem.store.base import Store

FORMATS = ("png", "svg")
VIEWS = ("network", "geo")


class OutputNotWritten(EcosystemError):
    """The file could not be written (a folder that does not exist, no permission)."""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "report", run_report,
                    "an alliance's diagnosis on one A4 page (PDF): members, territory, the principles' "
                    "chart, verdicts and suggestions",
                    'ecosystem report riviere-drome-vivante -o riviere.pdf --lang fr')
    p.add_argument("alliance", metavar="ALLIANCE", help="alliance id or name")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf", help="the PDF to write")
    add_lang_flag(p, "the report")

    p = add_command(sub, "export-map", run_export_map,
                    "a territory's network map or geographic map as PNG or SVG, with title, filters and "
                    "legend written on it",
                    "ecosystem export-map --in 26 --view geo --format svg -o drome.svg")
    p.add_argument("--in", dest="territory", metavar="TERRITORY", required=True,
                   help="commune/EPCI/département code, id (region:84) or name")
    p.add_argument("--view", choices=VIEWS, default="network",
                   help="network: actors, alliances and policies (as on the Carte page); geo: the shapes "
                        "of the territory's parts coloured by how many actors are present (default network)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="png or svg (default: from the file's extension, else png)")
    p.add_argument("--sdg", type=int, choices=range(1, 18), default=None, metavar="N",
                   help="only this SDG: actors working on it (network), or their count (geo)")
    p.add_argument("--level", type=level_arg, default=None,
                   help="geo: the level of the shapes (default: the next level down)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the image to write")
    add_lang_flag(p, "the title and legend")
    p.set_defaults(parser=p)


def run_report(args: argparse.Namespace) -> int:
    from ecosystem.analysis.lookup import find_alliance
    from ecosystem.outputs.gather import report_input
    from ecosystem.outputs.report import report_pdf

    store = store_from_args(args)
    try:
        data = report_input(store, find_alliance(store, args.alliance), args.lang)
    finally:
        store.close()
    _write(args.output, report_pdf(data, args.lang))
    _done(args.lang, f"Diagnostic de « {data.alliance.name} » écrit dans {args.output} (une page A4).",
          f'Diagnosis of "{data.alliance.name}" written to {args.output} (one A4 page).')
    return 0


def run_export_map(args: argparse.Namespace) -> int:
    from ecosystem.analysis.lookup import find_territory

    fmt = args.format or (args.output.suffix.lstrip(".").lower() if args.output.suffix.lower() in
                          (".png", ".svg") else "png")
    store = store_from_args(args)
    try:
        tid = find_territory(args.territory, store)
        if args.view == "geo":
            level = _level(args, tid)
            data = _geo(store, tid, level, args.sdg, args.lang, fmt)
        else:
            data = _network(store, tid, args.sdg, args.lang, fmt)
    finally:
        store.close()
    _write(args.output, data)
    _done(args.lang, f"Carte écrite dans {args.output} ({fmt.upper()}).",
          f"Map written to {args.output} ({fmt.upper()}).")
    return 0


def _level(args: argparse.Namespace, tid: str) -> Level:
    """The level of the shapes: --level if it is finer than the territory, else the next level down."""
    from ecosystem.analysis.coverage import check_level, default_level

    if args.level is None:
        return default_level(tid)
    try:
        return check_level(tid, args.level)
    except ValueError as error:
        args.parser.error(str(error))
        raise  # not reached: error() exits


def _network(store: Store, tid: str, sdg: int | None, lang: str, fmt: str) -> bytes:
    """The Carte page's map of the territory (optionally one SDG), drawn as a picture."""
    from ecosystem.outputs import captions
    from ecosystem.outputs.network import network_png, network_svg
    from ecosystem.ui.map import MapSelection, build_map

    model = build_map(store, MapSelection(territory=tid, sdgs=(sdg,) if sdg else ()), lang)
    title, filters, note = captions.network_caption(tid, sdg, model.actors, model.alliances, model.policies,
                                                    model.group_by if model.grouped else "", lang)
    return (network_svg if fmt == "svg" else network_png)(model, title, filters, lang, note=note)


def _geo(store: Store, tid: str, level: Level, sdg: int | None, lang: str, fmt: str) -> bytes:
    """The shapes of the territory's parts coloured by how many actors are present (on one SDG)."""
    from ecosystem.outputs import captions, gather
    from ecosystem.outputs.geo import geo_png, geo_svg

    values = (gather.sdg_coverage(store, tid, level, sdg) if sdg
              else gather.actors_by_territory(store, tid, level))
    title, filters, measure = captions.geo_caption(tid, level, sdg, lang)
    within = None if tid.startswith("pays:") else tid
    return (geo_svg if fmt == "svg" else geo_png)(level, within, values, title, filters, measure, lang)


def _done(lang: str, fr: str, en: str) -> None:
    """What was written, on stderr, in the language of the file (--lang wins over ECOSYSTEM_LANG)."""
    print(fr if lang == "fr" else en, file=sys.stderr)


def _write(path: Path, data: bytes) -> None:
    """Write the file, or say in both languages why it cannot be written (never a stack trace)."""
    try:
        path.write_bytes(data)
    except FileNotFoundError:
        raise OutputNotWritten(
            f"cannot write {path}: the folder {path.parent} does not exist",
            f"impossible d'écrire {path} : le dossier {path.parent} n'existe pas") from None
    except IsADirectoryError:
        raise OutputNotWritten(
            f"cannot write {path}: it is a folder; give a file name",
            f"impossible d'écrire {path} : c'est un dossier ; donnez un nom de fichier") from None
    except PermissionError:
        raise OutputNotWritten(f"cannot write {path}: permission denied",
                               f"impossible d'écrire {path} : permission refusée") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise OutputNotWritten(f"cannot write {path}: {reason}",
                               f"impossible d'écrire {path} : {reason}") from None
