#!/usr/bin/env bash
# `make serve`: the production stack on this machine, as a server runs it - nginx (TLS, static and
# media files) in front of gunicorn, Redis with its memory limit (deploy/redis.conf), PostgreSQL,
# the email, newsletter and background workers and scheduled publishing. Ctrl-C stops them all.
#
#   https://127.0.0.1:8443/ (a self-signed certificate made here: the browser will warn once)
#   http://127.0.0.1:8080/ redirects there.
# Ports: HTTPS_PORT, HTTP_PORT, APP_PORT (gunicorn), REDIS_PORT (when REDIS_URL is not given).
# Everything this script makes lives in .serve/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
RUN_DIR="$(pwd)/.serve"
mkdir -p "$RUN_DIR"

HTTPS_PORT="${HTTPS_PORT:-8443}"
HTTP_PORT="${HTTP_PORT:-8080}"
APP_PORT="${APP_PORT:-8000}"
REDIS_PORT="${REDIS_PORT:-6380}"
command -v nginx >/dev/null || { echo "nginx is not installed: apt-get install -y nginx-light (see README.md)"; exit 1; }

export DJANGO_SETTINGS_MODULE=iurc_portal.settings.production
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/iurc}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export CSRF_TRUSTED_ORIGINS="${CSRF_TRUSTED_ORIGINS:-https://127.0.0.1:$HTTPS_PORT,https://localhost:$HTTPS_PORT}"
export GUNICORN_BIND="127.0.0.1:$APP_PORT"
# nginx serves these folders itself.
export STATIC_ROOT="${STATIC_ROOT:-$(pwd)/staticfiles}" MEDIA_ROOT="${MEDIA_ROOT:-$(pwd)/media}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-https://127.0.0.1:$HTTPS_PORT}"
# nginx is the one proxy in front of gunicorn: the right-most X-Forwarded-For entry is the client.
export TRUSTED_PROXY_COUNT=1
# No HSTS for a trial on loopback: it would pin this browser to https://127.0.0.1 for a year.
export SECURE_HSTS_SECONDS=0 HSTS_SECONDS=0
# A secret kept in a git-ignored file, so sessions survive restarts of this local server.
if [ -z "${SECRET_KEY:-}" ]; then
  [ -s .serve-secret ] || { $PY -c 'import secrets; print(secrets.token_urlsafe(50))' > .serve-secret; chmod 600 .serve-secret; }
  SECRET_KEY="$(cat .serve-secret)"
  export SECRET_KEY
fi

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping the stack"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# Redis with the documented limit and eviction policy, unless REDIS_URL points at one already.
if [ -z "${REDIS_URL:-}" ]; then
  redis-server deploy/redis.conf --port "$REDIS_PORT" --dir "$RUN_DIR" --logfile "$RUN_DIR/redis.log" &
  pids+=($!)
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  for _ in $(seq 1 20); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.25; done
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

# A self-signed certificate for trials; a server uses a real one (README.md, "Deployment").
if [ ! -s "$RUN_DIR/tls/cert.pem" ]; then
  mkdir -p "$RUN_DIR/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 90 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$RUN_DIR/tls/key.pem" -out "$RUN_DIR/tls/cert.pem" 2>/dev/null
  chmod 600 "$RUN_DIR/tls/key.pem"
fi
APP_ADDRESS="127.0.0.1:$APP_PORT" HTTP_LISTEN="127.0.0.1:$HTTP_PORT" HTTPS_LISTEN="127.0.0.1:$HTTPS_PORT" \
  TLS_CERTIFICATE="$RUN_DIR/tls/cert.pem" TLS_KEY="$RUN_DIR/tls/key.pem" \
  HSTS_SECONDS=0 \
  deploy/nginx/render.sh "$RUN_DIR/nginx"
mkdir -p "$MEDIA_ROOT"

.venv/bin/gunicorn --config gunicorn.conf.py &
pids+=($!)
# Newsletter emails leave through the database queue; this worker sends them (and retries).
$PY manage.py db_worker --backend email --no-reload &
pids+=($!)
# The text inside uploaded PDFs is read off the request path by this one (resource library search).
$PY manage.py db_worker --backend background --no-reload &
pids+=($!)
# Newsletter issues: this worker delivers them to the subscribers (newsletter/mailing.py).
$PY manage.py newsletter_worker &
pids+=($!)
# Wagtail's scheduled publishing and expiry, every minute (a systemd timer on a server).
(
  trap 'kill $! 2>/dev/null; exit 0' TERM
  while true; do
    $PY manage.py publish_scheduled -v0 || echo "publish_scheduled failed; trying again in a minute"
    sleep "${PUBLISH_INTERVAL:-60}" & wait $!
  done
) &
pids+=($!)
nginx -p "$RUN_DIR/nginx" -c "$RUN_DIR/nginx/nginx.conf" -e "$RUN_DIR/nginx/nginx-error.log" -g "daemon off;" &
pids+=($!)

echo "Serving the production stack on https://127.0.0.1:$HTTPS_PORT/ (Ctrl-C stops it)"
# If any part stops on its own, stop the rest too rather than serve half a stack.
wait -n
