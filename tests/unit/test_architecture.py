"""The layers stay layers: each floor imports only from the floors beneath it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "relationship_journal"

# What each floor may not import, by module prefix.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": (
        "PySide6",
        "sqlmodel",
        "sqlalchemy",
        "relationship_journal.store",
        "relationship_journal.exchange",
        "relationship_journal.operations",
        "relationship_journal.ui",
        "relationship_journal.commands",
    ),
    "store": (
        "PySide6",
        "relationship_journal.operations",
        "relationship_journal.ui",
        "relationship_journal.commands",
    ),
    "exchange": (
        "relationship_journal.operations",
        "relationship_journal.ui",
        "relationship_journal.commands",
    ),
    "operations": ("PySide6", "relationship_journal.ui", "relationship_journal.commands"),
    "ui": ("sqlmodel", "sqlalchemy", "relationship_journal.store", "relationship_journal.exchange"),
    # A command may start a Qt core application (D-Bus, offscreen drawing), never a window.
    "commands": (
        "PySide6.QtWidgets",
        "sqlmodel",
        "sqlalchemy",
        "relationship_journal.store",
        "relationship_journal.exchange",
        "relationship_journal.ui",
    ),
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _breaches(floor: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / floor).rglob("*.py")):
        for name in sorted(_imports(path)):
            if any(name == banned or name.startswith(banned + ".") for banned in FORBIDDEN[floor]):
                found.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return found


@pytest.mark.parametrize("floor", sorted(FORBIDDEN))
def test_each_floor_imports_only_from_the_floors_beneath(floor: str) -> None:
    assert _breaches(floor) == []


def test_no_module_outgrows_one_reader() -> None:
    """About 400 lines a module, 60 a function; generated migrations aside."""
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 420:
            too_long.append(f"{path.relative_to(PACKAGE)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 60:
                    too_long.append(
                        f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}: {length}"
                    )
    assert too_long == []
