"""Turn Natural Earth's 1:110m land (TopoJSON from the npm package `world-atlas`) into one SVG path.

Run once when the outline should change; the result is committed, so pages never download map data:

    npm pack world-atlas && tar xzf world-atlas-*.tgz
    python programmes/tools/build_land_path.py package/land-110m.json

Coordinates are "map degrees" (x = longitude + 180, y = 90 - latitude), the space
`programmes.svgmap` draws cities in. Natural Earth data is in the public domain.
"""

import json
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "data" / "land-110m.svgpath"
PRECISION = 1  # decimals of a degree: 0.1° (about 11 km) is plenty at this scale


def decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    move_x, move_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points):
    """Make longitudes continuous across the antimeridian (e.g. 179 then 181, not -179).

    Rings that cross it (Chukotka, Fiji) would otherwise draw a line across the whole map.
    Returns the unwrapped ring and the copies needed so the part beyond ±180 shows on the other edge.
    """
    result = [points[0]]
    for lon, lat in points[1:]:
        previous = result[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        result.append((lon, lat))
    rings = [result]
    if max(lon for lon, _ in result) > 180:
        rings.append([(lon - 360, lat) for lon, lat in result])
    if min(lon for lon, _ in result) < -180:
        rings.append([(lon + 360, lat) for lon, lat in result])
    return rings


def ring_to_path(points):
    rounded = []
    for lon, lat in points:
        point = (round((lon + 180) * 10**PRECISION), round((90 - lat) * 10**PRECISION))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) < 3:
        return ""

    def fmt(value):
        text = f"{value / 10**PRECISION:.{PRECISION}f}".rstrip("0").rstrip(".")
        return text.replace("0.", ".", 1) if text.startswith("0.") else text.replace("-0.", "-.", 1)

    parts = [f"M{fmt(rounded[0][0])} {fmt(rounded[0][1])}"]
    previous = rounded[0]
    steps = []
    for point in rounded[1:]:
        dx, dy = point[0] - previous[0], point[1] - previous[1]
        steps.append(f"{fmt(dx)}{'' if dy < 0 else ' '}{fmt(dy)}")
        previous = point
    return parts[0] + "l" + " ".join(steps) + "z"


def build(source):
    topology = json.loads(Path(source).read_text())
    arcs = decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                points = ring_points(ring, arcs)
                if max(lat for _lon, lat in points) < -60:
                    continue  # Antarctica: below the map's frame, and it wraps the whole globe
                for part in unwrap(points):
                    path = ring_to_path(part)
                    if path:
                        paths.append(path)
    return "".join(paths)


if __name__ == "__main__":
    data = build(sys.argv[1])
    OUTPUT.write_text(data + "\n")
    print(f"wrote {OUTPUT} ({len(data) // 1024} KB)")
