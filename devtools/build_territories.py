#!/usr/bin/env python3
"""Build territories.csv (régions, départements, communes) from INSEE COG data.

Source: the ``data/`` folder of the npm package ``@etalab/decoupage-administratif``
(see SOURCE.md). Standard library only.

Usage:
    python3 devtools/build_territories.py PATH/TO/decoupage-administratif/data [OUTPUT_CSV]

OUTPUT_CSV defaults to ``essaimage/data/cog/territories.csv``, the file the application loads.
"""
import csv
import json
import sys
from pathlib import Path

# Zones of real COG régions. Etalab adds the collectivités d'outre-mer
# (zone "com": 975, 977, 978, 984, 986, 987, 988, 989) as pseudo-régions /
# pseudo-départements; they are not régions in the COG and are excluded.
KEPT_ZONES = {"metro", "drom"}
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "essaimage" / "data" / "cog" / "territories.csv"


def load(data_dir, name):
    with open(Path(data_dir) / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


def build_rows(data_dir):
    regions = [r for r in load(data_dir, "regions") if r["zone"] in KEPT_ZONES]
    region_codes = {r["code"] for r in regions}

    departements = [
        d
        for d in load(data_dir, "departements")
        if d["zone"] in KEPT_ZONES and d.get("region") in region_codes
    ]
    departement_codes = {d["code"] for d in departements}

    communes = [
        c
        for c in load(data_dir, "communes")
        if c["type"] == "commune-actuelle" and c.get("departement") in departement_codes
    ]

    rows = []
    rows += [("region", r["code"], r["nom"], "") for r in sorted(regions, key=lambda r: r["code"])]
    rows += [
        ("departement", d["code"], d["nom"], d["region"])
        for d in sorted(departements, key=lambda d: d["code"])
    ]
    rows += [
        ("commune", c["code"], c["nom"], c["departement"])
        for c in sorted(communes, key=lambda c: c["code"])
    ]
    return rows


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    data_dir = argv[1]
    out = Path(argv[2]) if len(argv) == 3 else DEFAULT_OUTPUT
    rows = build_rows(data_dir)

    # Sanity checks: unique (level, code) and every parent exists.
    seen = set()
    for level, code, _name, _parent in rows:
        key = (level, code)
        if key in seen:
            sys.exit(f"duplicate {key}")
        seen.add(key)
    parent_level = {"departement": "region", "commune": "departement"}
    for level, code, _name, parent in rows:
        if level in parent_level and (parent_level[level], parent) not in seen:
            sys.exit(f"missing parent {parent!r} for {level} {code}")

    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["level", "code", "name", "parent_code"])
        writer.writerows(rows)

    counts = {}
    for row in rows:
        counts[row[0]] = counts.get(row[0], 0) + 1
    print(f"wrote {out}: " + ", ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    main(sys.argv)
