#!/usr/bin/env bash
# Registration throughput: wrk posts sign-ups (a new person each time) to the running
# server at $BASE, then PostgreSQL is asked what was confirmed. Called by scripts/bench.sh
# after the page figures; needs DATABASE_URL and the server started with a high SIGN_UP_RATE
# (every request comes from one address).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
DURATION="${BENCH_DURATION:-15s}"
CSRF="benchbenchbenchbenchbenchbench01"  # a 32-character secret: cookie and form agree
offerings=$(mktemp)
BENCH_OFFERINGS_OUT="$offerings" $PY manage.py shell -v 0 < scripts/bench/registration_offerings.py
# shellcheck disable=SC1090
source "$offerings"
rm -f "$offerings"

count() {  # count <offering ids> <status>
  psql "$DATABASE_URL" -tAc "SELECT count(*) FROM registrations_registration
    WHERE offering_id IN ($1) AND status = '$2'"
}
total() {  # every registration of the offerings
  psql "$DATABASE_URL" -tAc "SELECT count(*) FROM registrations_registration WHERE offering_id IN ($1)"
}
overbooked() {  # offerings whose confirmed places exceed their capacity
  psql "$DATABASE_URL" -tAc "SELECT count(*) FROM scheduling_offering o WHERE id IN ($1) AND
    (SELECT count(*) FROM registrations_registration r WHERE r.offering_id = o.id
       AND r.status IN ('confirmed', 'offered')) > o.capacity"
}

echo
echo "registrations: wrk -t2 -c16 -d${DURATION} -s scripts/bench/sign_up.lua (POST, a new person each)"
printf '%-26s %8s %8s %8s %8s %10s %10s %12s %5s %s\n' run "req/s" p50 p99 requests registered confirmed "confirmed/s" over errors
run() {  # run <label> <offering ids> <duration>
  local label=$1 ids=$2 duration=$3 before all_before out reqs rps p50 p99 errors confirmed secs
  before=$(count "$ids" confirmed)
  all_before=$(total "$ids")
  out=$(wrk -t2 -c16 -d"$duration" --latency -s scripts/bench/sign_up.lua "$BASE" -- "$ids" "$CSRF" ru "${RANDOM}-${label// /-}")
  sleep 1  # let the requests still in flight finish before counting
  reqs=$(awk '/requests in/{print $1}' <<<"$out")
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  secs=$(awk '/requests in/{gsub(/s,/,"",$4); print $4}' <<<"$out")
  confirmed=$(( $(count "$ids" confirmed) - before ))
  printf '%-26s %8s %8s %8s %8s %10s %10s %12.0f %5s %s\n' "$label" "$rps" "$p50" "$p99" "$reqs" \
    "$(( $(total "$ids") - all_before ))" "$confirmed" "$(echo "$confirmed / $secs" | bc -l)" "$(overbooked "$ids")" "${errors:-0}"
}
run "one popular offering" "$popular" "$DURATION"
run "spread over 100 offerings" "$spread" "$DURATION"
run "50 places, burst of 5 s" "$full" 5s
echo "50-place offering: $(count "$full" confirmed) confirmed, $(count "$full" waitlisted) waitlisted"
echo
echo "cost of one sign-up, in-process, one after the other (scripts/bench/sign_up_cost.py):"
OFFERING="$popular" $PY scripts/bench/sign_up_cost.py 300 2>/dev/null
