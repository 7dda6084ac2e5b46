"""Starting with the computer, quietly: the entry each platform reads at login.

Linux: an XDG autostart entry (``$XDG_CONFIG_HOME/autostart``, ``~/.config`` when unset);
Windows: a command file in the Startup folder; macOS: a LaunchAgent. Each starts the app with
``--background``: no window until a notification or the tray is clicked.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from relationship_journal import APP_ID, APP_NAME

BACKGROUND = "--background"


def entry_path(platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """Where this platform looks for what to start at login."""
    env = os.environ if environ is None else environ
    system = platform or sys.platform
    home = Path(env.get("HOME") or Path.home())
    if system.startswith("win"):
        appdata = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
        startup = appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
        return startup / f"{APP_NAME}.cmd"
    if system == "darwin":
        return home / "Library" / "LaunchAgents" / f"org.{APP_ID}.plist"
    config = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
    return config / "autostart" / f"{APP_ID}.desktop"


def launch_command(data_dir: Path | None = None) -> list[str]:
    """How to start this very app quietly: the frozen program, or this interpreter."""
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "relationship_journal"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return [*command, BACKGROUND]


def _desktop_entry(command: Sequence[str]) -> str:
    # The Exec key quotes as the Desktop Entry specification asks: each argument in double
    # quotes, with backslash before ", `, $ and \ (and % doubled).
    def quoted(arg: str) -> str:
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg).replace("%", "%%")
        return f'"{escaped}"'

    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Reminders of the moments that matter, without opening the window\n"
        f"Exec={' '.join(quoted(a) for a in command)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _launch_agent(command: Sequence[str]) -> bytes:
    agent = {"Label": f"org.{APP_ID}", "ProgramArguments": list(command), "RunAtLoad": True}
    return plistlib.dumps(agent)


def _startup_command(command: Sequence[str]) -> str:
    return f'@start "" {subprocess.list2cmdline(list(command))}\r\n'


def content(command: Sequence[str], platform: str | None = None) -> bytes:
    system = platform or sys.platform
    if system.startswith("win"):
        return _startup_command(command).encode("utf-8")
    if system == "darwin":
        return _launch_agent(command)
    return _desktop_entry(command).encode("utf-8")


def is_enabled(platform: str | None = None, environ: Mapping[str, str] | None = None) -> bool:
    return entry_path(platform, environ).is_file()


def enable(
    command: Sequence[str], platform: str | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """Writes the entry (replacing an older one of ours); returns where."""
    path = entry_path(platform, environ)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(content(command, platform))
    partial.replace(path)
    return path


def disable(platform: str | None = None, environ: Mapping[str, str] | None = None) -> None:
    entry_path(platform, environ).unlink(missing_ok=True)
