"""Stage models: the two that ship, and the user's own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.operations import stages
from relationship_journal.operations.errors import InvalidInputError
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.theme import WITHDRAWAL


class StageModelsTab(QWidget):
    def __init__(self, context: JournalContext) -> None:
        super().__init__()
        self._context = context
        self.models = QListWidget()
        self.models.setObjectName("stageModelList")
        self.models.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("stageModelName")
        self.stages = QPlainTextEdit()
        self.stages.setObjectName("stageModelStages")
        self.stages.setPlaceholderText("One stage per line, in order")
        self.stages.setFixedHeight(110)
        self.cyclic = QCheckBox("The cycle repeats as the relationship deepens")
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {WITHDRAWAL};")
        self.error.setWordWrap(True)
        add = QPushButton("Add model")
        add.setObjectName("addStageModel")
        add.clicked.connect(self._add)
        remove = QPushButton("Remove selected")
        remove.clicked.connect(self._remove)
        new = QGroupBox("A model of your own")
        form = QFormLayout(new)
        form.addRow("Name", self.name)
        form.addRow("Stages", self.stages)
        form.addRow(self.cyclic)
        form.addRow(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch()
        buttons.addWidget(remove)
        form.addRow(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.models, 1)
        layout.addWidget(new)
        self.reload()

    def reload(self) -> None:
        self.models.clear()
        for model in stages.models(self._context.ws):
            cycle = " (repeats)" if model.cyclic else ""
            item = QListWidgetItem(f"{model.name}{cycle}: {' → '.join(model.stages)}")
            item.setData(Qt.ItemDataRole.UserRole, model.key)
            self.models.addItem(item)

    def _add(self) -> None:
        name, stage_names = self.name.text(), self.stages.toPlainText().splitlines()
        cyclic = self.cyclic.isChecked()
        try:
            self._context.do(stages.add_model, name, stage_names, cyclic)
        except InvalidInputError as error:
            self.error.setText(str(error))
            return
        self.error.clear()
        self.name.clear()
        self.stages.clear()
        self.reload()

    def _remove(self) -> None:
        item = self.models.currentItem()
        key = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not key or not str(key).startswith("custom-"):
            self.error.setText("The models that come with the product stay.")
            return
        try:
            self._context.do(stages.drop_model, str(key))
        except InvalidInputError as error:
            self.error.setText(str(error))
            return
        self.reload()
