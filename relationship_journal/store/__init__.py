"""Everything that touches the journal file: tables, migrations, queries, backups."""
