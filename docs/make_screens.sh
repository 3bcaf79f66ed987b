#!/usr/bin/env bash
# Regenerate the pictures the README shows, made by sovcloud itself from the shipped data:
#
#   bash docs/make_screens.sh            # into docs/
#   bash docs/make_screens.sh OUT_DIR    # elsewhere (the tests do this)
#
# Uses `sovcloud` from PATH, or the command in $SOVCLOUD. The width is pinned so that the
# same data gives the same pictures; the day is today's, as for any user (pin it with
# SOVCLOUD_TODAY=YYYY-MM-DD to reproduce a picture exactly).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$repo/docs}"
read -r -a sovcloud <<< "${SOVCLOUD:-sovcloud}"
export COLUMNS=100
data=(--data "$repo/data")

"${sovcloud[@]}" providers --secnumcloud "${data[@]}" --svg "$out/providers-secnumcloud.svg" --force
"${sovcloud[@]}" timeline --since 2025 --tag health-data-hub "${data[@]}" --svg "$out/timeline.svg" --force
"${sovcloud[@]}" stats "${data[@]}" --svg "$out/stats.svg" --force
