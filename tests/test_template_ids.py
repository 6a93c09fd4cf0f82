"""The template's example records load beside the demo (and any shipped dataset), on both stores.

The app loads the demo by default, so the template is most often loaded right after it: its ids
must belong to no shipped dataset.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ecosystem.datasets.reader import read_dataset
from ecosystem.datasets.template import write_template
from ecosystem.model import Dataset
from ecosystem.store.base import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"
SHIPPED = sorted(p for p in EXAMPLES.iterdir() if p.is_dir())


def record_ids(dataset: Dataset) -> set[str]:
    return {r.id for r in (*dataset.actors, *dataset.policies, *dataset.alliances)}


@pytest.fixture(scope="module", params=["fr", "en"])
def template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    path = tmp_path_factory.mktemp("template") / f"modele-{request.param}.xlsx"
    return read_dataset(write_template(path, request.param))


def test_the_examples_ids_say_they_are_examples(template: Dataset) -> None:
    assert template.id == "exemple-drome"
    assert record_ids(template) and all(i.startswith("exemple-") for i in record_ids(template))


@pytest.mark.parametrize("shipped", SHIPPED, ids=lambda p: p.name)
def test_no_shipped_dataset_uses_the_templates_ids(template: Dataset, shipped: Path) -> None:
    dataset = read_dataset(shipped)
    assert dataset.id != template.id
    assert record_ids(dataset) & record_ids(template) == set()
    assert not any(i.startswith("exemple-") for i in record_ids(dataset))  # the prefix stays reserved


def test_the_template_loads_right_after_the_demo(store: Store, template: Dataset) -> None:
    demo = read_dataset(EXAMPLES / "demo-drome")
    store.load(demo)
    store.load(template)
    assert {info.id for info in store.datasets()} == {demo.id, template.id}
    for loaded in (demo, template):
        assert record_ids(store.dataset(loaded.id)) == record_ids(loaded)
