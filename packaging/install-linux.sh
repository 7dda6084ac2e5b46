#!/usr/bin/env bash
# Installs the built app (dist/relationship-journal) for the current user: a launcher in the
# applications menu and the icon. Run after `make package`.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
target="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$target/relationship-journal-app" "$target/applications" "$target/icons/hicolor/scalable/apps" "$HOME/.local/bin"
cp -r "$here/dist/relationship-journal/." "$target/relationship-journal-app/"
ln -sf "$target/relationship-journal-app/relationship-journal" "$HOME/.local/bin/relationship-journal"
cp "$here/resources/icons/app.svg" "$target/icons/hicolor/scalable/apps/relationship-journal.svg"
sed "s|^Exec=.*|Exec=$target/relationship-journal-app/relationship-journal|" \
    "$here/packaging/relationship-journal.desktop" > "$target/applications/relationship-journal.desktop"
echo "Installed: $target/applications/relationship-journal.desktop"
