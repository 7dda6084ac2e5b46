"""Log an interaction in seconds: who, what, deposit or withdrawal, and any promise made."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.interaction import Interaction, PromiseMade, summary_problem
from relationship_journal.domain.ledger import WEIGHTS, EntryValue
from relationship_journal.domain.taxonomy import (
    DEPOSIT_CATEGORIES,
    INTERACTION_KINDS,
    WITHDRAWAL_CATEGORIES,
    Polarity,
)
from relationship_journal.operations.drafts import DraftStore
from relationship_journal.ui.contact_picker import CandidateSource, ContactPicker
from relationship_journal.ui.dates import DayField, moment_text
from relationship_journal.ui.dialogs import GuardedDialog, save_cancel
from relationship_journal.ui.drafts import DraftKeeper
from relationship_journal.ui.theme import DEPOSIT, WITHDRAWAL

LOG_DRAFT = "log"


class LogDialog(GuardedDialog):
    unsaved_what = "this interaction"

    def __init__(
        self,
        parent: QWidget | None,
        candidates: CandidateSource,
        preselected: list[int],
        categories: dict[Polarity, list[str]] | None = None,
        drafts: DraftStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("logDialog")
        self.setWindowTitle("Log an interaction")
        self.setMinimumWidth(560)
        self._result: Interaction | None = None
        self._restored = False
        self._categories = categories or {
            Polarity.DEPOSIT: list(DEPOSIT_CATEGORIES),
            Polarity.WITHDRAWAL: list(WITHDRAWAL_CATEGORIES),
            Polarity.NEUTRAL: [],
        }

        self.picker = ContactPicker(candidates, preselected)
        now = datetime.now()
        self._build_what(now)
        self._build_value()
        self._build_promise(now)
        self._lay_out()
        self._wire(drafts)

    def _build_what(self, now: datetime) -> None:
        """When it happened, what kind of interaction, and what happened."""
        self.when = DayField("when", now.date(), at=now.time())
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItems(list(INTERACTION_KINDS))
        self.kind.setCurrentText("meeting")
        self.kind.setAccessibleName("Kind of interaction")
        self.summary = QLineEdit()
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText("What happened, in a line")
        self.summary.setAccessibleName("Summary")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText("Details worth remembering (optional)")
        self.notes.setFixedHeight(70)

    def _build_value(self) -> None:
        """Deposit, withdrawal or just a note; its weight and category."""
        self.deposit = QRadioButton("&Deposit")
        self.deposit.setObjectName("deposit")
        self.deposit.setStyleSheet(f"QRadioButton {{ color: {DEPOSIT}; font-weight: 600; }}")
        self.withdrawal = QRadioButton("&Withdrawal")
        self.withdrawal.setObjectName("withdrawal")
        self.withdrawal.setStyleSheet(f"QRadioButton {{ color: {WITHDRAWAL}; font-weight: 600; }}")
        self.neutral = QRadioButton("&Just a note")
        self.neutral.setObjectName("neutral")
        self.polarity = QButtonGroup(self)
        for button in (self.deposit, self.withdrawal, self.neutral):
            self.polarity.addButton(button)
            button.installEventFilter(self)  # Up and Down step through them too
        self.deposit.setChecked(True)
        self.weight = QSpinBox()
        self.weight.setObjectName("weight")
        self.weight.setRange(WEIGHTS.start, WEIGHTS.stop - 1)
        self.weight.setValue(2)
        self.weight.setPrefix("weight ")
        self.weight.setAccessibleName("Weight, 1 to 5")
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.setEditable(True)
        self.category.setAccessibleName("Category")
        self.category.setMinimumContentsLength(24)

    def _build_promise(self, now: datetime) -> None:
        """A promise made in the interaction, and a reminder to follow up."""
        self.follow_up = QCheckBox("Remind me to follow up on")
        self.follow_up.setObjectName("followUp")
        self.follow_up_on = DayField("followUpOn", now.date() + timedelta(days=7))
        self.follow_up_on.setEnabled(False)
        self.follow_up.toggled.connect(self.follow_up_on.setEnabled)

        self.promise_text = QLineEdit()
        self.promise_text.setObjectName("promiseText")
        self.promise_text.setPlaceholderText("A promise made in this interaction (optional)")
        self.promise_owner = QComboBox()
        self.promise_owner.setObjectName("promiseOwner")
        self.promise_owner.addItem("I promised", "me")
        self.promise_owner.addItem("They promised", "them")
        self.promise_due = DayField("promiseDue", now.date() + timedelta(days=7))

    def _lay_out(self) -> None:
        """The form, the message line and Save, which Enter presses from anywhere."""
        value_row = QHBoxLayout()
        for widget in (self.deposit, self.withdrawal, self.neutral, self.weight):
            value_row.addWidget(widget)
        value_row.addStretch()
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up)
        follow_row.addWidget(self.follow_up_on)
        follow_row.addStretch()
        self.promise_row = promise_row = QHBoxLayout()
        promise_row.addWidget(self.promise_owner)
        promise_row.addWidget(self.promise_text, 1)
        promise_row.addWidget(QLabel("due"))
        promise_row.addWidget(self.promise_due)
        self.promise_due.compact()
        self.follow_up_on.compact()

        self.error = QLabel()
        self.error.setObjectName("logError")
        self.error.setStyleSheet(f"color: {WITHDRAWAL};")
        self.error.setVisible(False)

        self.form = form = QFormLayout()
        form.addRow("With", self.picker)
        form.addRow("When", self.when)
        form.addRow("Kind", self.kind)
        form.addRow("Summary", self.summary)
        form.addRow("Value", value_row)
        form.addRow("Category", self.category)
        form.addRow("Notes", self.notes)
        form.addRow("Promise", promise_row)
        form.addRow("", follow_row)
        buttons = save_cancel(self)
        # Enter anywhere saves: Save is the default button, no other button steals Enter.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.setToolTip("Save (Enter)")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _wire(self, drafts: DraftStore | None) -> None:
        """Focus moves on as people are picked; typing is kept as a draft."""
        # Once a contact is picked (or Enter says the people are complete), the cursor moves
        # on to the summary. The dialog always starts in "With", even with someone filled in,
        # so that a name typed after Ctrl+L lands where it belongs.
        self.picker.picked.connect(lambda _id: self.summary.setFocus())
        self.picker.done.connect(lambda: self.summary.setFocus())
        self.polarity.buttonToggled.connect(self._polarity_changed)
        self._polarity_changed()
        self.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.keeper = DraftKeeper(drafts, LOG_DRAFT, self._draft_fields, self)
        self._pristine = self._typed()
        self._restore_draft()
        for edit in (self.summary, self.promise_text):
            edit.textChanged.connect(self.keeper.changed)
        self.notes.textChanged.connect(self.keeper.changed)
        self.finished.connect(lambda _result: self.keeper.discard())

    def _typed(self) -> tuple[str, ...]:
        return (self.summary.text(), self.notes.toPlainText(), self.promise_text.text())

    def has_unsaved_input(self) -> bool:
        if self.picker.search.text().strip():
            return True  # a name being typed is typing too
        typed = self._typed()
        return typed != self._pristine and any(text.strip() for text in typed)

    def prefill(
        self,
        polarity: str = "",
        summary: str = "",
        category: str = "",
        kind: str = "",
        when: datetime | None = None,
    ) -> None:
        """Start from a suggestion (a kept promise, a birthday, a meeting that ended); not
        the user's own typing, so closing without a change asks nothing. A restored draft
        wins over it."""
        if self._restored:
            return
        if kind:
            self.kind.setCurrentText(kind)
        if when is not None:
            self._show_moment(when)
        if polarity == "withdrawal":
            self.withdrawal.setChecked(True)
        elif polarity == "deposit":
            self.deposit.setChecked(True)
        if summary:
            self.summary.setText(summary)
            if self.picker.selected_ids():
                self.summary.setFocus()  # who is known: the summary is what to look at
        if category:
            self.category.setCurrentText(category)
        self._pristine = self._typed()

    def _draft_fields(self) -> dict[str, object]:
        return {
            "contacts": self.picker.selected_ids(),
            "summary": self.summary.text(),
            "notes": self.notes.toPlainText(),
            "promise": self.promise_text.text(),
        }

    def _restore_draft(self) -> None:
        draft = self.keeper.restore()
        if draft is None:
            return
        self._restored = True
        for contact_id in draft.fields.get("contacts", []) or []:
            self.picker.choose(int(contact_id))
        self.summary.setText(str(draft.fields.get("summary", "")))
        self.notes.setPlainText(str(draft.fields.get("notes", "")))
        self.promise_text.setText(str(draft.fields.get("promise", "")))
        self.error.setText(f"Restored what you were typing on {moment_text(draft.saved_at)}.")
        self.error.setStyleSheet("")
        self.error.setVisible(True)

    def load_entry(self, draft: Interaction) -> None:
        """Fill the form from a stored entry, for editing it."""
        self.setWindowTitle("Edit interaction")
        self._show_moment(draft.occurred_at)
        self.kind.setCurrentText(draft.kind)
        self.summary.setText(draft.summary)
        self.notes.setPlainText(draft.notes)
        self._pristine = self._typed()
        {
            Polarity.DEPOSIT: self.deposit,
            Polarity.WITHDRAWAL: self.withdrawal,
            Polarity.NEUTRAL: self.neutral,
        }[draft.worth.polarity].setChecked(True)
        if draft.worth.weight:
            self.weight.setValue(draft.worth.weight)
        self.category.setCurrentText(draft.category)
        if draft.follow_up_on is not None:
            self.follow_up.setChecked(True)
            self.follow_up_on.set_day(draft.follow_up_on)
        # Promises made in it are kept, and edited, on their own.
        self.form.setRowVisible(self.promise_row, False)

    def _show_moment(self, moment: datetime) -> None:
        local = moment.astimezone()
        self.when.set_day(local.date())
        self.when.set_time(local.time())

    def chosen_moment(self) -> datetime:
        """When it happened, in local time; raises ``DateError`` for a day that is not one."""
        return self.when.moment()

    def _days_refused(self) -> bool:
        """Whether a day field holds text that is not a day (its reason is shown)."""
        fields = [self.when]
        if self.follow_up.isChecked():
            fields.append(self.follow_up_on)
        if self.promise_text.text().strip():
            fields.append(self.promise_due)
        return any([field.refuse() for field in reversed(fields)])

    def chosen_polarity(self) -> Polarity:
        if self.withdrawal.isChecked():
            return Polarity.WITHDRAWAL
        if self.neutral.isChecked():
            return Polarity.NEUTRAL
        return Polarity.DEPOSIT

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down and Up choose the next or the previous of deposit, withdrawal and just a
        note, as Right and Left do (they stand in a row, where Qt moves by Left and Right
        only)."""
        order = [self.deposit, self.withdrawal, self.neutral]
        if (
            watched in order
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            index = min(max(order.index(watched) + step, 0), len(order) - 1)  # type: ignore[arg-type]
            order[index].setChecked(True)
            order[index].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _polarity_changed(self, *_args: object) -> None:
        polarity = self.chosen_polarity()
        self.weight.setEnabled(polarity is not Polarity.NEUTRAL)
        self.category.clear()
        self.category.addItem("")
        self.category.addItems(self._categories[polarity])
        self.category.setEnabled(polarity is not Polarity.NEUTRAL)

    def accept(self) -> None:
        ids = self.picker.selected_ids()
        typed = self.picker.search.text().strip()
        if typed and not self.picker.is_chosen_already(typed):
            self._fail(f"No one is chosen for “{typed[:40]}” in With: pick them, or clear it.")
            self.picker.search.setFocus()
            return
        if not ids:
            self._fail("Choose at least one contact.")
            self.picker.search.setFocus()
            return
        summary = self.summary.text().strip()
        problem = summary_problem(summary)
        if problem:
            self._fail(problem)
            self.summary.setFocus()
            return
        if self._days_refused():
            self.error.setVisible(False)
            return
        promise_text = self.promise_text.text().strip()
        promise = (
            PromiseMade(
                promise_text,
                str(self.promise_owner.currentData()),
                self.promise_due.value(),
            )
            if promise_text
            else None
        )
        follow_up: date | None = self.follow_up_on.value() if self.follow_up.isChecked() else None
        self._result = Interaction(
            contact_ids=tuple(ids),
            occurred_at=self.chosen_moment(),
            kind=self.kind.currentText(),
            summary=summary,
            worth=EntryValue(self.chosen_polarity(), self.weight.value()),
            notes=self.notes.toPlainText(),
            category=self.category.currentText(),
            follow_up_on=follow_up,
            promise=promise,
        )
        super().accept()

    def _fail(self, message: str) -> None:
        self.error.setStyleSheet(f"color: {WITHDRAWAL};")
        self.error.setText(message)
        self.error.setVisible(True)

    @property
    def result_interaction(self) -> Interaction | None:
        return self._result
