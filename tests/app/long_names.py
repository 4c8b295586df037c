"""A generated tree of eight actors with long names and long issue titles, for the layout tests.

Built on the scale generator (fictional data, marked GENERATED in every file), then renamed: the
names run to long words and hyphens ("Featherstonehaugh-Wolfeschlegel"), so that a column which
fits the bundled names but not these has to shorten to tags, wrap at a space or scroll.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.scale.generate import MARKER, Scale, _dump, _header, generate_tree

SCALE = Scale(actors=8, issues=10, seeds=24, evidence=60, random_seed=14)

NAMES = (
    "Maximiliana Featherstonehaugh-Wolfeschlegel (generated)",
    "Bartholomew Ravensmoor Kettering III (generated)",
    "Oona Quell (generated)",
    "Kasimir Harrowgate-Ashdown (generated)",
    "Ysolde Thessaly-Castell Oakhaven (generated)",
    "Anselm Velmont (generated)",
    "Saskia Emberly Dunmore-Grisholm (generated)",
    "Torvald Larkspur (generated)",
)

TITLES = (
    "Intercontinental railway reconnection",
    "Denuclearisation verification regime",
    "Freeze",
    "Sanctions on maritime shipping and insurance",
    "Counterproliferation inspections",
    "Leaders' summit",
    "Humanitarian corridor through Sundar",
    "Missile testing moratorium",
    "Reunions of separated families",
    "Telecommunications interoperability",
)


def long_names_tree(root: Path) -> Path:
    """Write the tree into ``root`` (new or empty) and return it."""
    generate_tree(root, SCALE)
    positions = root / "positions"
    actor_files = sorted(p for p in positions.glob("*.yaml") if p.name != "issues.yaml")
    for path, name in zip(actor_files, NAMES, strict=True):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        document["name"] = name
        path.write_text(_header() + _dump(document), encoding="utf-8")
    catalogue_path = positions / "issues.yaml"
    catalogue = yaml.safe_load(catalogue_path.read_text(encoding="utf-8"))
    for entry, title in zip(catalogue["issues"], TITLES, strict=True):
        entry["title"] = f"{title} ({MARKER})"
    catalogue_path.write_text(_header() + _dump(catalogue), encoding="utf-8")
    return root
