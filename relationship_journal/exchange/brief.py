"""The meeting brief: everything that matters about a contact on one page, as HTML that
the app shows on screen and prints to PDF."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session

from relationship_journal.domain import profile, stages
from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.moments import Moment, MomentKind
from relationship_journal.domain.profile import Side
from relationship_journal.domain.records import PromiseRecord
from relationship_journal.domain.talking_points import (
    BriefFacts,
    JobFact,
    PromiseFact,
    TalkingPoint,
    talking_points,
)
from relationship_journal.domain.wording import day_month_year, known_for, weekday_day
from relationship_journal.drawing import DEPOSIT, WITHDRAWAL
from relationship_journal.store.agenda import collect
from relationship_journal.store.contact_file import ContactFile, load_contact_file
from relationship_journal.store.contact_photos import photos_of

UPCOMING_DAYS = 21
RECENT_INTERACTIONS = 12
COMPACT_INTERACTIONS = 3
CHART_SIZE = (470, 125)
# The sizes the chart is shown at (a share of CHART_SIZE), each drawn at its own size so
# that its labels keep their type size: full, compact (several people), beside "Who".
CHART_SCALES = (100, 70, 50)
FACE_SIZE = 64  # the face beside the name, in the document's pixels


@dataclass
class Brief:
    file: ContactFile
    points: list[TalkingPoint]
    upcoming: list[Moment]
    today: date

    photo: bytes | None = None

    def chart_name(self, scale: int = 100) -> str:
        return f"chart://balance-{self.file.id}-{scale}"

    @property
    def face_name(self) -> str:
        return f"face://contact-{self.file.id}"


def facts_for(file: ContactFile, today: date) -> BriefFacts:
    worry = file.facts.get("keeps_up_at_night")
    last = file.contact.last_contact_at
    return BriefFacts(
        name=file.contact.display_name,
        today=today,
        open_promises=[PromiseFact(p.owner, p.text, p.due_on) for p in file.open_promises],
        worry=worry.text if worry else "",
        worry_recorded=worry.recorded_at.astimezone().date() if worry else None,
        last_interaction=last.astimezone().date() if last else None,
        unknown_professional=[t.key for t in profile.open_questions(file.facts)],
        jobs=[JobFact(j.organisation, j.title, j.started_on, j.ended_on) for j in file.jobs],
        birthday=file.birthday,
        stage=file.contact.stage,
        health=file.standing.health,
        balance=file.standing.balance,
    )


def _due_text(day: date, today: date) -> str:
    """A moment's day, marked when it has passed without being dealt with."""
    if day < today:
        return f"<span class='minus nowrap'>{weekday_day(day)}, overdue</span>"
    return f"<span class='nowrap'>{weekday_day(day)}</span>"


def load_brief(session: Session, contact_id: int, now: datetime) -> Brief:
    today = now.astimezone().date()
    file = load_contact_file(session, contact_id, now, entry_limit=RECENT_INTERACTIONS)
    upcoming = [
        m
        for m in collect(session, today, UPCOMING_DAYS)
        if m.contact_id == contact_id and m.day >= today - timedelta(days=30)
    ]
    photo = photos_of(session, [contact_id]).get(contact_id)
    return Brief(file, talking_points(facts_for(file, today)), upcoming, today, photo)


# --- HTML --------------------------------------------------------------------------------------

STYLE = f"""
body {{ font-family: 'DejaVu Sans', 'Segoe UI', sans-serif; font-size: 9.5pt; color: #1f2328; }}
p.h1 {{ font-size: 18pt; font-weight: bold; margin: 0; color: #1f2328; }}
p.h2 {{ font-size: 11pt; font-weight: bold; color: #2f6f73; margin-top: 12px;
        margin-bottom: 3px; }}
.sub {{ color: #5f6670; font-size: 10pt; }}
.muted {{ color: #5f6670; }}
.plus {{ color: {DEPOSIT}; font-weight: bold; }}
.minus {{ color: {WITHDRAWAL}; font-weight: bold; }}
.point {{ margin: 2px 0; }}
.nowrap {{ white-space: nowrap; }}
div.compact p, div.compact td, div.compact th {{ font-size: 8pt; }}
div.compact td, div.compact th {{ padding: 1px 6px 1px 0; }}
div.compact p.h1 {{ font-size: 14pt; }}
div.compact p.h2 {{ font-size: 9.5pt; margin-top: 6px; margin-bottom: 2px; }}
td {{ padding: 2px 8px 2px 0; vertical-align: top; }}
th {{ text-align: left; color: #5f6670; font-weight: normal; padding: 2px 8px 2px 0; }}
"""


