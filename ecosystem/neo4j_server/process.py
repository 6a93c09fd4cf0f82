"""The server's operating-system process: launch it detached, recognise it, stop it.

A process is ours when its command line runs Neo4j's entry point with `--home-dir=<our home>`: a pid
file alone is not trusted, since after a crash or a reboot its pid may belong to anything. The
command line also carries the Bolt port and the Neo4j version, so it is the one source of truth.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
VERSION_TAG = "-Decosystem.neo4j.version="
_BOLT_ADDRESS = re.compile(r"^server\.bolt\.listen_address=.*:(\d+)$")

# A throwaway Python starts the server in its own session and exits at once, so the server is
# nobody's child: it outlives the command that started it, no zombie waits on the caller, and a
# Ctrl-C in the caller's terminal does not reach it. Portable to Linux and macOS, no `setsid` needed.
# Its umask makes every file the server creates (data, logs, console log) owner-only.
_LAUNCHER = """\
import os, subprocess, sys
os.umask(0o077)
with open(sys.argv[1], "wb") as log:
    server = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)
print(server.pid)
"""


def launch(argv: list[str], log_file: Path, cwd: Path, env: dict[str, str]) -> int:
    """Start `argv` detached, its output to `log_file` (truncated); returns its pid."""
    done = subprocess.run([sys.executable, "-I", "-c", _LAUNCHER, str(log_file), *argv],
                          capture_output=True, text=True, cwd=cwd, env=env, check=False)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise OSError(lines[-1] if lines else f"launcher exited with {done.returncode}")
    return int(done.stdout.strip())


def is_ours(cmdline: list[str], home: Path) -> bool:
    return ENTRY_POINT in cmdline and f"--home-dir={home}" in cmdline


def alive(process: psutil.Process) -> bool:
    """Running and not a zombie (in containers, an orphan may wait unreaped for a long time)."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def find(home: Path, pid_file: Path) -> psutil.Process | None:
    """The live server process of `home`: the pid file first, then a scan (pid file lost or stale)."""
    with contextlib.suppress(OSError, ValueError, psutil.Error):
        process = psutil.Process(int(pid_file.read_text(encoding="utf-8").strip()))
        if alive(process) and is_ours(_cmdline(process), home):
            return process
    for process in psutil.process_iter():
        if process.pid != os.getpid() and is_ours(_cmdline(process), home) and alive(process):
            return process
    return None


def describe(process: psutil.Process) -> tuple[int | None, str | None]:
    """(Bolt port, Neo4j version) read back from the process's command line."""
    port: int | None = None
    version: str | None = None
    for arg in _cmdline(process):
        match = _BOLT_ADDRESS.match(arg)
        if match:
            port = int(match.group(1))
        elif arg.startswith(VERSION_TAG):
            version = arg[len(VERSION_TAG):]
    return port, version


def wait_gone(process: psutil.Process, timeout: float) -> bool:
    """Wait until the process has exited; False when it is still there after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while alive(process):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def terminate(process: psutil.Process, timeout: float) -> bool:
    """SIGTERM (Neo4j then shuts down cleanly), then SIGKILL after `timeout`; False when it had to kill."""
    with contextlib.suppress(psutil.NoSuchProcess):
        process.send_signal(signal.SIGTERM)
    if wait_gone(process, timeout):
        return True
    with contextlib.suppress(psutil.NoSuchProcess):
        process.kill()
    wait_gone(process, 30)
    return False


def port_in_use(port: int) -> bool:
    """True when something already listens on 127.0.0.1:port (or on all interfaces)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Neo4j binds
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def accepts(port: int) -> bool:
    """True when a TCP connection to 127.0.0.1:port succeeds."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def port_owner(port: int) -> str | None:
    """Who listens on `port`, e.g. "java (pid 4242)", when the system lets us see it."""
    try:
        connections = psutil.net_connections(kind="tcp")
    except (psutil.Error, OSError):
        return None
    for conn in connections:
        if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port == port and conn.pid:
            try:
                return f"{psutil.Process(conn.pid).name()} (pid {conn.pid})"
            except psutil.Error:
                return f"pid {conn.pid}"
    return None
