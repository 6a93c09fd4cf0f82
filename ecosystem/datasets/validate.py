"""Raw sheets -> an `ecosystem.model.Dataset`, or every problem found, at once.

One pass over each sheet, after a first pass that settles the ids of actors, policies and alliances
(given ones first, then slugs of the names made unique in row order) so that references between
sheets can be checked by id or by exact name. A row with a problem builds no record, but keeps its id
and name, so that one bad cell does not cascade into "unknown member" problems elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from ecosystem.controls import strip_controls
from ecosystem.datasets.columns import (
    ACTORS,
    ALLIANCES,
    ASSESSMENTS,
    DATASET,
    MEMBERSHIPS,
    POLICIES,
    SHEETS,
    Column,
    Kind,
    Sheet,
)
from ecosystem.datasets.problems import DatasetProblem, problem, shown
from ecosystem.datasets.progress import CHECK, EVERY, ReadProgress, silent
from ecosystem.datasets.sources import RawBook, RawRow, RawSheet
from ecosystem.datasets.values import (
    Invalid,
    Levers,
    Territories,
    boolean,
    cached,
    choice,
    choice_index,
    digits,
    inferred_sdg,
    parse_date,
    policy_kind,
    rna,
    score,
    sdg,
    split,
    unique,
    url,
    usable_id,
)
from ecosystem.errors import DatasetInvalid
from ecosystem.model import (
    Actor,
    ActorKind,
    Alliance,
    AllianceStatus,
    Assessment,
    Dataset,
    LeverFamily,
    MemberRole,
    Membership,
    Policy,
)
from ecosystem.reference import Reference, reference
from ecosystem.text import header_key, normalize, slugify, squash_spaces


@dataclass(frozen=True, slots=True)
class Report:
    """What `check` found: the dataset when there is no problem; warnings never block a load."""

    source: str
    dataset: Dataset | None
    problems: tuple[DatasetProblem, ...] = ()
    warnings: tuple[DatasetProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def dataset_or_raise(self) -> Dataset:
        """The dataset, or DatasetInvalid carrying every problem."""
        if self.dataset is None:
            raise DatasetInvalid(list(self.problems), self.source)
        return self.dataset


_RECORD_NAMES = {  # sheet -> (English noun, French "of no ..." phrase, French plural, id of a nameless slug)
    ACTORS.name: ("actor", "d'aucun acteur", "acteurs", "acteur"),
    POLICIES.name: ("policy", "d'aucune politique", "politiques", "politique"),
    ALLIANCES.name: ("alliance", "d'aucune alliance", "alliances", "alliance"),
}


@dataclass(slots=True)
class _Index:
    """Ids and names of one sheet's records, to resolve references into it."""

    sheet: Sheet
    where: str
    ids: dict[int, str] = field(default_factory=dict)  # line -> id
    lines: dict[str, int] = field(default_factory=dict)  # id -> line
    names: dict[str, list[str]] = field(default_factory=dict)  # exact name -> ids
    _folded: dict[str, list[str]] | None = None  # normalised name -> ids, built on first need
    _cache: dict[str, str | Invalid] = field(default_factory=dict)

    def add(self, record_id: str, line: int, name: str) -> None:
        self.ids[line] = record_id
        self.lines[record_id] = line
        if name:
            self.names.setdefault(name, []).append(record_id)

    def folded(self, name: str) -> list[str]:
        """Ids whose name matches ignoring case, accents and punctuation ("ville de crest")."""
        if self._folded is None:
            self._folded = {}
            for exact, ids in self.names.items():
                self._folded.setdefault(normalize(exact), []).extend(ids)
        return self._folded.get(normalize(name), [])

    def resolve(self, text: str) -> str:
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self._resolve(text)
        if isinstance(found, Invalid):
            raise found
        return found

    def _resolve(self, text: str) -> str | Invalid:
        if text in self.lines:
            return text
        name = squash_spaces(text)
        ids = self.names.get(name) or self.folded(name)
        noun, none_fr, plural_fr, _ = _RECORD_NAMES[self.sheet.name]
        if len(ids) == 1:
            return ids[0]
        if ids:
            listed = "; ".join(f"{i} (line {self.lines[i]})" for i in ids[:8])
            listed_fr = "; ".join(f"{i} (ligne {self.lines[i]})" for i in ids[:8])
            return Invalid(f"is ambiguous: {len(ids)} {noun}s of {self.where} have this name: {listed}; "
                           "write the id instead",
                           f"est ambigu : {len(ids)} {plural_fr} de {self.where} portent ce nom : "
                           f"{listed_fr} ; écrivez plutôt l'identifiant")
        return Invalid(f"is not the id or the name of any {noun} of {self.where}",
                       f"n'est l'identifiant ni le nom {none_fr} de {self.where}")


