#!/usr/bin/env bash
# Build the sdist and the wheel, then test the wheel as a user gets it (what CI runs):
#   bash tools/check_wheel.sh
# 1. compile the translations (.qm are build output the wheel must carry);
# 2. `python -m build`: dist/evaluator-*.tar.gz and dist/evaluator-*-py3-none-any.whl;
# 3. a throw-away venv in a temporary folder outside the checkout, `pip install` of the wheel,
#    then tools/smoke_installed.py run there with that venv's Python: demo, init with the
#    default rubric, a template, bench S, --self-test offscreen, the Chinese translations.
# A data file missing from the wheel fails step 3.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

if [ -x .venv/bin/python ]; then
    PY=.venv/bin/python
elif [ -x .venv/Scripts/python.exe ]; then
    PY=.venv/Scripts/python.exe
else
    PY=${PYTHON:-python3}
fi

mkdir -p build
echo "== translations"
"$PY" tools/translations.py >build/translations.log 2>&1 || { cat build/translations.log; exit 1; }
head -n 1 build/translations.log

echo "== python -m build"
rm -f dist/evaluator-*.whl dist/evaluator-*.tar.gz
"$PY" -m build --outdir dist . >build/python-build.log 2>&1 || { tail -n 40 build/python-build.log; exit 1; }
ls dist/evaluator-*.tar.gz dist/evaluator-*.whl
wheel=$(ls dist/evaluator-*.whl)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/evaluator-wheel-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
case "$scratch" in "$ROOT"/*) echo "the scratch folder is inside the checkout" >&2; exit 1;; esac

echo "== a fresh venv outside the checkout: $scratch/venv"
# The interpreter behind .venv (tr: Windows Pythons end the line with CR LF).
base=$("$PY" -c "import sys; print(getattr(sys, '_base_executable', sys.executable))" | tr -d '\r')
"$base" -m venv "$scratch/venv"
venv_py="$scratch/venv/bin/python"
[ -x "$venv_py" ] || venv_py="$scratch/venv/Scripts/python.exe"
"$venv_py" -m pip install -q "$ROOT/$wheel" >"$scratch/pip.log" 2>&1 || { tail -n 40 "$scratch/pip.log"; exit 1; }

echo "== smoke test of the installed package"
cp tools/smoke_installed.py "$scratch/"
cd "$scratch"
env -u PYTHONPATH EVALUATOR_HOME="$scratch/home/evaluator" HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/config" \
    XDG_DATA_HOME="$scratch/home/data" XDG_CACHE_HOME="$scratch/home/cache" \
    XDG_STATE_HOME="$scratch/home/state" EVALUATOR_LOG_DIR="$scratch/home/logs" \
    "$venv_py" smoke_installed.py "$scratch/work"
