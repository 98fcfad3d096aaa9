"""The portal's URLs with Wagtail's own page serving, to compare core.views.serve with it."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls

from iurc_portal.urls import urlpatterns as portal_urlpatterns

# The last entry is the language-prefixed page serving (iurc_portal/urls.py).
urlpatterns = portal_urlpatterns[:-1] + i18n_patterns(
    path("", include(wagtail_urls)), prefix_default_language=False
)
