"""The one font every output uses: DejaVu Sans, shipped inside matplotlib (a dependency).

French typography needs glyphs most PDF base fonts lack (« », ’, œ, the narrow no-break space of
« 1 234 »): DejaVu has them all, and taking it from an installed package means no system font is
assumed and nothing is downloaded. Its licence (Bitstream Vera / public domain) allows embedding.
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from pathlib import Path

FAMILY = "DejaVu Sans"
_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf",
          "BI": "DejaVuSans-BoldOblique.ttf"}


@cache
def font_dir() -> Path:
    """matplotlib's folder of TTF fonts, found without importing matplotlib (a tenth of a second)."""
    spec = find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("matplotlib is needed for the outputs (pip install matplotlib)")
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


def font_file(style: str = "") -> Path:
    """The TTF file of a style: "" regular, "B" bold, "I" italic, "BI" bold italic."""
    return font_dir() / _FILES[style]
