"""Entry point of the packaged application."""

from relationship_journal.app import main

raise SystemExit(main())
