"""The synthetic dataset generator: realistic shapes, valid data, same output for the same seed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

from ecosystem.datasets import check
from ecosystem.datasets.export import export_datasets
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import ActorKind, Level
from ecosystem.reference import reference

SNIPPET = ("from ecosystem.generate import generate, GeneratorSpec;"
           "print(generate(GeneratorSpec(actors=600, seed=4)).checksum())")


def test_same_seed_same_dataset_across_processes():
    """Hash randomisation must not leak into the draws (it once did, through a set)."""
    checksums = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run([sys.executable, "-c", SNIPPET], env=env, capture_output=True, text=True,
                             check=True)
        checksums.add(out.stdout.strip())
    assert len(checksums) == 1
    assert generate(GeneratorSpec(actors=600, seed=5)).checksum() not in checksums


def test_shapes_are_realistic():
    dataset = generate(GeneratorSpec(actors=3000, seed=2))
    kinds = Counter(a.kind for a in dataset.actors)
    assert len(dataset.actors) == 3000
    assert kinds.most_common(1)[0][0] == ActorKind.ASSOCIATION
    assert kinds[ActorKind.ASSOCIATION] > 0.5 * 3000
    assert kinds[ActorKind.COLLECTIVITE] > 0
    levels = Counter(t.split(":")[0] for a in dataset.actors for t in a.territories)
    assert levels[Level.COMMUNE.value] > levels[Level.DEPARTEMENT.value] > 0
    assert dataset.alliances and dataset.policies and dataset.memberships
    carriers = {c for p in dataset.policies for c in p.carriers}
    assert {a.kind for a in dataset.actors if a.id in carriers} == {ActorKind.COLLECTIVITE}


def test_actors_live_where_people_live():
    h = reference().hierarchy
    dataset = generate(GeneratorSpec(actors=4000, seed=3, scope="region:84"))
    communes = Counter(t for a in dataset.actors for t in a.territories if t.startswith("commune:"))
    lyon, village = "commune:69123", min(communes, key=lambda c: h[c].population)
    assert communes[lyon] > 10 * communes[village]
    assert all(h.intersects(t, "region:84") for a in dataset.actors for t in a.territories
               if t != "pays:FR")


def test_written_in_the_dataset_format_and_valid(tmp_path):
    dataset = generate(GeneratorSpec(actors=300, seed=6, scope="departement:26"))
    [folder] = export_datasets([dataset], "csv", tmp_path)
    report = check(folder)
    assert report.ok, report.problems[:3]
    assert report.dataset is not None and report.dataset.checksum() == dataset.checksum()
