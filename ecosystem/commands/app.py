"""`ecosystem app`: serve the Streamlit app from wherever the package is installed, in any folder.

`streamlit run app.py` needs the repository; this command runs the app entry the package locates
(`ecosystem.resources.APP_SCRIPT`: the repository's app.py, or its copy inside an installed package).
Streamlit reads `.streamlit/config.toml` only from the current folder (and, in recent versions, from
the entry's folder), so the project's settings are passed as flags, read from the same file
`make run` uses: the app looks the same from any folder and with any Streamlit version.
The server listens on the loopback address by default: a person's data stays on their machine unless
they choose `--address 0.0.0.0`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from ecosystem.resources import APP_SCRIPT, STREAMLIT_CONFIG

DEFAULT_ADDRESS = "127.0.0.1"
DEFAULT_PORT = 8501


def config_flags(config: Path = STREAMLIT_CONFIG) -> list[str]:
    """`.streamlit/config.toml` as `streamlit run` flags: `[server] maxUploadSize = 200` gives
    `--server.maxUploadSize 200`."""
    flags: list[str] = []
    for section, options in tomllib.loads(config.read_text(encoding="utf-8")).items():
        for key, value in options.items():
            if isinstance(value, bool):
                text = "true" if value else "false"
            elif isinstance(value, (str, int, float)):
                text = str(value)
            else:
                raise ValueError(f"{config}: [{section}] {key} is not a single value; pass it as a flag")
            flags += [f"--{section}.{key}", text]
    return flags


def streamlit_command(address: str = DEFAULT_ADDRESS, port: int = DEFAULT_PORT,
                      extra: list[str] | None = None, script: Path = APP_SCRIPT,
                      config: Path = STREAMLIT_CONFIG) -> list[str]:
    """The command line of the server: this Python's Streamlit, the project's settings, then the
    caller's extra flags, which win (Streamlit keeps the last value of a repeated flag). Streamlit's
    command line is reached through `ecosystem.ui.serve`, which warms the shared cache at start."""
    return [sys.executable, "-m", "ecosystem.ui.serve", "run", str(script), *config_flags(config),
            "--server.address", address, "--server.port", str(port), *(extra or [])]


def run(args: argparse.Namespace) -> int:
    command = streamlit_command(args.address, args.port, args.streamlit_args)
    sys.stdout.flush()
    if os.name == "nt":  # no exec on Windows: wait for the server and pass on its exit code
        return subprocess.call(command)
    os.execv(command[0], command)  # the server takes this process over: Ctrl+C reaches it directly
    return 0  # not reached


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "app", help="serve the app in the browser (from any folder)",
        description="Serve the ecosystem app with Streamlit, at http://127.0.0.1:8501 by default. Works "
                    "from any folder, installed or in the repository; settings come from the "
                    "environment (docs/settings.md), as for `make run`.",
        epilog="Examples: ecosystem app\n"
               "          ecosystem app --port 8600\n"
               "          ecosystem app -- --server.headless true   (Streamlit options after --)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--address", default=DEFAULT_ADDRESS,
                        help=f"address to listen on (default {DEFAULT_ADDRESS}: this machine only; "
                             "0.0.0.0 for the whole network)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("streamlit_args", nargs="*", metavar="STREAMLIT_OPTION",
                        help="more `streamlit run` options, after --")
    parser.set_defaults(func=run)
