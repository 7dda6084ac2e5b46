"""How backups are named and found: ``<journal>-<reason>-<YYYYmmdd-HHMMSS-micro>.sqlite``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

DAILY = "daily"


def timestamped_name(stem: str, reason: str, now: datetime | None = None) -> str:
    moment = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return f"{stem}-{reason}-{moment}.sqlite"


def backups_of(backup_dir: Path, stem: str, reason: str | None = None) -> list[Path]:
    """Backups in ``backup_dir``, newest first."""
    if not backup_dir.is_dir():
        return []
    prefix = f"{stem}-{reason}-" if reason else f"{stem}-"
    found = [p for p in backup_dir.glob(f"{prefix}*.sqlite") if p.is_file()]
    return sorted(found, key=lambda p: p.name.rsplit("-", 3)[-3:], reverse=True)


def rotate(backup_dir: Path, stem: str, keep: int) -> list[Path]:
    """Delete the oldest daily backups beyond ``keep``; returns what was deleted."""
    doomed = backups_of(backup_dir, stem, DAILY)[max(keep, 1) :]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed
