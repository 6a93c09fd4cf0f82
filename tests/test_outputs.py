"""The outputs to take to a meeting, checked as people receive them.

The one-page PDF is read back with poppler (`pdfinfo`, `pdftotext`, `pdftoppm`, Debian's
poppler-utils): one A4 page, the names, principles and verdict words in its text with their French
typography, and the principles' chart visible in its picture. The maps' SVG is parsed (title, filters
and legend written as text) and their PNG decoded (size, not blank). The diagnosis comes from the
demo loaded into each store (the embedded one, and Neo4j over Bolt when the test server runs).
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest

from ecosystem.reference import DATA_DIR
from ecosystem.store.base import Store

DEMO = DATA_DIR / "examples" / "demo-drome"
DROME = "departement:26"
EXEMPLARY = "alliance-alimentaire-valence-romans"
TODAY = date(2026, 3, 14)
A4_POINTS = (595.28, 841.89)
SVG = "{http://www.w3.org/2000/svg}"
LONG_NAME = ("Alliance territoriale pour l'œuvre commune « Bien vivre ensemble » des acteurs de l'économie "
             "sociale et solidaire, des collectivités et des habitants du Valentinois, du Royans-Vercors et "
             "de la vallée de l'Isère jusqu'aux portes de Grenoble")


def _poppler_or_skip() -> None:
    if shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("pdfinfo"):
        return
    if os.environ.get("ECOSYSTEM_REQUIRE_NEO4J") == "1":  # the test command and CI: never skip silently
        pytest.fail("poppler-utils is missing: apt-get install -y poppler-utils")
    pytest.skip("poppler-utils is missing (apt-get install -y poppler-utils)")


@pytest.fixture
def demo(store: Store) -> Store:
    from ecosystem.datasets.reader import read_dataset

    store.load(read_dataset(DEMO))
    return store


def _report(store: Store, alliance_id: str, lang: str, **changes: object) -> tuple[bytes, object]:
    from ecosystem.outputs.gather import report_input
    from ecosystem.outputs.report import report_pdf

    (alliance,) = store.alliances([alliance_id])
    data = report_input(store, alliance, lang, TODAY)
    if changes:
        data = dataclasses.replace(data, **changes)
    return report_pdf(data, lang), data


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text as pdftotext reads it, whitespace (line breaks included) as single spaces."""
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.split())


def _pdf_info(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def _pdf_picture(pdf: bytes, tmp_path: Path, dpi: int = 60):
    from PIL import Image

    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(path), str(tmp_path / "page")],
                   check=True)
    return Image.open(tmp_path / "page.png").convert("RGB")


def _bluish(image, box: tuple[float, float, float, float]) -> int:
    """Pixels inside `box` (fractions of the page) clearly bluer than grey: the radar's blue fill."""
    w, h = image.size
    crop = image.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)))
    pixels = np.asarray(crop, dtype=int)
    red, blue = pixels[..., 0], pixels[..., 2]
    return int(((blue - red > 25) & (blue > 150)).sum())


# ---------------------------------------------------------------------- the one-page diagnosis


