"""What the sign-up form shows, cached because the form is in every page's footer."""

from wagtail.models import Site

from iurc_portal.core.cache import generation_cached


def _build(request, site):
    from iurc_portal.core.models import SiteSettings
    from programmes.models import RegionPage, Theme

    from .models import ConsentText

    # Every statement ever shown, by version: a form posted before a rewording still names its own.
    texts = list(ConsentText.objects.order_by("created_at", "pk"))
    consent = texts[-1] if texts else None
    privacy_url = ""
    if site is not None:
        settings_row = (
            SiteSettings.for_request(request) if request is not None else SiteSettings.for_site(site)
        )
        privacy_page = settings_row.privacy_page
        if privacy_page is not None and privacy_page.live:
            privacy_url = privacy_page.get_url(request) or ""
    return {
        "regions": list(RegionPage.objects.live().public().order_by("title").values_list("pk", "title")),
        "themes": list(Theme.objects.order_by("name").values_list("pk", "name")),
        "consent": {"id": consent.pk, "version": consent.version, "text": consent.text} if consent else None,
        "consent_texts": {text.version: text for text in texts},
        "privacy_url": privacy_url,
    }


def signup_choices(request=None):
    """The form's options for the request's host, cached until the next publish or until a theme,
    the site settings or a consent statement changes (see PAGE_CACHE_INVALIDATING_MODELS).

    Keyed by host name, so a warm cache needs no query at all, not even to find the site."""
    host = request.get_host() if request is not None else ""

    def build():
        site = Site.find_for_request(request) if request is not None else None
        return _build(request, site)

    # The number names the entry's shape: a deploy that changes it must not read the old one.
    return generation_cached(f"newsletter:signup-choices:2:{host}", build)
