"""The relationship account: deposits, withdrawals, a balance that cools, a trend, a health.

Every journal entry carries a signed value: a deposit of weight 1–5 is +1…+5, a withdrawal
is −1…−5, a plain note is 0. An entry counts in full on its day and less as it ages,
decaying exponentially with a half-life of ``HALF_LIFE_DAYS``::

    balance(t) = Σ value_i · exp(−(t − t_i) / τ),   τ = HALF_LIFE_DAYS / ln 2

so a relationship left alone cools towards zero, and a recent favour outweighs an old one.

The sum can be kept as one number per contact: with a fixed epoch ``t0``,
``balance(t) = exp(−(t − t0)/τ) · S`` where ``S = Σ value_i · exp((t_i − t0)/τ)``. Logging
an entry adds one term to ``S``; deleting it subtracts the same term. Because the factor in
front is the same for every contact, ordering contacts by ``S`` orders them by balance.
The epoch sits near the present and dates are limited to 1900–2100, which keeps every term
well inside the range of a float.

An entry dated in the future counts from the moment it was logged: its term would
otherwise outweigh every other by a factor that grows with the distance (2100 is e^158
times today), showing an absurd balance now and drowning every later entry in rounding.

The trend is the change of the balance over the last ``TREND_DAYS`` days.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from relationship_journal.domain.taxonomy import Polarity

HALF_LIFE_DAYS = 120.0
TAU_DAYS = HALF_LIFE_DAYS / math.log(2)
TREND_DAYS = 90
EPOCH = datetime(2025, 1, 1, tzinfo=UTC)
MAX_WEIGHT = 5

# A trend smaller than this, either way, is noise rather than direction.
TREND_THRESHOLD = 0.5
# Days without any interaction after which a relationship with no cadence of its own drifts.
DEFAULT_CADENCE_DAYS = 90


class Health(StrEnum):
    NEW = "new"
    GROWING = "growing"
    STEADY = "steady"
    COOLING = "cooling"
    DRIFTING = "drifting"
    OVERDRAWN = "overdrawn"

    @property
    def label(self) -> str:
        return self.value.capitalize()


WEIGHTS = range(1, MAX_WEIGHT + 1)


@dataclass(frozen=True)
class EntryValue:
    """What an entry is worth, as the user says it: a deposit or a withdrawal of a weight
    1–5, or a plain note. The one place the weight range is checked."""

    polarity: Polarity
    weight: int = 0

    def __post_init__(self) -> None:
        if self.polarity is Polarity.NEUTRAL:
            object.__setattr__(self, "weight", 0)
        elif self.weight not in WEIGHTS:
            raise ValueError(f"weight must be 1–{MAX_WEIGHT}, not {self.weight}")

    @property
    def signed(self) -> int:
        """The value the account counts: +weight, −weight, or 0."""
        if self.polarity is Polarity.WITHDRAWAL:
            return -self.weight
        return self.weight

    @classmethod
    def of(cls, signed: int) -> EntryValue:
        """The value a stored entry carries, as the user would say it."""
        if signed == 0:
            return cls(Polarity.NEUTRAL)
        return cls(Polarity.DEPOSIT if signed > 0 else Polarity.WITHDRAWAL, abs(signed))


def signed_value(polarity: Polarity | str, weight: int) -> int:
    """The entry's value from what the user picked: deposit, withdrawal or neutral note."""
    try:
        chosen = Polarity(polarity)
    except ValueError:
        raise ValueError(f"unknown polarity {polarity!r}") from None
    return EntryValue(chosen, weight).signed


def _days_since_epoch(moment: datetime) -> float:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - EPOCH).total_seconds() / 86400.0


# Terms are computed for dates inside the journal's range only, so none can overflow even
# for a date stored by an older version.
_EARLIEST_DAYS = _days_since_epoch(datetime(1900, 1, 1, tzinfo=UTC))
_LATEST_DAYS = _days_since_epoch(datetime(2101, 1, 1, tzinfo=UTC))


def term(value: float, at: datetime, logged_at: datetime | None = None) -> float:
    """The entry's contribution to the running sum ``S``; ``logged_at`` is when it was
    logged, from which an entry dated later counts."""
    days = _days_since_epoch(at)
    if logged_at is not None:
        days = min(days, _days_since_epoch(logged_at))
    days = min(max(days, _EARLIEST_DAYS), _LATEST_DAYS)
    return value * math.exp(days / TAU_DAYS)


