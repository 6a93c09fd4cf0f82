"""Where the local server keeps its files, in one place so install, start, stop and status agree.

Everything lives under `<state_dir>/neo4j/`, which is also the server's home (`--home-dir`), so its
own `conf/`, `data/`, `logs/` and `run/` folders land there:

    <state_dir>/neo4j/
        lib-<version>/      the jars (install)
        conf/neo4j.conf     rewritten at each start
        data/               the databases (kept across restarts)
        import/             the only folder LOAD CSV could read, kept empty (file URLs are off anyway)
        logs/console.log    the server's output for its current run (JVM errors included)
        logs/neo4j.log      the server's own log, kept across runs
        run/server.pid      the process id, written at launch
        run/start.lock      serialises concurrent starts
        password            the `neo4j` user's password (mode 0600)

Everything under it is for its owner only (folders 0700, files 0600): the data holds the password
hash and every dataset, the logs hold queries; see `private.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Layout:
    home: Path

    @classmethod
    def of(cls, state_dir: Path | str) -> Layout:
        """The layout of a state folder; the path is made absolute because the process is matched on it."""
        return cls(Path(state_dir).expanduser().resolve() / "neo4j")

    def lib(self, version: str) -> Path:
        return self.home / f"lib-{version}"

    @property
    def conf_file(self) -> Path:
        return self.home / "conf" / "neo4j.conf"

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def import_dir(self) -> Path:
        return self.home / "import"

    @property
    def system_db(self) -> Path:
        """Exists once the server has run at least once: the initial password is already spent."""
        return self.home / "data" / "databases" / "system"

    @property
    def console_log(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def user_log(self) -> Path:
        return self.home / "logs" / "neo4j.log"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "server.pid"

    @property
    def password_file(self) -> Path:
        return self.home / "password"
