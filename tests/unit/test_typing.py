"""The rules of the product type-check strictly (mypy --strict on domain/)."""

from __future__ import annotations

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[2]


def test_domain_is_strictly_typed() -> None:
    out, err, status = api.run(
        ["--strict", "--no-incremental", str(ROOT / "relationship_journal" / "domain")]
    )
    assert status == 0, out + err
