"""Exports: CSV and JSON round-trip through read_dataset and a store; GraphML / GEXF hold the graph."""

from __future__ import annotations

import codecs
import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest

from ecosystem.datasets.export import csv_files, export, export_datasets, file_stem, json_bytes
from ecosystem.datasets.graph import dataset_graph
from ecosystem.datasets.reader import read_dataset, read_uploaded
from ecosystem.errors import NotFound
from ecosystem.model import Dataset
from tests.factories import other_dataset, small_dataset


@pytest.fixture
def loaded(memory_store):
    memory_store.load(small_dataset())
    memory_store.load(other_dataset())
    return memory_store


def with_formula_like_text(dataset: Dataset) -> Dataset:
    """Values a spreadsheet would run as formulas, and values that merely start with a quote."""
    first, *rest = dataset.actors
    alliance, *others = dataset.alliances
    assessment, *later = dataset.assessments
    return replace(
        dataset,
        description="=HYPERLINK(\"http://x\")",
        actors=(replace(first, description="-2 points", website="@site.fr"), *rest),
        alliances=(replace(alliance, purpose="+ de liens\n= plus d'impact"), *others),
        assessments=(replace(assessment, comment="'=déjà protégé"), *later),
    )


# ----------------------------------------------------------------------------- through the embedded store

@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_read_load_round_trips_exactly(loaded, fmt, tmp_path):
    from ecosystem.store.memory import MemoryStore

    written = export(loaded, fmt, tmp_path / fmt)
    assert [p.name for p in written] == (["autre-jeu", "petit-drome"] if fmt == "csv"
                                         else ["autre-jeu.json", "petit-drome.json"])
    fresh = MemoryStore(tmp_path / "fresh")
    for path in written:
        dataset = read_dataset(path)
        assert dataset == loaded.dataset(dataset.id)
        assert fresh.load(dataset).status == "loaded"
        assert fresh.load(read_dataset(path)).status == "unchanged"
    for info in loaded.datasets():
        assert fresh.dataset(info.id) == loaded.dataset(info.id)


def test_export_of_some_datasets_and_unknown_ones(loaded, tmp_path):
    assert export(loaded, "json", tmp_path, dataset_ids=["autre-jeu"]) == [tmp_path / "autre-jeu.json"]
    with pytest.raises(NotFound):
        export(loaded, "json", tmp_path, dataset_ids=["nope"])


def test_graph_export_of_the_store(loaded, tmp_path):
    (path,) = export(loaded, "graphml", tmp_path)
    assert path == tmp_path / "ecosystem.graphml"
    graph = nx.read_graphml(path)
    assert graph.nodes["actor:crest-velo"]["dataset"] == "autre-jeu"
    assert graph.nodes["actor:biodrome"]["dataset"] == "petit-drome"


# ----------------------------------------------------------------------------- files, without a store

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_csv_files_round_trip_with_formula_like_text(lang):
    dataset = with_formula_like_text(small_dataset())
    files = csv_files(dataset, lang)
    assert read_uploaded(files, "ignored") == dataset
    actors = files["acteurs.csv" if lang == "fr" else "actors.csv"]
    assert actors.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(actors.decode("utf-8-sig")), delimiter=";"))
    header, first = rows[0], rows[1]
    assert first[header.index("Description" if lang == "fr" else "description")] == "'-2 points"
    assert first[header.index("Site web" if lang == "fr" else "website")] == "'@site.fr"


def test_every_exported_cell_is_safe_to_open_in_a_spreadsheet():
    for data in csv_files(with_formula_like_text(small_dataset())).values():
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"):
            assert all(cell[:1] not in ("=", "+", "-", "@", "\t", "\r") for cell in row)


