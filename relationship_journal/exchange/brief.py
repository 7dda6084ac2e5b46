"""The meeting brief: everything that matters about a contact on one page, as HTML that
the app shows on screen and prints to PDF."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session

from relationship_journal.domain import profile, stages
from relationship_journal.domain.moments import Moment, MomentKind
from relationship_journal.domain.profile import Side
from relationship_journal.domain.talking_points import (
    BriefFacts,
    JobFact,
    PromiseFact,
    TalkingPoint,
    talking_points,
)
from relationship_journal.domain.wording import known_for
from relationship_journal.drawing import DEPOSIT, WITHDRAWAL
from relationship_journal.store.agenda import collect
from relationship_journal.store.contact_file import ContactFile, load_contact_file
from relationship_journal.store.contact_photos import photos_of

UPCOMING_DAYS = 21
RECENT_INTERACTIONS = 12
COMPACT_INTERACTIONS = 3
CHART_SIZE = (470, 125)
FACE_SIZE = 64  # the face beside the name, in the document's pixels


@dataclass
class Brief:
    file: ContactFile
    points: list[TalkingPoint]
    upcoming: list[Moment]
    today: date

    photo: bytes | None = None

    @property
    def chart_name(self) -> str:
        return f"chart://balance-{self.file.id}"

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
        return f"<span class='minus'>{day:%a %d %b}, overdue</span>"
    return f"{day:%a %d %b}"


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
h1 {{ font-size: 18pt; margin: 0; color: #1f2328; }}
h2 {{ font-size: 11pt; color: #2f6f73; margin-top: 12px; margin-bottom: 3px;
      border-bottom: 1px solid #c9c6bf; }}
.sub {{ color: #5f6670; font-size: 10pt; }}
.muted {{ color: #5f6670; }}
.plus {{ color: {DEPOSIT}; font-weight: bold; }}
.minus {{ color: {WITHDRAWAL}; font-weight: bold; }}
.point {{ margin: 2px 0; }}
td {{ padding: 2px 8px 2px 0; vertical-align: top; }}
th {{ text-align: left; color: #5f6670; font-weight: normal; padding: 2px 8px 2px 0; }}
"""


def _signed(value: float) -> str:
    return "plus" if value > 0 else "minus" if value < 0 else "muted"


