"""gunicorn settings for the portal (read automatically from the project folder).

Every value can be overridden from the environment, e.g. WEB_CONCURRENCY=4 or GUNICORN_BIND.
"""

import multiprocessing
import os

wsgi_app = "iurc_portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Workers are processes: the app is CPU-bound Python, so about one per core (plus one while
# another waits on the database) uses the machine without thrashing.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak can never take the site down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
# Load the app before forking: workers share its memory and a broken deploy fails at once.
preload_app = True
# Trust X-Forwarded-* only from the local reverse proxy.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn's control socket (gunicornc) sits at one path per user: two instances on a machine (make
# serve next to a test or a benchmark) would take it from each other, and nothing here uses it.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
# Large uploads go to the admin only; anything bigger than this in a header is an attack.
limit_request_field_size = 8190


def post_fork(server, worker):
    # Database connections must not be shared across forked processes.
    from django.db import connections

    for connection in connections.all():
        connection.close()