def test_csv_export_writes_every_sheet_even_empty(tmp_path):
    (folder,) = export_datasets([other_dataset()], "csv", tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["acteurs.csv", "alliances.csv", "evaluations.csv",
                                                        "jeu.csv", "membres.csv", "politiques.csv"]
    assert (folder / "membres.csv").read_bytes() == codecs.BOM_UTF8 + "Alliance;Acteur;Rôle\r\n".encode()
    assert read_dataset(folder) == other_dataset()


def test_json_export_is_the_model_dict_and_reads_back():
    dataset = with_formula_like_text(small_dataset())
    document = json.loads(json_bytes(dataset))
    assert document["description"] == "'=HYPERLINK(\"http://x\")"
    assert document["actors"][0]["description"] == "-2 points"  # only "=" is guarded in JSON
    assert read_uploaded({"x.json": json_bytes(dataset)}, "x") == dataset


def test_dataset_ids_become_safe_file_names():
    assert file_stem("petit-drome") == "petit-drome"
    assert file_stem("../Vallée/Drôme") == "vallee-drome"
    assert file_stem("///") == "jeu"


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="graphml, gexf, json, csv"):
        export_datasets([small_dataset()], "xls", tmp_path)


# ----------------------------------------------------------------------------- the graph

def test_graph_nodes_are_typed_and_labelled():
    graph = dataset_graph([small_dataset()])
    types = {n: d["type"] for n, d in graph.nodes(data=True)}
    assert types["actor:jardins-valence"] == "Actor"
    assert types["policy:pat-vra"] == "Policy"
    assert types["alliance:alim-valence"] == "Alliance"
    assert types["sdg:13"] == "SDG"
    assert types["lever:principe-1"] == "Lever"
    # referenced territories and their ancestors, for the hierarchy
    assert {n for n, t in types.items() if t == "Territory"} == {
        "commune:26362", "commune:26281", "commune:26108", "epci:200068781", "epci:200040509",
        "departement:26", "region:84", "pays:FR"}
    assert graph.nodes["commune:26362"]["label"] == "Valence"
    assert graph.nodes["sdg:13"]["number"] == 13


def test_graph_edges_are_the_design_relationships():
    graph = dataset_graph([small_dataset()])

    def edges(rel: str) -> list[tuple[str, str]]:
        return sorted((u, v) for u, v, d in graph.edges(data=True) if d["type"] == rel)

    assert ("actor:jardins-valence", "commune:26362") in edges("ACTS_IN")
    assert ("actor:agglo-vra", "policy:pat-vra") in edges("CARRIES")
    assert ("alliance:alim-valence", "policy:pat-vra") in edges("ALIGNS_WITH")
    assert ("commune:26362", "epci:200068781") in edges("PART_OF")
    assert ("departement:26", "region:84") in edges("PART_OF")
    assert edges("ASSESSED").count(("alliance:alim-valence", "lever:principe-1")) == 2  # the history
    roles = {(u, v): d["role"] for u, v, d in graph.edges(data=True) if d["type"] == "MEMBER_OF"}
    assert roles[("actor:agglo-vra", "alliance:alim-valence")] == "financeur"
    inferred = [d for u, v, d in graph.edges(data=True)
                if d["type"] == "CONTRIBUTES_TO" and d["sdg_source"] == "inferred"]
    assert inferred == [{"type": "CONTRIBUTES_TO", "sdg_source": "inferred", "rule": "mot-cle:climat",
                         "confidence": 0.5}]
    for rel in ("CONTRIBUTES_TO", "OFFERS", "NEEDS", "ANCHORED_IN", "TARGETS", "COVERS", "ADDRESSES"):
        assert edges(rel), rel


def test_graph_attributes_are_scalars():
    graph = dataset_graph([small_dataset(), other_dataset()])
    scalar = (str, int, float, bool)
    assert all(isinstance(v, scalar) for _, d in graph.nodes(data=True) for v in d.values())
    assert all(isinstance(v, scalar) for _, _, d in graph.edges(data=True) for v in d.values())


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files_read_back_with_networkx(fmt, read, tmp_path: Path):
    graph = dataset_graph([small_dataset(), other_dataset()])
    (path,) = export_datasets([small_dataset(), other_dataset()], fmt, tmp_path / f"g.{fmt}")
    back = read(path)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["actor:biodrome"]["label"] == "BioDrôme Distribution"
