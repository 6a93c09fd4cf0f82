"""The territory an import is limited to, and how register commune codes land in it.

Registers write the INSEE code of a commune, sometimes a municipal arrondissement (75112, 13205,
69383), an old code of a merged commune, a code that lost its leading zero through a spreadsheet, or
junk. `commune_of` folds every valid form onto a commune of the shipped hierarchy (its aliases table
holds arrondissements, old codes and delegated communes); the `Scope` then says whether that commune
is inside the chosen territory. Precomputing the code -> commune table of the territory makes the
streaming filter of a national file one dictionary lookup per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ecosystem.model import Level, split_territory_id
from ecosystem.reference.territories import Hierarchy


def clean_code(raw: str) -> str:
    """A commune code as registers should have written it.

    >>> clean_code(" 1053 "), clean_code("2a004"), clean_code("75112")
    ('01053', '2A004', '75112')
    """
    code = raw.strip().upper()
    if len(code) == 4 and code.isdigit():
        code = "0" + code
    return code


@cache
def _commune_codes(hierarchy: Hierarchy) -> dict[str, str]:
    """Every code that names a commune (its own, arrondissements, old codes) -> commune id."""
    table = {t.code: t.id for t in hierarchy.by_level[Level.COMMUNE]}
    for code, target in hierarchy.aliases.items():
        if target.startswith("commune:") and target in hierarchy:
            table.setdefault(code, target)
    return table


def commune_of(raw: str, hierarchy: Hierarchy) -> str | None:
    """The commune id a register code designates, or None when it is not a commune code.

    >>> from ecosystem.reference import reference
    >>> h = reference().hierarchy
    >>> commune_of("75114", h), commune_of("26362", h), commune_of("_", h)
    ('commune:75056', 'commune:26362', None)
    """
    return _commune_codes(hierarchy).get(clean_code(raw))


@dataclass(frozen=True)
class Scope:
    """A territory of the hierarchy, with its communes and the register codes that fall in it."""

    territory_id: str
    label: str
    codes: dict[str, str]  # register code (own, arrondissement, old) -> commune id, inside the territory
    departements: frozenset[str]  # département codes it touches (to pick files in an RNA archive)

    @classmethod
    def of(cls, territory_id: str, hierarchy: Hierarchy) -> Scope:
        if territory_id not in hierarchy:
            raise KeyError(territory_id)
        communes = {hierarchy.commune_ids[p] for p in hierarchy.communes(territory_id).tolist()}
        codes = {code: cid for code, cid in _commune_codes(hierarchy).items() if cid in communes}
        departements = frozenset(split_territory_id(d)[1]
                                 for d in hierarchy.project(territory_id, Level.DEPARTEMENT))
        return cls(territory_id, hierarchy.label(territory_id), codes, departements)

    @property
    def code(self) -> str:
        """The territory's code as used in dataset ids: '26', '26362', '200068781', 'region-84', 'fr'.

        Région codes collide with département codes (84 is both Auvergne-Rhône-Alpes and Vaucluse),
        hence the prefix.
        """
        level, code = split_territory_id(self.territory_id)
        if level == Level.REGION:
            return f"region-{code}"
        if level == Level.PAYS:
            return "fr"
        return code

    def dataset_id(self, register: str) -> str:
        """'rna-26', 'sirene-200068781', 'collectivites-region-84'."""
        return f"{register}-{self.code}"

    def commune(self, raw: str) -> str | None:
        """The commune id of a register code when it lies inside the territory, else None."""
        return self.codes.get(raw) or self.codes.get(clean_code(raw))

    def markers(self) -> tuple[str, ...]:
        """Substrings one of which every CSV line of an in-territory row contains (',26', ',"26'):
        a test on raw text that rejects most lines of a national file before parsing them."""
        prefixes = {code[:3] if code.startswith("97") else code[:2] for code in self.codes}
        return tuple(sorted({f",{p}" for p in prefixes} | {f',"{p}' for p in prefixes}))
