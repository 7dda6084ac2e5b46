"""Partial dates, profile history and completeness, the drifting rule."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from relationship_journal.domain import ledger, profile
from relationship_journal.domain.contact import ContactDraft, FieldError, Labelled, parse_birthday
from relationship_journal.domain.dates import DateError, PartialDate
from relationship_journal.domain.text import fold


def test_year_less_and_leap_day_birthdays() -> None:
    assert PartialDate.parse("--02-29") == PartialDate(2, 29)
    assert PartialDate.parse("--0229").iso() == "--02-29"
    leap = PartialDate.parse("1988-02-29")
    assert leap.occurrence_in(2027) == date(2027, 2, 28)
    assert leap.occurrence_in(2028) == date(2028, 2, 29)
    assert leap.age_on(date(2027, 2, 28)) == 39
    assert leap.age_on(date(2027, 2, 27)) == 38
    with pytest.raises(DateError, match="day 29 does not exist in February 1987"):
        PartialDate.parse("1987-02-29")
    with pytest.raises(DateError, match="month 13"):
        PartialDate.parse("1985-13-45")


def test_next_occurrence_wraps_the_year() -> None:
    assert PartialDate(1, 2).next_occurrence(date(2026, 12, 30)) == date(2027, 1, 2)
    assert PartialDate(12, 30).next_occurrence(date(2026, 12, 30)) == date(2026, 12, 30)


def test_birthday_field_error_names_the_field() -> None:
    with pytest.raises(FieldError) as raised:
        parse_birthday("next tuesday")
    assert raised.value.field == "birthday"
    assert parse_birthday("  ") is None


def test_draft_cleaning_rejects_bad_email_and_keeps_right_to_left_text() -> None:
    with pytest.raises(FieldError, match="not an email"):
        ContactDraft("A", emails=[Labelled("a b.example.com")]).cleaned()
    # A local domain is an address all the same (test suites use "contact1@invalid").
    kept = ContactDraft("A", emails=[Labelled("contact1@invalid")]).cleaned()
    assert kept.emails[0].value == "contact1@invalid"
    cleaned = ContactDraft("  נועה\x07 כהן  ").cleaned()
    assert cleaned.display_name == "נועה כהן"


def test_fold_ignores_accents_and_case() -> None:
    assert fold("Jürgen MÜLLER") == "jurgen muller"
    assert fold("Łukasz Øberg Straße") == "lukasz oberg strasse"


def test_newest_answer_is_current_and_empty_means_unknown() -> None:
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    history = [
        profile.Fact("next_job", "COO", t0),
        profile.Fact("next_job", "CEO", t0 + timedelta(days=5)),
        profile.Fact("family", "Two sons", t0),
        profile.Fact("family", "", t0 + timedelta(days=9)),
    ]
    current = profile.current_facts(history)
    assert current["next_job"].text == "CEO"
    assert "family" not in current


def test_completeness_weighs_professional_answers_double() -> None:
    assert profile.completeness([]) == 0
    assert profile.completeness([t.key for t in profile.TOPICS]) == 100
    one_personal = profile.completeness(["family"])
    one_professional = profile.completeness(["next_job"])
    assert one_professional == pytest.approx(2 * one_personal, abs=1)
    assert profile.open_questions(["next_job"])[0].key == "current_role"


def test_drifting_rule_uses_the_contacts_cadence() -> None:
    now = datetime(2026, 11, 24, tzinfo=UTC)
    assert ledger.is_drifting(now - timedelta(days=31), 30, now)
    assert not ledger.is_drifting(now - timedelta(days=29), 30, now)
    assert not ledger.is_drifting(now - timedelta(days=80), None, now)
    assert ledger.is_drifting(now - timedelta(days=91), None, now)
    assert not ledger.is_drifting(None, 30, now)
