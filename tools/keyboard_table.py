"""Print the README's keyboard table from the window's own actions.

    python tools/keyboard_table.py          # print the table
    python tools/keyboard_table.py --write  # replace it in README.md

A test checks that the README holds exactly this table, so it cannot promise a key the
window does not bind.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START, END = "<!-- keyboard table: tools/keyboard_table.py -->", "<!-- end of keyboard table -->"


def table() -> str:
    from relationship_journal.paths import JournalPaths
    from relationship_journal.ui.actions import markdown_table
    from relationship_journal.ui.application import make_application
    from relationship_journal.ui.journal_source import JournalSource
    from relationship_journal.ui.main_window import MainWindow

    make_application()
    with tempfile.TemporaryDirectory() as folder:
        source = JournalSource(JournalPaths(Path(folder)))
        window = MainWindow(source, source.open(demo=False))
        text = markdown_table(window.registry.shortcuts(documented=True))
        window.close()
    return text


BLOCK = re.compile(re.escape(START) + r"\n(.*?)" + re.escape(END), re.S)


def readme_table(readme: str) -> str:
    match = BLOCK.search(readme)
    return match.group(1).strip() if match else ""


def main() -> int:
    generated = table()
    if "--write" not in sys.argv:
        print(generated)
        return 0
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if START not in text:
        print("README.md has no keyboard table markers", file=sys.stderr)
        return 1
    block = f"{START}\n{generated}\n{END}"
    readme.write_text(BLOCK.sub(lambda _match: block, text, count=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
