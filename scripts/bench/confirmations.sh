#!/usr/bin/env bash
# Time from a sign-up to its SMS: sign-ups posted at a steady rate to the running server at
# $BASE while the task workers docs/deploy.md recommends tell and deliver them (SMS to the
# file backend, which records when each was sent). Called by scripts/bench.sh; needs
# DATABASE_URL and the server started with a high SIGN_UP_RATE. Prints p50/p95/max, where
# the CPU went during the run (web, task workers, the whole machine) and, in-process, what
# telling one sign-up costs the worker (PostgreSQL's share included).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
RATE="${BENCH_CONFIRM_RATE:-200}"
DURATION="${BENCH_CONFIRM_SECONDS:-30}"
WORKERS="${BENCH_TASK_WORKERS:-3}"  # docs/deploy.md, "Sizing for 2 cores"
mkdir -p var/bench
sms_file="var/bench/sms-confirmations-$$.jsonl"
rm -f "$sms_file"

offerings=$(mktemp)
BENCH_OFFERINGS_OUT="$offerings" $PY manage.py shell -v 0 < scripts/bench/registration_offerings.py
# shellcheck disable=SC1090
source "$offerings"
rm -f "$offerings"

# The throughput runs before this one queue tasks with no worker running: drop them
# (benchmark data only), then give the planner fresh statistics and clear dead rows.
# This machine's PostgreSQL runs with autovacuum off; production keeps it on.
psql "$DATABASE_URL" -qc "DELETE FROM django_tasks_database_dbtaskresult"
psql "$DATABASE_URL" -qc "VACUUM ANALYZE django_tasks_database_dbtaskresult,
  notifications_message, registrations_registration, registrations_participant,
  registrations_consent, scheduling_offering"

workers=()
stop_workers() { for pid in "${workers[@]}"; do kill "$pid" 2>/dev/null || true; done; wait "${workers[@]}" 2>/dev/null || true; }
trap stop_workers EXIT
for _ in $(seq "$WORKERS"); do
  SMS_BACKEND=file SMS_FILE_PATH="$sms_file" $PY manage.py task_worker --queue-name default -v 0 &
  workers+=("$!")
done
sleep 3  # the workers start up (about 2 s each) before the first sign-up

ticks() {  # ticks <pid>...: CPU clock ticks used so far by these processes
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] && total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo "$total"
}
machine() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $5 + $6}' /proc/stat; }  # busy idle

web_pids=$(ps -o pid= --ppid "${GUNICORN_PID:-0}" || true)
curl -fs "${BASE}/healthz" >/dev/null  # every web worker holds its connection already
read -r busy0 idle0 < <(machine)
web0=$(ticks $web_pids) task0=$(ticks "${workers[@]}")

echo
echo "confirmations: ${RATE} sign-ups/s for ${DURATION} s (open loop, a new person each), ${WORKERS} task_worker"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
BASE="$BASE" OFFERINGS="$spread" RATE="$RATE" SECONDS="$DURATION" SMS_FILE="$sms_file" \
  $PY scripts/bench/confirmations.py
echo "load after:  $(uptime | sed 's/.*load average/load average/')"

read -r busy1 idle1 < <(machine)
hz=$(getconf CLK_TCK)
# PostgreSQL's backends are not counted here: CONN_MAX_AGE replaces them during the run.
printf 'CPU during the run: web workers %.1f s, task workers %.1f s; machine %.0f %% busy (every process, other users too)\n' \
  "$(echo "($(ticks $web_pids) - $web0) / $hz" | bc -l)" \
  "$(echo "($(ticks "${workers[@]}") - $task0) / $hz" | bc -l)" \
  "$(echo "100 * ($busy1 - $busy0) / ($busy1 - $busy0 + $idle1 - $idle0)" | bc -l)"
rm -f "$sms_file"
stop_workers  # the in-process run below must find the queue to itself
workers=()

echo
echo "cost of telling one sign-up, in-process (scripts/bench/confirmation_cost.py):"
SMS_BACKEND=file SMS_FILE_PATH="var/bench/sms-cost-$$.jsonl" OFFERING="$popular" \
  $PY scripts/bench/confirmation_cost.py "${BENCH_COST_COUNT:-300}"
rm -f "var/bench/sms-cost-$$.jsonl"
