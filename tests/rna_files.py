"""RNA files built in the tests: the real waldec header, a few Drôme associations written out.

The register's real layout (39 columns, the header of tests/data/opendata/rna_sample.csv), so the app
reads them exactly as it reads a file downloaded from data.gouv.fr; the rows are chosen so that the
inference fires (social-object code 024026: SDG 15; the word « rivière »: SDG 6).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HEADER = (
    (Path(__file__).resolve().parent / "data" / "opendata" / "rna_sample.csv")
    .read_text(encoding="utf-8")
    .splitlines()[0]
    .split(";")
)

ASSOCIATIONS = (
    # id, title, purpose, social-object code, commune, position
    (
        "W261000001",
        "LES AMIS DE LA RIVIERE DROME",
        "protéger la rivière et sa biodiversité",
        "024026",
        "26108",
        "A",
    ),
    ("W261000002", "JARDINS SOLIDAIRES DE VALENCE", "insertion par le jardinage", "000000", "26362", "A"),
    ("W261000003", "FOYER RURAL DE DIE", "animation du village", "024026", "26113", "A"),
    ("W261000004", "ANCIEN CLUB DISSOUS", "pétanque", "024026", "26108", "D"),
)


def waldec_csv(rows=ASSOCIATIONS, renamed: str = "") -> bytes:
    """A waldec CSV of `rows`; `renamed` is appended to every title (a later month's file)."""
    lines = [";".join(HEADER)]
    for rid, title, purpose, code, commune, position in rows:
        values = dict.fromkeys(HEADER, "")
        values.update(
            id=rid,
            gestion="261P",
            date_creat="2001-05-12",
            date_disso="0001-01-01",
            nature="D",
            groupement="S",
            titre=title + renamed,
            titre_court=title[:38],
            objet=purpose,
            objet_social1=code,
            objet_social2="000000",
            adrs_codeinsee=commune,
            adrs_codepostal="26000",
            position=position,
            maj_time="2025-01-01 00:00:00",
        )
        lines.append(";".join(values.values()))
    return ("\n".join(lines) + "\n").encode("utf-8")


def waldec_zip(rows=ASSOCIATIONS, renamed: str = "") -> bytes:
    """The same rows in a zip named as data.gouv.fr names them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("rna_waldec_20250101_dpt_26.csv", waldec_csv(rows, renamed))
    return out.getvalue()
