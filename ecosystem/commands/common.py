"""What every command shares: opening the store, printing tables and JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import date
from enum import Enum
from typing import Any

from ecosystem.controls import one_line
from ecosystem.lang import Lang, UnknownLang, configured_lang, parse_lang
from ecosystem.store import Store, open_store


def lang_flag(text: str) -> Lang:
    """argparse type of `--lang`: the values ECOSYSTEM_LANG accepts (`fr`, `EN`...); else usage error."""
    try:
        return parse_lang(text, "--lang")
    except UnknownLang as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_lang_flag(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--lang", type=lang_flag, default=None, metavar="{fr,en}",
                        help=f"language of {what} (default from ECOSYSTEM_LANG: French)")


def store_from_args(args: argparse.Namespace) -> Store:
    """The configured store (Neo4j when NEO4J_URI is set, else embedded); when Neo4j first has to
    clean up after a crashed load, one line on stderr says so before the wait."""
    return open_store(on_recovery=announce_recovery)


def announce_recovery(versions: int) -> None:
    """Say, before it starts, that the command first cleans up what an interrupted load left."""
    plural_fr = "s" if versions > 1 else ""
    info(f"Nettoyage de {versions} chargement{plural_fr} interrompu{plural_fr} (après un arrêt brutal), "
         "avant de répondre…",
         f"Cleaning up {versions} interrupted load{'s' if versions > 1 else ''} (after a crash) before "
         "answering…")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [to_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 6)
    return value


def print_json(value: Any) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], title: str = "") -> None:
    """A plain aligned table: readable in any terminal, copy-pastable into a spreadsheet.

    Each cell is printed on one line without control characters: a name holding ESC sequences
    (stored before the readers removed them, or by another program) must not drive the terminal.
    """
    cells = [[one_line(str(h)) for h in headers]] + [["" if c is None else one_line(str(c)) for c in row]
                                                     for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    if title:
        print(one_line(title))
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def say(fr: str, en: str) -> str:
    """The sentence in the user's language (ECOSYSTEM_LANG, French by default)."""
    return en if configured_lang() == Lang.EN else fr


def info(fr: str, en: str) -> None:
    """A progress or status sentence, on stderr so that stdout stays clean for --json and pipes."""
    print(say(fr, en), file=sys.stderr)


def add_command(sub: argparse._SubParsersAction, name: str, func: Callable[[argparse.Namespace], int],
                text: str, example: str) -> argparse.ArgumentParser:
    """A sub-command whose help and description are `text`, with one example, running `func`: every
    command of the CLI shows an example in its `--help`."""
    parser = sub.add_parser(name, help=text, description=text, epilog=f"Example: {example}")
    parser.set_defaults(func=func)
    return parser
