"""Run by the draft test in a child process: type into the log dialog, then die mid-edit."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from relationship_journal.store.contact_lookup import Candidate
from relationship_journal.store.drafts import DraftStore
from relationship_journal.ui.ledger.log_dialog import LogDialog

app = QApplication([])
store = DraftStore(Path(sys.argv[1]))


class OneContact:
    anna = Candidate(1, "Anna Lind", "Kestrel")

    def find(self, text: str, exclude: object) -> list[Candidate]:
        return [self.anna]

    def by_id(self, ids: object) -> list[Candidate]:
        return [self.anna]


dialog = LogDialog(None, OneContact(), [1], None, store)
dialog.show()
dialog.summary.setText("Promised Anna the routing benchmark by Friday")
dialog.notes.setPlainText("She worries about the depot go-live")
deadline = time.monotonic() + 10
while time.monotonic() < deadline and not store.pending():  # the draft is saved as we type
    app.processEvents()
    time.sleep(0.01)
os.kill(os.getpid(), signal.SIGKILL)
