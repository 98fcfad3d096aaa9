"""Settings for a worker started as a real process by the crash test: the test database, SMTP."""

import os

from iurc_portal.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["WORKER_DB_NAME"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["WORKER_SMTP_PORT"])
EMAIL_USE_TLS = EMAIL_USE_SSL = False
EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
