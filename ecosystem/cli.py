"""The `ecosystem` command: a thin shell over the library.

Each command parses its arguments, calls one library function and renders the result. Command groups
live in `ecosystem/commands/` and register themselves with `register(subparsers)`. Errors: an
`EcosystemError` is printed as one message (exit 1; invalid data also exits 1 with its report), wrong
usage exits 2, and no user error ever shows a stack trace.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ecosystem import __version__, settings
from ecosystem.driver_log import quiet_driver
from ecosystem.errors import EcosystemError
from ecosystem.lang import Lang, UnknownLang, configured_lang
from ecosystem.settings_check import check_settings

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a one-line hint on wrong usage (its default, made explicit)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}\nRun `{self.prog} --help` for examples.", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from ecosystem.commands import COMMAND_MODULES

    parser = _Parser(
        prog="ecosystem",
        description="Map territorial ecosystems of general-interest alliances (Charte du faire alliance).",
        epilog="Example: ecosystem validate data/examples/demo-drome\n"
               "         ecosystem load data/examples/demo-drome",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ecosystem {__version__}")
    parser.add_argument("--verbose", action="store_true",
                        help="show the Neo4j driver's own messages (connection retries) on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:  # the language, parsed once: a command's --lang wins over ECOSYSTEM_LANG
        lang = getattr(args, "lang", None) or configured_lang()
    except UnknownLang as error:
        print(f"ecosystem: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if hasattr(args, "lang"):
        args.lang = lang
    try:  # every setting checked once, before any is used: one line, never a traceback
        check_settings()
    except EcosystemError as error:
        print(describe(error, lang), file=sys.stderr)
        return EXIT_USAGE
    quiet_driver(args.verbose or settings.get("ECOSYSTEM_VERBOSE") == "1")
    try:
        code = int(args.func(args) or EXIT_OK)
        sys.stdout.flush()  # here, so that a closed pipe is caught below rather than at exit
        return code
    except BrokenPipeError:  # `ecosystem stats | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except EcosystemError as error:  # DatasetInvalid too: its text lists every problem
        print(describe(error, lang), file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("interrompu" if lang == Lang.FR else "interrupted", file=sys.stderr)
        return 130


def describe(error: EcosystemError, lang: Lang) -> str:
    """An error as the CLI prints it: "erreur : " or "error: ", then the error in the user's language."""
    return f"{'erreur : ' if lang == Lang.FR else 'error: '}{error.text(lang)}"


if __name__ == "__main__":
    raise SystemExit(main())
