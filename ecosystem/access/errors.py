"""Errors of access control, each with its French and English sentence (`text(lang)`; str() is English)."""

from __future__ import annotations

from ecosystem.errors import EcosystemError


class AccessError(EcosystemError):
    """Root of the access errors: raised with their English and French sentences (`text(lang)`)."""


class Forbidden(AccessError):
    """A write the visitor's role does not allow; raised before anything is changed."""


class BadCredentials(AccessError):
    """A login with an unknown name or a wrong password (the message never says which)."""

    def __init__(self) -> None:
        super().__init__("Wrong name or password.", "Nom ou mot de passe incorrect.")


class TooManyAttempts(AccessError):
    """Too many failed logins for a name or an address: refused until the wait is over."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        minutes = max(1, (seconds + 59) // 60)
        plural_fr = "s" if minutes > 1 else ""
        plural_en = "s" if minutes > 1 else ""
        super().__init__(f"Too many failed attempts: try again in {minutes} minute{plural_en}.",
                         f"Trop de tentatives échouées : réessayez dans {minutes} minute{plural_fr}.")


class AccountError(AccessError):
    """A local account that cannot be added, changed or removed as asked."""


class ServingRefused(AccessError):
    """The app is reachable from other machines and no authentication is configured."""
