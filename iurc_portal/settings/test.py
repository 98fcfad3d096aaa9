"""Test runs: fast hashing, in-memory email and cache, uses DATABASE_URL when set."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Logging in through the test client gives no request to django-axes; its own test enables it.
AXES_ENABLED = False
# Tests create pages through the ORM without publishing; their own tests switch the page cache on.
PAGE_CACHE_ENABLED = False
SITEWIDE_SECONDS = 0
# Static files come straight from the source folders; nothing is collected in tests.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
