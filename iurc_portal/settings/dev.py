"""Local development: debug on, loopback hosts, a fixed throwaway key when none is set."""

from .base import *  # noqa: F403
from .base import env_list, os

DEBUG = True
# Only ever used on a developer's machine; production refuses to start without its own.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

# Serve static files from the source folders (no collectstatic needed while developing).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = None