def scale(now: datetime) -> float:
    """The factor that turns a running sum ``S`` into today's balance."""
    return math.exp(-_days_since_epoch(now) / TAU_DAYS)


def balance_from_sum(running_sum: float, now: datetime) -> float:
    return running_sum * scale(now)


def balance(entries: Iterable[tuple[datetime, float]], now: datetime) -> float:
    """The balance at ``now`` of (when, value) entries; entries after ``now`` do not count."""
    total = 0.0
    for at, value in entries:
        if at <= now:
            age_days = (now - at).total_seconds() / 86400.0
            total += value * math.exp(-age_days / TAU_DAYS)
    return total


def trend(entries: Iterable[tuple[datetime, float]], now: datetime) -> float:
    """How much the balance moved over the last ``TREND_DAYS`` days."""
    listed = list(entries)
    return balance(listed, now) - balance(listed, now - timedelta(days=TREND_DAYS))


def trend_from_sums(running_sum: float, recent_sum: float, now: datetime) -> float:
    """The trend from the running sum and the part of it logged in the last TREND_DAYS days."""
    then = now - timedelta(days=TREND_DAYS)
    return balance_from_sum(running_sum, now) - balance_from_sum(running_sum - recent_sum, then)


# Each point of a balance chart is the balance at this time (UTC) of its day.
SAMPLE_TIME = time(23, 59)


def sample_day(at: datetime) -> date:
    """The first day whose chart point counts an entry made at ``at``: its own day (UTC),
    or the next when it was made after ``SAMPLE_TIME``."""
    moment = at.astimezone(UTC) if at.tzinfo else at
    return moment.date() + timedelta(days=1 if moment.time() > SAMPLE_TIME else 0)


def balance_series(
    day_terms: Iterable[tuple[date, float]], start: date, end: date, points: int = 60
) -> list[tuple[date, float]]:
    """Balance sampled evenly from ``start`` to ``end``, for a chart, from the running-sum
    terms of the entries counted first on each day (``sample_day``), summed per day and in
    day order: each point is the sum ``S`` of the terms up to its day, scaled to its moment."""
    days = list(day_terms)
    span = max((end - start).days, 1)
    steps = max(min(points, span), 1)
    series: list[tuple[date, float]] = []
    running, index = 0.0, 0
    for step in range(steps + 1):
        day = start + timedelta(days=round(span * step / steps))
        while index < len(days) and days[index][0] <= day:
            running += days[index][1]
            index += 1
        moment = datetime.combine(day, SAMPLE_TIME, tzinfo=UTC)
        series.append((day, balance_from_sum(running, moment)))
    return series


@dataclass(frozen=True)
class Standing:
    """What the user sees of a relationship's account today."""

    balance: float
    trend: float
    health: Health
    days_since_contact: int | None


def health(
    balance_now: float,
    trend_now: float,
    last_contact: datetime | None,
    cadence_days: int | None,
    now: datetime,
) -> Standing:
    """Overdrawn beats drifting beats the direction of the trend."""
    days_since = None if last_contact is None else max((now - last_contact).days, 0)
    if last_contact is None:
        state = Health.NEW
    elif balance_now < 0:
        state = Health.OVERDRAWN
    elif is_drifting(last_contact, cadence_days, now):
        state = Health.DRIFTING
    elif trend_now >= TREND_THRESHOLD:
        state = Health.GROWING
    elif trend_now <= -TREND_THRESHOLD:
        state = Health.COOLING
    else:
        state = Health.STEADY
    return Standing(balance_now, trend_now, state, days_since)


def is_drifting(last_contact: datetime | None, cadence_days: int | None, now: datetime) -> bool:
    """No interaction for longer than the contact's stay-in-touch cadence."""
    if last_contact is None:
        return False
    allowed = cadence_days if cadence_days else DEFAULT_CADENCE_DAYS
    return now - last_contact > timedelta(days=allowed)


def standing_from_sums(
    running_sum: float,
    recent_sum: float,
    last_contact: datetime | None,
    cadence_days: int | None,
    now: datetime,
) -> Standing:
    """A relationship's standing from its kept figures: the running sum ``S``, the part of
    it from the last ``TREND_DAYS`` days, the last contact and the cadence."""
    balance_now = balance_from_sum(running_sum, now)
    trend_now = trend_from_sums(running_sum, recent_sum, now)
    return health(balance_now, trend_now, last_contact, cadence_days, now)
