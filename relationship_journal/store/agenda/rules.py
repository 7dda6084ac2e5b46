"""How far ahead the user wants to be told of each kind of moment, and which stage nudges
they switched off."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from sqlmodel import Session, col, select

from relationship_journal.domain import moments
from relationship_journal.domain.moments import Moment, MomentKind
from relationship_journal.store.models import NoticeRule, Setting

DISABLED_NUDGES = "nudges.disabled"
NoticeRules = dict[tuple[str, int | None], int]


def notice_rules(session: Session) -> NoticeRules:
    return {
        (rule.kind, rule.contact_id): rule.days_before
        for rule in session.exec(select(NoticeRule)).all()
    }


def set_notice_rule(
    session: Session, kind: str, days_before: int | None, contact_id: int | None = None
) -> None:
    """Set (or with None, clear) how many days ahead to be told of ``kind``."""
    moments.MomentKind(kind)
    query = select(NoticeRule).where(NoticeRule.kind == kind)
    query = query.where(
        col(NoticeRule.contact_id).is_(None)
        if contact_id is None
        else NoticeRule.contact_id == contact_id
    )
    rule = session.exec(query).first()
    if days_before is None:
        if rule is not None:
            session.delete(rule)
        return
    days = max(0, min(days_before, moments.MAX_NOTICE_DAYS))
    if rule is None:
        rule = NoticeRule(kind=kind, contact_id=contact_id, days_before=days)
    rule.days_before = days
    session.add(rule)


def longest_lead(rules: NoticeRules, kinds: Iterable[MomentKind]) -> int:
    """The most days ahead anyone is told of these kinds, for the journal or one contact."""
    return max(
        max(
            [moments.notice_days(kind, None, rules)]
            + [days for (named, who), days in rules.items() if named == kind and who is not None]
        )
        for kind in kinds
    )


def set_notice_days(found: Iterable[Moment], rules: NoticeRules) -> None:
    """Give each moment the day the user wants to be told of it."""
    ahead = {kind: timedelta(days=moments.notice_days(kind, None, rules)) for kind in MomentKind}
    own_rules = any(contact_id is not None for _kind, contact_id in rules)
    for moment in found:
        if own_rules and moment.contact_id is not None:
            lead = timedelta(days=moments.notice_days(moment.kind, moment.contact_id, rules))
        else:
            lead = ahead[moment.kind]
        moment.notice_on = moment.day - lead


def disabled_nudges(session: Session) -> set[str]:
    row = session.get(Setting, DISABLED_NUDGES)
    return {key for key in (row.value.split(",") if row else []) if key}


def set_nudge_enabled(session: Session, rule_key: str, enabled: bool) -> None:
    """Switch a stage nudge rule (see ``moments.STAGE_RULES``) on or off."""
    if rule_key not in {rule.key for rule in moments.STAGE_RULES}:
        raise ValueError(f"no stage rule {rule_key!r}")
    off = disabled_nudges(session)
    off = off - {rule_key} if enabled else off | {rule_key}
    row = session.get(Setting, DISABLED_NUDGES) or Setting(key=DISABLED_NUDGES, value="")
    row.value = ",".join(sorted(off))
    session.add(row)
