#!/usr/bin/env bash
# `make run`: the development server and what runs beside it in production, stopped together
# with Ctrl-C: the email worker (confirmation and welcome emails, printed by the console backend
# unless EMAIL_HOST is set), the background worker (PDF text), the newsletter worker (issues sent
# from the admin) and scheduled publishing (pages whose "go live" time has come).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
PUBLISH_SCHEDULED_SECONDS="${PUBLISH_SCHEDULED_SECONDS:-60}"

pids=()
stop() {
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop EXIT

# No autoreloader: its child would outlive a stopped parent. Restart `make run` after code changes
# to emails or tasks (runserver itself still reloads).
$PY manage.py db_worker --backend email --no-reload --no-startup-delay &
pids+=($!)
# Uploaded PDFs' text for search (programmes/resources), off the request path.
$PY manage.py db_worker --backend background --no-reload --no-startup-delay &
pids+=($!)
# Newsletter issues sent from the admin (newsletter/mailing.py).
$PY manage.py newsletter_worker &
pids+=($!)
(
  while true; do
    $PY manage.py publish_scheduled || true
    sleep "$PUBLISH_SCHEDULED_SECONDS" &
    wait $!
  done
) &
pids+=($!)
# In the foreground, so Ctrl-C reaches it (and its reloader's child) directly; when it stops, the
# EXIT trap stops the others (background jobs of a script ignore Ctrl-C).
$PY manage.py runserver "$HOST:$PORT"
