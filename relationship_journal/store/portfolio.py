"""The portfolio: every chosen relationship's balance, trend and health at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from relationship_journal.domain import ledger
from relationship_journal.store.contact_list import ContactFilter, list_contacts, recent_sums


@dataclass(frozen=True)
class PortfolioPoint:
    contact_id: int
    name: str
    organisation: str
    stage: str
    tier: str
    standing: ledger.Standing


def portfolio(session: Session, tiers: tuple[str, ...], now: datetime) -> list[PortfolioPoint]:
    points: list[PortfolioPoint] = []
    for tier in tiers:
        rows = list_contacts(session, ContactFilter(tier=tier), now, sort="balance")
        recents = recent_sums(session, [row.id for row in rows], now)
        factor = ledger.scale(now)
        for row in rows:
            trend = ledger.trend_from_sums(row.balance / factor, recents.get(row.id, 0.0), now)
            standing = ledger.health(row.balance, trend, row.last_contact, row.cadence_days, now)
            points.append(
                PortfolioPoint(row.id, row.name, row.organisation, row.stage, row.tier, standing)
            )
    return points
