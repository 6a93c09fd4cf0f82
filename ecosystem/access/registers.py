"""The register imports and the SDG review as the app runs them: role checked first, writes audited.

The importers (`ecosystem.importers.run`) and the review (`ecosystem.importers.review`) are written
against the store contract. The app must not hand them the bare store: a forged widget state would
then be enough to write. These functions take a `Writes` instead, check the role on the server
before reading a single byte, and give the library a `WritingStore`, so every dataset they change is
loaded through `Writes.load` (role checked again per dataset, the old version archived, the audit
log written), exactly like the CLI's `ecosystem import`.

Server files: a SIRENE stock is several gigabytes, too big for an upload. An administrator drops it
in the state folder's `imports/` folder (scp, a mounted volume) and picks it by name; only names
listed in that folder are accepted, so a request can never point the importer at another path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ecosystem.access.roles import Action, Target
from ecosystem.access.writes import Writes, WritingStore
from ecosystem.errors import UnreadableFile
from ecosystem.importers.review import SdgReview, apply_reviews, owner_of
from ecosystem.importers.summary import ImportSummary
from ecosystem.model import Actor

REGISTERS = ("rna", "sirene", "collectivites")
SERVER_SUFFIXES = (".csv", ".zip", ".parquet")
"""Files of the imports folder offered for a SIRENE import (the register's own formats)."""


def imports_dir(state_dir: Path) -> Path:
    """Where an administrator drops register files too big to upload."""
    return state_dir / "imports"


def server_files(folder: Path) -> list[str]:
    """Names of the register files in `folder` (sorted; none when it does not exist)."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SERVER_SUFFIXES)


def _server_path(folder: Path, name: str) -> Path:
    """The file `name` of `folder`, only if it is listed there: never a path built from the request."""
    if name not in server_files(folder):
        raise UnreadableFile(
            f"{name} is not in the imports folder {folder}.",
            f"{name} n'est pas dans le dossier des imports {folder}.",
        )
    return folder / name


@dataclass(frozen=True, slots=True)
class RegisterRequest:
    """What the Données page asks for: a register, a territory, and its files.

    `files` and `units` are uploads (name -> bytes, zips accepted); `server` and `server_units` are
    names of files in the imports folder (SIRENE only)."""

    register: str
    territory: str
    files: Mapping[str, bytes]
    units: Mapping[str, bytes]
    server: tuple[str, ...] = ()
    server_units: tuple[str, ...] = ()


def import_register(
    writes: Writes,
    request: RegisterRequest,
    folder: Path,
    *,
    rejects=None,
    progress=None,
    dry_run: bool = False,
) -> ImportSummary:
    """Run the import of `request` as `writes.principal` (administrators only: Forbidden otherwise,
    before anything is read). A register is authoritative, so, as in the CLI, the reload guard does
    not stop it: the version it replaces stays restorable in the history."""
    writes.check(Action.IMPORT, Target())
    from ecosystem.importers import import_sirene, import_uploaded, scope_of, sources_from_path
    from ecosystem.reference import reference

    store = WritingStore(writes, force=True)
    if request.register == "sirene" and (request.server or request.server_units):
        scope = scope_of(request.territory, reference().hierarchy)
        from ecosystem.importers.sources import sources_from_bytes

        sources = [s for name in request.server for s in sources_from_path(_server_path(folder, name))]
        sources += [s for name, data in request.files.items() for s in sources_from_bytes(name, data)]
        units = [s for name in request.server_units for s in sources_from_path(_server_path(folder, name))]
        units += [s for name, data in request.units.items() for s in sources_from_bytes(name, data)]
        return import_sirene(
            store,
            sources,
            scope.territory_id,
            units=units,
            rejects=rejects,
            dry_run=dry_run,
            progress=progress,
        )
    if request.register not in REGISTERS:
        raise ValueError(f"unknown register {request.register!r}")
    return import_uploaded(
        store,
        request.register,
        dict(request.files),
        request.territory,
        unites_legales=dict(request.units),
        rejects=rejects,
        dry_run=dry_run,
        progress=progress,
    )


def review_checked(
    writes: Writes, reviews: Sequence[SdgReview], owners: Mapping[str, str] | None = None
) -> list[Actor]:
    """Confirm or reject inferred SDGs as `writes.principal`: every dataset concerned is checked
    (administrators; contributors on the datasets granted) before any is written, then each is
    loaded once through `Writes.load` (archived, audited as "review-sdgs"). Returns the changed
    actors, sorted by id. `owners` maps actor id to dataset id when the caller knows it."""
    store = writes.store
    grouped: dict[str, list[SdgReview]] = {}
    for review in reviews:
        did = (owners or {}).get(review.actor) or owner_of(store, review.actor)
        grouped.setdefault(did, []).append(review)
    for did in grouped:
        writes.check(Action.LOAD, Target(dataset=did))
    changed: dict[str, Actor] = {}
    for did, items in sorted(grouped.items()):
        updated = apply_reviews(store.dataset(did), items)
        writes.load(updated, action="review-sdgs")
        wanted = {r.actor for r in items}
        changed.update({a.id: a for a in updated.actors if a.id in wanted})
    return [changed[i] for i in sorted(changed)]


def reviewable(writes: Writes, dataset_ids: Iterable[str]) -> set[str]:
    """The datasets among `dataset_ids` whose SDGs the principal may review (to show the buttons;
    `review_checked` checks again)."""
    from ecosystem.access.roles import allowed

    return {d for d in dataset_ids if allowed(writes.principal, Action.LOAD, Target(dataset=d))}