class _Validator:
    def __init__(self, book: RawBook, ref: Reference, progress: ReadProgress = silent) -> None:
        self.book = book
        self.progress = progress
        self.checked_rows = 0
        self.total_rows = sum(len(raw.rows) for raw in book.sheets.values())
        self.problems: list[DatasetProblem] = list(book.problems)
        self.warnings: list[DatasetProblem] = list(book.warnings)
        self.territories = Territories(ref)
        self.levers = Levers(ref)
        self.indexes: dict[str, _Index] = {}
        self._checked: dict[str, list[Column]] = {}
        # Multi-valued cells repeat ("2; 13", a commune's code): each distinct text that parsed
        # without a problem is split and resolved once per column.
        self._items: dict[tuple[str, str, str], tuple] = {}
        self.parsers: dict[Kind, Callable[[str], object]] = {
            Kind.TEXT: squash_spaces,
            Kind.LONG_TEXT: lambda t: t.replace("\r\n", "\n").replace("\r", "\n") if "\r" in t else t,
            Kind.POLICY_KIND: cached(policy_kind),
            Kind.DATE: cached(parse_date),
            Kind.SCORE: cached(score),
            Kind.BOOL: cached(boolean),
            Kind.SIREN: lambda t: digits(t, 9, "SIREN"),
            Kind.SIRET: lambda t: digits(t, 14, "SIRET"),
            Kind.RNA: rna,
            Kind.URL: url,
            Kind.LEVER: self.levers.resolve,
        }
        self.sdg = cached(sdg)
        self.inferred_sdg = cached(inferred_sdg)
        self.mean = cached(lambda t: self.levers.resolve(t, LeverFamily.MOYEN))
        self.choice_parsers: dict[tuple[str, str], Callable[[str], object]] = {
            (s.name, c.name): cached(partial(choice, index=choice_index(c.choices), choices=c.choices))
            for s in SHEETS for c in s.columns if c.kind is Kind.CHOICE}

    # ------------------------------------------------------------------ reporting

    def report(self, raw: RawSheet, line: int | None, column: Column | None, value: str | None,
               en: str, fr: str) -> None:
        header = raw.headers.get(column.name, column.fr) if column else None
        shown_value = None if value is None else shown(value)
        self.problems.append(problem(raw.where, line, header, shown_value, en, fr))

    def invalid(self, raw: RawSheet, row: RawRow, column: Column, text: str, exc: Invalid) -> None:
        self.report(raw, row.line, column, exc.value or text, exc.en, exc.fr)

    # ------------------------------------------------------------------ sheets and headers

    def check_sheets(self) -> None:
        book = self.book
        actors = book.sheets.get(ACTORS.name)
        if actors is None:
            found = f" (found: {', '.join(book.ignored)})" if book.ignored else ""
            found_fr = f" (trouvé : {', '.join(book.ignored)})" if book.ignored else ""
            self.problems.append(problem(
                book.label, None, None, None,
                f"has no actors sheet: name a workbook tab or a CSV file \"acteurs\"{found}; "
                "`ecosystem template` writes a ready-to-fill workbook",
                f"n'a pas de feuille acteurs : nommez un onglet ou un fichier CSV « acteurs »{found_fr} ; "
                "`ecosystem template` écrit un classeur prêt à remplir"))
        for raw in book.sheets.values():
            if not raw.has_header:
                required = ", ".join(c.fr for c in raw.sheet.columns if c.required)
                if raw.sheet.required:
                    self.problems.append(problem(
                        raw.where, None, None, None,
                        f"is empty: expected a header line with at least the columns {required}",
                        f"est vide : attendu une ligne d'en-tête avec au moins les colonnes {required}"))
                else:
                    self.warnings.append(problem(raw.where, None, None, None, "is empty; it is ignored",
                                                 "est vide ; on l'ignore"))
                continue
            english = sum(1 for c in raw.sheet.columns if c.name in raw.headers
                          and header_key(raw.headers[c.name]) == header_key(c.en) != header_key(c.fr))
            french = sum(1 for c in raw.sheet.columns if c.name in raw.headers
                         and header_key(raw.headers[c.name]) == header_key(c.fr) != header_key(c.en))
            lang = "en" if english > french else "fr"
            missing = {c.name for c in raw.sheet.columns
                       if c.required and c.name not in raw.headers and not raw.keyed}
            for column in raw.sheet.columns:
                if column.name in missing:
                    self.problems.append(problem(
                        raw.where, None, column.header(lang), None,
                        "is missing: this column is required",
                        "est absente : cette colonne est obligatoire"))

    def sheet(self, sheet: Sheet) -> RawSheet | None:
        raw = self.book.sheets.get(sheet.name)
        return raw if raw is not None and raw.has_header else None

    # ------------------------------------------------------------------ ids

    def build_index(self, sheet: Sheet) -> None:
        raw = self.sheet(sheet)
        if raw is None:
            return
        index = self.indexes[sheet.name] = _Index(sheet, raw.where)
        id_column = sheet.column("id")
        pending: list[tuple[int, str]] = []
        for row in raw.rows:
            name = "" if "name" in row.flagged else squash_spaces(row.values.get("name", ""))
            text = row.values.get("id")
            if "id" in row.flagged:
                continue
            if not text:
                pending.append((row.line, name))
                continue
            try:
                record_id = usable_id(text)
            except Invalid as exc:
                self.invalid(raw, row, id_column, text, exc)
                continue
            first = index.lines.get(record_id)
            if first is not None:
                self.report(raw, row.line, id_column, record_id, f"is already the id of line {first}",
                            f"est déjà l'identifiant de la ligne {first}")
                continue
            index.add(record_id, row.line, name)
        suffixes: dict[str, int] = {}
        fallback = _RECORD_NAMES[sheet.name][3]
        for line, name in pending:
            if not name:
                continue  # reported as an empty name
            base = slugify(name) or fallback
            candidate, n = base, suffixes.get(base, 1)
            while candidate in index.lines:
                n += 1
                candidate = f"{base}-{n}"
            suffixes[base] = n
            index.add(candidate, line, name)

    # ------------------------------------------------------------------ cells

    def checked_columns(self, raw: RawSheet) -> list[Column]:
        """The columns to check in each row of `raw`, in the user's order: those of its header
        (JSON: those its records use, plus the required ones), ids and absent columns excepted."""
        found = self._checked.get(raw.where)
        if found is None:
            by_name = {c.name: c for c in raw.sheet.columns}
            names = list(raw.headers)
            if raw.keyed:
                names += [c.name for c in raw.sheet.columns if c.required and c.name not in raw.headers]
            found = self._checked[raw.where] = [by_name[n] for n in names if n != "id"]
        return found

    def cells(self, raw: RawSheet, row: RawRow) -> dict[str, object] | None:
        """The parsed cells of a row (ids excepted), or None when the row has a problem."""
        before = len(self.problems)
        parsed: dict[str, object] = {}
        for column in self.checked_columns(raw):
            name = column.name
            if name in row.flagged:
                continue
            text = row.values.get(name)
            if not text:
                if column.required:
                    self.report(raw, row.line, column, None, "is empty, but it is required",
                                "est vide, alors qu'elle est obligatoire")
                continue
            if column.multi:
                key = (raw.sheet.name, name, text)
                known = self._items.get(key)
                if known is not None:
                    parsed[name] = known
                    continue
                at = len(self.problems)
                items: list[object] = []
                for item in split(text, column.kind):
                    try:
                        items.extend(self.item(raw, column, item))
                    except Invalid as exc:
                        self.invalid(raw, row, column, item, exc)
                parsed[name] = unique(items)
                if items and len(self.problems) == at:
                    self._items[key] = parsed[name]
                if column.required and not items and len(self.problems) == before:
                    self.report(raw, row.line, column, text, "holds no value, but it is required",
                                "ne contient aucune valeur, alors qu'elle est obligatoire")
            else:
                try:
                    parsed[name] = self.single(raw, column, text)
                except Invalid as exc:
                    self.invalid(raw, row, column, text, exc)
        return parsed if len(self.problems) == before and not row.flagged else None

    def item(self, raw: RawSheet, column: Column, text: str) -> list[object]:
        """One item of a multi-valued cell; a territory item may hold several comma-separated codes."""
        kind = column.kind
        if kind is Kind.TERRITORY:
            try:
                return [self.territories.resolve(text)]
            except Invalid as whole:
                if "," not in text:
                    raise
                parts = [p.strip() for p in text.split(",") if p.strip()]
                found, wrong = [], []
                for part in parts:
                    try:
                        found.append(self.territories.resolve(part))
                    except Invalid as exc:
                        wrong.append((part, exc))
                if not found:
                    raise whole from None
                if wrong:
                    part, exc = wrong[0]
                    raise Invalid(exc.en, exc.fr, part) from None
                return list(found)
        if kind is Kind.SDG:
            return [self.sdg(text)]
        if kind is Kind.INFERRED_SDG:
            return [self.inferred_sdg(text)]
        if kind is Kind.MEAN:
            return [self.mean(text)]
        if kind is Kind.REF:
            return [self.reference(column, text)]
        raise AssertionError(f"{kind} is not multi-valued")

    def reference(self, column: Column, text: str) -> str:
        index = self.indexes.get(column.target)
        if index is None:
            target = next(s for s in SHEETS if s.name == column.target)
            raise Invalid(f"refers to the {target.fr} sheet, which is missing or empty",
                          f"renvoie à la feuille {target.fr}, absente ou vide")
        return index.resolve(text)

    def single(self, raw: RawSheet, column: Column, text: str) -> object:
        if column.kind is Kind.CHOICE:
            return self.choice_parsers[(raw.sheet.name, column.name)](text)
        if column.kind is Kind.REF:
            return self.reference(column, text.strip())
        return self.parsers[column.kind](text)

    # ------------------------------------------------------------------ records

    def rows(self, sheet: Sheet) -> list[tuple[RawSheet, RawRow, dict[str, object]]]:
        raw = self.sheet(sheet)
        if raw is None:
            return []
        parsed = []
        # A required column absent from the header is one sheet-level problem, not one per row: its
        # rows parse "cleanly" without it, and must not reach the record builders (a KeyError).
        absent = not raw.keyed and any(c.required and c.name != "id" and c.name not in raw.headers
                                       for c in sheet.columns)
        for row in raw.rows:
            cells = self.cells(raw, row)
            if cells is not None and not absent:
                parsed.append((raw, row, cells))
            self.checked_rows += 1
            if not self.checked_rows % EVERY:
                self.progress(CHECK, self.checked_rows, self.total_rows)
        return parsed

    def actors(self) -> list[Actor]:
        index = self.indexes.get(ACTORS.name)
        return [Actor(
            id=index.ids[row.line], name=str(c["name"]), kind=ActorKind(c["kind"]),
            territories=_t(c, "territories"), sdgs=_t(c, "sdgs"), offers=_t(c, "offers"),
            needs=_t(c, "needs"), siren=_s(c, "siren"), siret=_s(c, "siret"), rna=_s(c, "rna"),
            description=_s(c, "description"), website=_s(c, "website"), inferred_sdgs=_t(c, "inferred_sdgs"),
            active=bool(c.get("active", True)), created=_d(c, "created"), source=_s(c, "source"),
            rejected_sdgs=_t(c, "rejected_sdgs"),
        ) for _, row, c in self.rows(ACTORS) if index and row.line in index.ids]

    def policies(self) -> list[Policy]:
        index = self.indexes.get(POLICIES.name)
        return [Policy(
            id=index.ids[row.line], name=str(c["name"]), kind=str(c["kind"]), carriers=_t(c, "carriers"),
            territories=_t(c, "territories"), sdgs=_t(c, "sdgs"), description=_s(c, "description"),
        ) for _, row, c in self.rows(POLICIES) if index and row.line in index.ids]

    def alliances(self) -> list[Alliance]:
        index = self.indexes.get(ALLIANCES.name)
        return [Alliance(
            id=index.ids[row.line], name=str(c["name"]), purpose=_s(c, "purpose"), started=_d(c, "started"),
            status=AllianceStatus(c.get("status", AllianceStatus.ACTIVE)), territories=_t(c, "territories"),
            sdgs=_t(c, "sdgs"), policies=_t(c, "policies"),
        ) for _, row, c in self.rows(ALLIANCES) if index and row.line in index.ids]

    def memberships(self) -> list[Membership]:
        found: list[Membership] = []
        first: dict[tuple[str, str], int] = {}
        for raw, row, c in self.rows(MEMBERSHIPS):
            key = (str(c["alliance"]), str(c["actor"]))
            if key in first:
                self.report(raw, row.line, MEMBERSHIPS.column("actor"), row.values.get("actor", ""),
                            f"is already a member of this alliance on line {first[key]}",
                            f"est déjà membre de cette alliance à la ligne {first[key]}")
                continue
            first[key] = row.line
            found.append(Membership(key[0], key[1], MemberRole(c.get("role", MemberRole.PARTENAIRE))))
        return found

    def assessments(self) -> list[Assessment]:
        found: list[Assessment] = []
        first: dict[tuple[str, str, date], int] = {}
        for raw, row, c in self.rows(ASSESSMENTS):
            on = c["on"]
            assert isinstance(on, date)
            key = (str(c["alliance"]), str(c["lever"]), on)
            if key in first:
                self.report(raw, row.line, ASSESSMENTS.column("lever"), row.values.get("lever", ""),
                            f"was already assessed for this alliance on this date, on line {first[key]}",
                            f"a déjà été évalué pour cette alliance à cette date, à la ligne {first[key]}")
                continue
            first[key] = row.line
            score_value = c["score"]
            assert isinstance(score_value, int)
            found.append(Assessment(key[0], key[1], on, score_value, _s(c, "comment")))
        return found

    def meta(self) -> dict[str, object] | None:
        """The dataset sheet's one row (None without one)."""
        raw = self.sheet(DATASET)
        if raw is None or not raw.rows:
            return None
        for extra in raw.rows[1:]:
            self.report(raw, extra.line, None, None,
                        "is a second row: this sheet describes one dataset, in one row",
                        "est une deuxième ligne : cette feuille décrit un seul jeu, sur une ligne")
        row = raw.rows[0]
        cells = self.cells(raw, row) or {}
        text = row.values.get("id")
        if text and "id" not in row.flagged:
            try:
                cells["id"] = usable_id(text)
            except Invalid as exc:
                self.invalid(raw, row, DATASET.column("id"), text, exc)
        return cells


