"""The project's local Neo4j server: install, start, status, stop, against real Java processes.

Server starts cost seconds, so one server (module fixture) serves every test that needs one; the
lifecycle test stops and restarts it and leaves it running. The jars (123 MB) are shared, never
copied per test: ECOSYSTEM_TEST_NEO4J_JARS names the jar folder, by default the project's own
`<ECOSYSTEM_STATE_DIR>/neo4j/lib-<version>/`, the one `ecosystem neo4j start` uses; it is installed
there with Maven when missing. Without Java 17+ or Maven the server tests are skipped, unless
ECOSYSTEM_REQUIRE_NEO4J=1, where they fail.
"""

from __future__ import annotations

import ipaddress
import json
import os
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError

from ecosystem import settings
from ecosystem.errors import Neo4jServerError
from ecosystem.neo4j_server import Layout, connection_env, install, is_installed, process, start, status, stop
from ecosystem.neo4j_server.config import environment, write_conf
from ecosystem.neo4j_server.java import find_java, parse_java_version, supported_majors

VERSION = settings.get("ECOSYSTEM_NEO4J_VERSION") or "5.26.30"
REPO = Path(__file__).resolve().parent.parent
REQUIRE_NEO4J = os.environ.get("ECOSYSTEM_REQUIRE_NEO4J") == "1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    state: Path
    port: int
    jars: Path

    def options(self, **changes: object) -> dict:
        base = {"port": self.port, "heap": "512m", "pagecache": "64m", "version": VERSION,
                "password": None, "java": None, "lib_dir": self.jars}
        return {**base, **changes}


@pytest.fixture(scope="session")
def neo4j_jars() -> Path:
    chosen = os.environ.get("ECOSYSTEM_TEST_NEO4J_JARS")
    jars = Path(chosen) if chosen else Layout.of(settings.state_dir()).lib(VERSION)
    try:
        return install(jars.parent, VERSION, lib_dir=jars)
    except Neo4jServerError as exc:
        if REQUIRE_NEO4J:
            pytest.fail(f"ECOSYSTEM_REQUIRE_NEO4J=1 but the Neo4j jars cannot be installed: {exc}")
        pytest.skip(f"no local Neo4j possible here: {exc}")


