"""The three roles, who is asking (`Principal`), and the one rule deciding what each may write.

- **administrator**: everything (load, replace, remove and restore datasets, imports, users, audit);
- **contributor**: loads, restores and edits (one record at a time, in the app) the datasets
  granted, records self-assessments for the alliances granted or belonging to a dataset granted
  (grants name dataset or alliance ids), and corrects or deletes the entries they recorded themselves
  there;
- **viewer**: reads, writes nothing.

`require(principal, action, target)` is the only place these rules are written: the app's writes
and the CLI's go through `ecosystem.access.writes`, which calls it before touching the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ecosystem.access.errors import Forbidden
from ecosystem.vocabulary import Gender, Term


class Role(StrEnum):
    ADMIN = "admin"
    CONTRIBUTOR = "contributor"
    VIEWER = "viewer"


ROLE_TERMS: dict[Role, Term] = {
    Role.ADMIN: Term("admin", "administrateur", "administrator"),
    Role.CONTRIBUTOR: Term("contributor", "contributeur", "contributor"),
    Role.VIEWER: Term("viewer", "lecteur", "viewer"),
}


def parse_role(value: str) -> Role:
    """A role from its value or its French or English name ("admin", "Administrateur", "lecteur")."""
    text = value.strip().lower()
    for role, term in ROLE_TERMS.items():
        if text in (role.value, term.fr, term.en):
            return role
    raise ValueError(f'"{value}" is not a role: admin, contributor or viewer')


class Action(StrEnum):
    LOAD = "load"  # a new dataset, or a new version of one
    REMOVE = "remove"
    RESTORE = "restore"
    IMPORT = "import"  # the official registers (RNA, SIRENE, local authorities)
    ASSESS = "assess"  # record a self-assessment
    AMEND = "amend"  # correct or delete a self-assessment entry (its author, or an administrator)
    AUDIT = "audit"  # read the audit log
    USERS = "users"
    EDIT = "edit"  # one record changed in the app, or a what-if scenario kept (same grants as LOAD)


ACTION_TERMS: dict[Action, Term] = {
    Action.LOAD: Term("load", "importer un jeu de données", "load a dataset"),
    Action.REMOVE: Term("remove", "retirer un jeu de données", "remove a dataset"),
    Action.RESTORE: Term("restore", "restaurer une version", "restore a version"),
    Action.IMPORT: Term("import", "importer depuis les registres", "import from the registers"),
    Action.ASSESS: Term("assess", "autoévaluer une alliance", "self-assess an alliance", Gender.FEMININE),
    Action.AMEND: Term("amend", "corriger ou supprimer cette entrée d'autoévaluation",
                       "correct or delete this self-assessment entry", Gender.FEMININE),
    Action.AUDIT: Term("audit", "consulter le journal", "read the audit log"),
    Action.USERS: Term("users", "gérer les comptes", "manage accounts"),
    Action.EDIT: Term("edit", "modifier ce jeu de données", "edit this dataset"),
}


@dataclass(frozen=True, slots=True)
class Target:
    """What a write touches: a dataset, an alliance (with the dataset it belongs to), or nothing;
    for a self-assessment entry, also who recorded it ("" for an entry of the dataset's file)."""

    dataset: str = ""
    alliance: str = ""
    author: str = ""


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is asking: a name for the audit log, a role, grants, and how they were identified.

    `via` is "local" (a local account), "oidc" (the identity provider), "loopback" (the single local
    administrator when no authentication is configured), "anonymous" or "cli" (the machine's user).
    """

    name: str
    role: Role
    grants: frozenset[str] = field(default_factory=frozenset)
    via: str = "local"

    @property
    def anonymous(self) -> bool:
        return self.via == "anonymous"


ANONYMOUS = Principal("", Role.VIEWER, via="anonymous")
NOTHING = Target()


def allowed(principal: Principal, action: Action, target: Target = NOTHING) -> bool:
    """Whether `principal` may do `action` on `target` (the rules of the module docstring)."""
    if principal.role is Role.ADMIN:
        return True
    if principal.role is Role.VIEWER:
        return False
    grants = principal.grants
    if action in (Action.LOAD, Action.RESTORE, Action.EDIT):
        return bool(target.dataset) and target.dataset in grants
    granted = (bool(target.alliance) and target.alliance in grants) or (
        bool(target.dataset) and target.dataset in grants)
    if action is Action.ASSESS:
        return granted
    if action is Action.AMEND:  # one's own entries only: a file's entry has no author, so never
        return granted and bool(principal.name) and target.author == principal.name
    return False


def require(principal: Principal, action: Action, target: Target = NOTHING) -> None:
    """Raise Forbidden, naming what was refused, unless `principal` may do it."""
    if allowed(principal, action, target):
        return
    what = ACTION_TERMS[action]
    on = target.alliance or target.dataset
    who_en = principal.name or "an anonymous visitor"
    who_fr = principal.name or "un visiteur anonyme"
    role = ROLE_TERMS[principal.role]
    suffix_en = f" ({on})" if on else ""
    raise Forbidden(
        f"Not allowed: {who_en}, {role.en}, may not {what.en}{suffix_en}.",
        f"Action refusée : {who_fr} ({role.fr}) ne peut pas {what.fr}{suffix_en}.")
