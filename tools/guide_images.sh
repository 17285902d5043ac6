#!/usr/bin/env bash
# Regenerate every picture of the user guide, in Chinese and English, from the demo:
# docs/guide/images/{zh,en}/NN-<step>.png and the README's docs/images/main-window.png.
# Run after every UI change: bash tools/guide_images.sh   (offscreen, or under xvfb-run)
# The experts' laptop: 1366x768; SCALE=1.5 shows it at 150 % (e.g. to check a change).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${VIRTUAL_ENV:-}" ] && [ -f .venv/bin/activate ]; then
    . .venv/bin/activate
fi
SIZE="${SIZE:-1366x768}"
SCALE="${SCALE:-1}"
# A fixed staging folder keeps the paths shown in the pictures the same from run to run.
STAGE="${TMPDIR:-/tmp}/evaluator-guide"
for lang in zh en; do
    out="docs/guide/images/$lang"
    rm -f "$out"/*.png
    python -m ui.screenshots "$out" --lang "$lang" --size "$SIZE" --scale "$SCALE" --stage-dir "$STAGE"
    # The expert's laptop at 150 %: the expert window and the plenary, as the guide shows them.
    big=$(mktemp -d)
    python -m ui.screenshots "$big" --lang "$lang" --size 1366x768 --scale 1.5 \
        --stage-dir "$STAGE" --only 08-expert-window --only 13-plenary >/dev/null
    cp "$big/08-expert-window.png" "$out/08-expert-window-150.png"
    cp "$big/13-plenary.png" "$out/13-plenary-150.png"
    rm -rf "$big"
done
mkdir -p docs/images
cp docs/guide/images/zh/01-overview.png docs/images/main-window.png
if command -v optipng >/dev/null 2>&1; then
    optipng -quiet -o2 -strip all docs/guide/images/zh/*.png docs/guide/images/en/*.png \
        docs/images/main-window.png
else
    echo "optipng not found: pictures left unoptimised (apt-get install optipng)" >&2
fi
du -ch docs/guide/images/zh/*.png docs/guide/images/en/*.png | tail -1
