"""The packaging files stay in step with the package."""

from __future__ import annotations

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_desktop_file_launches_the_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(ROOT / "packaging" / "relationship-journal.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "relationship-journal"
    assert section["Icon"] == "relationship-journal"
    assert (ROOT / "resources" / "icons" / "app.svg").exists()


def test_spec_ships_resources_and_every_migration() -> None:
    spec = (ROOT / "packaging" / "relationship_journal.spec").read_text(encoding="utf-8")
    assert '"resources"' in spec
    assert 'MIGRATIONS / "versions"' in spec
    assert 'MIGRATIONS / "env.py"' in spec
