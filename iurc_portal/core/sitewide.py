"""What every page shows the same way, read once per process and cache generation.

The header's sections, the restricted sections, the site settings (footer, organisation) and the
consent statement are on every page, and change only when an editor publishes, moves or restricts
a page or saves a setting, which starts a new cache generation (core.cache). So each process keeps
them in its own memory, per site, until the generation changes, and for SITEWIDE_SECONDS at most
(changes made outside the admin, or while Redis is down, show within that time). They are never
written to Redis nor pickled: a deploy starts with nothing. SITEWIDE_SECONDS = 0 reads them on
every request (the test settings do, as tests change pages without publishing).
"""

import threading
import time

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Site

from .cache import GENERATION_ATTRIBUTE, GENERATION_KEY

MEMO_ATTRIBUTE = "iurc_sitewide"

_lock = threading.Lock()
_MISSING = object()
_kept = {}  # (name, site id) -> (generation, monotonic expiry, value)


def generation(request=None):
    """The current cache generation (one cache read, once per request)."""
    found = getattr(request, GENERATION_ATTRIBUTE, None) if request is not None else None
    if found is None:
        found = cache.get(GENERATION_KEY) or "0"
        if request is not None:
            setattr(request, GENERATION_ATTRIBUTE, found)
    return found


def sitewide(name, load, request=None, per_site=True):
    """`load(site)`, kept in this process until the cache generation changes.

    `site` is the request's site, or None for a value that is the same for every site (the
    restricted sections, say). Within one request the value is read once even when keeping is
    off."""
    site = Site.find_for_request(request) if per_site and request is not None else None
    key = (name, site.pk if site is not None else None)
    memo = getattr(request, MEMO_ATTRIBUTE, None) if request is not None else None
    if memo is not None and key in memo:
        return memo[key]
    seconds = settings.SITEWIDE_SECONDS
    value = _MISSING
    if seconds:
        current = generation(request)
        kept = _kept.get(key)
        if kept is not None and kept[0] == current and kept[1] > time.monotonic():
            value = kept[2]
    if value is _MISSING:
        value = load(site)
        if seconds:
            with _lock:
                _kept[key] = (current, time.monotonic() + seconds, value)
    if request is not None:
        if memo is None:
            memo = {}
            setattr(request, MEMO_ATTRIBUTE, memo)
        memo[key] = value
    return value


def forget():
    """Drop everything kept (tests; a process that changed content outside the admin)."""
    with _lock:
        _kept.clear()


def site_settings(request):
    """The request's site settings (SiteSettings), kept per cache generation; None without a site."""
    from .models import SiteSettings

    return sitewide("settings", lambda site: SiteSettings.for_site(site) if site else None, request)


def site_text(request):
    """The header's and footer's words in the reader's language (SiteText), else the English
    ones, else the model's defaults; kept per language and cache generation."""
    from .languages import current_language

    language = current_language()
    return sitewide(f"text:{language}", lambda _site: site_text_in(language), request, per_site=False)


def site_text_in(language):
    """SiteText in `language`, else English, else the defaults (one query, nothing kept)."""
    from .languages import locale_id
    from .models import SiteText

    wanted = [pk for pk in (locale_id(language), locale_id(settings.LANGUAGE_CODE)) if pk is not None]
    found = {text.locale_id: text for text in SiteText.objects.filter(live=True, locale_id__in=wanted)}
    return next((found[pk] for pk in wanted if pk in found), None) or SiteText()
