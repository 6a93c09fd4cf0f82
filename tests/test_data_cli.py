"""`ecosystem validate | load | remove | stats | export | template | generate`, as a user runs them.

In-process through `ecosystem.cli.main`, on both stores where a store is involved: the command opens
the store from the environment as it does for a user (the state folder, or NEO4J_URI for the test
server), and each test then reads the store itself to check what the command did.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

from ecosystem import settings
from ecosystem.cli import main
from ecosystem.datasets import check
from ecosystem.store.base import Store
from ecosystem.store.memory import MemoryStore
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "good" / "minimal_csv"  # dataset "minimal": 2 actors, 1 policy, 1 alliance
MINIMAL_JSON = DATA / "good" / "minimal.json"  # the same records, as JSON
BAD_SDG = DATA / "broken" / "bad_sdg.csv"  # two wrong SDG cells, lines 2 and 3 of column odd

STORE_ENV = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "ECOSYSTEM_LANG")


@dataclass
class Cli:
    """Runs the command line and opens the store the command line uses."""

    capsys: pytest.CaptureFixture[str]
    open_store: Callable[[], Store]

    def __call__(self, *argv: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def dataset_ids(self) -> list[str]:
        return [d.id for d in self.open_store().datasets()]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean working folder that is also the state folder; French; no Neo4j configured."""
    monkeypatch.chdir(tmp_path)  # no .streamlit/secrets.toml from the working copy
    for name in STORE_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    return tmp_path


def _embedded() -> Store:
    """The embedded store as the next command will find it (opened afresh: commands write to disk)."""
    return MemoryStore(settings.state_dir() / "embedded")


