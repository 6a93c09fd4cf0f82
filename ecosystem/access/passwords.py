"""Password hashing with argon2id (argon2-cffi): the maintained library, memory-hard, salted.

Only hashes are stored; a password is never written, logged or put in an exception.
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 8
"""Shortest password accepted: long enough to resist guessing with the login throttle on."""

_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    """The argon2id hash of `password` (with its own random salt and parameters)."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether `password` matches `stored_hash`; False for a wrong password or a damaged hash."""
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's (rehash at the next login)."""
    try:
        return _HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


@cache
def dummy_hash() -> str:
    """Checked against when a name is unknown, so a login takes as long whether the name exists or not.

    Made on first use, not at import: hashing costs about a second of CPU, which every CLI command that
    imports the access package would otherwise pay.
    """
    return hash_password("not a password, only spends the time a real check spends")
