#!/usr/bin/env bash
# Install the app for the current user on a Linux desktop (no root): a menu entry, the
# two document types (.evpkg 评审包, .evdb 工作区) with icons, and the app as their
# default, so a double-click on a package opens it.
#   bash packaging/linux/install-user.sh [EXECUTABLE]    install (default: the frozen app
#                                                        beside this folder in the Linux
#                                                        archive or in dist/evaluator/,
#                                                        else `evaluator` on PATH)
#   bash packaging/linux/install-user.sh --uninstall     remove what install added
# Honours XDG_DATA_HOME (~/.local/share) and XDG_CONFIG_HOME (~/.config).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
types="application/x-evaluator-package application/x-evaluator-workspace"

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data/mime"
    else
        echo "update-mime-database not found (package shared-mime-info): file types not registered" >&2
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/evaluator.desktop" "$data/mime/packages/evaluator.xml" \
        "$data/icons/hicolor/scalable/apps/evaluator.svg" \
        "$data/icons/hicolor/scalable/mimetypes/application-x-evaluator-package.svg" \
        "$data/icons/hicolor/scalable/mimetypes/application-x-evaluator-workspace.svg"
    mkdir -p "$data/mime" "$data/applications"
    refresh
    echo "removed the evaluator menu entry and file types"
    exit 0
fi

exe=${1:-}
if [ -z "$exe" ]; then
    if [ -x "$here/../evaluator" ] && [ -f "$here/../evaluator" ]; then
        exe="$here/../evaluator"  # the Linux archive: linux/ beside the executable
    elif [ -x "$root/dist/evaluator/evaluator" ]; then
        exe="$root/dist/evaluator/evaluator"
    elif command -v evaluator >/dev/null 2>&1; then
        exe=$(command -v evaluator)
    else
        echo "no evaluator to install: build it (bash tools/build_app.sh) or name it" >&2
        exit 2
    fi
fi
[ -x "$exe" ] || { echo "not an executable: $exe" >&2; exit 2; }
exe=$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")

icon="$root/resources/icons/evaluator.svg"
[ -f "$icon" ] || icon="$(dirname "$exe")/_internal/evaluator/_resources/icons/evaluator.svg"

install -d "$data/applications" "$data/mime/packages" \
    "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/scalable/mimetypes"
install -m 644 "$here/evaluator-mime.xml" "$data/mime/packages/evaluator.xml"
if [ -f "$icon" ]; then
    install -m 644 "$icon" "$data/icons/hicolor/scalable/apps/evaluator.svg"
    for type in $types; do
        install -m 644 "$icon" "$data/icons/hicolor/scalable/mimetypes/${type//\//-}.svg"
    done
fi
# Exec quoting (Desktop Entry spec): the path in double quotes, with \ " ` $ escaped.
quoted=$(printf '%s' "$exe" | sed -e 's/[\\"`$]/\\\\&/g')
sed -e "s|^Exec=.*|Exec=\"$quoted\" %f|" "$here/evaluator.desktop" \
    >"$data/applications/evaluator.desktop"
chmod 644 "$data/applications/evaluator.desktop"
refresh
if command -v xdg-mime >/dev/null 2>&1; then
    # shellcheck disable=SC2086  # one argument per type
    xdg-mime default evaluator.desktop $types
fi
echo "installed: $data/applications/evaluator.desktop -> $exe"
echo "file types: .evpkg (application/x-evaluator-package), .evdb (application/x-evaluator-workspace)"
