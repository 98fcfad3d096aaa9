from django.utils.functional import SimpleLazyObject

from .sitewide import site_settings


def site(request):
    """`site_settings`: the site's settings (organisation, footer), kept per cache generation."""
    return {"site_settings": SimpleLazyObject(lambda: site_settings(request))}
