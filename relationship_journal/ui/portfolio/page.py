"""The portfolio: key relationships at a glance, and which need attention."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.ledger import Health
from relationship_journal.domain.wording import count_of
from relationship_journal.operations import views
from relationship_journal.operations.views import PortfolioPoint
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.lazy_page import LazyPage
from relationship_journal.ui.portfolio.chart import PortfolioChart
from relationship_journal.ui.theme import health_colour
from relationship_journal.ui.widgets import card, label

SCOPES = {
    "Key relationships": ("key",),
    "Key and strategic": ("key", "strategic"),
    "Everyone": ("key", "strategic", "standard"),
}
ATTENTION = (Health.OVERDRAWN, Health.DRIFTING, Health.COOLING)


class PortfolioPage(LazyPage):
    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("portfolioPage")
        self._context = context
        self.scope = QComboBox()
        self.scope.setObjectName("portfolioScope")
        self.scope.setAccessibleName("Which relationships")
        self.scope.addItems(list(SCOPES))
        self.chart = PortfolioChart()
        self.chart.contact_clicked.connect(context.open_contact_requested)
        self.attention = QListWidget()
        self.attention.setObjectName("needsAttention")
        self.attention.setAccessibleName("Relationships that need attention")
        self.attention.setWordWrap(True)
        self.attention.setSpacing(3)
        self.attention.itemActivated.connect(self._open)
        self.attention.itemDoubleClicked.connect(self._open)
        self.summary = label("", "subtitle")
        self.summary.setObjectName("portfolioSummary")
        chart_card, chart_layout = card()
        chart_layout.addWidget(self.chart)
        attention_card, attention_layout = card()
        attention_layout.addWidget(label("Needs attention", "section"))
        attention_layout.addWidget(self.attention)
        attention_card.setMaximumWidth(360)
        body = QHBoxLayout()
        body.addWidget(chart_card, 3)
        body.addWidget(attention_card, 1)
        top = QHBoxLayout()
        top.addWidget(label("Portfolio", "title"))
        top.addStretch()
        top.addWidget(self.scope)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)
        self.scope.currentIndexChanged.connect(self.reload)

    def reload(self) -> None:
        tiers = SCOPES[self.scope.currentText()]
        points = views.relationships(self._context.ws, tiers)
        self.chart.set_points(points)
        self.attention.clear()
        needing = sorted(
            (p for p in points if p.standing.health in ATTENTION),
            key=lambda p: (ATTENTION.index(p.standing.health), p.standing.balance),
        )
        for point in needing:
            self.attention.addItem(self._item(point))
        if not needing:
            among = self.scope.currentText()
            self.attention.addItem(
                f"Nothing overdrawn, drifting or cooling among {among[0].lower() + among[1:]}."
            )
        counts = {health: 0 for health in Health}
        for point in points:
            counts[point.standing.health] += 1
        parts = [f"{counts[h]} {h.value}" for h in Health if counts[h]]
        self.summary.setText(
            f"{count_of(len(points), 'relationship')}: " + ", ".join(parts)
            if points
            else "No relationships in this group yet."
        )

    def _item(self, point: PortfolioPoint) -> QListWidgetItem:
        standing = point.standing
        item = QListWidgetItem(
            f"{point.name}\n{standing.health.label} · balance {standing.balance:+.1f} · "
            f"{point.organisation}"
        )
        item.setForeground(health_colour(standing.health))
        item.setData(Qt.ItemDataRole.UserRole, point.contact_id)
        return item

    def _open(self, item: QListWidgetItem) -> None:
        contact_id = item.data(Qt.ItemDataRole.UserRole)
        if contact_id is not None:
            self._context.open_contact_requested.emit(int(contact_id))
