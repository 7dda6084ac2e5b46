#!/usr/bin/env bash
# Sets everything up (first time only) and runs the whole test suite.
set -uo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh --test || exit 1
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
status=$?
if [ "$status" -eq 5 ]; then
    echo "no tests ran" >&2
    exit 1
fi
exit "$status"
