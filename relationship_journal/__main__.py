from relationship_journal.app import main

raise SystemExit(main())
