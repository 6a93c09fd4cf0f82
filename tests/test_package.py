"""A real package: the sdist, and the wheel built from it, work installed, from a folder outside the repo.

The chain is the one a release follows: a copy of the repository (so the build never writes into the
checkout) -> the sdist (MANIFEST.in must carry data/, queries/, the app entry) -> a wheel built from
that sdist (setup.py copies them into ecosystem/_shipped/) -> a fresh venv holding only that wheel.
The venv sees the dev venv's dependencies through a path in a .pth file, without its editable install
of ecosystem (a plain path line processes no nested .pth), so nothing is downloaded and
`import ecosystem` can only find the wheel; the tests check that it does.
Everything runs offline: `--no-build-isolation --no-index` with the dev venv's setuptools.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from ecosystem import resources
from ecosystem.store.memory import MemoryStore
from tests.browser_support import free_port

pytestmark = pytest.mark.package

ROOT = Path(__file__).resolve().parent.parent
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", ".ecosystem*", "build", "dist", "*.egg-info",
                                    "__pycache__", "*_cache", ".hypothesis", "test-artifacts",
                                    "secrets.toml")
"""What a release never contains: local state, caches, builds (as in .gitignore) and secrets."""
SERVER_START_LIMIT = 60.0
"""Seconds for the installed app to answer its health check (a failure to start, not a timing)."""


@dataclass(frozen=True)
class Installed:
    """The fresh venv holding the wheel, and a working folder outside the repository."""

    wheel: Path
    python: Path
    site: Path
    cwd: Path
    env: dict[str, str]

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=self.cwd, env=self.env, capture_output=True, text=True,
                              timeout=timeout, check=False)

    def ecosystem(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run(str(self.python.parent / "ecosystem"), *args)

    def inspect(self, code: str) -> dict:
        """Run `code` (which prints one JSON value) with the installed package."""
        done = self.run(str(self.python), "-c", code)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)


def _checked(args: list[str], cwd: Path) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("package")
    source, dist = work / "source", work / "dist"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    _checked([sys.executable, "-c", "import sys; from setuptools import build_meta; "
              "build_meta.build_sdist(sys.argv[1])", str(dist)], cwd=source)
    (sdist,) = dist.glob("ecosystem-*.tar.gz")
    _checked([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
              "--no-index", "--wheel-dir", str(dist), str(sdist)], cwd=work)
    (wheel,) = dist.glob("ecosystem-*.whl")

    venv = work / "venv"
    _checked([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=work)
    python = venv / "bin" / "python"
    site = Path(_checked([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         cwd=work).strip())
    (site / "dev-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _checked([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
              "--no-index", str(wheel)], cwd=work)

    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("NEO4J_", "ECOSYSTEM_", "PYTHON", "STREAMLIT_"))}
    env.update({"ECOSYSTEM_STATE_DIR": str(elsewhere / "state"), "ECOSYSTEM_LANG": "fr"})
    return Installed(wheel, python, site, elsewhere, env)


def _repository_files(relative: str) -> set[str]:
    """The files of one SHIPPED_PATHS entry in the repository, as the build copies them."""
    path = ROOT / relative
    if path.is_file():
        return {relative}
    return {p.relative_to(ROOT).as_posix() for p in path.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")}


def test_the_wheel_ships_every_file_the_package_reads(installed: Installed) -> None:
    expected = set().union(*(_repository_files(r) for r in resources.SHIPPED_PATHS))
    prefix = "ecosystem/_shipped/"
    with zipfile.ZipFile(installed.wheel) as wheel:
        shipped = {n.removeprefix(prefix) for n in wheel.namelist() if n.startswith(prefix)}
    assert shipped == expected
    assert {"app.py", ".streamlit/config.toml", "docs/dataset-format.md"} <= shipped
    assert "data/reference/build_territories.py" not in shipped, "a maintainer's tool, not package data"


def test_the_installed_package_reads_its_own_copies(installed: Installed) -> None:
    found = installed.inspect(
        "import json, ecosystem, ecosystem.resources as r\n"
        "from ecosystem.store.neo4j import cypher\n"
        "print(json.dumps({'package': ecosystem.__file__, 'source_tree': r.SOURCE_TREE,\n"
        "  'paths': [str(p) for p in (r.REFERENCE_DIR, r.DEMO_DIR, r.QUERY_DIR, r.APP_SCRIPT,\n"
        "            r.STREAMLIT_CONFIG, r.DATASET_FORMAT_DOC)], 'queries': cypher.names()}))")
    assert Path(found["package"]).is_relative_to(installed.site), "the wheel, not the repository"
    assert found["source_tree"] is False
    for path in map(Path, found["paths"]):
        assert path.is_relative_to(installed.site / "ecosystem" / "_shipped") and path.exists(), path
    assert found["queries"] == sorted(p.stem for p in (ROOT / "queries").glob("*.cypher"))


def test_the_installed_cli_works_from_any_folder(installed: Installed) -> None:
    stats = installed.ecosystem("stats")
    assert stats.returncode == 0, stats.stderr
    demo = installed.site / "ecosystem" / "_shipped" / "data" / "examples" / "demo-drome"
    assert f"Essayez : ecosystem load {demo}" in stats.stdout, "the hint names the shipped demo"
    validated = installed.ecosystem("validate", str(demo))
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "demo-drome" in validated.stdout and "93 acteurs" in validated.stdout


def _answer(url: str, timeout: float = 2) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode()
    except OSError as error:
        return str(error)


def test_ecosystem_app_serves_the_installed_app_on_loopback(installed: Installed) -> None:
    port = free_port()
    state = installed.cwd / "app-state"  # its own: tests run in random order, the CLI one wants it empty
    log = (installed.cwd / "app.log").open("w")
    server = subprocess.Popen(
        [str(installed.python.parent / "ecosystem"), "app", "--port", str(port), "--",
         "--server.headless", "true", "--server.fileWatcherType", "none",
         "--server.scriptHealthCheckEnabled", "true"],
        cwd=installed.cwd, env={**installed.env, "ECOSYSTEM_STATE_DIR": str(state)},
        stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/_stcore"
    try:
        deadline = time.monotonic() + SERVER_START_LIMIT
        while _answer(f"{url}/health") != "ok":
            assert server.poll() is None, (installed.cwd / "app.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "the installed app did not answer its health check"
            time.sleep(0.3)
        # `ecosystem app` became the server (exec): its listening socket is on loopback only.
        listening = {c.laddr.ip for c in psutil.Process(server.pid).net_connections("tcp")
                     if c.status == psutil.CONN_LISTEN}
        assert listening == {"127.0.0.1"}
        # Streamlit runs the installed app.py once, in full (the home page with the demo loaded).
        answer = _answer(f"{url}/script-health-check", timeout=SERVER_START_LIMIT)
        assert answer == "ok", f"{answer}\n{(installed.cwd / 'app.log').read_text()[-3000:]}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    loaded = [d.id for d in MemoryStore(state / "embedded").datasets()]
    assert loaded == ["demo-drome"], "the app loaded the shipped demo into the empty store"
