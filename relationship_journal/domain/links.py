"""Links between contacts, read from either end."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkKind:
    key: str
    forward: str  # "A reports to B"
    backward: str  # seen from B: "B manages A"


LINK_KINDS: tuple[LinkKind, ...] = (
    LinkKind("reports_to", "reports to", "manages"),
    LinkKind("works_with", "works with", "works with"),
    LinkKind("former_colleague", "former colleague of", "former colleague of"),
    LinkKind("introduced_by", "introduced by", "introduced"),
    LinkKind("partner", "partner of", "partner of"),
)
LINK_KINDS_BY_KEY: dict[str, LinkKind] = {kind.key: kind for kind in LINK_KINDS}


def describe(kind_key: str, seen_from_source: bool) -> str:
    kind = LINK_KINDS_BY_KEY[kind_key]
    return kind.forward if seen_from_source else kind.backward
