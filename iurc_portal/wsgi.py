import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iurc_portal.settings.production")

application = get_wsgi_application()

from iurc_portal.core.http import guard_wsgi  # noqa: E402 - needs the settings loaded above

application = guard_wsgi(application)
