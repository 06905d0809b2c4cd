#!/usr/bin/env bash
# The first start as a person meets it: `next dev` on an embedded database, timed to "Ready", to
# the first 200 from /api/health, and to the first overview page. Twice: from nothing (no database
# folder, no compile cache, as after a fresh clone) and again on the seeded folder with no compile
# cache; then, as the floor measured in the same run, the database's own part alone (create,
# migrate, seed) in a plain Node process.
#   bash bench/first-start.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-3400}
DIR=.data/bench-first-start
now() { date +%s.%N; }
since() { printf "%.1f" "$(echo "$(now) - $1" | bc)"; }
start() {
  rm -rf .next/dev
  local log=/tmp/first-start-$PORT.log t0 ready health page
  t0=$(now)
  (PGLITE_DIR=$DIR NEXT_TELEMETRY_DISABLED=1 setsid node node_modules/next/dist/bin/next dev -p "$PORT" >"$log" 2>&1 &)
  until grep -q "Ready in" "$log" 2>/dev/null; do sleep 0.1; done
  ready=$(since "$t0")
  until curl -sf -m 120 "localhost:$PORT/api/health" >/dev/null; do sleep 0.1; done
  health=$(since "$t0")
  curl -sf -m 180 -o /dev/null "localhost:$PORT/"
  page=$(since "$t0")
  pkill -f "next dev -p $PORT" || true
  sleep 2
  echo "{\"case\":\"$1\",\"readyS\":$ready,\"healthAfterReadyS\":$(printf "%.1f" "$(echo "$health - $ready" | bc)"),\"overviewS\":$page}"
}
rm -rf "$DIR"
start "fresh clone"
start "seeded folder, no compile cache"
rm -rf "$DIR"
npx tsx bench/first-start-db.ts "$DIR"
rm -rf "$DIR"
