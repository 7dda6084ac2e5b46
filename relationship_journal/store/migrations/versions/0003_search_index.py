"""full-text search index, kept in step by triggers

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 15:50:00

One FTS5 table holds what the user searches: contacts (name, nickname, title, notes, how
we met), their email addresses, organisations, profile answers and journal entries.
``unicode61 remove_diacritics 2`` makes matching accent-insensitive ("jurg" finds
"Jürgen"); queries use prefix terms. ``kind`` is indexed so that a query for one kind
("kind : organisation AND …") is answered by the index rather than by reading every
match. Triggers keep it in step with every change, in the same transaction; trashed
contacts are left out of the index.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Only the first part of a very long text is indexed: FTS5's snippets slow down with the
# number of matches in one document, and a pasted megabyte would stall search as you type.
BODY_LIMIT = 20000
CONTACT_BODY = (
    "substr(coalesce(NEW.nickname, '') || ' ' || coalesce(NEW.title, '') || ' ' || "
    f"coalesce(NEW.notes, '') || ' ' || coalesce(NEW.met_how, ''), 1, {BODY_LIMIT})"
)

STATEMENTS = [
    """
    CREATE VIRTUAL TABLE search_index USING fts5(
        kind, ref_id UNINDEXED, contact_id UNINDEXED, title, body,
        tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    # contacts
    f"""
    CREATE TRIGGER search_contact_insert AFTER INSERT ON contact
    WHEN NEW.deleted_at IS NULL BEGIN
        INSERT INTO search_index (kind, ref_id, contact_id, title, body)
        VALUES ('contact', NEW.id, NEW.id, NEW.display_name, {CONTACT_BODY});
    END
    """,
    f"""
    CREATE TRIGGER search_contact_update AFTER UPDATE OF
        display_name, nickname, title, notes, met_how, deleted_at ON contact BEGIN
        DELETE FROM search_index WHERE kind = 'contact' AND ref_id = OLD.id;
        INSERT INTO search_index (kind, ref_id, contact_id, title, body)
        SELECT 'contact', NEW.id, NEW.id, NEW.display_name, {CONTACT_BODY}
        WHERE NEW.deleted_at IS NULL;
    END
    """,
    """
    CREATE TRIGGER search_contact_delete AFTER DELETE ON contact BEGIN
        DELETE FROM search_index WHERE kind = 'contact' AND ref_id = OLD.id;
    END
    """,
    # email addresses
    """
    CREATE TRIGGER search_email_insert AFTER INSERT ON contact_email BEGIN
        INSERT INTO search_index (kind, ref_id, contact_id, title, body)
        VALUES ('email', NEW.id, NEW.contact_id, NEW.address, '');
    END
    """,
    """
    CREATE TRIGGER search_email_delete AFTER DELETE ON contact_email BEGIN
        DELETE FROM search_index WHERE kind = 'email' AND ref_id = OLD.id;
    END
    """,
    # organisations
    """
    CREATE TRIGGER search_organisation_insert AFTER INSERT ON organisation BEGIN
        INSERT INTO search_index (kind, ref_id, contact_id, title, body)
        VALUES ('organisation', NEW.id, NULL, NEW.name, coalesce(NEW.industry, ''));
    END
    """,
    """
    CREATE TRIGGER search_organisation_update AFTER UPDATE OF name, industry ON organisation
    BEGIN
        DELETE FROM search_index WHERE kind = 'organisation' AND ref_id = OLD.id;
        INSERT INTO search_index (kind, ref_id, contact_id, title, body)
        VALUES ('organisation', NEW.id, NULL, NEW.name, coalesce(NEW.industry, ''));
    END
    """,
    """
    CREATE TRIGGER search_organisation_delete AFTER DELETE ON organisation BEGIN
        DELETE FROM search_index WHERE kind = 'organisation' AND ref_id = OLD.id;
    END
    """,
    # profile answers (every recorded answer: what I knew when is searchable too)
    f"""
    CREATE TRIGGER search_fact_insert AFTER INSERT ON profile_fact BEGIN
        INSERT INTO search_index (kind, ref_id, contact_id, title, body)
        VALUES ('profile', NEW.id, NEW.contact_id, NEW.topic, substr(NEW.text, 1, {BODY_LIMIT}));
    END
    """,
    """
    CREATE TRIGGER search_fact_delete AFTER DELETE ON profile_fact BEGIN
        DELETE FROM search_index WHERE kind = 'profile' AND ref_id = OLD.id;
    END
    """,
    # journal entries
    f"""
    CREATE TRIGGER search_entry_insert AFTER INSERT ON entry BEGIN
        INSERT INTO search_index (kind, ref_id, contact_id, title, body)
        VALUES ('entry', NEW.id, NULL, NEW.summary,
                substr(coalesce(NEW.notes, '') || ' ' || coalesce(NEW.category, ''),
                       1, {BODY_LIMIT}));
    END
    """,
    f"""
    CREATE TRIGGER search_entry_update AFTER UPDATE OF summary, notes, category ON entry BEGIN
        DELETE FROM search_index WHERE kind = 'entry' AND ref_id = OLD.id;
        INSERT INTO search_index (kind, ref_id, contact_id, title, body)
        VALUES ('entry', NEW.id, NULL, NEW.summary,
                substr(coalesce(NEW.notes, '') || ' ' || coalesce(NEW.category, ''),
                       1, {BODY_LIMIT}));
    END
    """,
    """
    CREATE TRIGGER search_entry_delete AFTER DELETE ON entry BEGIN
        DELETE FROM search_index WHERE kind = 'entry' AND ref_id = OLD.id;
    END
    """,
    # Existing journals: index what they hold.
    f"""
    INSERT INTO search_index (kind, ref_id, contact_id, title, body)
    SELECT 'contact', id, id, display_name,
           substr(coalesce(nickname, '') || ' ' || coalesce(title, '') || ' ' ||
                  coalesce(notes, '') || ' ' || coalesce(met_how, ''), 1, {BODY_LIMIT})
    FROM contact WHERE deleted_at IS NULL
    """,
    """
    INSERT INTO search_index (kind, ref_id, contact_id, title, body)
    SELECT 'email', id, contact_id, address, '' FROM contact_email
    """,
    """
    INSERT INTO search_index (kind, ref_id, contact_id, title, body)
    SELECT 'organisation', id, NULL, name, coalesce(industry, '') FROM organisation
    """,
    f"""
    INSERT INTO search_index (kind, ref_id, contact_id, title, body)
    SELECT 'profile', id, contact_id, topic, substr(text, 1, {BODY_LIMIT}) FROM profile_fact
    """,
    f"""
    INSERT INTO search_index (kind, ref_id, contact_id, title, body)
    SELECT 'entry', id, NULL, summary,
           substr(coalesce(notes, '') || ' ' || coalesce(category, ''), 1, {BODY_LIMIT})
    FROM entry
    """,
]

TRIGGERS = [
    "search_contact_insert",
    "search_contact_update",
    "search_contact_delete",
    "search_email_insert",
    "search_email_delete",
    "search_organisation_insert",
    "search_organisation_update",
    "search_organisation_delete",
    "search_fact_insert",
    "search_fact_delete",
    "search_entry_insert",
    "search_entry_update",
    "search_entry_delete",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_index")
