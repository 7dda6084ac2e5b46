"""The agenda: the moments that matter, read by kind from indexed ranges of days.

``sections`` answers Today (counts and first rows), ``collect`` every moment of a stretch
of days, ``due`` what to tell the user of now; ``states`` remembers what was done or
snoozed and ``rules`` how far ahead the user wants to be told.
"""

from relationship_journal.store.agenda.gather import collect, due
from relationship_journal.store.agenda.rules import (
    DISABLED_NUDGES,
    disabled_nudges,
    notice_rules,
    set_notice_rule,
    set_nudge_enabled,
)
from relationship_journal.store.agenda.sections import SECTION_ORDER, SHOWN_FIRST, Section, sections
from relationship_journal.store.agenda.states import mark_done, snooze

__all__ = [
    "DISABLED_NUDGES",
    "SECTION_ORDER",
    "SHOWN_FIRST",
    "Section",
    "collect",
    "disabled_nudges",
    "due",
    "mark_done",
    "notice_rules",
    "sections",
    "set_notice_rule",
    "set_nudge_enabled",
    "snooze",
]
