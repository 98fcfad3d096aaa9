"""What the sign-up form shows, cached per site because the form is in every page's footer.

A warm cache costs no query at all; a miss costs about five small ones. Editing a theme,
publishing, unpublishing, moving or deleting a page, changing the site settings or adding
a consent statement clears the entry at once (signals below); the timeout is a safety net.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_PREFIX = "newsletter:signup-choices:v2"
CACHE_SECONDS = 300


def _key(site_id):
    return f"{CACHE_PREFIX}:{site_id}"


def _build(request, site):
    from iurc_portal.core.models import SiteSettings
    from programmes.models import RegionPage, Theme

    from .models import ConsentText

    consent = ConsentText.current()
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
        "privacy_url": privacy_url,
    }


def signup_choices(request=None):
    site = Site.find_for_request(request) if request is not None else None
    key = _key(site.pk if site else 0)
    value = cache.get(key)
    if value is None:
        value = _build(request, site)
        cache.set(key, value, CACHE_SECONDS)
    return value


def clear_signup_choices(**kwargs):
    site_ids = [0, *Site.objects.values_list("pk", flat=True)]
    cache.delete_many([_key(site_id) for site_id in site_ids])


def _affects_choices(sender):
    from iurc_portal.core.models import SiteSettings
    from programmes.models import RegionPage, Theme

    from .models import ConsentText

    return issubclass(sender, (RegionPage, Theme, ConsentText, SiteSettings))


@receiver(post_save)
def _model_saved(sender, **kwargs):
    if isinstance(sender, type) and _affects_choices(sender):
        clear_signup_choices()


@receiver(post_delete)
def _model_deleted(sender, **kwargs):
    if isinstance(sender, type) and (issubclass(sender, Page) or _affects_choices(sender)):
        clear_signup_choices()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(sender, **kwargs):
    # Any page: the privacy notice may be the one that moved or went offline.
    clear_signup_choices()
