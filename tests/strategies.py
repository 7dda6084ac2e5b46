"""Hypothesis strategies for the app's own values, shared by the property tests."""

from __future__ import annotations

import string

from hypothesis import strategies as st

from relationship_journal.domain.contact import Address, ContactDraft, DatedMoment, Labelled
from relationship_journal.domain.dates import PartialDate

words = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P", "S")),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() and s.strip().isprintable() and ";" not in s)
optional = st.one_of(st.just(""), words)
labels = st.sampled_from(
    ["", "work", "home", "mobile", "work fax", "pager", "assistant", "office direct", "other"]
)
phones = st.sampled_from(
    [
        "+44 20 7946 0958",
        "+1 418-656-9254 ext. 102",
        "+1 (418) 656-9254",
        "020 7946 0958",
        "+1-800-MYFAX",
        "p1234p5678w9",
        "*31#",
        "+49 30 5550 1234, ask for Jo",
        "-5550100",
    ]
)
emails = st.tuples(
    st.text(string.ascii_lowercase + string.digits + "._+-", min_size=1, max_size=12),
    st.sampled_from(["example.com", "beispiel.de", "invalid"]),
).map(lambda parts: f"{parts[0].strip('.') or 'x'}@{parts[1]}")
days = st.builds(
    PartialDate,
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    year=st.one_of(st.none(), st.integers(1850, 2010)),
)
addresses = st.builds(
    Address,
    label=st.sampled_from(["", "home", "work", "holiday home"]),
    street=optional,
    locality=words,
    region=optional,
    postcode=optional,
    country=optional,
)
drafts = st.builds(
    ContactDraft,
    display_name=words,
    given_name=optional,
    family_name=optional,
    nickname=optional,
    organisation=optional,
    title=optional,
    emails=st.lists(st.builds(Labelled, emails, labels), max_size=2),
    phones=st.lists(st.builds(Labelled, phones, labels), max_size=3),
    birthday=st.one_of(st.none(), days),
    notes=st.one_of(st.just(""), st.text(max_size=60).filter(str.isprintable), st.just("a\rb\nc")),
    tags=st.lists(words, max_size=2),
    name_prefix=optional,
    middle_name=optional,
    name_suffix=optional,
    org_unit=optional,
    role=optional,
    addresses=st.lists(addresses, max_size=2),
    anniversaries=st.lists(
        st.builds(DatedMoment, st.sampled_from(["anniversary", "wedding", "founding"]), days),
        max_size=2,
    ),
)
