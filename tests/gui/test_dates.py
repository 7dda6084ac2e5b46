"""One date language: shown as the locale writes it, typed in its forms."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale

from relationship_journal.domain.dates import DateError, PartialDate
from relationship_journal.ui.dates import day_text, entry_format, parse_typed_day


@pytest.fixture
def locale(qapp: object) -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("name", "shown", "typed", "format_"),
    [
        ("en_GB", "7 Mar 2026", "7/3/2026", "d/M/yyyy"),
        ("en_US", "Mar 7, 2026", "3/7/2026", "M/d/yyyy"),
        ("de_DE", "7. März 2026", "7.3.2026", "d.M.yyyy"),
    ],
)
def test_days_read_and_type_as_the_locale_does(
    locale: None, name: str, shown: str, typed: str, format_: str
) -> None:
    QLocale.setDefault(QLocale(name))
    assert day_text(date(2026, 3, 7)) == shown  # no leading zero
    assert entry_format() == format_
    assert parse_typed_day(typed) == PartialDate(3, 7, 2026)


def test_typed_forms_and_a_birthday_without_its_year(locale: None) -> None:
    QLocale.setDefault(QLocale("en_GB"))
    assert parse_typed_day("31/12/1980") == PartialDate(12, 31, 1980)
    assert parse_typed_day("31 Dec 1980") == PartialDate(12, 31, 1980)
    assert parse_typed_day("December 31, 1980") == PartialDate(12, 31, 1980)
    assert parse_typed_day("1980-12-31") == PartialDate(12, 31, 1980)
    assert parse_typed_day("29/2") == PartialDate(2, 29)
    assert parse_typed_day("  ") is None
    with pytest.raises(DateError, match="not a date"):
        parse_typed_day("next Tuesday")
    with pytest.raises(DateError, match="does not exist"):
        parse_typed_day("31/2/1980")
