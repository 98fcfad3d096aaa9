#!/usr/bin/env bash
# Render the nginx configuration into a folder: deploy/nginx/render.sh OUTPUT_DIR
#
# Writes OUTPUT_DIR/iurc.conf (the site, for nginx's http block), the files it includes, and
# OUTPUT_DIR/nginx.conf (a whole configuration that runs without root, every path inside
# OUTPUT_DIR: `nginx -p OUTPUT_DIR -c OUTPUT_DIR/nginx.conf -e OUTPUT_DIR/nginx-error.log`).
# Values come from the environment; the defaults suit `make serve` on loopback:
#   APP_ADDRESS      gunicorn's address                      127.0.0.1:8000
#   HTTP_LISTEN      plain HTTP (redirects to HTTPS)          127.0.0.1:8080
#   HTTPS_LISTEN     HTTPS                                    127.0.0.1:8443
#   SERVER_NAME      host names                               localhost 127.0.0.1
#   TLS_CERTIFICATE  certificate chain (PEM)                  required
#   TLS_KEY          its private key (PEM)                    required
#   STATIC_ROOT      collectstatic's folder                   ./staticfiles
#   MEDIA_ROOT       uploads                                  ./media
#   MAX_BODY_SIZE    largest request body                     25m
#   HSTS_SECONDS     HSTS max-age nginx adds where the app did not (0: none)   31536000
#   ACME_ROOT        webroot for certbot's HTTP challenge     OUTPUT_DIR/acme
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$(cd "$here/../.." && pwd)"
out="${1:?usage: render.sh OUTPUT_DIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

export RUN_DIR="$out" CONF_DIR="$out"
export APP_ADDRESS="${APP_ADDRESS:-127.0.0.1:8000}"
export HTTP_LISTEN="${HTTP_LISTEN:-127.0.0.1:8080}"
export HTTPS_LISTEN="${HTTPS_LISTEN:-127.0.0.1:8443}"
export SERVER_NAME="${SERVER_NAME:-localhost 127.0.0.1}"
export TLS_CERTIFICATE="${TLS_CERTIFICATE:?set TLS_CERTIFICATE to the certificate file}"
export TLS_KEY="${TLS_KEY:?set TLS_KEY to the private key file}"
export STATIC_ROOT="${STATIC_ROOT:-$project/staticfiles}"
export MEDIA_ROOT="${MEDIA_ROOT:-$project/media}"
export MAX_BODY_SIZE="${MAX_BODY_SIZE:-25m}"
export ACME_ROOT="${ACME_ROOT:-$out/acme}"
hsts="${HSTS_SECONDS:-31536000}"
if [ "$hsts" = 0 ]; then HSTS_HEADER=""; else HSTS_HEADER="max-age=$hsts; includeSubDomains"; fi
export HSTS_HEADER
https_port="${HTTPS_LISTEN##*:}"
if [ "$https_port" = 443 ] || [ "$https_port" = "$HTTPS_LISTEN" ]; then HTTPS_PORT_SUFFIX=""; else HTTPS_PORT_SUFFIX=":$https_port"; fi
export HTTPS_PORT_SUFFIX

# Brotli where Debian's module is installed (libnginx-mod-http-brotli-filter/-static); gzip always.
modules=/usr/lib/nginx/modules
LOAD_MODULES="" BROTLI_CONFIG="# brotli: module not installed, gzip only" BROTLI_STATIC=""
if [ -e "$modules/ngx_http_brotli_filter_module.so" ]; then
  LOAD_MODULES="load_module $modules/ngx_http_brotli_filter_module.so;"
  BROTLI_CONFIG="include $out/brotli.conf;"
fi
if [ -e "$modules/ngx_http_brotli_static_module.so" ]; then
  LOAD_MODULES="$LOAD_MODULES
load_module $modules/ngx_http_brotli_static_module.so;"
  BROTLI_STATIC="brotli_static on;"
fi
export LOAD_MODULES BROTLI_CONFIG BROTLI_STATIC
# Started as root (a container), the workers would drop to "nobody" and could not read the files.
if [ "$(id -u)" = 0 ]; then USER_DIRECTIVE="user root;"; else USER_DIRECTIVE=""; fi
export USER_DIRECTIVE

variables='${RUN_DIR} ${CONF_DIR} ${APP_ADDRESS} ${HTTP_LISTEN} ${HTTPS_LISTEN} ${SERVER_NAME}
${TLS_CERTIFICATE} ${TLS_KEY} ${STATIC_ROOT} ${MEDIA_ROOT} ${MAX_BODY_SIZE} ${ACME_ROOT}
${HSTS_HEADER} ${HTTPS_PORT_SUFFIX} ${LOAD_MODULES} ${BROTLI_CONFIG} ${BROTLI_STATIC} ${USER_DIRECTIVE}'
envsubst "$variables" < "$here/iurc.conf.template" > "$out/iurc.conf"
envsubst "$variables" < "$here/nginx.conf.template" > "$out/nginx.conf"
cp "$here/security-headers.conf" "$here/media-headers.conf" "$here/brotli.conf" "$out/"
mkdir -p "$ACME_ROOT"
