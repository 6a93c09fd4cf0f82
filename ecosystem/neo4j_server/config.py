"""How the server is configured and launched: its neo4j.conf, its Java command line, its environment.

Static settings go to conf/neo4j.conf; the port and the page cache go on the command line, where
`status` reads them back from the running process. The configuration is Neo4j's own defaults or
tighter: loopback only, authentication on, no HTTP, and `LOAD CSV` unable to read local files
(file URLs off, and the import folder, were they turned on, an empty folder of the server's own).
The server gets a minimal environment: never the caller's NEO4J_PASSWORD or other secrets.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ecosystem.errors import Neo4jServerError
from ecosystem.neo4j_server.layout import Layout
from ecosystem.neo4j_server.private import lock_down, write_private
from ecosystem.neo4j_server.process import ENTRY_POINT, VERSION_TAG

MIN_PASSWORD_LENGTH = 8  # Neo4j's dbms.security.auth_minimum_password_length
_MEMORY = re.compile(r"^\d+[kKmMgG]?$")

CONF = """\
# Written by `ecosystem` at each start of the local server: edits here are overwritten.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.tls_level=DISABLED
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
# LOAD CSV must not read the server's files (the password file, /etc/shadow when run as root...):
# file:/// URLs are refused, and the only folder they could name is an empty one (Neo4j's own default
# confines them to its import/ folder; without this line they could read any file the server can).
dbms.security.allow_csv_import_from_file_urls=false
server.directories.import={import_dir}
# A development server: keep at most 1 GB of transaction logs.
db.tx_log.rotation.retention_policy=1G size
# On shutdown Bolt waits twice 5 s for idle connections by default; nothing to drain here.
internal.dbms.bolt.netty_server_shutdown_quiet_period=0
"""

# From the server.jvm.additional lines of Neo4j's default neo4j.conf, which only its own launcher reads,
# but for the collector: the parallel one instead of G1. This server holds 1-2 GB of heap on a small
# machine, where G1's write barriers and concurrent refinement cost more CPU than its shorter pauses
# are worth: a 1M-actor load (benchmarks/neo4j_load.py) took 97 s with 98 s of server CPU against
# 118 s and 131 s with G1, and its longest pause was 182 ms (full collections of a 2 GB heap, 87 ms
# with G1): shorter than any question the app asks at that size.
JVM_OPTIONS = (
    "-XX:+UseParallelGC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)


def check_options(port: int, heap: str, pagecache: str, password: str | None) -> None:
    """Refuse bad options before anything is written or launched, naming the setting to fix."""
    if not 1 <= port <= 65535:
        raise Neo4jServerError(f"Port {port} is not a TCP port: set ECOSYSTEM_NEO4J_BOLT_PORT between 1024 "
                               "and 65535.",
                               f"Le port {port} n'est pas un port TCP : donnez à ECOSYSTEM_NEO4J_BOLT_PORT "
                               "une valeur entre 1024 et 65535.")
    for name, value in (("ECOSYSTEM_NEO4J_HEAP", heap), ("ECOSYSTEM_NEO4J_PAGECACHE", pagecache)):
        if not _MEMORY.match(value):
            raise Neo4jServerError(f'{name}="{value}" is not a memory size: write it like 1g or 512m.',
                                   f"{name} = « {value} » n'est pas une taille de mémoire : écrivez-la "
                                   "comme 1g ou 512m.")
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise Neo4jServerError(f"NEO4J_PASSWORD is too short for Neo4j: use at least {MIN_PASSWORD_LENGTH} "
                               "characters, or unset it to let the server get a random one.",
                               f"NEO4J_PASSWORD est trop court pour Neo4j : utilisez au moins "
                               f"{MIN_PASSWORD_LENGTH} caractères, ou retirez-le pour que le serveur en "
                               "reçoive un au hasard.")


def conf_text(layout: Layout) -> str:
    """The neo4j.conf of this layout."""
    return CONF.format(import_dir=layout.import_dir)


def write_conf(layout: Layout) -> None:
    """Make the server's folders owner-only (creating them) and write its neo4j.conf."""
    lock_down(layout)
    write_private(layout.conf_file, conf_text(layout))


def command(java: str, java_major: int, layout: Layout, lib: Path, *, port: int, heap: str,
            pagecache: str, version: str) -> list[str]:
    """The Java command line of the server; Java 23+ gets flags that silence warnings Neo4j 5 triggers."""
    recent = (["--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"]
              if java_major >= 23 else [])
    return [java, f"-Xmx{heap}", *JVM_OPTIONS, *recent, f"{VERSION_TAG}{version}",
            "-cp", f"{lib}{os.sep}*", ENTRY_POINT, f"--home-dir={layout.home}",
            f"--config-dir={layout.conf_file.parent}", "--console-mode",
            "-c", f"server.bolt.listen_address=127.0.0.1:{port}",
            "-c", f"server.bolt.advertised_address=127.0.0.1:{port}",
            "-c", f"server.memory.pagecache.size={pagecache}"]


# What the server may see of the caller's environment: where things are, language and time zone.
# An allow-list, not a deny-list: NEO4J_PASSWORD, cloud keys, tokens... are never passed on, whatever
# their name (a long-running process's environment stays readable in /proc/<pid>/environ).
KEPT_ENV = frozenset({"PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR"})


def environment(layout: Layout, environ: dict[str, str] | None = None) -> dict[str, str]:
    """The server's environment: the caller's paths and locale only, with NEO4J_HOME/NEO4J_CONF
    pointing here (never at another install)."""
    source = os.environ if environ is None else environ
    kept = {k: v for k, v in source.items() if k in KEPT_ENV or k.startswith("LC_")}
    return {**kept, "NEO4J_HOME": str(layout.home), "NEO4J_CONF": str(layout.conf_file.parent)}
