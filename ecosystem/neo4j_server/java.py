"""Finding a Java that can run the Neo4j version asked for.

Neo4j 5.x supports Java 17 and 21; calendar versions (2025.x and later) need Java 21. A newer Java
(e.g. 25) often works but is not supported, so when the first Java found is not a supported one we
look for a supported one in the usual install folders before settling for it.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ecosystem.errors import Neo4jServerError

_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')

# Where package managers put JDKs (Debian/Ubuntu, Fedora, macOS, Homebrew, SDKMAN).
_JVM_GLOBS = (
    "/usr/lib/jvm/*/bin/java",
    "/usr/java/*/bin/java",
    "/Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java",
    "/opt/homebrew/opt/openjdk*/bin/java",
    "/usr/local/opt/openjdk*/bin/java",
    "~/.sdkman/candidates/java/*/bin/java",
)

INSTALL_HINT = ("Install Java 17 (Debian/Ubuntu: sudo apt install openjdk-17-jre-headless; macOS: "
                "brew install openjdk@17) or set ECOSYSTEM_JAVA to the path of a Java 17 or 21 `java`.")
INSTALL_HINT_FR = ("Installez Java 17 (Debian/Ubuntu : sudo apt install openjdk-17-jre-headless ; macOS : "
                   "brew install openjdk@17) ou donnez à ECOSYSTEM_JAVA le chemin d'un « java » 17 ou 21.")


@dataclass(frozen=True, slots=True)
class Java:
    path: str
    major: int

    @property
    def home(self) -> Path:
        """The JDK/JRE folder (`.../bin/java` -> `...`), for tools such as Maven that want JAVA_HOME."""
        return Path(os.path.realpath(self.path)).parent.parent


def parse_java_version(text: str) -> int | None:
    """The major version in `java -version` output; the old "1.x" scheme means Java x.

    >>> parse_java_version('openjdk version "17.0.15" 2025-04-15')
    17
    >>> parse_java_version('java version "1.8.0_292"')
    8
    >>> parse_java_version('openjdk version "21" 2023-09-19')
    21
    >>> parse_java_version("bash: java: command not found") is None
    True
    """
    match = _VERSION.search(text)
    if not match:
        return None
    major = int(match.group(1))
    if major == 1 and match.group(2):
        return int(match.group(2))
    return major


def supported_majors(neo4j_version: str) -> tuple[int, ...]:
    """Java majors a Neo4j version supports, preferred first.

    >>> supported_majors("5.26.30")
    (17, 21)
    >>> supported_majors("2025.10.1")
    (21,)
    """
    head = neo4j_version.split(".", 1)[0]
    if head.isdigit() and int(head) >= 2025:
        return (21,)
    return (17, 21)


@lru_cache(maxsize=32)
def probe(path: str) -> int | None:
    """The major version of the Java at `path`, or None when it does not run."""
    try:
        done = subprocess.run([path, "-version"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return parse_java_version(done.stderr + done.stdout)


def candidates(environ: Mapping[str, str] | None = None) -> list[str]:
    """Java executables worth trying, in order: JAVA_HOME, PATH, then the usual install folders."""
    env = os.environ if environ is None else environ
    found: list[str] = []
    if env.get("JAVA_HOME"):
        found.append(str(Path(env["JAVA_HOME"]) / "bin" / "java"))
    on_path = shutil.which("java", path=env.get("PATH"))
    if on_path:
        found.append(on_path)
    for pattern in _JVM_GLOBS:
        found.extend(sorted(glob.glob(os.path.expanduser(pattern))))
    unique: list[str] = []
    seen: set[str] = set()
    for path in found:
        real = os.path.realpath(path)
        if real not in seen and os.access(real, os.X_OK):
            seen.add(real)
            unique.append(path)
    return unique


def find_java(neo4j_version: str, explicit: str | None = None,
              environ: Mapping[str, str] | None = None) -> Java:
    """The Java to run `neo4j_version` with; `explicit` (ECOSYSTEM_JAVA) is taken as is when it is 17+.

    Otherwise the first supported Java among `candidates()` wins, then the first newer one.
    """
    supported = supported_majors(neo4j_version)
    minimum = min(supported)
    if explicit:
        major = probe(explicit)
        if major is None:
            raise Neo4jServerError(f"ECOSYSTEM_JAVA={explicit} does not run as Java. {INSTALL_HINT}",
                                   f"ECOSYSTEM_JAVA = {explicit} ne se lance pas comme Java. "
                                   f"{INSTALL_HINT_FR}")
        if major < minimum:
            raise Neo4jServerError(f"ECOSYSTEM_JAVA={explicit} is Java {major}; Neo4j {neo4j_version} needs "
                                   f"Java {' or '.join(map(str, supported))}. {INSTALL_HINT}",
                                   f"ECOSYSTEM_JAVA = {explicit} est Java {major} ; Neo4j {neo4j_version} "
                                   f"demande Java {' ou '.join(map(str, supported))}. {INSTALL_HINT_FR}")
        return Java(explicit, major)
    probed: list[tuple[str, int]] = []
    for path in candidates(environ):
        major = probe(path)
        if major in supported:
            return Java(path, major)
        if major is not None:
            probed.append((path, major))
    newer = [(path, major) for path, major in probed if major > minimum]
    if newer:
        return Java(*newer[0])
    seen = ", ".join(f"{path} (Java {major})" for path, major in probed)
    found = f" Found only: {seen}." if seen else " No Java was found."
    found_fr = f" Seulement trouvé : {seen}." if seen else " Aucun Java n'a été trouvé."
    raise Neo4jServerError(f"Neo4j {neo4j_version} needs Java {' or '.join(map(str, supported))}.{found} "
                           + INSTALL_HINT,
                           f"Neo4j {neo4j_version} demande Java {' ou '.join(map(str, supported))}."
                           f"{found_fr} {INSTALL_HINT_FR}")
