#!/usr/bin/env bash
# Build the one-folder desktop app for this platform: dist/evaluator/ (PyInstaller).
#   bash tools/build_app.sh            install PyInstaller into .venv if missing, compile the
#                                      translations, build, print the folder size
# Then check it: bash tools/check_frozen_app.sh
# EVALUATOR_CONSOLE=1|0 forces a console/windowed executable (default: console on Linux).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x .venv/bin/python ]; then
    PY=.venv/bin/python
elif [ -x .venv/Scripts/python.exe ]; then
    PY=.venv/Scripts/python.exe
else
    echo "No .venv: run 'bash tools/run.sh test' once first." >&2
    exit 2
fi

if ! "$PY" -c "import PyInstaller" >/dev/null 2>&1; then
    echo "== installing PyInstaller into .venv"
    "$PY" -m pip install -q ".[packaging]" || "$PY" -m pip install -q "pyinstaller>=6.6"
fi

mkdir -p build
if [ -f tools/translations.py ]; then
    echo "== translations"
    # Its report lists every string still untranslated; the summary at the end is enough.
    if "$PY" tools/translations.py --help 2>/dev/null | grep -q -- "--release"; then
        "$PY" tools/translations.py --release >build/translations.log 2>&1 || { cat build/translations.log; exit 1; }
    else
        "$PY" tools/translations.py >build/translations.log 2>&1 || { cat build/translations.log; exit 1; }
    fi
    grep -v "^  \[" build/translations.log | tail -n 5
fi

echo "== PyInstaller"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/evaluator.spec
end=$(date +%s)

app=dist/evaluator
[ -d "$app" ] || { echo "build failed: no $app" >&2; exit 1; }
echo "== built $app in $((end - start)) s"
du -sh "$app" | awk '{print "folder size: " $1}'
echo "files: $(find "$app" -type f | wc -l)"
