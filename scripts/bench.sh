#!/usr/bin/env bash
# Load the public pages as deployed: gunicorn (2 sync workers) on PostgreSQL with the
# demo network, wrk at 16 connections. Prints requests/s, latency percentiles, page
# weight and worker memory; then the registration throughput (scripts/bench/registrations.sh)
# and the time from a sign-up to its SMS with the task workers running
# (scripts/bench/confirmations.sh). Figures are recorded in docs/performance.md.
# BENCH_PAGES="" skips the pages, BENCH_REGISTRATIONS=0 and BENCH_CONFIRMATIONS=0 the others.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES="${BENCH_PAGES-/ky/ /ru/ /ky/programs/ /ru/programs/?direction=digital /ky/programs/digital-literacy-50-plus/ /ky/centers/ /ky/centers/c001/ /en/staff/sign-in/ /api/v1/centers}"
if [[ -n "$PAGES" || "${BENCH_REGISTRATIONS:-1}" == 1 ]]; then
  command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null; }
fi

DB="${BENCH_DB:-bilim_bench}"
PORT="${BENCH_PORT:-8765}"
DURATION="${BENCH_DURATION:-15s}"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB}"
export SECRET_KEY="bench-only-secret-key-not-for-production-use-0123456789"
export BILIM_SITE_URL="http://127.0.0.1:${PORT}"
export ALLOWED_HOSTS="127.0.0.1" SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 LOG_LEVEL=WARNING
# As deployed: Redis holds the cache and the rate-limit counters. The sign-up limit is
# raised because every benchmark request comes from one address.
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/3}" SIGN_UP_RATE="10000000/h"
PY=.venv/bin/python

psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='${DB}'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE ${DB}"
$PY manage.py migrate --noinput -v 0
$PY manage.py load_demo -v 0 >/dev/null
$PY manage.py collectstatic --noinput -v 0

.venv/bin/gunicorn bilim.wsgi --pythonpath src --workers "${BENCH_WORKERS:-2}" --bind "127.0.0.1:${PORT}" \
  --log-level warning &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:${PORT}/healthz" >/dev/null && break; sleep 0.2; done

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
echo "command: wrk -t2 -c16 -d${DURATION} --latency URL (gunicorn, 2 sync workers, PostgreSQL)"
[[ -n "$PAGES" ]] && printf '%-42s %10s %8s %8s %8s %10s\n' page "req/s" p50 p90 p99 "bytes+assets"
for path in $PAGES; do
  url="http://127.0.0.1:${PORT}${path}"
  out=$(wrk -t2 -c16 -d"$DURATION" --latency "$url")
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p90=$(awk '$1=="90%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  bytes=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$url")
  css=$(curl -s "$url" | { grep -oE '(href|src)="/static/[^"]*\.(css|js)"' || true; } | sed -E 's/^(href|src)="//;s/"$//' | while read -r f; do
    curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}\n' "http://127.0.0.1:${PORT}$f"; done | awk '{s+=$1} END {print s+0}')
  bytes="${bytes}+${css}"
  printf '%-42s %10s %8s %8s %8s %10s %s\n' "$path" "$rps" "$p50" "$p90" "$p99" "$bytes" "${non2xx:+non-2xx: $non2xx}"
done
rss=$(ps -o rss= --ppid "$server" | awk '{printf "%.0f MB ", $1/1024}')
echo "worker resident memory: ${rss}"

if [[ "${BENCH_REGISTRATIONS:-1}" == 1 ]]; then
  BASE="http://127.0.0.1:${PORT}" scripts/bench/registrations.sh
fi
if [[ "${BENCH_CONFIRMATIONS:-1}" == 1 ]]; then
  BASE="http://127.0.0.1:${PORT}" GUNICORN_PID="$server" scripts/bench/confirmations.sh
fi
