"""Create or edit a contact; validation messages appear beside the field that needs fixing."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.contact import (
    ContactDraft,
    FieldError,
    Labelled,
    check_email,
    check_phone,
)
from relationship_journal.domain.custom_fields import check_value
from relationship_journal.domain.dates import DateError, PartialDate
from relationship_journal.domain.records import CustomFieldRecord
from relationship_journal.domain.taxonomy import RELATIONSHIP_TYPES, TIERS
from relationship_journal.ui.contact.name_parts import NamePartsFollow
from relationship_journal.ui.dates import DayEdit
from relationship_journal.ui.dialogs import GuardedDialog, save_cancel
from relationship_journal.ui.theme import WITHDRAWAL
from relationship_journal.ui.widgets import fit_to_screen, scrolled


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _split_phones(text: str) -> list[str]:
    """Numbers separated by a comma or semicolon and a space: "+44 20 7946 0958,,123" (a
    pause) and "tel:+1-418-656-9254;ext=102" stay whole."""
    return [part.strip() for part in re.split(r"[;,]\s+", text) if part.strip()]


def _typed(field: DayEdit, name: str) -> PartialDate | None:
    try:
        return field.partial()
    except DateError as error:
        raise FieldError(name, str(error)) from None


class ContactDialog(GuardedDialog):
    unsaved_what = "this contact"

    def __init__(
        self,
        parent: QWidget | None,
        draft: ContactDraft | None,
        organisations: list[str],
        relationship_types: list[str],
        custom_fields: list[CustomFieldRecord] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.setWindowTitle("Edit contact" if draft else "New contact")
        self.setMinimumWidth(520)
        self._errors: dict[str, QLabel] = {}
        self._result: ContactDraft | None = None

        self._kept = draft
        self._build_identity(organisations)
        self._build_relationship(relationship_types)
        rows = [*self._standard_rows(), *self._custom_rows(custom_fields or [])]
        buttons = save_cancel(self)
        # The form scrolls and the buttons stay put, so a long form (or one showing an
        # error) fits a small screen and never runs under Save and Cancel.
        fields = QWidget()
        fields.setLayout(self._form_of(rows))
        self._scroll = scrolled(fields, "contactFormScroll")
        layout = QVBoxLayout(self)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 640)
        if draft is not None:
            self._load(draft)
        detail = self.details
        parts = [detail["name_prefix"], self.given, detail["middle_name"], self.family]
        self._name_parts = NamePartsFollow(self.name, [*parts, detail["name_suffix"]])
        self._pristine = self._form()
        # Typing starts with the name, as soon as the form opens.
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_identity(self, organisations: list[str]) -> None:
        """Who they are and how to reach them."""
        self.name = self._line("name", "Full name as you say it")
        self.given = self._line("given", "")
        self.family = self._line("family", "")
        self.organisation = self._line("organisation", "Where they work now")
        completer = QCompleter(organisations, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.organisation.setCompleter(completer)
        self.title = self._line("title", "Their job title")
        self.emails = self._line("email", "work@example.com, home@example.com")
        self.phones = self._line("phone", "+44 20 7946 0958")
        self.birthday = DayEdit("birthday", yearless=True)
        # The rest of the structured name, the department and the role, as contact files
        # carry them; addresses, anniversaries and labels are kept as they are.
        self.details = {
            "name_prefix": self._line("name_prefix", "Dr., Ms."),
            "middle_name": self._line("middle_name", ""),
            "name_suffix": self._line("name_suffix", "Jr., PhD"),
            "org_unit": self._line("org_unit", "Department or team"),
            "role": self._line("role", "Their role in the relationship or project"),
        }

    def _build_relationship(self, relationship_types: list[str]) -> None:
        """How the user stands with them: type, tier, cadence, history, tags, notes."""
        self.relationship = QComboBox()
        self.relationship.setObjectName("relationship")
        self.relationship.setEditable(True)
        self.relationship.addItems(["", *dict.fromkeys([*RELATIONSHIP_TYPES, *relationship_types])])
        self.relationship.setAccessibleName("Relationship to me")
        self.tier = QComboBox()
        self.tier.setObjectName("tier")
        self.tier.addItems(list(TIERS))
        self.tier.setCurrentText("standard")
        self.tier.setAccessibleName("Tier")
        self.cadence = QSpinBox()
        self.cadence.setObjectName("cadence")
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText("No cadence")
        self.cadence.setSuffix(" days")
        self.cadence.setAccessibleName("Stay in touch every")
        self.met_on = DayEdit("met_on")
        self.met_how = self._line("met_how", "Conference, introduction, project…")
        self.tags = self._line("tags", "Comma-separated: key-account, renewal-2027")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setAccessibleName("Notes")
        self.notes.setFixedHeight(80)

    def _standard_rows(self) -> list[tuple[str, QWidget, str | None]]:
        """(label, editor, error key) for the fields every contact has."""
        return [
            ("Name", self.name, "name"),
            ("Name prefix", self.details["name_prefix"], None),
            ("Given name", self.given, None),
            ("Middle name", self.details["middle_name"], None),
            ("Family name", self.family, None),
            ("Name suffix", self.details["name_suffix"], None),
            ("Organisation", self.organisation, None),
            ("Department", self.details["org_unit"], None),
            ("Title", self.title, None),
            ("Role", self.details["role"], None),
            ("Emails", self.emails, "email"),
            ("Phones", self.phones, "phone"),
            ("Birthday", self.birthday, "birthday"),
            ("Relationship to me", self.relationship, None),
            ("Tier", self.tier, "tier"),
            ("Stay in touch every", self.cadence, "cadence"),
            ("We met on", self.met_on, "met_on"),
            ("How we met", self.met_how, None),
            ("Tags", self.tags, None),
            ("Notes", self.notes, None),
        ]

    def _custom_rows(
        self, custom_fields: list[CustomFieldRecord]
    ) -> list[tuple[str, QWidget, str | None]]:
        """An editor for each of the user's own fields, a list of choices or a line."""
        self._custom: list[tuple[CustomFieldRecord, QLineEdit | QComboBox]] = []
        rows: list[tuple[str, QWidget, str | None]] = []
        for custom in custom_fields:
            editor: QLineEdit | QComboBox
            if custom.field_type == "choice":
                editor = QComboBox()
                editor.addItems(["", *custom.choices])
            else:
                editor = QLineEdit()
                editor.setPlaceholderText(
                    {"number": "a number", "date": "YYYY-MM-DD"}.get(custom.field_type, "")
                )
            editor.setObjectName(f"custom_{custom.id}")
            editor.setAccessibleName(custom.name)
            self._custom.append((custom, editor))
            rows.append((custom.name, editor, custom.name))
        return rows

    def _form_of(self, rows: list[tuple[str, QWidget, str | None]]) -> QFormLayout:
        """The rows laid out, each field that can be wrong with its message under it."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget, error_key in rows:
            form.addRow(text, widget)
            if error_key:
                error = QLabel()
                error.setObjectName(f"{error_key}Error")
                error.setStyleSheet(f"color: {WITHDRAWAL};")
                error.setWordWrap(True)
                error.setVisible(False)
                self._errors[error_key] = error
                form.addRow("", error)
        return form

    def _form(self) -> tuple[str, ...]:
        """Everything the user can change, to tell whether anything was."""
        texts = [edit.text() for edit in self.findChildren(QLineEdit)]
        combos = [box.currentText() for box in self.findChildren(QComboBox)]
        return (*texts, *combos, self.notes.toPlainText(), str(self.cadence.value()))

    def has_unsaved_input(self) -> bool:
        return self._form() != self._pristine

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(name.replace("_", " "))
        return edit

    def _custom_text(self, editor: QLineEdit | QComboBox) -> str:
        return editor.currentText() if isinstance(editor, QComboBox) else editor.text()

    def _load(self, draft: ContactDraft) -> None:
        for custom, editor in self._custom:
            value = draft.custom.get(custom.id, "")
            if isinstance(editor, QComboBox):
                editor.setCurrentText(value)
            else:
                editor.setText(value)
        self.name.setText(draft.display_name)
        self.given.setText(draft.given_name)
        self.family.setText(draft.family_name)
        self.organisation.setText(draft.organisation)
        self.title.setText(draft.title)
        self.emails.setText(", ".join(e.value for e in draft.emails))
        self.phones.setText(", ".join(p.value for p in draft.phones))
        self.birthday.set_partial(draft.birthday)
        self.relationship.setCurrentText(draft.relationship_type)
        self.tier.setCurrentText(draft.tier)
        self.cadence.setValue(draft.cadence_days or 0)
        self.met_on.set_day(draft.met_on)
        self.met_how.setText(draft.met_how)
        self.tags.setText(", ".join(draft.tags))
        self.notes.setPlainText(draft.notes)
        for name, edit in self.details.items():
            edit.setText(getattr(draft, name))
        self._labels = {e.value: e.label for e in draft.emails}
        self._phone_labels = {p.value: p.label for p in draft.phones}

    def _show_error(self, field: str, message: str) -> None:
        for key, widget in self._errors.items():
            widget.setVisible(key == field)
            if key == field:
                widget.setText(message)
        for custom, editor in self._custom:
            if custom.name == field:
                editor.setFocus()
        focus = {
            "name": self.name,
            "email": self.emails,
            "phone": self.phones,
            "birthday": self.birthday,
            "met_on": self.met_on,
            "cadence": self.cadence,
        }.get(field)
        if focus is not None:
            focus.setFocus()
        shown = self._errors.get(field)
        if shown is not None:  # once laid out, scroll the message into view
            QTimer.singleShot(0, lambda: self._scroll.ensureWidgetVisible(shown, 0, 40))

    def draft(self) -> ContactDraft:
        """The form as a draft; raises ``FieldError`` naming the field to fix."""
        labels = getattr(self, "_labels", {})
        phone_labels = getattr(self, "_phone_labels", {})
        emails = [Labelled(check_email(e), labels.get(e, "")) for e in _split(self.emails.text())]
        phones = [
            Labelled(check_phone(p), phone_labels.get(p, ""))
            for p in _split_phones(self.phones.text())
        ]
        met_on = _typed(self.met_on, "met_on").as_date() if self.met_on.text().strip() else None
        custom: dict[int, str] = {}
        for field, editor in self._custom:
            custom[field.id] = check_value(
                field.name,
                field.field_type,
                list(field.choices),
                self._custom_text(editor),
            )
        draft = ContactDraft(
            display_name=self.name.text(),
            given_name=self.given.text(),
            family_name=self.family.text(),
            organisation=self.organisation.text(),
            title=self.title.text(),
            emails=emails,
            phones=phones,
            birthday=_typed(self.birthday, "birthday"),
            relationship_type=self.relationship.currentText(),
            tier=self.tier.currentText(),
            cadence_days=self.cadence.value() or None,
            met_on=met_on,
            met_how=self.met_how.text(),
            notes=self.notes.toPlainText(),
            tags=_split(self.tags.text()),
            custom=custom,
        )
        details = {name: edit.text() for name, edit in self.details.items()}
        if self._kept is not None:
            details |= {
                "addresses": self._kept.addresses,
                "anniversaries": self._kept.anniversaries,
            }
        return replace(draft, **details).cleaned()

    def accept(self) -> None:
        try:
            self._result = self.draft()
        except FieldError as error:
            self._show_error(error.field, str(error))
            return
        super().accept()

    @property
    def result_draft(self) -> ContactDraft | None:
        return self._result

    @classmethod
    def get_contact(
        cls,
        parent: QWidget | None,
        draft: ContactDraft | None = None,
        organisations: list[str] | None = None,
        relationship_types: list[str] | None = None,
        custom_fields: list[CustomFieldRecord] | None = None,
    ) -> tuple[ContactDraft | None, bool]:
        dialog = cls(parent, draft, organisations or [], relationship_types or [], custom_fields)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.result_draft, ok
