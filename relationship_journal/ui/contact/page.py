"""One contact on one page: who they are, what matters to them, and the state of the account."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain import profile, stages
from relationship_journal.domain.ledger import Health
from relationship_journal.domain.profile import Side
from relationship_journal.domain.wording import count_of
from relationship_journal.store import clock
from relationship_journal.store.agenda import notice_rules, set_notice_rule
from relationship_journal.store.contact_file import ContactFile, load_contact_file
from relationship_journal.store.contacts import fact_history, record_fact
from relationship_journal.store.ledger import delete_entry
from relationship_journal.store.links import add_link, remove_link
from relationship_journal.store.models import Promise
from relationship_journal.store.promises import add_promise
from relationship_journal.store.stages import all_models, set_stage
from relationship_journal.ui.charts import BalanceChart
from relationship_journal.ui.contact.fact_dialogs import FactDialog, FactHistoryDialog
from relationship_journal.ui.contact.link_dialog import LinkDialog
from relationship_journal.ui.contact.notice_dialog import NoticeDialog
from relationship_journal.ui.contact.profile_view import ProfileSection
from relationship_journal.ui.contact.stage_dialog import StageDialog
from relationship_journal.ui.contact.timeline import EntryIdRole, TimelineModel, timeline_items
from relationship_journal.ui.context import JournalContext, LogRequest
from relationship_journal.ui.icons import icon
from relationship_journal.ui.lazy_page import LazyPage
from relationship_journal.ui.ledger.actions import picker_candidates
from relationship_journal.ui.ledger.promise_actions import resolve_promise
from relationship_journal.ui.ledger.promise_dialog import PromiseDialog
from relationship_journal.ui.theme import health_colour, value_colour
from relationship_journal.ui.widgets import badge, card, clear_layout, label


def _known_for(met_on: date | None, today: date) -> str:
    if met_on is None:
        return ""
    days = (today - met_on).days
    if days >= 730:
        return f"known {days // 365} years"
    if days >= 60:
        return f"known {days // 30} months"
    return f"known {max(days, 0)} days"


class ContactPage(LazyPage):
    edit_requested = Signal(int)
    brief_requested = Signal(int)
    edit_entry_requested = Signal(int)

    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("contactPage")
        self._context = context
        self.contact_id: int | None = None
        self.file: ContactFile | None = None

        self.name = label("", "title")
        self.name.setObjectName("contactName")
        self.role = label("", "subtitle")
        self.role.setObjectName("contactRole")
        self.badges = QHBoxLayout()
        self.badges.setSpacing(6)
        self.facts_line = label("", "muted", wrap=True)
        self.balance = QLabel()
        self.balance.setObjectName("contactBalance")
        self.balance.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.trend = label("", "muted")
        self.trend.setObjectName("contactTrend")
        self.trend.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.log_button = self._button("log", "Log interaction", "logButton", "Ctrl+L")
        self.edit_button = self._button("edit", "Edit", "editButton", "Ctrl+E")
        self.stage_button = self._button("portfolio", "Stage…", "stageButton")
        self.promise_button = self._button("promises", "Promise…", "promiseButton")
        self.brief_button = self._button("brief", "Brief", "briefButton", "Ctrl+B")
        self.notice_button = self._button("snooze", "Tell me ahead…", "noticeButton")
        self.notice_button.clicked.connect(self.edit_notice)
        self.log_button.clicked.connect(self._log)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.contact_id))
        self.stage_button.clicked.connect(self._set_stage)
        self.promise_button.clicked.connect(self._add_promise)
        self.brief_button.clicked.connect(lambda: self.brief_requested.emit(self.contact_id))

        header = QGridLayout()
        header.setHorizontalSpacing(16)
        header.addWidget(self.name, 0, 0)
        header.addWidget(self.balance, 0, 1)
        header.addWidget(self.role, 1, 0)
        header.addWidget(self.trend, 1, 1)
        header.addLayout(self.badges, 2, 0)
        header.addWidget(self.facts_line, 3, 0, 1, 2)
        header.setColumnStretch(0, 1)
        buttons = QHBoxLayout()
        for button in (
            self.log_button,
            self.edit_button,
            self.stage_button,
            self.promise_button,
            self.brief_button,
            self.notice_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("contactTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._overview_tab(), "Overview")
        self.tabs.addTab(self._profile_tab(), "Profile")
        self.tabs.addTab(self._work_tab(), "Work && links")
        self.tabs.addTab(self._timeline_tab(), "Timeline")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)

    def _button(self, icon_name: str, text: str, name: str, shortcut: str = "") -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setObjectName(name)
        button.setToolTip(f"{text} ({shortcut})" if shortcut else text)
        return button

    # --- tabs ----------------------------------------------------------------------------------

    def _scroll(self, inner: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(inner)
        return area

    def _overview_tab(self) -> QWidget:
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
        self.recent_box = QVBoxLayout()
        recent_layout.addLayout(self.recent_box)
        about_card, self.about = _text_card("About", "aboutText")
        stages_card, self.stages_text = _text_card("Relationship layers", "stagesText")
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
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return self._scroll(inner)

    def _profile_tab(self) -> QWidget:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 12, 6, 6)
        layout.setSpacing(14)
        self.known = label("", "muted")
        self.known.setObjectName("knownScore")
        layout.addWidget(self.known)
        self.profile_sections: dict[Side, ProfileSection] = {}
        for side, title in ((Side.PROFESSIONAL, "Professional"), (Side.PERSONAL, "Personal")):
            frame, frame_layout = card()
            frame_layout.addWidget(label(title, "section"))
            section = ProfileSection(side)
            section.edit_requested.connect(self.edit_fact)
            section.history_requested.connect(self.show_fact_history)
            frame_layout.addWidget(section)
            layout.addWidget(frame)
            self.profile_sections[side] = section
        layout.addStretch()
        return self._scroll(inner)

    def _work_tab(self) -> QWidget:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 12, 6, 6)
        layout.setSpacing(14)
        jobs_card, self.jobs_text = _text_card("Work history", "jobsText")
        links_card, links_layout = card()
        links_layout.addWidget(label("People they are linked to", "section"))
        self.links_list = QListWidget()
        self.links_list.setObjectName("linksList")
        self.links_list.setAccessibleName("Links to other contacts")
        self.links_list.setMinimumHeight(120)
        self.links_list.itemActivated.connect(self._open_link)
        self.links_list.itemDoubleClicked.connect(self._open_link)
        add_link = QPushButton(icon("add"), "Add link…")
        add_link.setObjectName("addLinkButton")
        add_link.clicked.connect(self._add_link)
        remove_link_button = QPushButton(icon("delete"), "Remove link")
        remove_link_button.setObjectName("removeLinkButton")
        remove_link_button.clicked.connect(self._remove_link)
        link_buttons = QHBoxLayout()
        link_buttons.addStretch()
        link_buttons.addWidget(add_link)
        link_buttons.addWidget(remove_link_button)
        links_layout.addWidget(self.links_list)
        links_layout.addLayout(link_buttons)
        layout.addWidget(jobs_card)
        layout.addWidget(links_card)
        layout.addStretch()
        return self._scroll(inner)

    def _timeline_tab(self) -> QWidget:
        self.timeline_model = TimelineModel()
        self.timeline = QTableView()
        self.timeline.setObjectName("timeline")
        self.timeline.setAccessibleName("Timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(False)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.timeline.setColumnWidth(0, 110)
        self.timeline.setColumnWidth(1, 90)
        self.delete_entry_button = QPushButton(icon("delete"), "Delete entry")
        self.delete_entry_button.setObjectName("deleteEntryButton")
        self.delete_entry_button.setToolTip("Delete the selected journal entry (undo with Ctrl+Z)")
        self.delete_entry_button.clicked.connect(self.delete_selected_entry)
        self.edit_entry_button = QPushButton(icon("edit"), "Edit entry")
        self.edit_entry_button.setObjectName("editEntryButton")
        self.edit_entry_button.setToolTip("Edit the selected journal entry (or double-click it)")
        self.edit_entry_button.clicked.connect(self._edit_selected_entry)
        self.timeline.doubleClicked.connect(self._edit_selected_entry)
        # Only journal entries can be edited or deleted here; promises and stage changes
        # in the timeline have their own places.
        self.timeline.selectionModel().currentRowChanged.connect(self._entry_buttons)
        self._entry_buttons()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 12, 0, 0)
        row = QHBoxLayout()
        row.addWidget(label("Entries, promises, stage and profile changes, newest first", "muted"))
        row.addStretch()
        row.addWidget(self.edit_entry_button)
        row.addWidget(self.delete_entry_button)
        layout.addLayout(row)
        layout.addWidget(self.timeline)
        return box

    # --- loading -------------------------------------------------------------------------------

    def show_contact(self, contact_id: int) -> None:
        self.contact_id = contact_id
        self._stale = False
        self.reload()

    def reload(self) -> None:
        if self.contact_id is None:
            return
        contact_id = self.contact_id
        now = clock.now()
        try:
            file = self._context.read(lambda s: load_contact_file(s, contact_id, now))
        except Exception:
            self.contact_id = None
            raise
        self.file = file
        self._show_header(file)
        self._show_overview(file)
        self._show_profile(file)
        self._show_work(file)
        self.timeline_model.set_items(timeline_items(file))
        self._entry_buttons()

    def _show_header(self, file: ContactFile) -> None:
        contact = file.contact
        today = clock.today()
        deleted = " (in the trash)" if contact.deleted_at else ""
        self.name.setText(contact.display_name + deleted)
        role = " @ ".join(part for part in (contact.title, file.organisation) if part)
        self.role.setText(role or "No current role recorded")
        standing = file.standing
        colour = value_colour(standing.balance).name()
        self.balance.setText(
            f"<span style='font-size: 22pt; font-weight: 600; color: {colour};'>"
            f"{standing.balance:+.1f}</span>"
        )
        self.balance.setToolTip("Balance: deposits minus withdrawals, older ones counting less")
        arrow = "▲" if standing.trend > 0 else "▼" if standing.trend < 0 else "▶"
        self.trend.setText(f"{arrow} {standing.trend:+.1f} over 90 days")
        clear_layout(self.badges)  # type: ignore[arg-type]
        if contact.stage:
            critical = stages.is_critical(contact.stage)
            stage_badge = badge(
                contact.stage + (" — critical" if critical else ""),
                health_colour(Health.OVERDRAWN if critical else Health.STEADY),
            )
            stage_badge.setObjectName("stageBadge")
            self.badges.addWidget(stage_badge)
        self.badges.addWidget(badge(contact.tier, health_colour(Health.NEW)))
        health = badge(standing.health.label, health_colour(standing.health))
        health.setObjectName("healthBadge")
        health.setAccessibleName(f"Health: {standing.health.label}")
        self.badges.addWidget(health)
        self.badges.addStretch()
        parts = []
        if contact.relationship_type:
            parts.append(contact.relationship_type.capitalize())
        known_for = _known_for(contact.met_on, today)
        if known_for:
            parts.append(known_for)
        if contact.met_how:
            parts.append(f"met: {contact.met_how}")
        if contact.cadence_days:
            parts.append(f"stay in touch every {contact.cadence_days} days")
        self.facts_line.setText(" · ".join(parts))

    def _show_overview(self, file: ContactFile) -> None:
        self.chart.set_series(file.balance_series)
        clear_layout(self.promises_box)
        if not file.open_promises:
            self.promises_box.addWidget(label("Nothing promised either way.", "muted"))
        for promise in file.open_promises:
            self.promises_box.addWidget(self._promise_row(promise))
        clear_layout(self.recent_box)
        if not file.entries:
            self.recent_box.addWidget(
                label("No interactions yet. Log the first one with Ctrl+L.", "muted")
            )
        for entry in file.entries[:6]:
            colour = value_colour(entry.value).name()
            value = f"{entry.value:+d}" if entry.value else "·"
            row = label(
                f"<span style='color: {colour}; font-weight: 600;'>{value}</span>&nbsp;&nbsp;"
                f"{entry.occurred_at.astimezone():%d %b} · {entry.kind} — {_esc(entry.summary)}",
                wrap=True,
            )
            row.setTextFormat(Qt.TextFormat.RichText)
            self.recent_box.addWidget(row)
        self.about.setText(self._about_html(file))
        self.stages_text.setText(self._stages_html(file))

    def _promise_row(self, promise: Promise) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        who = "I promised" if promise.owner == "me" else "They promised"
        overdue = promise.due_on is not None and promise.due_on < clock.today()
        due = f" — due {promise.due_on:%d %b}" if promise.due_on else ""
        text = label(f"{who}: {promise.text}{due}" + (" (overdue)" if overdue else ""), wrap=True)
        if overdue:
            text.setStyleSheet(f"color: {value_colour(-1).name()};")
        kept = QPushButton("Kept")
        kept.setObjectName(f"keepPromise_{promise.id}")
        broken = QPushButton("Broken")
        broken.setObjectName(f"breakPromise_{promise.id}")
        assert promise.id is not None
        promise_id = promise.id
        kept.clicked.connect(lambda: resolve_promise(self, self._context, promise_id, "kept"))
        broken.clicked.connect(lambda: resolve_promise(self, self._context, promise_id, "broken"))
        layout.addWidget(text, 1)
        layout.addWidget(kept)
        layout.addWidget(broken)
        return row

    def _about_html(self, file: ContactFile) -> str:
        rows: list[tuple[str, str]] = []
        if file.emails:
            rows.append(("Email", "<br>".join(_esc(e) for e in file.emails)))
        if file.phones:
            rows.append(("Phone", "<br>".join(_esc(p) for p in file.phones)))
        if file.birthday:
            age = file.birthday.age_on(clock.today())
            rows.append(("Birthday", file.birthday.label() + (f" (age {age})" if age else "")))
        if file.contact.met_on:
            rows.append(("We met", f"{file.contact.met_on:%d %b %Y}"))
        if file.tags:
            rows.append(("Tags", ", ".join(_esc(t) for t in file.tags)))
        for answer in file.custom:
            if answer.value:
                rows.append((_esc(answer.name), _esc(answer.value)))
        if file.contact.notes:
            rows.append(("Notes", _esc(file.contact.notes)))
        if not rows:
            return "<span style='color: gray;'>Nothing recorded yet — Edit (Ctrl+E) to add.</span>"
        body = "".join(
            f"<tr><td style='padding: 2px 12px 2px 0; color: gray;'>{k}</td><td>{v}</td></tr>"
            for k, v in rows
        )
        return f"<table>{body}</table>"

    def _stages_html(self, file: ContactFile) -> str:
        if not file.layers:
            return "<span style='color: gray;'>No stage yet — set one with Stage….</span>"
        lines = []
        for layer in file.layers:
            hint = stages.STAGE_HINTS.get(layer.stage, "")
            lines.append(
                f"<b>{_esc(layer.layer)}</b>: {_esc(layer.stage)} "
                f"<span style='color: gray;'>since {layer.since.astimezone():%d %b %Y}</span>"
                + (f"<br><span style='color: gray;'>{_esc(hint)}</span>" if hint else "")
            )
        return "<br>".join(lines)

    def _show_profile(self, file: ContactFile) -> None:
        counts: dict[str, int] = {}
        for fact in file.fact_history:
            counts[fact.topic] = counts.get(fact.topic, 0) + 1
        for section in self.profile_sections.values():
            section.show_facts(file.facts, counts)
        score = profile.completeness(file.facts)
        open_count = len(profile.open_questions(file.facts))
        self.known.setText(
            f"You know {score} % of what matters about them"
            + (
                f" — {count_of(open_count, 'professional question')} still open."
                if open_count
                else "."
            )
        )

    def _show_work(self, file: ContactFile) -> None:
        if file.jobs:
            lines = []
            for job in file.jobs:
                start = f"{job.started_on:%b %Y}" if job.started_on else "?"
                end = f"{job.ended_on:%b %Y}" if job.ended_on else "now"
                lines.append(
                    f"<b>{_esc(job.organisation)}</b> — {_esc(job.title) or 'role unknown'} "
                    f"<span style='color: gray;'>{start} – {end}</span>"
                )
            self.jobs_text.setText("<br>".join(lines))
        else:
            self.jobs_text.setText("<span style='color: gray;'>No jobs recorded.</span>")
        self.links_list.clear()
        for link in file.links:
            item = QListWidgetItem(f"{link.relation.capitalize()} {link.other_name}")
            item.setData(Qt.ItemDataRole.UserRole, (link.id, link.other_id))
            self.links_list.addItem(item)
        if not file.links:
            self.links_list.addItem("No links yet: who do they report to, work with, know?")

    # --- actions -------------------------------------------------------------------------------

    def _open_link(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self._context.open_contact_requested.emit(int(data[1]))

    def _add_link(self) -> None:
        if self.contact_id is None or self.file is None:
            return
        contact_id = self.contact_id
        candidates = [c for c in self._context.read(picker_candidates) if c[0] != contact_id]
        choice, ok = LinkDialog.get_link(self, self.file.contact.display_name, candidates)
        if ok and choice is not None:
            self._context.write(
                "Add link",
                lambda s: [
                    add_link(s, contact_id, other, choice.kind, choice.note)
                    for other in choice.other_ids
                ],
            )

    def _remove_link(self) -> None:
        item = self.links_list.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item else None
        if data:
            link_id = int(data[0])
            self._context.write("Remove link", lambda s: remove_link(s, link_id))

    def _log(self) -> None:
        if self.contact_id is not None:
            self._context.request_log(LogRequest((self.contact_id,)))

    def edit_fact(self, topic_key: str) -> None:
        if self.contact_id is None or self.file is None:
            return
        contact_id = self.contact_id
        topic = profile.topic(topic_key)
        current = self.file.facts.get(topic_key)
        text, ok = FactDialog.get_answer(
            self,
            topic,
            current.text if current else "",
            self._context.drafts,
            fact_draft_key(contact_id, topic_key),
        )
        if ok:
            now = clock.now()
            self._context.write(
                f"Edit {topic.label}", lambda s: record_fact(s, contact_id, topic_key, text, now)
            )

    def show_fact_history(self, topic_key: str) -> None:
        if self.contact_id is None:
            return
        contact_id = self.contact_id
        history = self._context.read(lambda s: fact_history(s, contact_id, topic_key))
        FactHistoryDialog(self, profile.topic(topic_key), history).exec()

    def _set_stage(self) -> None:
        if self.contact_id is None or self.file is None:
            return
        contact_id = self.contact_id
        models = self._context.read(all_models)
        held = {layer.layer: (layer.model_key, layer.stage) for layer in self.file.layers}
        choice, ok = StageDialog.get_stage(self, models, held)
        if ok and choice is not None and choice.layer:
            now = clock.now()
            self._context.write(
                f"Stage {choice.stage}",
                lambda s: set_stage(
                    s, contact_id, choice.layer, choice.stage, now, choice.model_key, choice.note
                ),
            )

    def edit_notice(self) -> None:
        if self.contact_id is None or self.file is None:
            return
        contact_id = self.contact_id
        rules = self._context.read(notice_rules)
        dialog = NoticeDialog(self, self.file.contact.display_name, contact_id, rules)
        if dialog.exec() != NoticeDialog.DialogCode.Accepted:
            return
        chosen = dialog.choices()
        self._context.write(
            "Tell me ahead",
            lambda s: [
                set_notice_rule(s, kind.value, days, contact_id) for kind, days in chosen.items()
            ],
        )

    def _add_promise(self) -> None:
        if self.contact_id is None or self.file is None:
            return
        contact_id = self.contact_id
        draft, ok = PromiseDialog.get_promise(self, self.file.contact.display_name)
        if ok and draft is not None:
            today = clock.today()
            self._context.write(
                "Add promise",
                lambda s: add_promise(s, contact_id, draft.text, draft.owner, today, draft.due_on),
            )

    def _entry_buttons(self, *_args: object) -> None:
        chosen = self._selected_entry_id() is not None
        self.edit_entry_button.setEnabled(chosen)
        self.delete_entry_button.setEnabled(chosen)

    def _selected_entry_id(self) -> int | None:
        index = self.timeline.currentIndex()
        entry_id = index.data(EntryIdRole) if index.isValid() else None
        return None if entry_id is None else int(entry_id)

    def _edit_selected_entry(self, *_args: object) -> None:
        entry_id = self._selected_entry_id()
        if entry_id is not None:
            self.edit_entry_requested.emit(entry_id)

    def delete_selected_entry(self) -> None:
        entry_id = self._selected_entry_id()
        if entry_id is not None:
            self._context.write("Delete entry", lambda s: delete_entry(s, entry_id))


def _text_card(title: str, name: str) -> tuple[QWidget, QLabel]:
    """A card with a heading and one rich-text label the page fills in."""
    frame, layout = card()
    layout.addWidget(label(title, "section"))
    text = label("", wrap=True)
    text.setObjectName(name)
    text.setTextFormat(Qt.TextFormat.RichText)
    layout.addWidget(text)
    return frame, text


def fact_draft_key(contact_id: int, topic_key: str) -> str:
    return f"fact-{contact_id}-{topic_key}"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
