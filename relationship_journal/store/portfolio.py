"""The portfolio: every chosen relationship's balance, trend and health at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from relationship_journal.domain import ledger
from relationship_journal.store.contact_list import ContactFilter, list_contacts


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
        for row in list_contacts(session, ContactFilter(tier=tier), now, sort="balance"):
            points.append(
                PortfolioPoint(
                    row.id, row.name, row.organisation, row.stage, row.tier, row.standing
                )
            )
    return points
