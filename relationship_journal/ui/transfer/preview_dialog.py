"""The import preview: what will come in, who is already there, and every problem."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.wording import count_of
from relationship_journal.operations.transfer import Decision, ImportPreview, Match
from relationship_journal.ui.theme import WITHDRAWAL

HEADERS = ("#", "Name", "Organisation", "Email", "Already in the journal", "Action")
SHOWN_ROWS = 5000


class ImportPreviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, plan: ImportPreview) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(f"Import {plan.path.name}")
        self.resize(920, 620)
        self.plan = plan
        self.decisions = plan.default_decisions()
        self.summary = QLabel(_summary(plan))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.action_boxes: list[QComboBox] = []
        self.table = self._build_table()
        self.problems = QListWidget()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_problems())
        splitter.setStretchFactor(0, 3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self._update_button()

    def _build_table(self) -> QTableWidget:
        plan = self.plan
        table = QTableWidget(min(len(plan.records), SHOWN_ROWS), len(HEADERS))
        table.setObjectName("importTable")
        table.setHorizontalHeaderLabels(list(HEADERS))
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 50), (2, 170), (3, 210), (4, 210), (5, 130)):
            table.setColumnWidth(column, width)
        for row, (record, match) in enumerate(
            zip(plan.records[:SHOWN_ROWS], plan.matches[:SHOWN_ROWS], strict=True)
        ):
            draft = record.draft
            cells = (
                str(record.number),
                draft.display_name,
                draft.organisation,
                draft.emails[0].value if draft.emails else "",
                self._match_text(match),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not record.valid:
                    item.setForeground(Qt.GlobalColor.red)
                    item.setToolTip("; ".join(p.message for p in record.problems))
                table.setItem(row, column, item)
            table.setCellWidget(row, 5, self._decision_box(row, record.valid, match))
        return table

    def _decision_box(self, row: int, valid: bool, match: Match | None) -> QComboBox:
        box = QComboBox()
        box.setObjectName(f"decision_{row}")
        choices = [Decision.NEW, Decision.SKIP]
        if match is not None and match.contact_id is not None:
            choices.insert(0, Decision.MERGE)
        if not valid:
            choices = [Decision.SKIP]
        for decision in choices:
            box.addItem(decision.value.capitalize(), decision)
        box.setCurrentIndex(choices.index(self.decisions[row]))
        box.currentIndexChanged.connect(lambda _i, r=row, b=box: self._decide(r, b))
        self.action_boxes.append(box)
        return box

    def _build_problems(self) -> QWidget:
        found = self.plan.problems
        self.problems.setObjectName("importProblems")
        self.problems.setAccessibleName("Problems found")
        for problem in found:
            self.problems.addItem(problem)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(f"Problems ({len(found)})" if found else "No problems found.")
        if found:
            heading.setStyleSheet(f"color: {WITHDRAWAL}; font-weight: 600;")
        layout.addWidget(heading)
        layout.addWidget(self.problems)
        self.problems.setVisible(bool(found))
        return box

    @staticmethod
    def _match_text(match: Match | None) -> str:
        if match is None:
            return ""
        if match.contact_id is None:
            return f"duplicate of record {match.record_number}"
        return f"{match.name} ({match.reason})"

    def _decide(self, row: int, box: QComboBox) -> None:
        self.decisions[row] = Decision(box.currentData())
        self._update_button()

    def _update_button(self) -> None:
        count = sum(1 for d in self.decisions if d is not Decision.SKIP)
        self.import_button.setText(f"Import {count}")
        self.import_button.setEnabled(count > 0)


def _summary(plan: ImportPreview) -> str:
    matches = sum(1 for m in plan.matches if m is not None and m.contact_id is not None)
    invalid = sum(1 for r in plan.records if not r.valid)
    noted = sum(1 for r in plan.records if r.valid and r.warnings)
    parts = [
        f"{count_of(matches, 'looks', 'look')} like someone already in your journal"
        if matches
        else "",
        f"{count_of(invalid, 'has', 'have')} nothing to know a person by and will be skipped"
        if invalid
        else "",
        f"{count_of(noted, 'comes', 'come')} in with a value left out or changed (listed below)"
        if noted
        else "",
    ]
    details = "; ".join(part for part in parts if part)
    return (
        f"<b>{count_of(len(plan.records), 'contact')}</b> in this {plan.format_name} file"
        + (f": {details}." if details else ".")
        + " Choose what to do with each; nothing is written until you press Import."
    )
