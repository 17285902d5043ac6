#!/usr/bin/env bash
# Smoke-test the frozen app built by tools/build_app.sh (what CI runs after the build):
#   bash tools/check_frozen_app.sh [dist/evaluator]
# 1. `evaluator --self-test` offscreen: the demo, every screen, a results workbook; fails on
#    a non-zero exit or an import error anywhere in its output (PyInstaller missed a module);
# 2. every bundled shared library resolves its dependencies (Linux: ldd), so pruning in
#    packaging/evaluator.spec left nothing dangling;
# 3. times a frozen cold start (`evaluator --version`) and the self-test;
# 4. `evaluator bench --scale S` (spawned worker processes: freeze_support), and on Windows
#    the console companion evaluator-cli.exe returns exit code 2 for refused input.
set -uo pipefail
cd "$(dirname "$0")/.."
app=${1:-dist/evaluator}
exe="$app/evaluator"
# Windows: the console companion, which prints and returns the exit code to the shell.
[ -x "$exe" ] || exe="$app/evaluator-cli.exe"
[ -x "$exe" ] || exe="$app/evaluator.exe"
[ -x "$exe" ] || { echo "no frozen app in $app: run bash tools/build_app.sh" >&2; exit 2; }

export QT_QPA_PLATFORM=offscreen
# Keep the user's settings, logs and recent files out of it (EVALUATOR_HOME on every OS).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export EVALUATOR_HOME="$scratch/evaluator-home" HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    XDG_CACHE_HOME="$scratch/cache" XDG_STATE_HOME="$scratch/state" EVALUATOR_LOG_DIR="$scratch/logs"
failed=0

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

echo "== cold start: $exe --version"
start=$(seconds)
version=$("$exe" --version 2>&1); rc=$?
end=$(seconds)
echo "$version"
echo "cold start (--version): $(elapsed "$start" "$end") s"
[ $rc -eq 0 ] || { echo "FAILED: --version exited $rc" >&2; failed=1; }

echo "== headless subcommand: $exe demo"
start=$(seconds)
"$exe" demo "$scratch/demo.evdb" >"$scratch/demo.log" 2>&1; rc=$?
end=$(seconds)
cat "$scratch/demo.log"
echo "demo workspace: $(elapsed "$start" "$end") s"
[ $rc -eq 0 ] || { echo "FAILED: demo exited $rc" >&2; failed=1; }

echo "== self-test: $exe --self-test"
start=$(seconds)
"$exe" --self-test >"$scratch/self-test.log" 2>&1; rc=$?
end=$(seconds)
cat "$scratch/self-test.log"
echo "self-test: $(elapsed "$start" "$end") s, exit $rc"
[ $rc -eq 0 ] || { echo "FAILED: --self-test exited $rc" >&2; failed=1; }

echo "== multiprocessing in the frozen app: $exe bench --scale S"
start=$(seconds)
"$exe" bench --scale S >"$scratch/bench.log" 2>&1; rc=$?
end=$(seconds)
tail -n 5 "$scratch/bench.log"
echo "bench S: $(elapsed "$start" "$end") s, exit $rc"
[ $rc -eq 0 ] || { cat "$scratch/bench.log" >&2; echo "FAILED: bench --scale S exited $rc" >&2; failed=1; }

cli="$app/evaluator-cli.exe"
if [ -x "$cli" ]; then
    echo "== console companion: $cli"
    "$cli" init "$scratch/refused.txt" --year 2024 >/dev/null 2>&1; rc=$?
    [ $rc -eq 2 ] || { echo "FAILED: evaluator-cli refused input with exit $rc, not 2" >&2; failed=1; }
fi

for log in "$scratch/demo.log" "$scratch/self-test.log" "$scratch/bench.log"; do
    if grep -E -n "ImportError|ModuleNotFoundError|No module named" "$log" >&2; then
        echo "FAILED: import error in the output of the frozen app ($(basename "$log"))" >&2
        failed=1
    fi
done

if [ "$(uname)" = Linux ] && command -v ldd >/dev/null 2>&1; then
    echo "== bundled libraries resolve"
    internal="$app/_internal"
    missing=$(find "$internal" -type f \( -name "*.so" -o -name "*.so.*" \) -print0 \
        | LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib" xargs -0 -n 40 ldd 2>/dev/null \
        | awk '/:$/ { file = $1 } /not found/ { print file " " $0 }' | sort -u)
    if [ -n "$missing" ]; then
        echo "$missing" >&2
        echo "FAILED: bundled libraries with unresolved dependencies" >&2
        failed=1
    else
        echo "all resolve"
    fi
fi

echo "folder size: $(du -sh "$app" | cut -f1)"
if [ $failed -ne 0 ]; then
    echo "frozen app check: FAILED" >&2
    exit 1
fi
echo "frozen app check: passed"
