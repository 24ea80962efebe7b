#!/usr/bin/env bash
# Start Bilim locally: the web server and the background task worker, on the
# embedded SQLite database under var/, with the demo network loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBUG="${DEBUG:-1}"
PORT="${PORT:-8000}"
# Links in SMS, e-mail and QR codes point where this server really answers.
export BILIM_SITE_URL="${BILIM_SITE_URL:-http://127.0.0.1:${PORT}}"
PY=.venv/bin/python

$PY manage.py migrate --noinput -v 0
$PY manage.py load_demo
$PY manage.py collectstatic --noinput -v 0

# task_worker: db_worker that also reruns a task whose worker died (TASK_LEASE_SECONDS).
$PY manage.py task_worker --queue-name default &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM

cat <<MSG

  Bilim is running:  http://127.0.0.1:${PORT}/
  Staff sign-in:     http://127.0.0.1:${PORT}/ky/staff/sign-in/
  Demo logins (password for all: bilim-demo):
$($PY manage.py load_demo --list-logins)

  Stop with Ctrl+C.
MSG
$PY manage.py runserver "127.0.0.1:${PORT}" --noreload
