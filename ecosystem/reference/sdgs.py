"""The 17 SDGs (ODD) with their French and English names and their dimension."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ecosystem.model import Dimension, Sdg


@dataclass(frozen=True)
class Sdgs:
    items: tuple[Sdg, ...]

    def __post_init__(self) -> None:
        numbers = [s.number for s in self.items]
        if numbers != list(range(1, 18)):
            raise ValueError(f"expected SDGs 1..17 in order, got {numbers}")

    def __getitem__(self, number: int) -> Sdg:
        return self.items[number - 1]

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def label(self, number: int, lang: str = "fr") -> str:
        """'ODD 13 · Mesures relatives ...' (fr) or 'SDG 13 · Climate action' (en)."""
        sdg = self[number]
        return f"ODD {number} · {sdg.name_fr}" if lang == "fr" else f"SDG {number} · {sdg.name_en}"


def load_sdgs(path: Path) -> Sdgs:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Sdgs(tuple(
        Sdg(number=i["number"], name_fr=i["name_fr"], name_en=i["name_en"],
            dimension=Dimension(i["dimension"]))
        for i in data["items"]
    ))
