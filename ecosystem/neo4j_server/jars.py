"""Getting the jars of a Neo4j version with Maven, once.

No Docker and no tarball: Maven resolves `org.neo4j:neo4j:<version>` from Maven Central (or from
~/.m2, which CI caches) and copies it with its dependencies into `lib-<version>/`. The copy goes to a
temporary folder renamed into place at the end, so an interrupted or concurrent install never leaves
a half-filled folder that a later start would trust.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from importlib import resources
from pathlib import Path

from ecosystem.errors import Neo4jServerError
from ecosystem.neo4j_server.java import find_java
from ecosystem.neo4j_server.layout import Layout

MARKER = ".installed"
MAVEN_HINT = "Install Maven once (Debian/Ubuntu: sudo apt install maven; macOS: brew install maven)."
MAVEN_HINT_FR = ("Installez Maven une fois pour toutes (Debian/Ubuntu : sudo apt install maven ; "
                 "macOS : brew install maven).")


def is_installed(lib_dir: Path, version: str) -> bool:
    """True when `lib_dir` holds a finished install of `version`."""
    return (lib_dir / MARKER).is_file() and (lib_dir / f"neo4j-{version}.jar").is_file()


def _tail(text: str, lines: int = 20) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def install(state_dir: Path, version: str, *, lib_dir: Path | None = None, java: str | None = None) -> Path:
    """Copy the jars of Neo4j `version` into `lib_dir` (default `<state_dir>/neo4j/lib-<version>/`).

    Does nothing when they are already there. Needs `mvn` and a Java Maven can run with (the Java
    that will run the server is checked here too, so a missing Java is reported before a download).
    Returns the jar folder.
    """
    target = Path(lib_dir) if lib_dir is not None else Layout.of(state_dir).lib(version)
    target = target.expanduser().resolve()
    if is_installed(target, version):
        return target
    if target.exists() and any(target.iterdir()):
        raise Neo4jServerError(f"{target} exists but does not hold a finished install of Neo4j {version}: "
                               "delete that folder and try again.",
                               f"{target} existe mais ne contient pas une installation complète de Neo4j "
                               f"{version} : supprimez ce dossier et réessayez.")
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jServerError(f"Maven (mvn) is needed once to download Neo4j {version}. {MAVEN_HINT}",
                               f"Maven (mvn) est nécessaire une fois pour télécharger Neo4j {version}. "
                               f"{MAVEN_HINT_FR}")
    runtime = find_java(version, java)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = target.parent / f".install-{version}-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        pom = work / "pom.xml"
        pom.write_bytes(resources.files(__package__).joinpath("pom.xml").read_bytes())
        jars = work / "lib"
        command = [mvn, "-B", "-q", "-f", str(pom), f"-Dneo4j.version={version}",
                   "dependency:copy-dependencies", f"-DoutputDirectory={jars}"]
        env = {**os.environ, "JAVA_HOME": str(runtime.home)}
        try:
            done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=work, check=False)
        except OSError as exc:
            raise Neo4jServerError(f"Could not run Maven ({mvn}): {exc}. {MAVEN_HINT}",
                                   f"Impossible de lancer Maven ({mvn}) : {exc}. {MAVEN_HINT_FR}") from exc
        if done.returncode != 0:
            raise Neo4jServerError(
                f"Maven could not download Neo4j {version} (is the version right, and Maven Central "
                f"reachable?). Maven said:\n{_tail(done.stdout + done.stderr)}",
                f"Maven n'a pas pu télécharger Neo4j {version} : vérifiez ECOSYSTEM_NEO4J_VERSION et l'accès "
                f"à Maven Central. Maven a répondu :\n{_tail(done.stdout + done.stderr)}")
        if not (jars / f"neo4j-{version}.jar").is_file():
            raise Neo4jServerError(f"Maven finished but {jars} holds no neo4j-{version}.jar; "
                                   "check ECOSYSTEM_NEO4J_VERSION.",
                                   f"Maven a fini mais {jars} ne contient pas neo4j-{version}.jar ; "
                                   "vérifiez ECOSYSTEM_NEO4J_VERSION.")
        (jars / MARKER).write_text(f"org.neo4j:neo4j:{version}\n", encoding="utf-8")
        if target.exists():
            target.rmdir()  # empty, checked above
        try:
            jars.rename(target)
        except OSError:
            if not is_installed(target, version):  # a concurrent install may have won the race
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target
