"""Draw the country as inline SVG from the shapes shipped in the repo.

No tile server and no script: the map is part of the page, works offline and
without JavaScript, and weighs a few kilobytes after simplification.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DATA = Path(__file__).resolve().parent / "data"
WIDTH = 1000.0
MIN_LON, MAX_LON, MIN_LAT, MAX_LAT = 69.2, 80.3, 39.1, 43.35
# Equirectangular projection around the country's middle latitude keeps shapes true enough.
X_SCALE = WIDTH / (MAX_LON - MIN_LON)
# A degree of latitude is longer on the ground than a degree of longitude here.
Y_SCALE = X_SCALE / math.cos(math.radians((MIN_LAT + MAX_LAT) / 2))

Point = tuple[float, float]

ATTRIBUTION = _(
    "Administrative boundaries: Ministry of Emergency Situations of the Kyrgyz Republic, "
    "via OCHA / Humanitarian Data Exchange (COD-AB Kyrgyzstan, cod-ab-kgz), CC BY 3.0 IGO. "
    "Simplified, and Bishkek and Osh city outlines derived, by this project."
)
# Finer outlines for closer views; few steps, so that few versions of the shapes are cached.
# A close view still weighs less than the whole country's map (about 40 KB).
TOLERANCES = (0.25, 0.5, 1.5)


def project(lon: float, lat: float) -> Point:
    """Return SVG coordinates (x to the east, y down) of a longitude and latitude."""
    x = (lon - MIN_LON) * X_SCALE
    y = (MAX_LAT - lat) * Y_SCALE
    return round(x, 1), round(y, 1)


def _perpendicular(p: Point, a: Point, b: Point) -> float:
    if a == b:
        return math.dist(p, a)
    (x, y), (x1, y1), (x2, y2) = p, a, b
    return abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / math.dist(a, b)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker simplification of a ring, keeping its ends."""
    if len(points) < 3:
        return points
    index, distance = 0, 0.0
    for i in range(1, len(points) - 1):
        d = _perpendicular(points[i], points[0], points[-1])
        if d > distance:
            index, distance = i, d
    if distance <= tolerance:
        return [points[0], points[-1]]
    left = simplify(points[: index + 1], tolerance)
    return left[:-1] + simplify(points[index:], tolerance)


def _ring_path(ring: list[list[float]], tolerance: float) -> str:
    points = simplify([project(lon, lat) for lon, lat in ring], tolerance)
    if len(points) < 4:
        return ""
    head, *rest = points
    return f"M{head[0]:g} {head[1]:g}" + "".join(f"L{x:g} {y:g}" for x, y in rest) + "Z"


@dataclass(frozen=True)
class Shape:
    code: str
    path: str
    bbox: tuple[float, float, float, float]  # min x, min y, max x, max y


@cache
def shapes(level: int, tolerance: float = 1.5) -> tuple[Shape, ...]:
    """Return the SVG paths of the level-1 (regions) or level-2 (districts) units."""
    with (DATA / f"kg_adm{level}.geojson").open(encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    result = []
    for feature in features:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        path = "".join(_ring_path(ring, tolerance) for polygon in polygons for ring in polygon)
        points = [
            project(lon, lat) for polygon in polygons for ring in polygon for lon, lat in ring
        ]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        result.append(
            Shape(
                code=feature["properties"]["code"] or "",
                path=path,
                bbox=(min(xs), min(ys), max(xs), max(ys)),
            )
        )
    return tuple(result)


def view_box(region_code: str | None = None, *, min_width: float = 50.0) -> str:
    """Return the SVG viewBox of the country, or of one region with a margin around it."""
    _, bottom = project(MIN_LON, MIN_LAT)
    shape = next((s for s in shapes(1) if s.code == region_code), None)
    if shape is None:
        return f"0 0 {WIDTH:g} {bottom:g}"
    x0, y0, x1, y1 = shape.bbox
    width = max(x1 - x0, min_width) * 1.15
    height = max(y1 - y0, min_width * bottom / WIDTH) * 1.15
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return f"{cx - width / 2:.1f} {cy - height / 2:.1f} {width:.1f} {height:.1f}"


@dataclass(frozen=True)
class Zoom:
    """A close view: its viewBox, its width in map units, and the outlines in sight."""

    view_box: str
    width: float
    regions: tuple[Shape, ...]
    districts: tuple[Shape, ...]
    highlight: str


def _in_sight(
    level: int, tolerance: float, box: tuple[float, float, float, float]
) -> tuple[Shape, ...]:
    x0, y0, x1, y1 = box
    return tuple(
        s
        for s in shapes(level, tolerance)
        if s.bbox[0] < x1 and s.bbox[2] > x0 and s.bbox[1] < y1 and s.bbox[3] > y0
    )


def zoom_to(point: Point, *, district_code: str, region_code: str, min_width: float = 30.0) -> Zoom:
    """Return a view of a point within its district, its outline highlighted.

    Bishkek's city districts have no shape of their own: the city's outline stands in.
    The view is never narrower than `min_width` units (about 28 km), so that a small
    town shows what lies around it.
    """
    shape = next((s for s in shapes(2) if s.code == district_code), None) or next(
        (s for s in shapes(1) if s.code == region_code), None
    )
    x, y = point
    x0, y0, x1, y1 = shape.bbox if shape else (x, y, x, y)
    x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
    # Between square and 5:3, so that a long thin district still makes a readable map.
    width = max(x1 - x0, min_width) * 1.2
    height = max(y1 - y0, width * 0.6) * 1.1
    width = max(width, height)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    box = (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
    tolerance = max((t for t in TOLERANCES if t <= width / 140), default=TOLERANCES[0])
    return Zoom(
        view_box=f"{box[0]:.1f} {box[1]:.1f} {width:.1f} {height:.1f}",
        width=width,
        regions=_in_sight(1, tolerance, box),
        districts=_in_sight(2, tolerance, box),
        highlight=shape.code if shape else "",
    )
