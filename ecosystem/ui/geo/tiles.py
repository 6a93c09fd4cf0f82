"""An optional basemap under the shapes: raster tiles placed as images, for deployments with internet.

Off by default (`ECOSYSTEM_MAP_TILES` unset): the map then makes no request anywhere. When a tile URL
template is set (`https://tile.example.org/{z}/{x}/{y}.png`), the tiles covering the view are laid
under the shapes as plotly layout images, each stretched to its longitude and latitude bounds. Tiles
are in Web Mercator and the map in plain latitude: within one tile the difference is under a pixel at
the zoom chosen (a handful of tiles per view), so the basemap lines up with the outlines.
"""

from __future__ import annotations

import math

TARGET_TILES = 4
"""About this many tiles across the view: enough detail, few requests."""
MAX_ZOOM = 14
OPACITY = 0.7


def _tile_x(lon: float, n: int) -> int:
    return min(n - 1, max(0, math.floor((lon + 180.0) / 360.0 * n)))


def _tile_y(lat: float, n: int) -> int:
    lat = max(-85.0, min(85.0, lat))
    y = (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n
    return min(n - 1, max(0, math.floor(y)))


def _lon(x: int, n: int) -> float:
    return x / n * 360.0 - 180.0


def _lat(y: int, n: int) -> float:
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n))))


def zoom_for(west: float, east: float, across: int = TARGET_TILES) -> int:
    """The zoom at which about `across` tiles span the view's width.

    >>> zoom_for(-5.0, 9.6), zoom_for(4.6, 5.8)
    (7, 10)
    """
    width = max(east - west, 1e-6)
    return max(0, min(MAX_ZOOM, round(math.log2(360.0 * across / width))))


def tile_images(bbox: tuple[float, float, float, float], url: str) -> list[dict]:
    """Plotly layout images of the tiles covering `bbox` (west, south, east, north), below the data.

    >>> images = tile_images((4.6, 44.1, 5.8, 45.3), "https://t.example/{z}/{x}/{y}.png")
    >>> images[0]["source"], images[0]["layer"], len(images)
    ('https://t.example/10/525/367.png', 'below', 20)
    """
    west, south, east, north = bbox
    zoom = zoom_for(west, east)
    n = 2 ** zoom
    images = []
    for x in range(_tile_x(west, n), _tile_x(east, n) + 1):
        for y in range(_tile_y(north, n), _tile_y(south, n) + 1):
            top, left = _lat(y, n), _lon(x, n)
            images.append({"source": url.format(z=zoom, x=x, y=y), "xref": "x", "yref": "y", "x": left,
                           "y": top, "sizex": _lon(x + 1, n) - left, "sizey": top - _lat(y + 1, n),
                           "xanchor": "left", "yanchor": "top", "sizing": "stretch", "layer": "below",
                           "opacity": OPACITY})
    return images
