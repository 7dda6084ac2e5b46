"""The balance rules: properties that hold for any history of entries."""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relationship_journal.domain import ledger
from relationship_journal.domain.ledger import Health

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

moments = st.integers(min_value=0, max_value=3 * 365 * 24).map(
    lambda hours: NOW - timedelta(hours=hours)
)
values = st.integers(min_value=-5, max_value=5)
histories = st.lists(st.tuples(moments, values), max_size=40)


@given(histories, st.randoms())
def test_order_of_insertion_does_not_matter(history, rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(history)
    rnd.shuffle(shuffled)
    assert ledger.balance(history, NOW) == pytest.approx(ledger.balance(shuffled, NOW), abs=1e-9)


@given(histories, moments, st.integers(min_value=1, max_value=5))
def test_a_deposit_never_lowers_the_balance(history, at, weight) -> None:  # type: ignore[no-untyped-def]
    before = ledger.balance(history, NOW)
    after = ledger.balance([*history, (at, float(weight))], NOW)
    assert after > before


@given(histories, moments, st.integers(min_value=1, max_value=5))
def test_a_withdrawal_never_raises_the_balance(history, at, weight) -> None:  # type: ignore[no-untyped-def]
    assert ledger.balance([*history, (at, -float(weight))], NOW) < ledger.balance(history, NOW)


@given(moments, st.integers(min_value=1, max_value=5), st.integers(min_value=1, max_value=2000))
def test_decay_is_monotone_for_a_single_entry(at, weight, days) -> None:  # type: ignore[no-untyped-def]
    earlier = ledger.balance([(at, float(weight))], NOW)
    later = ledger.balance([(at, float(weight))], NOW + timedelta(days=days))
    assert 0 < later < earlier <= weight


@settings(max_examples=200)
@given(histories)
def test_running_sum_equals_the_direct_sum(history) -> None:  # type: ignore[no-untyped-def]
    running = sum(ledger.term(value, at) for at, value in history)
    assert ledger.balance_from_sum(running, NOW) == pytest.approx(
        ledger.balance(history, NOW), abs=1e-9
    )


@given(histories)
def test_trend_from_sums_equals_the_direct_trend(history) -> None:  # type: ignore[no-untyped-def]
    since = NOW - timedelta(days=ledger.TREND_DAYS)
    running = sum(ledger.term(value, at) for at, value in history)
    recent = sum(ledger.term(value, at) for at, value in history if at > since)
    assert ledger.trend_from_sums(running, recent, NOW) == pytest.approx(
        ledger.trend(history, NOW), abs=1e-9
    )


def test_half_life_halves_an_entry() -> None:
    at = NOW - timedelta(days=ledger.HALF_LIFE_DAYS)
    assert ledger.balance([(at, 4.0)], NOW) == pytest.approx(2.0)


def test_extreme_dates_stay_finite() -> None:
    for year in (1900, 2200):
        assert math.isfinite(ledger.term(5, datetime(year, 1, 1, tzinfo=UTC)))


def test_signed_value_rejects_weights_out_of_range() -> None:
    assert ledger.signed_value("deposit", 3) == 3
    assert ledger.signed_value("withdrawal", 2) == -2
    assert ledger.signed_value("neutral", 9) == 0
    with pytest.raises(ValueError, match="weight"):
        ledger.signed_value("deposit", 6)


@pytest.mark.parametrize(
    ("balance", "trend", "days_ago", "cadence", "expected"),
    [
        (-0.5, 2.0, 1, None, Health.OVERDRAWN),
        (3.0, 2.0, 40, 30, Health.DRIFTING),
        (3.0, 2.0, 40, None, Health.GROWING),
        (3.0, -1.0, 5, None, Health.COOLING),
        (3.0, 0.1, 5, None, Health.STEADY),
        (3.0, 0.1, 100, None, Health.DRIFTING),
    ],
)
def test_health_rules(balance, trend, days_ago, cadence, expected) -> None:  # type: ignore[no-untyped-def]
    last = NOW - timedelta(days=days_ago)
    assert ledger.health(balance, trend, last, cadence, NOW).health is expected


def test_a_contact_never_met_is_new() -> None:
    assert ledger.health(0.0, 0.0, None, None, NOW).health is Health.NEW


def _day_terms(history: list[tuple[datetime, float]]) -> list[tuple[date, float]]:
    """What the store sums per day: each entry's term, on the day its chart point first
    counts it."""
    sums: dict[date, float] = {}
    for at, value in history:
        day = ledger.sample_day(at)
        sums[day] = sums.get(day, 0.0) + ledger.term(value, at)
    return sorted(sums.items())


def _assert_each_point_is_the_balance(
    series: list[tuple[date, float]], history: list[tuple[datetime, float]]
) -> None:
    for day, value in series:
        moment = datetime.combine(day, ledger.SAMPLE_TIME, tzinfo=UTC)
        assert math.isclose(value, ledger.balance(history, moment), rel_tol=1e-9, abs_tol=1e-9)


def test_the_balance_series_is_the_balance_at_each_point() -> None:
    """Summed per day, each point is what ``balance`` gives at that moment."""
    rng = random.Random(3)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    entries = [
        (start + timedelta(days=rng.uniform(-30, 400)), float(rng.choice((-3, -1, 1, 2, 5))))
        for _ in range(300)
    ]
    series = ledger.balance_series(_day_terms(entries), date(2025, 1, 1), date(2026, 1, 31))
    assert len(series) == 61
    assert series[0][0] == date(2025, 1, 1) and series[-1][0] == date(2026, 1, 31)
    _assert_each_point_is_the_balance(series, entries)


@settings(max_examples=200)
@given(histories, st.integers(min_value=0, max_value=800), st.integers(min_value=0, max_value=900))
def test_every_point_of_any_series_is_the_balance_then(history, back, span) -> None:  # type: ignore[no-untyped-def]
    end = NOW.date() - timedelta(days=back)
    start = end - timedelta(days=span)
    _assert_each_point_is_the_balance(
        ledger.balance_series(_day_terms(history), start, end), history
    )


def test_an_entry_counts_from_the_point_whose_moment_it_does_not_pass() -> None:
    """A point is the balance at 23:59 UTC of its day: an entry made at that very moment
    counts in it, one made a microsecond later only in the next."""
    day = date(2026, 3, 10)
    sample = datetime.combine(day, ledger.SAMPLE_TIME, tzinfo=UTC)
    at_the_moment = [(sample, 2.0)]
    just_after = [(sample + timedelta(microseconds=1), 2.0)]
    assert ledger.sample_day(sample) == day
    assert ledger.sample_day(sample + timedelta(microseconds=1)) == day + timedelta(days=1)
    local = sample.astimezone(timezone(timedelta(hours=5)))  # the same moment, elsewhere
    assert ledger.sample_day(local) == day
    for history, first_counted in ((at_the_moment, 0), (just_after, 1)):
        series = ledger.balance_series(_day_terms(history), day, day + timedelta(days=2))
        assert [value > 0 for _, value in series] == [i >= first_counted for i in range(3)]
        _assert_each_point_is_the_balance(series, history)