def _due(due_on: date | None, today: date) -> str:
    if due_on is None:
        return "no date"
    late = " class='minus'" if due_on < today else ""
    return f"<span{late}>due {due_on:%d %b %Y}</span>"


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _rows(pairs: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><th width='30%'>{k}</th><td>{v}</td></tr>" for k, v in pairs if v)
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


# What a group brief leaves out, step by step, until a person fits on one page.
FIT_STEPS: tuple[frozenset[str], ...] = (
    frozenset(),
    frozenset({"chart"}),
    frozenset({"chart", "interactions"}),
    frozenset({"chart", "interactions", "personal"}),
)


def _heading(brief: Brief, role: str, compact: bool) -> str:
    """The name and role beside the face."""
    face = FACE_SIZE // 2 if compact else FACE_SIZE
    return f"""<table cellspacing='0'><tr>
<td width='{face + 12}'><img src='{brief.face_name}' width='{face}' height='{face}'></td>
<td><h1>{_e(brief.file.contact.display_name)}</h1>
<p class='sub'>{role or "No current role recorded"} · brief of {brief.today:%A %d %B %Y}</p></td>
</tr></table>"""


def brief_html(brief: Brief, compact: bool = False, omit: frozenset[str] = frozenset()) -> str:
    """One contact's brief as an HTML fragment (no <html> wrapper). ``compact`` fits a page:
    for a meeting with several people, one page each."""
    file, today = brief.file, brief.today
    contact = file.contact
    standing = file.standing
    role = " at ".join(_e(part) for part in (contact.title, file.organisation) if part)
    who = _rows(
        [
            ("Role", role),
            ("Relationship", "" if compact else _e(contact.relationship_type.capitalize())),
            ("Known for", known_for(contact.met_on, today)),
            ("How we met", _e(contact.met_how)),
            ("Email", _e(", ".join(file.emails))),
            ("Phone", "" if compact else _e(", ".join(file.phones))),
        ]
    )
    points = "".join(f"<p class='point'>• {_e(p.text)}</p>" for p in brief.points)
    layers = (
        "<br>".join(
            f"<b>{_e(layer.layer)}</b>: {_e(layer.stage)}"
            + (" <span class='minus'>(critical)</span>" if stages.is_critical(layer.stage) else "")
            + f" <span class='muted'>since {layer.since.astimezone():%d %b %Y}</span>"
            for layer in file.layers
        )
        or "<span class='muted'>No stage set.</span>"
    )
    balance_class = _signed(standing.balance)
    interactions = (
        "".join(
            f"<tr><td width='19%'>{e.occurred_at.astimezone():%d %b %Y}</td>"
            f"<td width='13%'>{_e(e.kind)}</td>"
            f"<td width='7%' class='{_signed(e.value)}'>{e.value:+d}</td>"
            f"<td>{_e(e.summary)}</td></tr>"
            for e in file.entries[: COMPACT_INTERACTIONS if compact else None]
        )
        or "<tr><td class='muted'>No interactions logged yet.</td></tr>"
    )
    promises = (
        "".join(
            f"<tr><td width='22%'>{'I promised' if p.owner == 'me' else 'They promised'}</td>"
            f"<td>{_e(p.text)}</td><td width='22%'>{_due(p.due_on, today)}</td></tr>"
            for p in file.open_promises
        )
        or "<tr><td class='muted'>Nothing promised either way.</td></tr>"
    )
    upcoming = (
        "".join(
            f"<tr><td width='22%'>{_due_text(m.day, today)}</td><td>{_e(m.title)}</td></tr>"
            for m in brief.upcoming
            # Promises are listed above with their due dates.
            if m.kind not in (MomentKind.PROMISE_MINE, MomentKind.PROMISE_THEIRS)
        )
        or "<tr><td class='muted'>Nothing in the next three weeks.</td></tr>"
    )
    width, height = CHART_SIZE
    if compact:  # the same image, shown smaller, keeps its proportions and stays sharp
        width, height = round(width * 0.7), round(height * 0.7)
    chart = (
        ""
        if "chart" in omit
        else f"<p><img src='{brief.chart_name}' width='{width}' height='{height}'></p>"
    )
    personal = (
        "" if "personal" in omit else "<h2>Personal</h2>" + _side(file, Side.PERSONAL, compact)
    )
    recent = (
        ""
        if "interactions" in omit
        else f"<h2>Last interactions</h2><table width='100%' cellspacing='0'>{interactions}</table>"
    )
    page = f"""
{_heading(brief, role, compact)}
<h2>Talking points</h2>
{points or "<p class='muted'>Nothing pressing: listen, and learn one new thing.</p>"}
<h2>Who they are</h2>
{who}
<h2>The relationship</h2>
<p>Balance <span class='{balance_class}'>{standing.balance:+.1f}</span>,
trend {standing.trend:+.1f} over 90 days — {standing.health.label.lower()}.<br>{layers}</p>
{chart}
<h2>Professional</h2>
{_side(file, Side.PROFESSIONAL, compact)}
{personal}
<h2>Open promises</h2>
<table width='100%' cellspacing='0'>{promises}</table>
<h2>Due and coming up</h2>
<table width='100%' cellspacing='0'>{upcoming}</table>
{recent}
"""
    return page


def organisation_summary_html(name: str, briefs: list[Brief], today: date) -> str:
    rows = "".join(
        f"<tr><td>{_e(b.file.contact.display_name)}</td><td>{_e(b.file.contact.title)}</td>"
        f"<td>{_e(b.file.contact.stage)}</td>"
        f"<td class='{_signed(b.file.standing.balance)}'>"
        f"{b.file.standing.balance:+.1f}</td><td>{b.file.standing.health.label}</td>"
        f"<td>{len(b.file.open_promises)}</td></tr>"
        for b in briefs
    )
    points = "".join(
        f"<p class='point'>• <b>{_e(b.file.contact.display_name)}</b>: {_e(p.text)}</p>"
        for b in briefs
        for p in b.points[:2]
    )
    return f"""
<h1>{_e(name)}</h1>
<p class='sub'>Meeting brief for {len(briefs)} people · {today:%A %d %B %Y}</p>
<h2>Who is in the room</h2>
<table width='100%' cellspacing='0'>
<tr><th>Name</th><th>Title</th><th>Stage</th><th>Balance</th><th>Health</th><th>Promises</th></tr>
{rows}</table>
<h2>Talking points</h2>
{points or "<p class='muted'>Nothing pressing.</p>"}
"""


def document_html(sections: list[str], compact: bool = False) -> str:
    """Sections joined with page breaks into one printable document; ``compact`` sets
    smaller type so that each person of a group meeting fits a page."""
    pages = "".join(
        f"<div style='page-break-before: always;'>{section}</div>" if index else section
        for index, section in enumerate(sections)
    )
    style = (
        STYLE.replace("font-size: 9.5pt", "font-size: 8pt")
        .replace("font-size: 18pt", "font-size: 14pt")
        .replace("font-size: 11pt", "font-size: 9.5pt")
        .replace("margin-top: 12px", "margin-top: 6px")
        if compact
        else STYLE
    )
    return f"<html><head><style>{style}</style></head><body>{pages}</body></html>"
