"""A contact's overview: the balance over time, open promises, recent interactions, what
is recorded about them and the layers of the relationship."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from relationship_journal.domain import stages
from relationship_journal.domain.promises import is_overdue
from relationship_journal.domain.records import PromiseRecord
from relationship_journal.operations.contacts import ContactFile
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.charts import BalanceChart
from relationship_journal.ui.contact.reach import ReachBox
from relationship_journal.ui.dates import birthday_text, day_text
from relationship_journal.ui.icons import icon
from relationship_journal.ui.theme import value_colour
from relationship_journal.ui.widgets import card, clear_layout, esc, label, scrolled, text_card

RECENT_SHOWN = 6
# Called with a promise's id and "kept" or "broken".
Resolve = Callable[[int, str], None]


class OverviewTab(QWidget):
    def __init__(self, resolve: Resolve, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resolve = resolve
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 12, 6, 6)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        chart_card, chart_layout = card()
        chart_layout.addWidget(label("Balance over time", "section"))
        self.chart = BalanceChart()
        chart_layout.addWidget(self.chart)
        promises_card, promises_layout = card()
        promises_layout.addWidget(label("Open promises", "section"))
        self.promises_box = QVBoxLayout()
        promises_layout.addLayout(self.promises_box)
        recent_card, recent_layout = card()
        recent_layout.addWidget(label("Recent interactions", "section"))
        # Made once and refilled: a contact opens without building widgets for them.
        self.no_recent = label("No interactions yet. Log the first one with Ctrl+L.", "muted")
        self.recent_rows = [label("", wrap=True) for _ in range(RECENT_SHOWN)]
        for row in [self.no_recent, *self.recent_rows]:
            row.setTextFormat(Qt.TextFormat.RichText)
            recent_layout.addWidget(row)
        about_card, self.about = text_card("About", "aboutText")
        self.reach = ReachBox()
        about_layout = about_card.layout()
        assert isinstance(about_layout, QVBoxLayout)
        about_layout.insertWidget(1, self.reach)
        stages_card, self.stages_text = text_card("Relationship layers", "stagesText")
        left = QVBoxLayout()
        for widget in (chart_card, promises_card, recent_card):
            left.addWidget(widget)
        left.addStretch()
        right = QVBoxLayout()
        for widget in (about_card, stages_card):
            right.addWidget(widget)
        right.addStretch()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(inner))

    def show_file(self, file: ContactFile) -> None:
        self.chart.set_series(file.balance_series)
        clear_layout(self.promises_box)
        if not file.open_promises:
            self.promises_box.addWidget(label("Nothing promised either way.", "muted"))
        for promise in file.open_promises:
            self.promises_box.addWidget(self._promise_row(promise, file.today))
        self.no_recent.setVisible(not file.entries)
        recent = file.entries[:RECENT_SHOWN]
        for row, entry in zip(self.recent_rows, recent, strict=False):
            colour = value_colour(entry.value).name()
            value = f"{entry.value:+d}" if entry.value else "·"
            row.setText(
                f"<span style='color: {colour}; font-weight: 600;'>{value}</span>&nbsp;&nbsp;"
                f"{day_text(entry.occurred_at.astimezone().date(), year=False)} · "
                f"{entry.kind} — {esc(entry.summary)}"
            )
        for number, row in enumerate(self.recent_rows):
            row.setVisible(number < len(recent))
        self.reach.show_ways(file.emails, file.phones)
        self.about.setText(about_html(file))
        self.stages_text.setText(stages_html(file))

    def _promise_row(self, promise: PromiseRecord, today: date) -> QWidget:
        promise_id = promise.id
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        who = "I promised" if promise.owner == "me" else "They promised"
        overdue = is_overdue(promise.due_on, today, promise.status)
        due = f" — due {day_text(promise.due_on, year=False)}" if promise.due_on else ""
        text = label(f"{who}: {promise.text}{due}" + (" (overdue)" if overdue else ""), wrap=True)
        if overdue:
            text.setStyleSheet(f"color: {value_colour(-1).name()};")
        layout.addWidget(text, 1)
        for status, caption, name, symbol in (
            ("kept", "Kept", "keepPromise", "done"),
            ("broken", "Broken", "breakPromise", "remove"),
        ):
            button = QPushButton(icon(symbol), caption)
            button.setToolTip(f"Mark this promise {status}")
            button.setObjectName(f"{name}_{promise_id}")
            connect_plain(button.clicked, lambda s=status: self._resolve(promise_id, s))
            layout.addWidget(button)
        return row


def about_html(file: ContactFile) -> str:
    rows: list[tuple[str, str]] = []  # e-mails and phones: in the ReachBox above
    if file.birthday:
        age = file.birthday.age_on(file.today)
        rows.append(("Birthday", birthday_text(file.birthday) + (f" (age {age})" if age else "")))
    if file.contact.met_on:
        rows.append(("We met", day_text(file.contact.met_on)))
    if file.tags:
        rows.append(("Tags", ", ".join(esc(t) for t in file.tags)))
    for answer in file.custom:
        if answer.value:
            rows.append((esc(answer.name), esc(answer.value)))
    if file.contact.notes:
        rows.append(("Notes", esc(file.contact.notes)))
    if not rows:
        if file.emails or file.phones:
            return ""
        return "<span style='color: gray;'>Nothing recorded yet — Edit (Ctrl+E) to add.</span>"
    body = "".join(
        f"<tr><td style='padding: 2px 12px 2px 0; color: gray;'>{k}</td><td>{v}</td></tr>"
        for k, v in rows
    )
    return f"<table>{body}</table>"


def stages_html(file: ContactFile) -> str:
    if not file.layers:
        return "<span style='color: gray;'>No stage yet: the Stage… button above sets one</span>"
    lines = []
    for layer in file.layers:
        hint = stages.STAGE_HINTS.get(layer.stage, "")
        lines.append(
            f"<b>{esc(layer.layer)}</b>: {esc(layer.stage)} "
            f"<span style='color: gray;'>since {day_text(layer.since.astimezone().date())}</span>"
            + (f"<br><span style='color: gray;'>{esc(hint)}</span>" if hint else "")
        )
    return "<br>".join(lines)
