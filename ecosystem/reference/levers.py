"""The 21 levers of the charter: 7 principles, 7 modalities, 7 means of action."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ecosystem.model import Lever, LeverFamily
from ecosystem.text import normalize


@dataclass(frozen=True)
class Levers:
    items: tuple[Lever, ...]
    _by_key: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.items) != 21 or len({lv.id for lv in self.items}) != 21:
            raise ValueError("the charter has exactly 21 distinct levers")
        by_key: dict[str, str] = {}
        for lever in self.items:
            short = lever.id.split("-", 1)[1]
            keys = [lever.id, short, lever.name, f"{lever.family.value} {lever.number}"]
            if lever.family == LeverFamily.PRINCIPE:
                keys.append(f"p{lever.number}")
            for key in keys:
                by_key.setdefault(normalize(key), lever.id)
        object.__setattr__(self, "_by_key", by_key)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, lever_id: str) -> Lever:
        for lever in self.items:
            if lever.id == lever_id:
                return lever
        raise KeyError(lever_id)

    def family(self, family: LeverFamily) -> tuple[Lever, ...]:
        return tuple(lv for lv in self.items if lv.family == family)

    def resolve(self, text: str, family: LeverFamily | None = None) -> str | None:
        """Lever id for what a person typed: "moyen-donnees", "donnees", "Données", "principe 4", "P4".

        >>> from ecosystem.reference import reference
        >>> reference().levers.resolve("Données")
        'moyen-donnees'
        >>> reference().levers.resolve("P4")
        'principe-4'
        """
        lever_id = self._by_key.get(normalize(text))
        if lever_id is None:
            return None
        if family is not None and not lever_id.startswith(family.value + "-"):
            return None
        return lever_id


def load_levers(path: Path) -> Levers:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Levers(tuple(
        Lever(id=i["id"], family=LeverFamily(i["family"]), number=i["number"], name=i["name"],
              description=i["description"])
        for i in data["items"]
    ))
