"""``search TEXT``: everything that matches, contacts first, as the window's search shows it."""

from __future__ import annotations

import argparse

from relationship_journal.commands.output import print_json
from relationship_journal.operations import views
from relationship_journal.operations.views import HitKind, plain
from relationship_journal.operations.workspace import Workspace


def search_command(ws: Workspace, args: argparse.Namespace) -> int:
    hits = views.find(ws, " ".join(args.text))
    records = [
        {
            "kind": hit.kind.value,
            "id": hit.ref_id,
            "contact_id": hit.contact_id,
            "title": plain(hit.title),
            "subtitle": plain(hit.detail),
        }
        for hit in hits
    ]
    if args.json:
        return print_json(records)
    if not records:
        print("Nothing found.")
        return 0
    kind = None
    for hit, record in zip(hits, records, strict=True):
        if hit.kind is not kind:
            kind = hit.kind
            print(f"{HitKind(kind).label}:")
        subtitle = f" — {record['subtitle']}" if record["subtitle"] else ""
        print(f"  #{record['id']} {record['title']}{subtitle}")
    return 0
