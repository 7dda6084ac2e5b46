"""The balance rules: properties that hold for any history of entries."""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta

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


def test_the_balance_series_is_the_balance_at_each_point() -> None:
    """Worked out in one pass, each point is what ``balance`` gives at that moment."""
    rng = random.Random(3)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    entries = [
        (start + timedelta(days=rng.uniform(-30, 400)), float(rng.choice((-3, -1, 1, 2, 5))))
        for _ in range(300)
    ]
    series = ledger.balance_series(entries, date(2025, 1, 1), date(2026, 1, 31))
    assert len(series) == 61
    for day, value in series:
        moment = datetime(day.year, day.month, day.day, 23, 59, tzinfo=UTC)
        assert math.isclose(value, ledger.balance(entries, moment), rel_tol=1e-9, abs_tol=1e-9)
