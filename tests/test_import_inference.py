"""The project's own SDG inference tables, and how they are applied.

The tables are data written by people: these tests check that they stay complete and well-formed
(every RNA code and NAF division covered once, numbers and confidences in range, a rationale on each
row, the header saying it is an inference), and that the rules behave as docs/imports.md says.
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecosystem.importers.inference import KEYWORD_TABLE, NAF_TABLE, RNA_TABLE, Inference, strongest, without
from ecosystem.importers.keywords import Keyword, Lexicon, fast_normalize
from ecosystem.model import InferredSdg
from ecosystem.reference import REFERENCE_DIR
from ecosystem.text import normalize

NOMENCLATURE = Path(__file__).parent / "data" / "opendata" / "rna_objets_sociaux.csv"
INF = Inference.shipped()


def table(name: str) -> tuple[list[str], list[dict[str, str]]]:
    lines = (REFERENCE_DIR / name).read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    return comments, rows


@pytest.mark.parametrize("name", [RNA_TABLE, NAF_TABLE, KEYWORD_TABLE])
def test_every_table_says_it_is_the_project_s_own_inference(name):
    comments, rows = table(name)
    header = "\n".join(comments)
    assert "INFÉRENCE PROPRE AU PROJET" in header
    assert "no official mapping exists" in header
    for row in rows:
        numbers = [int(n) for n in row["sdgs"].split(";") if n]
        assert all(1 <= n <= 17 for n in numbers), row
        assert len(set(numbers)) == len(numbers), row
        assert row["rationale"].strip(), row
        if numbers:
            assert 0.2 <= float(row["confidence"]) <= 0.8, row
        else:
            assert row["confidence"] == "", row


def test_the_rna_table_lists_every_code_of_the_nomenclature_once_in_order():
    _, rows = table(RNA_TABLE)
    with NOMENCLATURE.open(encoding="utf-8") as f:
        nomenclature = [(r["code"], r["label"]) for r in csv.DictReader(f)]
    assert [(r["code"], r["label"]) for r in rows] == nomenclature
    assert len(rows) == 297


def test_the_naf_table_lists_the_88_divisions_once():
    _, rows = table(NAF_TABLE)
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)) == 88
    assert all(len(c) == 2 and c.isdigit() for c in codes)
    assert {"01", "36", "85", "86", "88", "99"} <= set(codes)


def test_keywords_are_written_as_they_are_compared():
    _, rows = table(KEYWORD_TABLE)
    keywords = [r["keyword"].rstrip("*") for r in rows]
    assert all(normalize(k) == k for k in keywords)
    assert len(keywords) == len(set(keywords))
    assert all(float(r["confidence"]) <= 0.4 for r in rows)  # always below the strong code rules


def test_a_detailed_code_uses_its_own_row_and_an_unknown_one_its_family():
    assert [(s.number, s.source, s.confidence) for s in INF.rna(["024026"], "")] == [(15, "rna:024026", 0.5)]
    assert [(s.number, s.source) for s in INF.rna(["024999"], "")] == [
        (11, "rna:024000"), (13, "rna:024000"), (15, "rna:024000")]


def test_a_code_written_with_no_sdg_infers_nothing_even_if_its_family_does():
    assert INF.rna_rule("001000").sdgs == (16,)
    assert INF.rna(["001010"], "") == ()
    assert INF.rna(["040000"], "") == ()


def test_two_codes_and_keywords_give_one_link_per_sdg_the_strongest():
    links = INF.rna(["017000", "019014"], "santé et lutte contre l'illettrisme, solidarité")
    assert [(s.number, s.source, s.confidence) for s in links] == [
        (3, "rna:017000", 0.8), (4, "rna:019014", 0.8), (10, "mot-cle:solidarite", 0.3)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Protéger la BIODIVERSITÉ des rivières", {(6, "mot-cle:riviere"), (15, "mot-cle:biodiversite")}),
    ("animation du village", set()),  # "animal" and "animaux" are whole words
    ("les tortues et leurs habitats", set()),  # "habitat" deliberately left out
    ("une ressourcerie et un repair café", {(12, "mot-cle:ressourcerie")}),  # a tie: the first seen
    ("solidarité internationale", {(1, "mot-cle:solidarite internationale"),
                                   (17, "mot-cle:solidarite internationale")}),  # the longer phrase wins
    ("accès au droit", {(16, "mot-cle:acces au droit")}),
    ("SANTÉ", {(3, "mot-cle:sante")}),
    ("sans rapport", set()),
])
def test_keywords_ignore_accents_and_case_and_respect_word_starts(text, expected):
    assert {(s.number, s.source) for s in INF.keywords(text)} == expected


def test_naf_codes_of_older_nomenclatures_infer_nothing():
    assert [(s.number, s.source) for s in INF.naf("85.20Z")] == [(4, "naf:85")]
    assert INF.naf("65.1A") == () and INF.naf("40.1A") == () and INF.naf("") == ()
    assert INF.naf_label("88.99B") == "Action sociale sans hébergement"


def test_strongest_and_without():
    links = [InferredSdg(3, "mot-cle:sante", 0.3), InferredSdg(3, "rna:017000", 0.8),
             InferredSdg(15, "rna:024026", 0.5)]
    assert strongest(links) == (InferredSdg(3, "rna:017000", 0.8), InferredSdg(15, "rna:024026", 0.5))
    assert without(strongest(links), (3,), ()) == (InferredSdg(15, "rna:024026", 0.5),)


def test_a_table_with_an_sdg_out_of_range_is_refused(tmp_path):
    for name in (RNA_TABLE, NAF_TABLE, KEYWORD_TABLE):
        (tmp_path / name).write_text((REFERENCE_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / NAF_TABLE).write_text("code,label,sdgs,confidence,rationale\n01,Agriculture,18,0.5,x\n",
                                      encoding="utf-8")
    with pytest.raises(ValueError, match=r"1\.\.17"):
        Inference.from_directory(tmp_path)


@given(st.text(alphabet=st.one_of(st.characters(min_codepoint=0x20, max_codepoint=0x24F),
                                  st.characters(min_codepoint=0x2000, max_codepoint=0x20AC)), max_size=60))
def test_the_fast_normalization_agrees_with_the_project_s(text):
    text = unicodedata.normalize("NFC", text)
    assert fast_normalize(text) == normalize(text)


def test_the_lexicon_finds_the_longest_keyword_and_no_overlaps():
    lexicon = Lexicon([Keyword("recycl", True, (12,), 0.4), Keyword("solidarite", True, (10,), 0.3),
                       Keyword("solidarite internationale", False, (1, 17), 0.4),
                       Keyword("repair cafe", True, (12,), 0.4)])
    text = "Solidarité internationale, solidarités, repair cafés, recyclerie"
    found = [k.keyword for k in lexicon.find(text)]
    assert found == ["solidarite internationale", "solidarite", "repair cafe", "recycl"]
    assert list(lexicon.find("repair")) == [] and list(lexicon.find("")) == []
