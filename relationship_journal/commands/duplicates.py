"""``duplicates`` lists contacts that may be one person; ``merge KEEP OTHER`` folds one into
the other."""

from __future__ import annotations

import argparse

from relationship_journal.commands.output import print_json
from relationship_journal.operations import contacts, duplicates
from relationship_journal.operations.workspace import Workspace


def duplicates_command(ws: Workspace, args: argparse.Namespace) -> int:
    pairs = duplicates.find(ws)
    if args.json:
        records = [
            {
                "first": {"id": p.first_id, "name": p.first_name},
                "second": {"id": p.second_id, "name": p.second_name},
                "reason": p.reason,
            }
            for p in pairs
        ]
        return print_json(records)
    if not pairs:
        print("No likely duplicates.")
        return 0
    for p in pairs:
        print(f"{p.first_id:>5} {p.first_name}  ~  {p.second_id:>5} {p.second_name}  ({p.reason})")
    return 0


def merge_command(ws: Workspace, args: argparse.Namespace) -> int:
    keep = contacts.resolve(ws, args.keep)
    other = contacts.resolve(ws, args.other)
    other_name = contacts.name_of(ws, other)
    name = duplicates.merge(ws, keep, other).value
    print(f"Merged {other_name} (#{other}) into {name} (#{keep})")
    return 0
