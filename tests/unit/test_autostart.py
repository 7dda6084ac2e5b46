"""The entry each platform reads at login: written where it looks, starting the app quietly
on this journal, and removed without a trace."""

from __future__ import annotations

import plistlib
from pathlib import Path

from relationship_journal.desktop import autostart

COMMAND = [
    "/opt/Relationship Journal/relationship-journal",
    "--data-dir",
    "/home/a b/$x",
    "--background",
]


def test_linux_honours_xdg_config_home_and_quotes_the_command(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    path = autostart.enable(COMMAND, "linux", env)
    assert path == tmp_path / "cfg" / "autostart" / "relationship-journal.desktop"
    text = path.read_text("utf-8")
    assert (
        'Exec="/opt/Relationship Journal/relationship-journal" "--data-dir" "/home/a b/\\$x"'
        in text
    )
    assert autostart.is_enabled("linux", env)
    autostart.disable("linux", env)
    assert not path.exists() and not autostart.is_enabled("linux", env)
    autostart.disable("linux", env)  # twice is fine


def test_linux_without_xdg_config_home_uses_dot_config(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    assert (
        autostart.entry_path("linux", env)
        == tmp_path / ".config/autostart/relationship-journal.desktop"
    )


def test_macos_writes_a_launch_agent_that_runs_at_load(tmp_path: Path) -> None:
    path = autostart.enable(COMMAND, "darwin", {"HOME": str(tmp_path)})
    assert path == tmp_path / "Library/LaunchAgents/org.relationship-journal.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["ProgramArguments"] == COMMAND and agent["RunAtLoad"] is True


def test_windows_writes_a_command_into_the_startup_folder(tmp_path: Path) -> None:
    env = {"APPDATA": str(tmp_path / "Roaming"), "HOME": str(tmp_path)}
    path = autostart.enable(COMMAND, "win32", env)
    startup = tmp_path / "Roaming/Microsoft/Windows/Start Menu/Programs/Startup"
    assert path == startup / "Relationship Journal.cmd"
    assert path.read_text("utf-8").startswith('@start "" "/opt/Relationship Journal/')


def test_the_command_starts_this_app_in_the_background_on_this_journal(tmp_path: Path) -> None:
    command = autostart.launch_command(tmp_path)
    assert command[-3:] == ["--data-dir", str(tmp_path), "--background"]
    assert "relationship_journal" in command or Path(command[0]).exists()