def _t(cells: dict[str, object], name: str) -> tuple:
    value = cells.get(name, ())
    assert isinstance(value, tuple)
    return value


def _s(cells: dict[str, object], name: str) -> str:
    return str(cells.get(name, ""))


def _d(cells: dict[str, object], name: str) -> date | None:
    value = cells.get(name)
    assert value is None or isinstance(value, date)
    return value


def validate(book: RawBook, default_name: str, dataset_id: str | None = None, name: str | None = None,
             ref: Reference | None = None, progress: ReadProgress = silent) -> Report:
    """Check raw sheets and build the dataset.

    The dataset's id and name are, in order of preference: the arguments, the "jeu" sheet, then
    `default_name` (the file or folder name; the id is its slug). Every problem is collected; the
    report carries the dataset only when there is none. The arguments lose their control characters,
    as the cells did in the readers (a name typed in the app, a file name).
    """
    default_name = strip_controls(default_name)
    dataset_id = strip_controls(dataset_id) if dataset_id is not None else None
    name = strip_controls(name) if name is not None else None
    progress(CHECK, 0, sum(len(raw.rows) for raw in book.sheets.values()))  # before the reference loads
    checker = _Validator(book, ref or reference(), progress)
    checker.check_sheets()
    for sheet in (ACTORS, POLICIES, ALLIANCES):
        checker.build_index(sheet)
    meta = checker.meta()
    actors = checker.actors()
    policies = checker.policies()
    alliances = checker.alliances()
    memberships = checker.memberships()
    assessments = checker.assessments()
    warnings = tuple(checker.warnings)
    progress(CHECK, checker.total_rows, checker.total_rows)
    if checker.problems:
        return Report(book.label, None, tuple(checker.problems), warnings)
    described = meta is not None
    meta = meta or {}
    final_name = name or str(meta.get("name") or "") or default_name
    final_id = dataset_id or str(meta.get("id") or "") or slugify(default_name) or "jeu"
    dataset = Dataset(
        id=final_id, name=final_name, source=str(meta.get("source", "")) if described else book.label,
        description=str(meta.get("description", "")), actors=tuple(actors), policies=tuple(policies),
        alliances=tuple(alliances), memberships=tuple(memberships), assessments=tuple(assessments),
    )
    return Report(book.label, dataset, (), warnings)
