"""A deterministic generator of realistic journals of any size.

Names and text in several languages; per contact about 20 journal entries over two years,
5 profile answers, a couple of promises, a stage. What a person keeps open is bounded
whatever the size: a few hundred open promises, follow-ups and reminders in all, not a
few per contact. One
contact ("Benchmark Heavy") has 1,000 entries, for the open-a-big-contact measurement.
Rows are written with plain SQL in one transaction per table batch; the running balance is
computed as the app computes it, and the search index fills through its triggers.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from relationship_journal.domain import ledger
from relationship_journal.domain.profile import TOPICS
from relationship_journal.domain.stages import SIX_STAGES
from relationship_journal.domain.text import fold
from relationship_journal.store.journal import open_journal

GENERATOR_VERSION = 4
# Open promises, follow-ups and reminders in the whole journal, at any size.
OPEN_ITEMS = 300


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


HEAVY_NAME = "Benchmark Heavy"
HEAVY_ENTRIES = 1000

GIVEN = _words(
    "Jürgen Anke Lukas Sofía Lucía Mateo Aiko Haruto Yuki 陽翔 美咲 Priya Arjun Fatima "
    "Omar Layla Olumide Amara Kwame Chloé Théo Élodie Lars Björn Ingrid Виктор Анна "
    "Мария Wei Li Mei Noah Emma Olivia Liam Margaret Grace Daniel Hannah Isabella "
    "Rafael Sara David Zoë Søren Åsa Łukasz Zofia Nikolai Ayşe Mehmet Ngozi Chidi "
)
FAMILY = _words(
    "Müller Schmidt Hernández García López Tanaka Suzuki 佐藤 高橋 Raman Patel Al-Sayed "
    "Haddad Adeyemi Okafor Mensah Dubois Martin Lefèvre Øberg Lindqvist Svensson "
    "Петров Иванова Wang Zhang Williams Smith O'Neill Whitfield Kowalski Nowak Costa "
    "Cohen Rossi Bianchi Nakamura Yılmaz Jensen Novák "
)
ORG_WORDS = _words(
    "Northwind Helix Brightwater Atlas Meridian Kestrel Orchard Vanta Lumen Cobalt "
    "Harbor Summit Aurora Granite Willow Falcon Nordlicht Sol Fuji Kōgen Estrella "
    "Polaris Zenith "
)
ORG_KINDS = _words("Logistics Pharma Bank Retail Energy Software Health Insurance Foods Labs ")
TITLES = (
    "Head of Procurement",
    "VP Operations",
    "CFO",
    "CTO",
    "Director of Sales",
    "IT Director",
    "Category Manager",
    "Chief Risk Officer",
    "Head of Supply Chain",
    "Product Director",
    "Finance Business Partner",
    "Leiterin Einkauf",
    "Directora Comercial",
    "部長",
)
SUMMARIES = (
    "Quarterly review of the account",
    "Lunch near their office",
    "Call about the renewal",
    "Sent the monthly service report",
    "Workshop on next year's priorities",
    "Fixed the reporting issue quickly",
    "Late delivery of the benchmark",
    "Reunión sobre el contrato",
    "Telefonat wegen der Lieferung",
    "Congratulated them on the results",
    "Introduced them to a peer",
    "Invoice error on our side",
    "Visite du site de production",
)
FACTS = (
    "Sailing and jazz records",
    "Two children, both at school",
    "Marathon runner",
    "Wants to become COO",
    "Measured on cost savings and supplier risk",
    "Worried about peak-season staffing",
    "Could use an introduction to a peer",
    "Lives in the old town",
    "Studied engineering",
    "Spielt Tennis im Verein",
)


def _org_names(count: int) -> list[str]:
    names = []
    per_round = len(ORG_WORDS) * len(ORG_KINDS)
    for i in range(count):
        word, kind = (
            ORG_WORDS[i % len(ORG_WORDS)],
            ORG_KINDS[(i // len(ORG_WORDS)) % len(ORG_KINDS)],
        )
        round_number = i // per_round
        names.append(f"{word} {kind}" + (f" {round_number + 1}" if round_number else ""))
    return names


def _when(rng: random.Random, now: datetime, max_days: int) -> datetime:
    return now - timedelta(days=rng.uniform(0, max_days), hours=rng.uniform(0, 10))


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def generate(path: Path, contacts: int, seed: int = 7, entries_per_contact: int = 20) -> Path:
    """Write a journal of ``contacts`` contacts at ``path`` (replacing any file there)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    journal = open_journal(path, path.parent / "backups")
    journal.close()
    rng = random.Random(seed)
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    created = _iso(now - timedelta(days=800))
    organisations = max(10, contacts // 20)
    db.executemany(
        "INSERT INTO organisation (id, name, name_key, industry, notes, created_at) "
        "VALUES (?, ?, ?, ?, '', ?)",
        [
            (i + 1, name, fold(name), ORG_KINDS[i % len(ORG_KINDS)], created)
            for i, name in enumerate(_org_names(organisations))
        ],
    )
    contact_rows, email_rows, phone_rows, job_rows = [], [], [], []
    fact_rows, layer_rows, change_rows, promise_rows, reminder_rows = [], [], [], [], []
    entry_rows, link_rows = [], []
    entry_id = 0
    open_rate = min(0.5, OPEN_ITEMS / (2 * contacts))
    follow_rate = OPEN_ITEMS / (contacts * entries_per_contact)
    reminder_every = max(10, contacts // OPEN_ITEMS)
    for cid in range(1, contacts + 1):
        name = HEAVY_NAME if cid == 1 else f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        org = rng.randint(1, organisations)
        count = HEAVY_ENTRIES if cid == 1 else max(1, int(rng.gauss(entries_per_contact, 5)))
        running, last = 0.0, None
        for _ in range(count):
            entry_id += 1
            at = _when(rng, now, 730)
            value = rng.choice((0, 1, 1, 2, 2, 3, 4, -1, -2, -3))
            running += ledger.term(value, at)
            follow_up = (
                (at.date() + timedelta(days=rng.randint(7, 60))).isoformat()
                if rng.random() < follow_rate
                else None
            )
            last = at if last is None or at > last else last
            entry_rows.append(
                (
                    entry_id,
                    _iso(at),
                    rng.choice(("meeting", "call", "email", "message")),
                    rng.choice(SUMMARIES),
                    "",
                    value,
                    "",
                    follow_up,
                    created,
                    created,
                )
            )
            link_rows.append((entry_id, cid))
        birthday = rng.random() < 0.8
        stage = rng.choice(SIX_STAGES.stages)
        contact_rows.append(
            (
                cid,
                name,
                fold(name),
                name.split()[0],
                name.split()[-1],
                "",
                rng.choice(TITLES),
                org,
                rng.randint(1950, 2000) if birthday and rng.random() < 0.7 else None,
                rng.randint(1, 12) if birthday else None,
                rng.randint(1, 28) if birthday else None,
                "client",
                rng.choice(("key", "strategic", "standard", "standard", "standard")),
                rng.choice((None, 30, 60, 90)),
                "",
                "",
                "",
                created,
                created,
                running,
                _iso(last) if last else None,
                rng.randint(0, 100),
                stage,
            )
        )
        email_rows.append((cid, f"person{cid}@example.com", f"person{cid}@example.com", "work"))
        phone_rows.append(
            (cid, f"+44 20 7946 {cid % 10000:04d}", f"2079{cid % 100000:05d}", "mobile")
        )
        job_rows.append((cid, org, "title", date(2024, 1, 1).isoformat()))
        for topic in rng.sample(TOPICS, 5):
            fact_rows.append((cid, topic.key, rng.choice(FACTS), _iso(_when(rng, now, 400))))
        since = _iso(_when(rng, now, 300))
        layer_rows.append((cid, "customer", SIX_STAGES.key, stage, since))
        change_rows.append((cid, "customer", stage, since))
        for _ in range(2):
            made = now.date() - timedelta(days=rng.randint(1, 60))
            promise_rows.append(
                (
                    cid,
                    rng.choice(("me", "them")),
                    "Send the proposal",
                    made.isoformat(),
                    (made + timedelta(days=rng.randint(3, 40))).isoformat(),
                    "open" if rng.random() < open_rate else rng.choice(("kept", "broken")),
                )
            )
        if cid % reminder_every == 0:
            reminder_rows.append(
                (cid, "Check in", _iso(now - timedelta(days=30)), "FREQ=MONTHLY;BYDAY=2TU")
            )
    db.executemany(
        "INSERT INTO contact (id, display_name, name_key, given_name, family_name, nickname, title,"
        " organisation_id, birth_year, birth_month, birth_day, relationship_type, tier,"
        " cadence_days, met_how, notes, photo, created_at, updated_at, balance_sum,"
        " last_contact_at, known_score, stage, met_on, deleted_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULLIF(?, ''),?,?,?,?,?,?,NULL,NULL)",
        contact_rows,
    )
    db.executemany(
        "INSERT INTO contact_email (contact_id, address, address_key, label) VALUES (?,?,?,?)",
        email_rows,
    )
    db.executemany(
        "INSERT INTO contact_phone (contact_id, number, digits, label) VALUES (?,?,?,?)", phone_rows
    )
    db.executemany(
        "INSERT INTO employment (contact_id, organisation_id, title, started_on) VALUES (?,?,?,?)",
        job_rows,
    )
    db.executemany(
        "INSERT INTO profile_fact (contact_id, topic, text, recorded_at) VALUES (?,?,?,?)",
        fact_rows,
    )
    db.executemany(
        "INSERT INTO contact_layer (contact_id, layer, model_key, stage, since, position)"
        " VALUES (?,?,?,?,?,0)",
        layer_rows,
    )
    db.executemany(
        "INSERT INTO stage_change (contact_id, layer, stage, changed_at, note) VALUES (?,?,?,?,'')",
        change_rows,
    )
    db.executemany(
        "INSERT INTO promise (contact_id, owner, text, made_on, due_on, status)"
        " VALUES (?,?,?,?,?,?)",
        promise_rows,
    )
    db.executemany(
        "INSERT INTO reminder (contact_id, title, notes, starts_at, all_day, rrule, active)"
        " VALUES (?,?,'',?,1,?,1)",
        reminder_rows,
    )
    db.executemany(
        "INSERT INTO entry (id, occurred_at, kind, summary, notes, value, category,"
        " follow_up_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        entry_rows,
    )
    db.executemany("INSERT INTO entry_contact (entry_id, contact_id) VALUES (?,?)", link_rows)
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    db.close()
    return path


def vcards(count: int, seed: int = 11) -> str:
    """``count`` vCards as phones export them, for the import measurement."""
    rng = random.Random(seed)
    cards = []
    for n in range(count):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        cards.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"N:{family};{given};;;\r\nFN:{given} {family}\r\n"
            f"ORG:{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)}\r\n"
            f"TITLE:{rng.choice(TITLES)}\r\n"
            f"EMAIL;TYPE=WORK:import{n}@example.org\r\n"
            f"TEL;TYPE=CELL:+49 170 {n:07d}\r\n"
            f"BDAY:--{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}\r\n"
            "CATEGORIES:Imported\r\nEND:VCARD\r\n"
        )
    return "".join(cards)
