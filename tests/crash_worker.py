"""Run by the crash test in a child process: real journal writes, each acknowledged on stdout
after it commits, until the parent kills the process."""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from pathlib import Path

from sqlmodel import select

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.operations.journals import open_user_journal
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock
from relationship_journal.store.contacts import (
    create_contact,
    draft_of,
    get_contact,
    update_contact,
)
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.models import Contact


def main() -> None:
    data_dir, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    journal = open_user_journal(JournalPaths(data_dir))
    with journal.transaction() as session:
        ids = [c.id for c in session.exec(select(Contact)).all()]
        if not ids:
            ids = [
                create_contact(session, ContactDraft(f"Person {n}"), clock.now()).id
                for n in range(5)
            ]
    print("READY", flush=True)
    step = 0
    while True:
        step += 1
        contact_id = rng.choice(ids)
        now = clock.now()
        if step % 3 == 0:
            with journal.transaction() as session:
                draft = draft_of(session, get_contact(session, contact_id))
                draft.title = f"title {seed}-{step}"
                update_contact(session, contact_id, draft, now)
            print(f"TITLE {contact_id} {seed}-{step}", flush=True)
        else:
            summary = f"entry {seed}-{step}"
            value = rng.choice((-3, -1, 0, 1, 2, 4))
            with journal.transaction() as session:
                log_entry(
                    session,
                    EntryDraft(
                        [contact_id],
                        now - timedelta(days=rng.randint(0, 400)),
                        summary,
                        value=value,
                    ),
                    now,
                )
            print(f"ENTRY {summary}", flush=True)


if __name__ == "__main__":
    main()
