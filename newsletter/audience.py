"""Who receives an issue: confirmed, not suppressed, and interested in what the issue is about.

Per dimension (regions, themes): an issue that targets nothing goes to everybody; a subscriber
who chose nothing wants everything; otherwise they need one region (theme) in common. With more
than one portal language, an issue goes to the subscribers of its language (and, for the
default language, to those who have none recorded)."""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from .models import Subscriber


def _interest_filter(through, field, chosen_ids):
    links = through.objects.filter(subscriber_id=OuterRef("pk"))
    return ~Exists(links) | Exists(links.filter(**{f"{field}__in": chosen_ids}))


def audience(issue, language=None):
    """The subscribers an issue goes to (a queryset: `.count()` is the exact number)."""
    subscribers = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED, suppressed_at__isnull=True)
    region_ids = list(issue.regions.values_list("pk", flat=True))
    theme_ids = list(issue.themes.values_list("pk", flat=True))
    if region_ids:
        subscribers = subscribers.filter(
            _interest_filter(Subscriber.regions.through, "regionpage_id", region_ids)
        )
    if theme_ids:
        subscribers = subscribers.filter(_interest_filter(Subscriber.themes.through, "theme_id", theme_ids))
    if len(settings.LANGUAGES) > 1:
        language = language or settings.LANGUAGE_CODE
        same = Q(locale=language) | Q(locale__startswith=f"{language}-")
        if language == settings.LANGUAGE_CODE:
            same |= Q(locale="")
        subscribers = subscribers.filter(same)
    return subscribers