def _signed(value: float) -> str:
    return "plus" if value > 0 else "minus" if value < 0 else "muted"


def _due(due_on: date | None, today: date) -> str:
    if due_on is None:
        return "no date"
    late = " minus" if due_on < today else ""
    return f"<span class='nowrap{late}'>due {day_month_year(due_on)}</span>"


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _rows(pairs: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<tr><th width='30%' class='nowrap'>{k}</th><td>{v}</td></tr>" for k, v in pairs if v
    )
    return f"<table width='100%' cellspacing='0'>{body}</table>" if body else ""


def _side(file: ContactFile, side: Side, compact: bool = False) -> str:
    pairs = []
    unknown = []
    for topic in profile.TOPICS:
        if topic.side is not side:
            continue
        fact = file.facts.get(topic.key)
        if fact is not None:
            pairs.append((topic.label, _e(fact.text)))
        elif side is Side.PROFESSIONAL:
            unknown.append(topic)
    if compact and unknown:
        pairs.append(
            (
                "Still to find out",
                "<span class='muted'>"
                + ", ".join(_e(t.label.lower()) for t in unknown)
                + "</span>",
            )
        )
    else:
        pairs += [
            (t.label, f"<span class='muted'>Unknown — {_e(t.prompt)}</span>") for t in unknown
        ]
    return _rows(pairs) or "<p class='muted'>Nothing recorded yet.</p>"


# What a brief leaves out, step by step, until a person fits on one page; the personal
# side is never dropped, only condensed to a line.
FIT_STEPS: tuple[frozenset[str], ...] = tuple(
    frozenset(step)
    for step in (
        (),
        ("columns",),
        ("columns", "small"),
        ("columns", "small", "fewer"),
        ("columns", "small", "fewer", "chart"),
        ("columns", "small", "interactions", "chart"),
        ("columns", "small", "interactions", "chart", "personal"),
    )
)
# The longest a personal answer runs in the condensed line.
CONDENSED_CHARS = 90


def _heading(brief: Brief, role: str, dated: str, compact: bool) -> str:
    """The name and role beside the face."""
    face = FACE_SIZE // 2 if compact else FACE_SIZE
    return f"""<table cellspacing='0'><tr>
<td width='{face + 12}'><img src='{brief.face_name}' width='{face}' height='{face}'></td>
<td><p class='h1'>{_e(brief.file.contact.display_name)}</p>
<p class='sub'>{role or "No current role recorded"} · brief of {dated}</p></td>
</tr></table>"""


def by_due_date(promises: list[PromiseRecord]) -> list[PromiseRecord]:
    """Soonest due first; those without a date last."""
    return sorted(promises, key=lambda p: (p.due_on is None, p.due_on or date.max))


def _clip(text: str, most: int) -> str:
    """At most ``most`` characters, cut at a word, never inside one."""
    flat = " ".join(text.split())
    if len(flat) <= most:
        return flat
    return flat[:most].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def personal_line(file: ContactFile) -> str:
    """The personal side in one line: "Family: Married to Anke… · Interests: Sailing"."""
    parts = [
        f"<b>{_e(topic.label)}</b>: {_e(_clip(fact.text, CONDENSED_CHARS))}"
        for topic in profile.TOPICS
        if topic.side is Side.PERSONAL and (fact := file.facts.get(topic.key)) is not None
    ]
    return " · ".join(parts) or "<span class='muted'>Nothing personal recorded yet.</span>"


def _table(rows: str) -> str:
    return f"<table width='100%' cellspacing='0'>{rows}</table>"


