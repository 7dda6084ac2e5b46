"""Run by the concurrency test in a child process: one log after another through the command
line, as a launcher would, each a run of its own through the gate."""

from __future__ import annotations

import sys

from relationship_journal.app import main


def run() -> None:
    data_dir, weight, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    logged = 0
    for number in range(count):
        argv = ["--data-dir", data_dir, "log", "Ada Lovelace", "--deposit", weight]
        logged += main([*argv, f"entry {weight}-{number}"]) == 0
    print(f"LOGGED {logged}", flush=True)


if __name__ == "__main__":
    run()
