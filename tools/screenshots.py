"""Screenshots of the main screens on the demo journal, for the README and for review.

    python tools/screenshots.py [OUT_DIR] [--size 1280x800] [--dark]

Runs on a throw-away data folder, so it never touches a real journal.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--contact", default="Jürgen Müller")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.dark:
        os.environ["RELATIONSHIP_JOURNAL_THEME"] = "dark"

    from PySide6.QtWidgets import QApplication

    from relationship_journal.paths import JournalPaths
    from relationship_journal.store.contact_lookup import resolve_contact
    from relationship_journal.ui.application import make_application
    from relationship_journal.ui.journal_source import JournalSource
    from relationship_journal.ui.main_window import MainWindow

    width, height = (int(part) for part in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        app = make_application()
        source = JournalSource(JournalPaths(Path(folder)))
        window = MainWindow(source, source.open(demo=True))
        window.resize(width, height)
        window.show()
        suffix = "-dark" if args.dark else ""

        def shoot(name: str) -> None:
            for _ in range(3):
                app.processEvents()
            path = out / f"{name}{suffix}.png"
            window.grab().save(str(path))
            print(path)

        window.go(0)
        shoot("today")
        window.go(1)
        shoot("contacts")
        contact_id = window.context.read(lambda s: resolve_contact(s, args.contact).id)
        window.open_contact(contact_id)
        shoot("contact")
        window.contact_page.tabs.setCurrentIndex(1)
        shoot("contact-profile")
        window.contact_page.tabs.setCurrentIndex(3)
        shoot("contact-timeline")
        window.go(2)
        shoot("organisations")
        window.go(3)
        shoot("journal")
        window.go(4)
        shoot("promises")
        window.go(5)
        shoot("portfolio")
        from relationship_journal.exchange.brief_builder import briefs_for
        from relationship_journal.store import clock
        from relationship_journal.ui.brief.dialog import BriefDialog

        briefs = window.context.read(lambda s: briefs_for(s, [contact_id], clock.now()))
        brief = BriefDialog(window, briefs, briefs[0].file.contact.display_name)
        brief.resize(900, height)
        brief.show()
        for _ in range(3):
            app.processEvents()
        brief.grab().save(str(out / f"brief{suffix}.png"))
        print(out / f"brief{suffix}.png")
        brief.close()
        window.close()
        QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
