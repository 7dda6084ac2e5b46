"""Move one of a contact's relationship layers to a stage of a stage model."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.stages import STAGE_HINTS, StageModel
from relationship_journal.domain.taxonomy import LAYERS
from relationship_journal.ui.dialogs import save_cancel


@dataclass
class StageChoice:
    layer: str
    model_key: str
    stage: str
    note: str


class StageDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        models: tuple[StageModel, ...],
        layers: dict[str, tuple[str, str]],
    ) -> None:
        """``layers`` maps each layer the contact holds to (model key, current stage)."""
        super().__init__(parent)
        self.setObjectName("stageDialog")
        self.setWindowTitle("Relationship stage")
        self.setMinimumWidth(440)
        self._models = {model.key: model for model in models}
        self._layers = layers
        self.layer = QComboBox()
        self.layer.setObjectName("layer")
        self.layer.setEditable(True)
        self.layer.addItems(list(dict.fromkeys([*layers, *LAYERS])))
        self.model = QComboBox()
        self.model.setObjectName("stageModel")
        for model in models:
            self.model.addItem(model.name, model.key)
        self.stage = QComboBox()
        self.stage.setObjectName("stage")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        self.note = QLineEdit()
        self.note.setObjectName("stageNote")
        self.note.setPlaceholderText("Why it moved (optional)")
        form = QFormLayout()
        form.addRow("Layer", self.layer)
        form.addRow("Model", self.model)
        form.addRow("Stage", self.stage)
        form.addRow("", self.hint)
        form.addRow("Note", self.note)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.layer.currentTextChanged.connect(self._layer_changed)
        self.model.currentIndexChanged.connect(self._model_changed)
        self.stage.currentTextChanged.connect(self._stage_changed)
        self._layer_changed(self.layer.currentText())

    def _layer_changed(self, layer: str) -> None:
        held = self._layers.get(layer)
        if held is not None:
            index = self.model.findData(held[0])
            if index >= 0:
                self.model.setCurrentIndex(index)
        self._model_changed()
        if held is not None:
            self.stage.setCurrentText(held[1])

    def _model_changed(self, *_args: object) -> None:
        model = self._models[str(self.model.currentData())]
        self.stage.clear()
        self.stage.addItems(list(model.stages))

    def _stage_changed(self, stage: str) -> None:
        self.hint.setText(STAGE_HINTS.get(stage, ""))

    def choice(self) -> StageChoice:
        return StageChoice(
            self.layer.currentText().strip(),
            str(self.model.currentData()),
            self.stage.currentText(),
            self.note.text(),
        )

    @classmethod
    def get_stage(
        cls,
        parent: QWidget | None,
        models: tuple[StageModel, ...],
        layers: dict[str, tuple[str, str]],
    ) -> tuple[StageChoice | None, bool]:
        dialog = cls(parent, models, layers)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None, False
        return dialog.choice(), True
