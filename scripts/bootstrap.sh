#!/usr/bin/env bash
# Sets up everything the app needs on a fresh Debian/Ubuntu machine: the system packages Qt
# needs (installed with apt-get when missing), then a local virtual environment in .venv.
# Sourced by run.sh and test.sh; safe to run again (it only does what is missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(python3 python3-venv python3-pip libgl1 libegl1 libglib2.0-0 libxkbcommon0
    libfontconfig1 libfreetype6 libdbus-1-3 fonts-dejavu-core)
if [ "${1:-}" = "--gui" ]; then
    PACKAGES+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
        libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0)
fi
if [ "${1:-}" = "--test" ]; then
    # dbus-daemon: the notification tests run a private session bus of their own.
    PACKAGES+=(poppler-utils binutils dbus-daemon)
fi

install_missing() {
    command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ "${#missing[@]}" -gt 0 ] || return 0
    echo "Installing system packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" = "0" ] || sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

install_missing "${PACKAGES[@]}"

PYTHON="${PYTHON:-python3}"
interpreter="$(readlink -f "$(command -v "$PYTHON")")"
if [ "${1:-}" = "--test" ] && [[ "$interpreter" == /usr/* ]]; then
    # CI builds the installable app too: PyInstaller needs the interpreter's shared library,
    # which Debian and Ubuntu package apart from their python3 (libpython3.11 on Debian 12).
    install_missing "$("$PYTHON" -c 'import sys; print("libpython%d.%d" % sys.version_info[:2])')"
fi

if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[dev]'
    touch .venv/.installed
fi