def test_the_report_is_one_a4_page_with_the_diagnosis_in_french(demo: Store, tmp_path: Path) -> None:
    _poppler_or_skip()
    pdf, data = _report(demo, EXEMPLARY, "fr")
    info = _pdf_info(pdf, tmp_path)
    assert info["Pages"] == "1"
    width, height = (float(x) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (round(width), round(height)) == (round(A4_POINTS[0]), round(A4_POINTS[1]))
    text = _pdf_text(pdf, tmp_path)
    assert "Alliance pour une alimentation durable en Valence Romans" in text
    for member in data.members:
        assert member.name in text
    assert f"Membres ({len(data.members)})" in text
    for verdict in data.diagnosis.principles:
        assert f"P{verdict.number} · {verdict.name}" in text
    assert data.diagnosis.summary in text  # the app's own sentence, not re-worded
    assert "atteint" in text and "Suggestion :" in text
    assert "Modalités d'action" in text and "Moyens d'action" in text
    assert "« Quartiers 2030 »" in text  # French quotes, as the analysis wrote them
    assert "Ancrage : CA Valence Romans Agglo" in text
    assert "14/03/2026" in text


def test_the_report_speaks_english(demo: Store, tmp_path: Path) -> None:
    _poppler_or_skip()
    pdf, data = _report(demo, "riviere-drome-vivante", "en")
    text = _pdf_text(pdf, tmp_path)
    assert "Alliance Rivière Drôme vivante" in text
    assert "The 7 principles" in text and "Members (" in text and "Modalities of action" in text
    for verdict in data.diagnosis.principles:
        assert f"P{verdict.number} · {verdict.name}" in text
    assert "Membres" not in text and "atteint" not in text
    assert "2026-03-14" in text


def test_the_page_shows_the_principles_chart(demo: Store, tmp_path: Path) -> None:
    """The chart sits at the left under the summary: its blue fill is there, and only because of it."""
    _poppler_or_skip()
    pdf, data = _report(demo, EXEMPLARY, "fr")
    chart_area = (0.06, 0.12, 0.32, 0.40)
    assert _bluish(_pdf_picture(pdf, tmp_path), chart_area) > 1500
    empty = dataclasses.replace(data.diagnosis, principles=())  # nothing to chart: no blue there
    blank, _ = _report(demo, EXEMPLARY, "fr", diagnosis=empty)
    (tmp_path / "blank").mkdir()
    assert _bluish(_pdf_picture(blank, tmp_path / "blank"), chart_area) < 300


def test_long_names_and_many_members_still_fit_one_page(demo: Store, tmp_path: Path) -> None:
    from ecosystem.outputs.gather import Member

    _poppler_or_skip()
    (alliance,) = demo.alliances([EXEMPLARY])
    members = tuple(Member(f"Association n°{i} des habitantes et habitants engagés pour la transition "
                           f"écologique du quartier {i}", "association", "partenaire") for i in range(1300))
    _, data = _report(demo, EXEMPLARY, "fr")
    longer = tuple(dataclasses.replace(v, evidence=v.evidence * 5, suggestion=f"{v.suggestion} " * 2)
                   for v in data.diagnosis.principles)
    pdf, _ = _report(demo, EXEMPLARY, "fr", alliance=dataclasses.replace(alliance, name=LONG_NAME),
                     members=members, diagnosis=dataclasses.replace(data.diagnosis, principles=longer))
    assert _pdf_info(pdf, tmp_path)["Pages"] == "1"
    text = _pdf_text(pdf, tmp_path)
    assert "l'œuvre commune « Bien vivre ensemble »" in text
    assert re.search(r"Membres \(1\s300\)", text)  # « 1 300 »: the thousands as French writes them
    assert re.search(r"… et 1\s\d{3} autres membres", text)
    assert re.search(r"… et \d+ autres constats", text)
    assert "Version abrégée pour tenir sur une page" in text
    for number in range(1, 8):
        assert f"P{number} · " in text


def test_what_fits_is_shown_whole_and_not_said_shortened(demo: Store, tmp_path: Path) -> None:
    """The principles of a demo alliance fit with every line of evidence; nothing is said to be
    shortened when nothing was (here without the modalities and means, whose advice is what the demo's
    pages leave out first)."""
    _poppler_or_skip()
    _, data = _report(demo, "mobilite-solidaire-diois", "fr")
    principles_only = dataclasses.replace(data.diagnosis, modalities=(), means=())
    pdf, _ = _report(demo, "mobilite-solidaire-diois", "fr", diagnosis=principles_only)
    text = _pdf_text(pdf, tmp_path)
    assert "Version abrégée" not in text and "autres constats" not in text
    for verdict in data.diagnosis.principles:
        for line in verdict.evidence:
            assert " ".join(line.split())[:50] in text
    full, _ = _report(demo, "mobilite-solidaire-diois", "fr")
    assert "Version abrégée pour tenir sur une page" in _pdf_text(full, tmp_path)


# ---------------------------------------------------------------------- the maps


def _svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return [" ".join("".join(t.itertext()).split()) for t in root.iter(f"{SVG}text")]


def _png(data: bytes):
    from PIL import Image

    image = Image.open(BytesIO(data))
    image.load()
    return image


def _ink(image) -> int:
    """Pixels that are not white."""
    return int((np.asarray(image.convert("L")) < 245).sum())


def test_the_network_map_as_svg_and_png(memory_store: Store) -> None:
    from ecosystem.datasets.reader import read_dataset
    from ecosystem.outputs import captions
    from ecosystem.outputs.network import network_png, network_svg
    from ecosystem.ui.map import MapSelection, build_map

    memory_store.load(read_dataset(DEMO))
    model = build_map(memory_store, MapSelection(territory=DROME, sdgs=(2,)), "fr")
    title, filters, note = captions.network_caption(DROME, 2, model.actors, model.alliances, model.policies,
                                                    "", "fr")
    texts = _svg_texts(network_svg(model, title, filters, "fr", TODAY, note))
    assert "Réseau des acteurs dans la Drôme" in texts
    assert any(t.startswith("Filtres : ODD 2 (Faim « zéro »)") for t in texts)
    assert "Légende" in texts
    written = " ".join(" ".join(texts).split())  # a long legend line is wrapped over several texts
    for item in model.legend:
        assert " ".join(item.label.split()) in written
    assert "ecosystem · 14/03/2026" in texts
    image = _png(network_png(model, title, filters, "fr", TODAY, note))
    assert image.size == (1754, 1240)  # A4 landscape at 150 dpi
    assert _ink(image) > 20_000


def test_the_geographic_map_as_svg_and_png(demo: Store) -> None:
    from ecosystem.model import Level
    from ecosystem.outputs import captions, gather
    from ecosystem.outputs.geo import geo_png, geo_svg

    values = gather.actors_by_territory(demo, DROME, Level.EPCI)
    assert values and all(tid.startswith("epci:") for tid in values)
    title, filters, measure = captions.geo_caption(DROME, Level.EPCI, None, "fr")
    svg = geo_svg(Level.EPCI, DROME, values, title, filters, measure, "fr", TODAY)
    texts = _svg_texts(svg)
    assert "Acteurs présents par EPCI dans la Drôme" in texts
    assert "Nombre d'acteurs présents" in texts and "0" in texts
    assert any(re.fullmatch(r"\d+( à \d+)?", t) and t != "0" for t in texts)  # the classes
    image = _png(geo_png(Level.EPCI, DROME, values, title, filters, measure, "fr", TODAY))
    assert image.size == (1754, 1240)
    assert _ink(image) > 50_000  # the shapes are filled


def test_geographic_classes_agree_with_the_values() -> None:
    from ecosystem.outputs.geo import class_label, classes

    found = classes([0, 1, 2, 2, 5, 9, 1234])
    assert found[0][0] == 1 and found[-1][1] == 1234
    assert all(low <= high for low, high in found) and len(found) <= 4
    assert all(a[1] < b[0] for a, b in itertools.pairwise(found))
    assert class_label(1, 1234, "fr") == "1 à 1\u202f234" and class_label(3, 3, "en") == "3"


# ---------------------------------------------------------------------- the commands


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ecosystem", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ})


def test_report_and_export_map_commands(small_state: Path) -> None:
    _poppler_or_skip()
    from ecosystem import settings
    from ecosystem.store.memory import MemoryStore

    store = MemoryStore(settings.state_dir() / "embedded")
    alliance = store.alliances()[0]
    territory = alliance.territories[0]
    done = _cli("report", alliance.name, "-o", "r.pdf", "--lang", "en", cwd=small_state)
    assert done.returncode == 0, done.stderr
    assert "written to r.pdf (one A4 page)" in done.stderr
    assert alliance.name in _pdf_text((small_state / "r.pdf").read_bytes(), small_state)
    for view, name in (("network", "m.svg"), ("geo", "g.png")):
        done = _cli("export-map", "--in", territory, "--view", view, "-o", name, cwd=small_state)
        assert done.returncode == 0, done.stderr
    ET.fromstring((small_state / "m.svg").read_bytes())
    assert _png((small_state / "g.png").read_bytes()).size == (1754, 1240)
    done = _cli("report", alliance.id, "-o", "missing-folder/r.pdf", cwd=small_state)
    assert done.returncode == 1
    assert "erreur : impossible d'écrire missing-folder/r.pdf : le dossier missing-folder n'existe pas" \
        in done.stderr
    assert "Traceback" not in done.stderr


def test_helps_import_no_drawing_library() -> None:
    """`report --help` and `export-map --help` stay light: matplotlib and fpdf2 load only to draw."""
    from tests.test_startup import PROBE

    for command in ("report", "export-map"):
        probe = PROBE.format(preload=(), heavy=("matplotlib", "fpdf", "numpy", "networkx", "plotly"))
        done = subprocess.run([sys.executable, "-c", probe, command, "--help"], capture_output=True,
                              text=True, cwd=Path(__file__).resolve().parent.parent)
        assert "HEAVY=[]" in done.stdout, done.stdout[-500:]


def test_output_colours_are_the_apps() -> None:
    from ecosystem.outputs import colours
    from ecosystem.ui import palette

    assert colours.STATUS_COLOURS == palette.STATUS_COLOURS
    assert tuple(c for _, c in palette.SEQUENTIAL) == colours.SEQUENTIAL
    assert (colours.BLUE, colours.ORANGE, colours.BLUISH_GREEN, colours.VERMILLION, colours.GREY) == (
        palette.BLUE, palette.ORANGE, palette.BLUISH_GREEN, palette.VERMILLION, palette.GREY)


def test_the_font_has_the_french_glyphs() -> None:
    from fontTools.ttLib import TTFont

    from ecosystem.outputs.fonts import font_file

    for style in ("", "B", "I", "BI"):
        cmap = TTFont(font_file(style)).getBestCmap()
        assert all(ord(c) in cmap for c in "«»’œŒ\u202f\u00a0…●→éèêàçÉÀÇôûîï—·")
