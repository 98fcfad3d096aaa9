#!/usr/bin/env bash
# `make serve`: the production stack on this machine - production settings, PostgreSQL, Redis,
# whitenoise static files, gunicorn and the background email worker - over plain HTTP on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

export DJANGO_SETTINGS_MODULE=iurc_portal.settings.production
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/iurc}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
PORT="${PORT:-8000}"
export GUNICORN_BIND="${GUNICORN_BIND:-127.0.0.1:$PORT}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$PORT}"
# Plain HTTP on loopback: no HTTPS redirect, no secure-only cookies and no HSTS (which would
# pin this browser to https://127.0.0.1 for a year).
export SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_HSTS_SECONDS=0
# A secret kept in a git-ignored file, so sessions survive restarts of this local server.
if [ -z "${SECRET_KEY:-}" ]; then
  [ -s .serve-secret ] || { $PY -c 'import secrets; print(secrets.token_urlsafe(50))' > .serve-secret; chmod 600 .serve-secret; }
  SECRET_KEY="$(cat .serve-secret)"
  export SECRET_KEY
fi

db_name="${DATABASE_URL##*/}"
db_name="${db_name%%\?*}"
if command -v psql >/dev/null 2>&1; then
  server_url="${DATABASE_URL%/*}/postgres"
  if ! psql "$server_url" -tAc "select 1 from pg_database where datname='$db_name'" 2>/dev/null | grep -q 1; then
    echo "Creating database $db_name"
    psql "$server_url" -qc "create database \"$db_name\""
  fi
fi

$PY manage.py migrate --no-input
$PY manage.py collectstatic --no-input -v0
$PY manage.py load_demo_content -v0
if [ -z "${DJANGO_SUPERUSER_PASSWORD:-}" ]; then
  [ -s .serve-admin-password ] || { $PY -c 'import secrets; print(secrets.token_urlsafe(12))' > .serve-admin-password; chmod 600 .serve-admin-password; }
  DJANGO_SUPERUSER_PASSWORD="$(cat .serve-admin-password)"
  export DJANGO_SUPERUSER_PASSWORD
  echo "Admin password (kept in .serve-admin-password): $DJANGO_SUPERUSER_PASSWORD"
fi
$PY manage.py ensure_admin

pids=()
# Newsletter emails leave through the database queue; this worker sends them (and retries).
$PY manage.py db_worker --backend email --no-reload &
pids+=($!)
# The text inside uploaded PDFs is read off the request path by this one (resource library search).
$PY manage.py db_worker --backend background --no-reload &
pids+=($!)
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
echo "Serving the production stack on http://127.0.0.1:$PORT/"
.venv/bin/gunicorn --config gunicorn.conf.py
