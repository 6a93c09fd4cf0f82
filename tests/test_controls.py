"""Control characters: removed from every text cell read, each cleaned cell a located warning."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ecosystem.controls import bytes_may_have_controls, codes, has_controls, one_line, strip_controls
from ecosystem.datasets.cleaning import LIMIT
from ecosystem.datasets.reader import check_uploaded

HEADER = "id;nom;type;territoires;description"
REPO = Path(__file__).resolve().parent.parent


def test_what_is_removed_and_what_is_kept() -> None:
    removed = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
                                0xD800, 0xDFFF, 0xFFFE, 0xFFFF]))
    assert all(has_controls(ch) for ch in removed)
    assert not has_controls("\t\n\r Crest é œ € \u00a0 \u2028 \U0001f600 \ufffd")
    assert not has_controls(strip_controls(removed))
    assert strip_controls("a\x0bb\x0cc\x1fd\x85e") == "a b c d e"  # separators keep words apart
    assert codes("\x1b[31m\x0b") == "U+000B, U+001B"
    assert one_line("a\tb\r\nc\x1b[2Jd") == "a b c[2Jd"


def test_a_csv_cell_with_control_characters_is_cleaned_and_located() -> None:
    text = (f"{HEADER}\na;\x1b[31mCrest Solidaire\x1b[0m;association;26108;ok\n"
            "b;Autre;association;26108;une\x0bdescription\x01\n")
    report = check_uploaded({"acteurs.csv": text.encode()}, "acteurs")
    assert report.ok and report.dataset is not None
    first, second = report.dataset.actors
    assert first.name == "[31mCrest Solidaire[0m" and second.description == "une description"
    where = [(w.where, w.row, w.column) for w in report.warnings]
    assert where == [("acteurs.csv", 2, "nom"), ("acteurs.csv", 3, "description")]
    assert str(report.warnings[0]).endswith("held invisible control characters (U+001B), which were removed; "
                                            "check the value")
    assert report.warnings[1].text("fr") == (
        "acteurs.csv, ligne 3, colonne description : « une description » contenait des caractères de "
        "contrôle invisibles (U+0001, U+000B) ; ils ont été retirés, vérifiez la valeur")


def test_a_json_value_with_escaped_controls_and_a_lone_surrogate_is_cleaned() -> None:
    document = {"acteurs": [{"id": "a", "nom": "Nom\u001b", "type": "association", "territoires": "26108",
                             "description": "avant\ud800après"}]}
    data = json.dumps(document).encode()  # ASCII escapes: \u001b, \ud800
    report = check_uploaded({"jeu.json": data}, "jeu")
    assert report.ok and report.dataset is not None
    (actor,) = report.dataset.actors
    assert (actor.name, actor.description) == ("Nom", "avantaprès")
    assert [(w.row, w.column) for w in report.warnings] == [(1, "nom"), (1, "description")]


def test_many_cleaned_cells_are_located_up_to_a_limit_then_counted() -> None:
    rows = [f"a{i};Nom\x07{i};association;26108;x" for i in range(LIMIT + 3)]
    text = "\n".join([HEADER, *rows]) + "\n" + "z;Remplissage;association;26108;" + "x" * 8000 + "\n"
    report = check_uploaded({"acteurs.csv": text.encode()}, "acteurs")
    assert report.ok
    assert len(report.warnings) == LIMIT + 1
    assert report.warnings[-1].text("fr").endswith("contenait des caractères de contrôle dans 3 autres "
                                                   "cellules, retirés aussi")


PADDING = "z;Remplissage;association;26108;" + "texte " * 400  # the binary guess counts controls per 100


@settings(max_examples=80, deadline=None)  # a NUL byte is left out: the file is then refused as binary
@given(st.text(st.characters(codec="utf-8", exclude_characters="\x00;\"'=+-@"), max_size=30))
def test_any_text_read_from_a_csv_cell_comes_out_without_controls(text: str) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(  # quotes cells holding \r or \n
        [HEADER.split(";"), ["a", "Nom", "association", "26108", "d" + text]])
    report = check_uploaded({"acteurs.csv": (out.getvalue() + PADDING + "\n").encode()}, "acteurs")
    assert report.ok and report.dataset is not None
    description = report.dataset.actors[0].description
    assert not has_controls(description)
    assert description == strip_controls("d" + text).strip().replace("\r\n", "\n").replace("\r", "\n")
    assert bool(report.warnings) == has_controls(("d" + text).strip())  # str.strip takes \x1c-\x1f


def test_cli_tables_never_print_escape_sequences(tmp_path: Path) -> None:
    """A dataset stored with control characters (before this check existed, or by another program)."""
    from ecosystem.model import Actor, ActorKind, Dataset
    from ecosystem.store.memory import MemoryStore

    store = MemoryStore(tmp_path / "embedded")
    store.load(Dataset("jeu-rouge", "\x1b[31mRouge\x1b[2J\nsur deux lignes", actors=(
        Actor("a", "Acteur\x07", ActorKind.ASSOCIATION, ("commune:26108",), (2,)),)))
    env = {"PATH": "/usr/bin:/bin", "ECOSYSTEM_STATE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "ecosystem", "stats"], capture_output=True, text=True,
                          env=env, cwd=REPO, check=True)
    assert "[31mRouge[2J sur deux lignes" in done.stdout
    assert not has_controls(done.stdout.replace("\n", ""))


def test_a_dataset_name_typed_in_the_app_and_a_file_name_lose_their_controls() -> None:
    text = f"{HEADER}\na;Nom;association;26108;x\n"
    report = check_uploaded({"acteurs\x1b[2J.csv": text.encode()}, "Mon\x1b[31m jeu")
    assert report.dataset is not None
    assert report.dataset.name == "Mon[31m jeu" and report.source == "acteurs[2J.csv"


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8")), st.sampled_from(["utf-8", "cp1252"]))
def test_the_fast_bytes_test_never_misses_a_control_character(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # not representable in Windows-1252: such a file cannot exist
    if has_controls(text):
        assert bytes_may_have_controls(data)
