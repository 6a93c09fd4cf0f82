"""SDGs inferred from register codes and purpose text: the project's own, documented inference.

No official mapping from the RNA social-object codes or the NAF activities to the SDGs exists. The
project writes its own in three reviewable tables of data/reference/ (sdg_mapping_rna.csv,
sdg_mapping_naf.csv, sdg_keywords_fr.csv), each row with its confidence and its rationale. Every link
produced here is an `InferredSdg` naming the rule that fired ("rna:024026", "naf:88",
"mot-cle:insertion"): it is shown as inferred and a person confirms or rejects it
(`ecosystem.importers.review`). Nothing here is ever written to `Actor.sdgs`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ecosystem.importers.keywords import Keyword, Lexicon
from ecosystem.model import InferredSdg
from ecosystem.reference import REFERENCE_DIR
from ecosystem.text import normalize

RNA_TABLE = "sdg_mapping_rna.csv"
NAF_TABLE = "sdg_mapping_naf.csv"
KEYWORD_TABLE = "sdg_keywords_fr.csv"
_NAF_REV2 = re.compile(r"^(\d\d)\.\d\d[A-Z]$")
_PRIORITY = {"rna": 0, "naf": 1, "mot-cle": 2}  # ties on confidence: the code beats the keyword


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    label: str
    sdgs: tuple[int, ...]
    confidence: float


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(line for line in f if not line.startswith("#"))


def _sdgs(text: str, where: str) -> tuple[int, ...]:
    numbers = tuple(int(n) for n in text.replace(",", ";").split(";") if n.strip())
    if any(not 1 <= n <= 17 for n in numbers):
        raise ValueError(f"{where}: SDG numbers must be 1..17, got {text!r}")
    return numbers


def _rules(path: Path) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for row in _rows(path):
        code = row["code"].strip()
        sdgs = _sdgs(row["sdgs"], f"{path.name} {code}")
        rules[code] = Rule(code, row["label"].strip(), sdgs, float(row["confidence"]) if sdgs else 0.0)
    return rules


def _keywords(path: Path) -> tuple[Keyword, ...]:
    found = []
    for row in _rows(path):
        raw = row["keyword"].strip()
        prefix = raw.endswith("*")
        found.append(Keyword(normalize(raw.rstrip("*")), prefix, _sdgs(row["sdgs"], f"{path.name} {raw}"),
                             float(row["confidence"])))
    return tuple(found)


class Inference:
    """The three tables, loaded once, and the functions that apply them.

    >>> inf = Inference.shipped()
    >>> [(s.number, s.source) for s in inf.rna(["024026"], "")]
    [(15, 'rna:024026')]
    >>> [(s.number, s.source) for s in inf.naf("88.99B")]
    [(1, 'naf:88'), (10, 'naf:88')]
    >>> [(s.number, s.source) for s in inf.keywords("Repair café et recyclage du quartier")]
    [(11, 'mot-cle:quartier'), (12, 'mot-cle:repair cafe')]
    """

    def __init__(self, rna: dict[str, Rule], naf: dict[str, Rule], keywords: tuple[Keyword, ...]) -> None:
        self.rna_rules = rna
        self.naf_rules = naf
        self.keyword_rules = keywords
        self._lexicon = Lexicon(keywords)

    @classmethod
    def from_directory(cls, directory: Path) -> Inference:
        return cls(_rules(directory / RNA_TABLE), _rules(directory / NAF_TABLE),
                   _keywords(directory / KEYWORD_TABLE))

    @staticmethod
    @cache
    def shipped() -> Inference:
        """The tables shipped in data/reference/, parsed once per process."""
        return Inference.from_directory(REFERENCE_DIR)

    # ------------------------------------------------------------------ the three rules

    def rna_rule(self, code: str) -> Rule | None:
        """The rule for a social-object code: its own row, else its family's (first 3 digits + 000)."""
        return self.rna_rules.get(code) or self.rna_rules.get(code[:3] + "000")

    def rna(self, codes: Iterable[str], text: str) -> tuple[InferredSdg, ...]:
        """SDGs from an association's social-object codes and, with less confidence, its name and purpose."""
        found: list[InferredSdg] = []
        for code in codes:
            rule = self.rna_rule(code)
            if rule is not None:
                found.extend(InferredSdg(n, f"rna:{rule.code}", rule.confidence) for n in rule.sdgs)
        found.extend(self.keywords(text))
        return strongest(found)

    def naf_label(self, code: str) -> str:
        """The French label of the NAF division of a code ("88.99B" -> "Action sociale sans hébergement")."""
        rule = self.naf_rules.get(code.strip()[:2])
        return rule.label if rule is not None else ""

    def naf(self, code: str) -> tuple[InferredSdg, ...]:
        """SDGs from a NAF rév. 2 code ("88.99B"); other nomenclatures give nothing."""
        match = _NAF_REV2.match(code.strip())
        rule = self.naf_rules.get(match[1]) if match else None
        if rule is None:
            return ()
        return tuple(InferredSdg(n, f"naf:{rule.code}", rule.confidence) for n in sorted(rule.sdgs))

    def keywords(self, text: str) -> tuple[InferredSdg, ...]:
        """SDGs from the French keyword lexicon, over normalized text (no accents, no case)."""
        found = []
        for keyword in self._lexicon.find(text):
            source = f"mot-cle:{keyword.keyword}"
            found.extend(InferredSdg(n, source, keyword.confidence) for n in keyword.sdgs)
        return strongest(found)


def strongest(links: Iterable[InferredSdg]) -> tuple[InferredSdg, ...]:
    """One link per SDG, the most confident (on ties a code before a keyword, then the first seen),
    sorted by number.

    >>> strongest([InferredSdg(3, "mot-cle:sante", 0.3), InferredSdg(3, "rna:017000", 0.8)])
    (InferredSdg(number=3, source='rna:017000', confidence=0.8),)
    """
    best: dict[int, InferredSdg] = {}
    for link in links:
        kept = best.get(link.number)
        if kept is None or _rank(link) < _rank(kept):
            best[link.number] = link
    return tuple(best[n] for n in sorted(best))


def _rank(link: InferredSdg) -> tuple[float, int]:
    return (-link.confidence, _PRIORITY.get(link.source.partition(":")[0], 9))


def without(links: Iterable[InferredSdg], *numbers: Iterable[int]) -> tuple[InferredSdg, ...]:
    """The links whose SDG is in none of `numbers` (declared, rejected)."""
    excluded = {n for group in numbers for n in group}
    return tuple(link for link in links if link.number not in excluded)
