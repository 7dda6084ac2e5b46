"""Which data folder a start uses, and whether it is the platform's own."""

from __future__ import annotations

from pathlib import Path

from relationship_journal.paths import ENV_VAR, resolve


def test_the_option_beats_the_variable_which_beats_the_platform(tmp_path: Path) -> None:
    chosen, named = tmp_path / "chosen", tmp_path / "named"
    assert resolve(str(chosen), {ENV_VAR: str(named)}).data_dir == chosen
    assert resolve(None, {ENV_VAR: str(named)}).data_dir == named
    usual = resolve(None, {})
    assert usual.is_usual()
    assert not resolve(None, {ENV_VAR: str(named)}).is_usual()
    assert resolve(str(usual.data_dir), {}).is_usual()  # named, but the platform's anyway
