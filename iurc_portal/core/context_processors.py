from django.utils.functional import SimpleLazyObject

from .sitewide import site_settings, site_text


def site(request):
    """`site_settings` (the site's settings) and `site_text` (the header's and footer's words in
    the reader's language), kept per cache generation."""
    return {
        "site_settings": SimpleLazyObject(lambda: site_settings(request)),
        "site_text": SimpleLazyObject(lambda: site_text(request)),
    }
