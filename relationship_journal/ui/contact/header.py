"""The top of a contact's page: name, role, badges, what we know of the relationship, and
the state of the account."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from relationship_journal.domain import stages
from relationship_journal.domain.ledger import Health
from relationship_journal.domain.wording import (
    BALANCE_MEANING,
    HEALTH_MEANINGS,
    STAGE_MEANING,
    TIER_MEANING,
    TREND_MEANING,
    known_for,
)
from relationship_journal.operations.contacts import ContactFile
from relationship_journal.ui.avatar import FaceButton
from relationship_journal.ui.elided_label import ElidedLabel
from relationship_journal.ui.theme import health_colour, value_colour
from relationship_journal.ui.widgets import badge, label, set_badge


class ContactHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.face = FaceButton(64)
        self.name = ElidedLabel()
        self.name.setProperty("role", "title")
        self.name.setObjectName("contactName")
        self.role = ElidedLabel()
        self.role.setProperty("role", "subtitle")
        self.role.setObjectName("contactRole")
        self.badges = QHBoxLayout()
        self.badges.setSpacing(6)
        # Made once and refilled as contacts are shown.
        self.stage_badge = badge("", health_colour(Health.STEADY))
        self.stage_badge.setObjectName("stageBadge")
        self.stage_badge.setToolTip(STAGE_MEANING)
        self.tier_badge = badge("", health_colour(Health.NEW))
        self.tier_badge.setToolTip(TIER_MEANING)
        self.health_badge = badge("", health_colour(Health.NEW))
        self.health_badge.setObjectName("healthBadge")
        for widget in (self.stage_badge, self.tier_badge, self.health_badge):
            self.badges.addWidget(widget)
        self.badges.addStretch()
        self.facts_line = label("", "muted", wrap=True)
        self.balance = QLabel()
        self.balance.setObjectName("contactBalance")
        self.balance.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.balance.setToolTip("Balance: deposits minus withdrawals, older ones counting less")
        self.trend = label("", "muted")
        self.trend.setObjectName("contactTrend")
        self.trend.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.addWidget(self.face, 0, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.balance, 0, 2)
        grid.addWidget(self.role, 1, 1)
        grid.addWidget(self.trend, 1, 2)
        grid.addLayout(self.badges, 2, 1)
        grid.addWidget(self.facts_line, 3, 0, 1, 3)
        grid.setColumnStretch(1, 1)

    def show_file(self, file: ContactFile, photo: bytes | None = None) -> None:
        contact = file.contact
        self.face.show_face(contact.display_name, photo)
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
        # Rich text reports too low a floor: with no facts line the figure lost its top.
        self.balance.setMinimumHeight(self.balance.sizeHint().height())
        arrow = "▲" if standing.trend > 0 else "▼" if standing.trend < 0 else "▶"
        self.trend.setText(f"{arrow} {standing.trend:+.1f} over 90 days")
        self.trend.setToolTip(TREND_MEANING)
        self.balance.setToolTip(BALANCE_MEANING)
        self._show_badges(file)
        self.facts_line.setText(" · ".join(self._facts(file)))

    def _show_badges(self, file: ContactFile) -> None:
        contact, standing = file.contact, file.standing
        if contact.stage:
            critical = stages.is_critical(contact.stage)
            set_badge(
                self.stage_badge,
                contact.stage + (" — critical" if critical else ""),
                health_colour(Health.OVERDRAWN if critical else Health.STEADY),
            )
        self.stage_badge.setVisible(bool(contact.stage))
        set_badge(self.tier_badge, contact.tier, health_colour(Health.NEW))
        set_badge(self.health_badge, standing.health.label, health_colour(standing.health))
        self.health_badge.setToolTip(f"Health: {HEALTH_MEANINGS[standing.health.value]}")
        self.health_badge.setAccessibleName(f"Health: {standing.health.label}")

    def _facts(self, file: ContactFile) -> list[str]:
        contact = file.contact
        parts = []
        if contact.relationship_type:
            parts.append(contact.relationship_type.capitalize())
        known = known_for(contact.met_on, file.today)
        if known:
            parts.append(f"known {known}")
        if contact.met_how:
            parts.append(f"met: {contact.met_how}")
        if contact.cadence_days:
            parts.append(f"stay in touch every {contact.cadence_days} days")
        return parts