@pytest.fixture
def cli(store: Store, folder: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Cli:
    """The CLI on conftest's empty store of each kind: the embedded one in the state folder
    (tmp_path/embedded), the Neo4j one through the environment variables a user would set."""
    if isinstance(store, MemoryStore):
        assert settings.state_dir() / "embedded" == folder / "embedded"
        return Cli(capsys, _embedded)
    monkeypatch.setenv("NEO4J_URI", NEO4J_URI or "")
    monkeypatch.setenv("NEO4J_USER", NEO4J_USER)
    monkeypatch.setenv("NEO4J_PASSWORD", NEO4J_PASSWORD)
    return Cli(capsys, lambda: store)


@pytest.fixture
def offline(folder: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The CLI for the commands that touch no store (validate, template, generate)."""
    return Cli(capsys, _embedded)


# ---------------------------------------------------------------------- validate


@pytest.mark.parametrize("path", [MINIMAL, MINIMAL_JSON], ids=["csv", "json"])
def test_validate_a_good_dataset_summarises_it(offline: Cli, path: Path) -> None:
    code, out, err = offline("validate", path)
    assert code == 0 and err == ""
    assert out.startswith("Valide : « Jeu minimal » (id minimal) : 2 acteurs")


def test_validate_a_broken_file_exits_1_naming_file_line_and_column(offline: Cli) -> None:
    code, out, err = offline("validate", BAD_SDG)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == ("erreur : 2 problèmes dans « bad_sdg.csv » ; rien n'a été chargé. "
                        "Corrigez les lignes ci-dessous puis réessayez :")
    assert lines[1].startswith("  - bad_sdg.csv, ligne 2, colonne odd : « 18 » ")
    assert lines[2].startswith("  - bad_sdg.csv, ligne 3, colonne odd : « ODD treize » ")


def test_validate_speaks_english_when_asked(offline: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECOSYSTEM_LANG", "en")
    code, _, err = offline("validate", BAD_SDG)
    assert code == 1
    assert err.splitlines()[1].startswith('  - bad_sdg.csv, line 2, column odd: "18" is not an SDG number')


def test_validate_a_missing_file_is_one_line(offline: Cli) -> None:
    code, out, err = offline("validate", "nulle-part.csv")
    assert (code, out) == (1, "")
    assert err == "erreur : nulle-part.csv n'existe pas : vérifiez le chemin.\n"


# ---------------------------------------------------------------------- load and stats


def test_load_then_stats_shows_the_counts(cli: Cli) -> None:
    code, out, _ = cli("load", MINIMAL)
    assert code == 0
    assert out.startswith("« Jeu minimal » (id minimal) : 2 acteurs") and " — chargé (" in out
    assert cli.dataset_ids() == ["minimal"]
    assert [a.name for a in cli.open_store().dataset("minimal").actors] == [
        "Jardins de Crest", "Ville de Crest"]

    code, out, _ = cli("stats")
    assert code == 0
    rows = {tuple(line.split()) for line in out.splitlines()}
    assert {("association", "1"), ("collectivite", "1"), ("entreprise", "0"), ("total", "2"),
            ("alliances", "1"), ("adhésions", "2"), ("autoévaluations", "1")} <= rows
    assert any(line.split()[:4] == ["minimal", "Jeu", "minimal", "2"] for line in out.splitlines())

    code, out, _ = cli("stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["actors"] == 2
    assert [(d["id"], d["name"]) for d in stats["stats"]["datasets"]] == [("minimal", "Jeu minimal")]


def test_stats_on_an_empty_store_says_how_to_start(cli: Cli) -> None:
    code, out, _ = cli("stats")
    assert code == 0
    hint, _, demo = out.splitlines()[-1].rpartition(" ")
    assert hint == "Aucun jeu de données chargé. Essayez : ecosystem load"
    assert (Path(demo) / "acteurs.csv").is_file()  # a path that works from where the command was typed


def test_load_twice_says_unchanged(cli: Cli) -> None:
    assert cli("load", MINIMAL)[0] == 0
    first = cli.open_store().datasets()
    code, out, _ = cli("load", MINIMAL)
    assert code == 0
    assert "— inchangé (déjà chargé à l'identique)" in out
    assert cli.open_store().datasets() == first  # same checksum, same loading date


def test_load_with_another_id_and_name(cli: Cli) -> None:
    code, out, _ = cli("load", MINIMAL_JSON, "--id", "crest", "--name", "Crest en test")
    assert code == 0 and out.startswith("« Crest en test » (id crest)")
    assert [(d.id, d.name) for d in cli.open_store().datasets()] == [("crest", "Crest en test")]


def test_load_of_a_broken_file_exits_1_and_loads_nothing(cli: Cli) -> None:
    code, out, err = cli("load", BAD_SDG)
    assert (code, out) == (1, "")
    assert "bad_sdg.csv, ligne 2, colonne odd" in err
    assert cli.dataset_ids() == []


def test_load_of_ids_owned_by_another_dataset_exits_1_and_changes_nothing(cli: Cli) -> None:
    assert cli("load", MINIMAL)[0] == 0
    code, _, err = cli("load", MINIMAL_JSON, "--id", "copie")  # the same record ids
    assert code == 1 and "jardins" in err
    assert cli.dataset_ids() == ["minimal"]


# ---------------------------------------------------------------------- remove


def test_remove_removes_the_dataset(cli: Cli) -> None:
    assert cli("load", MINIMAL)[0] == 0
    code, out, _ = cli("remove", "minimal")
    assert (code, out) == (0, "Jeu minimal retiré.\n")
    assert cli.dataset_ids() == []
    assert cli.open_store().stats().actors == 0


def test_remove_an_unknown_dataset_names_the_closest(cli: Cli) -> None:
    assert cli("load", MINIMAL)[0] == 0
    code, _, err = cli("remove", "minimale")
    assert code == 1
    assert err == "erreur : Aucun jeu de données « minimale ». Les plus proches : minimal.\n"
    assert cli.dataset_ids() == ["minimal"]


# ---------------------------------------------------------------------- export


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_a_graph_that_graph_tools_read(cli: Cli, folder: Path, fmt: str) -> None:
    assert cli("load", MINIMAL)[0] == 0
    code, out, _ = cli("export", "--format", fmt, "-o", f"carte.{fmt}")
    assert (code, out) == (0, f"carte.{fmt}\n")
    graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(folder / f"carte.{fmt}")
    actors = {data["label"] for _, data in graph.nodes(data=True) if data.get("type") == "Actor"}
    assert actors == {"Jardins de Crest", "Ville de Crest"}
    assert graph.has_edge("actor:jardins", "commune:26108")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_a_dataset_that_validates_as_the_one_loaded(cli: Cli, folder: Path, fmt: str) -> None:
    assert cli("load", MINIMAL)[0] == 0
    code, out, _ = cli("export", "--format", fmt, "-o", "sortie")
    written = out.splitlines()
    assert code == 0 and written == [str(Path("sortie") / ("minimal.json" if fmt == "json" else "minimal"))]
    report = check(folder / written[0])
    assert report.ok, report.problems
    loaded = cli.open_store().dataset("minimal")
    assert report.dataset_or_raise().actors == loaded.actors
    assert report.dataset_or_raise().alliances == loaded.alliances


def test_export_one_dataset_of_two(cli: Cli, folder: Path) -> None:
    assert cli("load", MINIMAL)[0] == 0
    assert cli("generate", "--actors", "5", "--scope", "26", "--format", "json", "-o", "gen")[0] == 0
    assert cli("load", folder / "gen" / "synthetique-5-1.json")[0] == 0
    code, out, _ = cli("export", "--format", "json", "--dataset", "minimal", "-o", "sortie")
    assert (code, out) == (0, f"{Path('sortie') / 'minimal.json'}\n")
    assert sorted(p.name for p in (folder / "sortie").iterdir()) == ["minimal.json"]


def test_export_with_nothing_loaded_writes_nothing(cli: Cli, folder: Path) -> None:
    code, out, err = cli("export", "--format", "json", "-o", "sortie")
    assert (code, out) == (0, "")
    assert err == "Rien à exporter : aucun jeu de données chargé.\n"
    assert not (folder / "sortie").exists() or not any((folder / "sortie").iterdir())


# ---------------------------------------------------------------------- template and generate


@pytest.mark.parametrize(("lang", "readme"), [("fr", "Lisez-moi"), ("en", "Read me")])
def test_template_writes_a_workbook_that_validates(offline: Cli, folder: Path, lang: str,
                                                   readme: str) -> None:
    code, out, _ = offline("template", "-o", "mon-territoire.xlsx", "--lang", lang)
    assert (code, out) == (0, "mon-territoire.xlsx\n")
    assert readme in load_workbook(folder / "mon-territoire.xlsx", read_only=True).sheetnames
    code, out, err = offline("validate", "mon-territoire.xlsx")
    assert code == 0, err
    assert out.startswith("Valide : ")


def test_template_without_a_file_name_writes_the_default_one(offline: Cli, folder: Path) -> None:
    assert offline("template") == (0, "modele-ecosysteme.xlsx\n", "")
    assert (folder / "modele-ecosysteme.xlsx").is_file()


@pytest.mark.parametrize(("fmt", "written"), [("csv", "synthetique-40-7"), ("json", "synthetique-40-7.json")])
def test_generate_writes_a_dataset_that_validates(offline: Cli, folder: Path, fmt: str, written: str) -> None:
    code, out, _ = offline("generate", "--actors", "40", "--seed", "7", "--scope", "Drôme",
                           "--format", fmt, "-o", "gen")
    assert (code, out) == (0, f"{Path('gen') / written}\n")
    code, out, err = offline("validate", folder / "gen" / written)
    assert code == 0, err
    assert "(id synthetique-40-7) : 40 acteurs" in out


def test_generated_dataset_loads(cli: Cli, folder: Path) -> None:
    assert cli("generate", "--actors", "30", "--scope", "26", "-o", "gen")[0] == 0
    code, out, _ = cli("load", folder / "gen" / "synthetique-30-1")
    assert code == 0 and " — chargé (" in out
    assert cli.open_store().stats().actors == 30


def test_generate_on_an_unknown_territory_exits_1(offline: Cli, folder: Path) -> None:
    code, out, err = offline("generate", "--actors", "5", "--scope", "Atlantide", "-o", "gen")
    assert (code, out) == (1, "")
    assert err.startswith("erreur : Aucun territoire « Atlantide »")
    assert not (folder / "gen").exists()


# ---------------------------------------------------------------------- wrong usage


@pytest.mark.parametrize("argv", [
    ["validate"],  # no path
    ["remove"],  # no dataset
    ["export", "-o", "x"],  # no format
    ["export", "--format", "pdf"],  # no such format
    ["generate", "-o", "gen"],  # no number of actors
    ["generate", "--actors", "beaucoup", "-o", "gen"],
    ["template", "mon-territoire.xlsx"],  # the file goes after -o
    ["template", "-o", "x.xlsx", "--lang", "de"],
], ids=" ".join)
def test_wrong_usage_exits_2(offline: Cli, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        offline(*argv)
    assert caught.value.code == 2
    assert "Run `ecosystem" in offline.capsys.readouterr().err
