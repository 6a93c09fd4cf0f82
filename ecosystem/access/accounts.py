"""Local accounts: one JSON file in the state folder (`users.json`), beside the stores' folders.

Why a file and not the store: accounts must work the same whichever store is configured, and an
administrator must be able to manage them when Neo4j is down or being upgraded (`ecosystem users`
never needs the database). They are not domain data either: exports and dataset history never
carry them. The file holds names, roles, grants and argon2 hashes only; it is written atomically
(temporary file, fsync, rename) with owner-only permissions, under a lock so that two commands
cannot lose each other's change.

An identity from the identity provider (OIDC) is matched by name: the account whose name is the
person's e-mail address gives its role; an account used that way may have no password.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from ecosystem.access.errors import AccountError
from ecosystem.access.passwords import MIN_LENGTH, dummy_hash, hash_password, needs_rehash, verify_password
from ecosystem.access.roles import Principal, Role

FILE_NAME = "users.json"
NAME = re.compile(r"^[^\s\x00-\x1f]{1,100}$")


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    role: Role
    grants: tuple[str, ...] = ()
    password_hash: str = field(default="", repr=False)  # "" for an account used only through OIDC
    created: str = ""

    def principal(self, via: str) -> Principal:
        return Principal(self.name, self.role, frozenset(self.grants), via)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _key(name: str) -> str:
    """Names are compared without case ("Marie" and "marie" are one account; e-mails too)."""
    return name.strip().casefold()


class Accounts:
    """The accounts file of a state folder; every method reads the file afresh (other processes)."""

    def __init__(self, state_dir: Path) -> None:
        self.path = Path(state_dir) / FILE_NAME

    # ------------------------------------------------------------------ reading

    def _read(self) -> dict[str, Account]:
        if not self.path.is_file():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise AccountError(f"The accounts file {self.path} cannot be read: {error}",
                               f"Le fichier des comptes {self.path} est illisible : {error}") from error
        accounts = {}
        for item in data.get("users", []):
            account = Account(item["name"], Role(item["role"]), tuple(item.get("grants", ())),
                              item.get("hash", ""), item.get("created", ""))
            accounts[_key(account.name)] = account
        return accounts

    def list(self) -> list[Account]:
        """Every account, sorted by name."""
        return sorted(self._read().values(), key=lambda a: _key(a.name))

    def get(self, name: str) -> Account | None:
        return self._read().get(_key(name))

    def __bool__(self) -> bool:
        return bool(self._read())

    # ------------------------------------------------------------------ writing

    @contextmanager
    def _editing(self) -> Iterator[dict[str, Account]]:
        """The accounts, locked for writing; what the block leaves in the dict is written back."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            accounts = self._read()
            yield accounts
            self._write(accounts)

    def _write(self, accounts: dict[str, Account]) -> None:
        users = [{"name": a.name, "role": a.role.value, "grants": list(a.grants), "hash": a.password_hash,
                  "created": a.created} for a in sorted(accounts.values(), key=lambda a: _key(a.name))]
        payload = json.dumps({"format": 1, "users": users}, ensure_ascii=False, indent=2) + "\n"
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".users-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(payload)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, 0o600)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def add(self, name: str, role: Role, password: str | None, grants: tuple[str, ...] = ()) -> Account:
        """A new account; `password` None for an account that only logs in through OIDC."""
        name = name.strip()
        if not NAME.match(name):
            raise AccountError(f'"{name}" is not a valid name: 1 to 100 characters, no spaces.',
                               f"« {name} » n'est pas un nom valable : de 1 à 100 caractères, sans espace.")
        if grants and role is not Role.CONTRIBUTOR:
            raise AccountError("Only a contributor has grants (an administrator may do everything, "
                               "a viewer nothing).",
                               "Seul un contributeur reçoit des droits sur des jeux ou des alliances (un "
                               "administrateur peut tout faire, un lecteur rien).")
        hashed = _checked_hash(password) if password is not None else ""
        with self._editing() as accounts:
            if _key(name) in accounts:
                raise AccountError(f'An account named "{name}" already exists.',
                                   f"Un compte nommé « {name} » existe déjà.")
            account = Account(name, role, tuple(dict.fromkeys(grants)), hashed, _now())
            accounts[_key(name)] = account
        return account

    def remove(self, name: str) -> None:
        with self._editing() as accounts:
            if accounts.pop(_key(name), None) is None:
                raise _unknown(name)

    def set_password(self, name: str, password: str) -> None:
        hashed = _checked_hash(password)
        with self._editing() as accounts:
            account = accounts.get(_key(name))
            if account is None:
                raise _unknown(name)
            accounts[_key(name)] = replace(account, password_hash=hashed)

    def authenticate(self, name: str, password: str) -> Account | None:
        """The account when `password` is its password; None otherwise (same time either way)."""
        account = self.get(name)
        if account is None or not account.password_hash:
            verify_password(dummy_hash(), password)
            return None
        if not verify_password(account.password_hash, password):
            return None
        if needs_rehash(account.password_hash):
            self.set_password(account.name, password)
        return account


def _checked_hash(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise AccountError(f"A password needs at least {MIN_LENGTH} characters.",
                           f"Un mot de passe doit compter au moins {MIN_LENGTH} caractères.")
    return hash_password(password)


def _unknown(name: str) -> AccountError:
    return AccountError(f'No account named "{name}".', f"Aucun compte nommé « {name} ».")
