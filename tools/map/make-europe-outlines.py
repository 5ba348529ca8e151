#!/usr/bin/env python3
"""Writes wwwroot/europe-110m.geojson, the map's offline fallback, from world-atlas@2.0.2 (npm).

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/map/make-europe-outlines.py package/countries-110m.json src/FleetManager.Dashboard/wwwroot/europe-110m.geojson

world-atlas is Natural Earth's 1:110m countries (public domain) as TopoJSON (ISC licence, Mike Bostock).
This decodes the TopoJSON arcs, keeps the countries whose outline reaches into Europe's box (25 W to 50 E,
34 N to 72 N), and rounds coordinates to 0.01 degree (about 1 km: enough for outlines at country zoom).
No browser-side TopoJSON decoder is needed, and the file stays small.
"""
import json
import sys

WEST, EAST, SOUTH, NORTH = -25.0, 50.0, 34.0, 72.0


def decode_arcs(topology):
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append([round(x * scale[0] + translate[0], 2), round(y * scale[1] + translate[1], 2)])
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def in_europe(rings):
    return any(WEST <= lon <= EAST and SOUTH <= lat <= NORTH for r in rings for lon, lat in r)


def main(source, target):
    with open(source, encoding="utf-8") as f:
        topology = json.load(f)
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [[ring(arcs, r) for r in geometry["arcs"]]]
        elif kind == "MultiPolygon":
            polygons = [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        polygons = [p for p in polygons if in_europe(p)]
        if not polygons:
            continue
        features.append({
            "type": "Feature",
            "properties": {"name": geometry.get("properties", {}).get("name", "")},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
        })
    with open(target, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
