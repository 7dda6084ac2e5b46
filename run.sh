#!/usr/bin/env bash
# Sets everything up (first time only) and starts Relationship Journal.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh --gui
exec .venv/bin/python -m relationship_journal "$@"