def _pair(left: str, right: str, columns: bool) -> str:
    """Two blocks one above the other, or side by side when room is short."""
    if not columns:
        return left + right
    return (
        "<table width='100%' cellspacing='0'><tr>"
        f"<td width='50%' style='padding-right: 12px;'>{left}</td>"
        f"<td width='50%'>{right}</td></tr></table>"
    )


def _who(brief: Brief, compact: bool) -> str:
    file, contact = brief.file, brief.file.contact
    role = " at ".join(_e(part) for part in (contact.title, file.organisation) if part)
    return "<p class='h2'>Who they are</p>" + _rows(
        [
            ("Role", role),
            ("Relationship", "" if compact else _e(contact.relationship_type.capitalize())),
            (
                "Birthday",
                "" if _birthday_is_coming(brief) else _birthday(file.birthday, brief.today),
            ),
            ("Known for", known_for(contact.met_on, brief.today)),
            ("How we met", _e(contact.met_how)),
            ("Email", _e(", ".join(file.emails))),
            ("Phone", "" if compact else _e(", ".join(file.phones))),
        ]
    )


def chart_size(scale: int) -> tuple[int, int]:
    """The chart's size at ``scale`` per cent of ``CHART_SIZE``."""
    return round(CHART_SIZE[0] * scale / 100), round(CHART_SIZE[1] * scale / 100)


def _birthday_is_coming(brief: Brief) -> bool:
    """Whether "Due and coming up" names the birthday already."""
    return any(moment.kind is MomentKind.BIRTHDAY for moment in brief.upcoming)


def _birthday(birthday: PartialDate | None, today: date) -> str:
    """ "15 April", or "15 April 1980 (46)" when the year is known."""
    if birthday is None:
        return ""
    age = birthday.age_on(today)
    return birthday.label() + (f" ({age})" if age is not None else "")


def _relationship(brief: Brief, compact: bool, omit: frozenset[str]) -> str:
    file, standing = brief.file, brief.file.standing
    layers = (
        "<br>".join(
            f"<b>{_e(layer.layer)}</b>: {_e(layer.stage)}"
            + (" <span class='minus'>(critical)</span>" if stages.is_critical(layer.stage) else "")
            + f" <span class='muted'>since {day_month_year(layer.since.astimezone().date())}</span>"
            for layer in file.layers
        )
        or "<span class='muted'>No stage set.</span>"
    )
    scale = CHART_SCALES[2] if "columns" in omit else CHART_SCALES[1] if compact else 100
    width, height = chart_size(scale)
    chart = (
        ""
        if "chart" in omit
        else f"<p><img src='{brief.chart_name(scale)}' width='{width}' height='{height}'></p>"
    )
    return (
        "<p class='h2'>The relationship</p>"
        f"<p>Balance <span class='{_signed(standing.balance)}'>{standing.balance:+.1f}</span>, "
        f"trend {standing.trend:+.1f} over 90 days — {standing.health.label.lower()}."
        f"<br>{layers}</p>{chart}"
    )


def _promises_and_upcoming(brief: Brief) -> str:
    today = brief.today
    promises = (
        "".join(
            f"<tr><td class='nowrap'>{'I promised' if p.owner == 'me' else 'They promised'}</td>"
            f"<td>{_e(p.text)}</td><td class='nowrap'>{_due(p.due_on, today)}</td></tr>"
            for p in by_due_date(brief.file.open_promises)
        )
        or "<tr><td class='muted'>Nothing promised either way.</td></tr>"
    )
    upcoming = (
        "".join(
            f"<tr><td class='nowrap'>{_due_text(m.day, today)}</td><td>{_e(m.title)}</td></tr>"
            for m in brief.upcoming
            # Promises are listed beside them with their due dates.
            if m.kind not in (MomentKind.PROMISE_MINE, MomentKind.PROMISE_THEIRS)
        )
        or "<tr><td class='muted'>Nothing in the next three weeks.</td></tr>"
    )
    return (
        f"<p class='h2'>Open promises</p>{_table(promises)}"
        f"<p class='h2'>Due and coming up</p>{_table(upcoming)}"
    )