@pytest.fixture(scope="module")
def server(neo4j_jars: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A running server, started by two other Python processes at once, both gone since.

    The server must survive them, and the two starts must agree on one server (one waits for the
    other, then finds it running).
    """
    server = Server(tmp_path_factory.mktemp("neo4j-state"), free_port(), neo4j_jars)
    options = {k: str(v) if isinstance(v, Path) else v for k, v in server.options().items()}
    script = ("import json, sys\nfrom pathlib import Path\nfrom ecosystem.neo4j_server import start\n"
              "options = json.loads(sys.argv[2]); options['lib_dir'] = Path(options['lib_dir'])\n"
              "print(start(Path(sys.argv[1]), **options).pid)\n")
    starters = [subprocess.Popen([sys.executable, "-c", script, str(server.state), json.dumps(options)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
                for _ in range(2)]
    try:
        outputs = [starter.communicate() for starter in starters]
        assert [starter.returncode for starter in starters] == [0, 0], outputs
        assert {int(out.strip()) for out, _ in outputs} == {status(server.state).pid}
        yield server
    finally:
        stop(server.state)


def loopback(ip: str) -> bool:
    """127.0.0.1, also as Java's dual-stack sockets report it (::ffff:127.0.0.1)."""
    address = ipaddress.ip_address(ip)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_loopback


def run(env: dict[str, str], query: str, password: str | None = None, **params: object) -> list:
    auth = (env["NEO4J_USER"], env["NEO4J_PASSWORD"] if password is None else password)
    with GraphDatabase.driver(env["NEO4J_URI"], auth=auth) as driver:
        return driver.execute_query(query, params, database_="neo4j").records


# --- the running server ----------------------------------------------------------------------------

@pytest.mark.neo4j
def test_start_gives_a_working_login_and_refuses_a_wrong_password(server: Server) -> None:
    env = connection_env(server.state)
    assert env["NEO4J_URI"] == f"bolt://127.0.0.1:{server.port}"
    assert env["NEO4J_USER"] == "neo4j"
    assert len(env["NEO4J_PASSWORD"]) >= 8
    assert run(env, "RETURN 1 AS one")[0]["one"] == 1
    with pytest.raises(AuthError):
        run(env, "RETURN 1", password="not-the-password")


@pytest.mark.neo4j
def test_status_reports_the_running_server_in_its_own_session(server: Server) -> None:
    current = status(server.state)
    assert current.running and current.port == server.port and current.version == VERSION
    assert current.uri == f"bolt://127.0.0.1:{server.port}"
    assert current.pid is not None and psutil.pid_exists(current.pid)
    assert os.getsid(current.pid) != os.getsid(0)  # a Ctrl-C or a closed terminal does not reach it
    assert current.password_file.stat().st_mode & 0o777 == 0o600
    assert Layout.of(server.state).pid_file.read_text().strip() == str(current.pid)


@pytest.mark.neo4j
def test_server_listens_on_loopback_only_and_has_no_http(server: Server) -> None:
    pid = status(server.state).pid
    assert pid is not None
    proc = psutil.Process(pid)
    connections = getattr(proc, "net_connections", None) or proc.connections  # psutil < 6
    listening = [c.laddr for c in connections(kind="inet") if c.status == psutil.CONN_LISTEN]
    assert listening, "the server listens on no port"
    assert all(loopback(address.ip) for address in listening), listening
    assert server.port in {address.port for address in listening}
    assert 7474 not in {address.port for address in listening}
    log = Layout.of(server.state).user_log.read_text(encoding="utf-8")
    assert "Anonymous Usage Data is being sent" not in log


@pytest.mark.neo4j
def test_start_again_is_a_no_op(server: Server) -> None:
    before = status(server.state).pid
    again = start(server.state, **server.options())
    assert again.running and again.pid == before


@pytest.mark.neo4j
def test_start_on_another_port_while_running_says_to_stop_first(server: Server) -> None:
    with pytest.raises(Neo4jServerError, match="already runs"):
        start(server.state, **server.options(port=server.port + 1))


@pytest.mark.neo4j
def test_start_with_a_wrong_password_on_the_running_server_says_how_to_fix(server: Server) -> None:
    with pytest.raises(Neo4jServerError, match="refuses NEO4J_PASSWORD"):
        start(server.state, **server.options(password="wrong-password-1"))
    assert status(server.state).running


@pytest.mark.neo4j
def test_stop_is_clean_and_data_survives_a_restart(server: Server) -> None:
    env = connection_env(server.state)
    run(env, "MERGE (n:LifecycleProbe {id: $id})", id="kept")
    pid = status(server.state).pid
    assert pid is not None

    assert stop(server.state) is True
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert not status(server.state).running
    layout = Layout.of(server.state)
    assert not layout.pid_file.exists()
    assert layout.user_log.read_text(encoding="utf-8").strip().endswith("Stopped.")
    assert stop(server.state) is False

    restarted = start(server.state, **server.options())
    assert restarted.running and restarted.pid != pid
    assert connection_env(server.state) == env
    assert [r["id"] for r in run(env, "MATCH (n:LifecycleProbe) RETURN n.id AS id")] == ["kept"]


@pytest.mark.neo4j
def test_a_server_that_dies_while_starting_is_reported_with_its_output(
        neo4j_jars: Path, tmp_path: Path) -> None:
    options = Server(tmp_path, free_port(), neo4j_jars).options(heap="1k")  # the JVM refuses this heap
    with pytest.raises(Neo4jServerError, match="stopped while starting") as raised:
        start(tmp_path, **options)
    assert "heap" in str(raised.value).lower()
    assert not status(tmp_path).running
    assert not Layout.of(tmp_path).pid_file.exists()


# --- locked down: like Neo4j's own defaults or tighter ---------------------------------------------

def _file_urls(state: Path) -> list[str]:
    """Files a LOAD CSV must not read: a system file, the same through "..", the server's password."""
    return ["file:///etc/hostname", "file:///../../../../etc/hostname",
            Layout.of(state).password_file.as_uri(), "file:///password"]


@pytest.mark.neo4j
def test_load_csv_cannot_read_the_servers_files(server: Server) -> None:
    env = connection_env(server.state)
    for url in _file_urls(server.state):
        with pytest.raises(ClientError) as refused:
            run(env, "LOAD CSV FROM $url AS row RETURN row", url=url)
        assert "allow_csv_import_from_file_urls" in str(refused.value), url
        assert env["NEO4J_PASSWORD"] not in str(refused.value)
    assert list(Layout.of(server.state).import_dir.iterdir()) == []  # where file URLs would point


def _shared(path: Path) -> list[str]:
    """The entries under `path` (itself included) that its group or others may read, write or enter."""
    found = []
    for entry in [path, *path.rglob("*")]:
        try:
            mode = entry.lstat().st_mode
        except FileNotFoundError:  # the running server removed it meanwhile
            continue
        if not stat.S_ISLNK(mode) and mode & 0o077:
            found.append(f"{oct(mode & 0o777)} {entry}")
    return found


@pytest.mark.neo4j
def test_the_servers_files_are_for_its_owner_only(server: Server) -> None:
    env = connection_env(server.state)
    run(env, "MERGE (n:ModeProbe {id: 1})")  # the server has written data and logs
    layout = Layout.of(server.state)
    assert layout.home.stat().st_mode & 0o777 == 0o700
    assert {"data", "logs", "conf", "run", "import", "password"} <= {p.name for p in layout.home.iterdir()}
    assert _shared(layout.home) == []


@pytest.mark.neo4j
def test_the_server_gets_no_secret_from_the_callers_environment(
        server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    if not Path("/proc/self/environ").exists():
        pytest.skip("no /proc here to read a process's environment")
    monkeypatch.setenv("NEO4J_PASSWORD", "caller-password-not-for-the-server")
    monkeypatch.setenv("SOME_API_TOKEN", "caller-token-not-for-the-server")
    stop(server.state)
    started = start(server.state, **server.options())
    assert started.pid is not None
    environ = Path(f"/proc/{started.pid}/environ").read_bytes()
    assert b"not-for-the-server" not in environ
    names = {entry.split(b"=", 1)[0].decode() for entry in environ.split(b"\0") if entry}
    assert "NEO4J_PASSWORD" not in names and "SOME_API_TOKEN" not in names
    assert {"NEO4J_HOME", "NEO4J_CONF"} <= names


# --- without a server --------------------------------------------------------------------------------

def test_status_of_an_empty_state_folder_is_not_running(tmp_path: Path) -> None:
    current = status(tmp_path)
    assert not current.running and current.pid is None and current.uri is None
    assert current.home == tmp_path.resolve() / "neo4j"
    assert stop(tmp_path) is False
    with pytest.raises(Neo4jServerError, match="not running"):
        connection_env(tmp_path)


def test_a_stale_pid_file_is_ignored_and_removed(tmp_path: Path) -> None:
    layout = Layout.of(tmp_path)
    layout.pid_file.parent.mkdir(parents=True)
    layout.pid_file.write_text(f"{os.getpid()}\n")  # alive, but not a Neo4j server
    assert not status(tmp_path).running
    assert not layout.pid_file.exists()
    layout.pid_file.write_text(f"{os.getpid()}\n")
    assert stop(tmp_path) is False  # and this very process is still here to tell
    assert not layout.pid_file.exists()


def test_a_taken_port_is_reported_with_the_fix(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(Neo4jServerError, match=f"Port {port} is already taken.*BOLT_PORT"):
            start(tmp_path, port=port, heap="512m", pagecache="64m", version=VERSION, password=None,
                  java=None)
    assert not status(tmp_path).running


def test_the_server_environment_is_an_allow_list(tmp_path: Path) -> None:
    caller = {"PATH": "/usr/bin", "HOME": "/home/me", "LC_TIME": "fr_FR.UTF-8", "NEO4J_PASSWORD": "secret-1",
              "AWS_SECRET_ACCESS_KEY": "secret-2", "JAVA_TOOL_OPTIONS": "-Dx=1", "NEO4J_HOME": "/elsewhere"}
    layout = Layout.of(tmp_path)
    assert environment(layout, caller) == {
        "PATH": "/usr/bin", "HOME": "/home/me", "LC_TIME": "fr_FR.UTF-8",
        "NEO4J_HOME": str(layout.home), "NEO4J_CONF": str(layout.conf_file.parent)}


def test_the_configuration_refuses_file_urls_and_tightens_what_exists(tmp_path: Path) -> None:
    layout = Layout.of(tmp_path)
    old = layout.data_dir / "databases" / "neo4j" / "neostore"  # as an older version left it
    old.parent.mkdir(parents=True)
    old.write_bytes(b"x")
    os.chmod(old, 0o644)
    os.chmod(old.parent, 0o755)
    write_conf(layout)
    conf = layout.conf_file.read_text(encoding="utf-8").splitlines()
    assert "dbms.security.allow_csv_import_from_file_urls=false" in conf
    assert f"server.directories.import={layout.import_dir}" in conf
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    assert _shared(layout.home) == []


SLEEPER = "import time\nprint('ready', flush=True)\ntime.sleep(3600)\n"
STUBBORN = "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n" + SLEEPER


@pytest.mark.parametrize(("script", "clean"), [(SLEEPER, True), (STUBBORN, False)])
def test_terminate_asks_first_and_kills_only_after_the_timeout(script: str, clean: bool) -> None:
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        assert process.terminate(psutil.Process(child.pid), timeout=1) is clean
        assert child.wait() == (-signal.SIGTERM if clean else -signal.SIGKILL)
    finally:
        child.kill()
        child.wait()


@pytest.mark.parametrize(("option", "value", "message"), [
    ("password", "short", "at least 8"),
    ("heap", "lots", "ECOSYSTEM_NEO4J_HEAP"),
    ("pagecache", "1 GB", "ECOSYSTEM_NEO4J_PAGECACHE"),
    ("port", 70000, "ECOSYSTEM_NEO4J_BOLT_PORT"),
])
def test_bad_options_are_refused_before_anything_runs(tmp_path: Path, option: str, value: object,
                                                      message: str) -> None:
    options: dict = {"port": free_port(), "heap": "512m", "pagecache": "64m", "version": VERSION,
                     "password": None, "java": None, option: value}
    with pytest.raises(Neo4jServerError, match=message):
        start(tmp_path, **options)
    assert not (tmp_path / "neo4j").exists()


def test_install_without_maven_says_how_to_get_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(Neo4jServerError, match="Maven"):
        install(tmp_path, VERSION)
    assert not Layout.of(tmp_path).lib(VERSION).exists()


def test_install_refuses_a_folder_it_did_not_finish(tmp_path: Path) -> None:
    jars = tmp_path / "lib"
    jars.mkdir()
    (jars / "something.jar").write_bytes(b"")
    with pytest.raises(Neo4jServerError, match="delete that folder"):
        install(tmp_path, VERSION, lib_dir=jars)
    assert (jars / "something.jar").exists()


@pytest.mark.neo4j
def test_a_second_install_needs_neither_maven_nor_java(neo4j_jars: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    assert is_installed(neo4j_jars, VERSION)
    assert install(neo4j_jars.parent, VERSION, lib_dir=neo4j_jars) == neo4j_jars


# --- Java --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "major"), [
    ('openjdk version "17.0.15" 2025-04-15', 17),
    ('openjdk version "25.0.3" 2026-04-21 LTS', 25),
    ('openjdk version "21" 2023-09-19', 21),
    ('java version "1.8.0_292"', 8),
    ("no java here", None),
])
def test_java_versions_are_read_from_java_version_output(text: str, major: int | None) -> None:
    assert parse_java_version(text) == major


def test_neo4j_5_takes_java_17_or_21_and_calendar_versions_21() -> None:
    assert supported_majors("5.26.30") == (17, 21)
    assert supported_majors("2025.10.1") == (21,)


def test_an_explicit_java_that_does_not_run_is_named_in_the_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "java")
    with pytest.raises(Neo4jServerError, match=f"ECOSYSTEM_JAVA={missing} does not run"):
        find_java(VERSION, missing)


@pytest.mark.neo4j
def test_the_java_found_is_one_neo4j_supports_when_there_is_one() -> None:
    try:
        found = find_java(VERSION)
    except Neo4jServerError as exc:
        if REQUIRE_NEO4J:
            raise
        pytest.skip(str(exc))
    assert found.major >= min(supported_majors(VERSION))
    assert parse_java_version(subprocess.run([found.path, "-version"], capture_output=True,
                                             text=True, check=True).stderr) == found.major