def _recent(brief: Brief, fewer: bool) -> str:
    interactions = (
        "".join(
            f"<tr><td class='nowrap'>{day_month_year(e.occurred_at.astimezone().date())}</td>"
            f"<td class='nowrap'>{_e(e.kind)}</td>"
            f"<td class='{_signed(e.value)} nowrap'>{f'{e.value:+d}' if e.value else 'note'}</td>"
            f"<td>{_e(e.summary)}</td></tr>"
            for e in brief.file.entries[: COMPACT_INTERACTIONS if fewer else None]
        )
        or "<tr><td class='muted'>No interactions logged yet.</td></tr>"
    )
    return f"<p class='h2'>Last interactions</p>{_table(interactions)}"


def brief_html(brief: Brief, compact: bool = False, omit: frozenset[str] = frozenset()) -> str:
    """One contact's brief as an HTML fragment (no <html> wrapper). ``compact`` fits a page:
    for a meeting with several people, one page each. ``omit`` names what is left out or
    made smaller to fit: "columns" sets blocks side by side, "chart" and "interactions"
    leave those out ("fewer" keeps the last three interactions), "personal" condenses the
    personal side to a line, "small" sets smaller type."""
    file, today, contact = brief.file, brief.today, brief.file.contact
    role = " at ".join(_e(part) for part in (contact.title, file.organisation) if part)
    columns = "columns" in omit
    points = "".join(f"<p class='point'>• {_e(p.text)}</p>" for p in brief.points)
    personal = (
        f"<p class='h2'>Personal</p><p>{personal_line(file)}</p>"
        if "personal" in omit
        else "<p class='h2'>Personal</p>" + _side(file, Side.PERSONAL, compact)
    )
    dated = f"{today:%A} {day_month_year(today)}"
    opening, closing = ("<div class='compact'>", "</div>") if "small" in omit else ("", "")
    return (
        opening
        + f"""
{_heading(brief, role, dated, compact)}
<p class='h2'>Talking points</p>
{points or "<p class='muted'>Nothing pressing: listen, and learn one new thing.</p>"}
{_pair(_who(brief, compact), _relationship(brief, compact, omit), columns)}
<p class='h2'>Professional</p>
{_side(file, Side.PROFESSIONAL, compact)}
{personal}
{_promises_and_upcoming(brief)}
{"" if "interactions" in omit else _recent(brief, compact or "fewer" in omit)}
"""
        + closing
    )


def organisation_summary_html(name: str, briefs: list[Brief], today: date) -> str:
    rows = "".join(
        f"<tr><td class='nowrap'>{_e(b.file.contact.display_name)}</td>"
        f"<td>{_e(b.file.contact.title)}</td>"
        f"<td>{_e(b.file.contact.stage)}</td>"
        f"<td class='{_signed(b.file.standing.balance)}'>"
        f"{b.file.standing.balance:+.1f}</td><td>{b.file.standing.health.label}</td>"
        f"<td>{len(b.file.open_promises)}</td></tr>"
        f"<tr><td></td><td colspan='5' class='muted'>{personal_line(b.file)}</td></tr>"
        for b in briefs
    )
    points = "".join(
        f"<p class='point'>• <b>{_e(b.file.contact.display_name)}</b>: {_e(p.text)}</p>"
        for b in briefs
        for p in b.points[:2]
    )
    return f"""
<p class='h1'>{_e(name)}</p>
<p class='sub'>Meeting brief for {len(briefs)} people · {today:%A} {day_month_year(today)}</p>
<p class='h2'>Who is in the room</p>
<table width='100%' cellspacing='0'>
<tr><th>Name</th><th>Title</th><th>Stage</th><th>Balance</th><th>Health</th><th>Promises</th></tr>
{rows}</table>
<p class='h2'>Talking points</p>
{points or "<p class='muted'>Nothing pressing.</p>"}
"""


def document_html(sections: list[str], compact: bool = False) -> str:
    """Sections joined with page breaks into one printable document; ``compact`` sets
    smaller type so that each person of a group meeting fits a page."""
    pages = "".join(
        f"<div style='page-break-before: always;'>{section}</div>" if index else section
        for index, section in enumerate(sections)
    )
    if compact:
        pages = f"<div class='compact'>{pages}</div>"
    return f"<html><head><style>{STYLE}</style></head><body>{pages}</body></html>"
