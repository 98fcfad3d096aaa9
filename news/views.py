from django.http import Http404
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .models import EventIndexPage


@require_safe
def events_calendar(request, path):
    """<events index>/calendar.ics: the iCalendar feed of an events index page.

    A plain view because Wagtail's page URL pattern does not allow the dot in "calendar.ics".
    It finds the page the way Wagtail would (live, under this site) and honours view restrictions."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    index = (
        EventIndexPage.objects.live()
        .filter(url_path=f"{site.root_page.url_path}{path}")
        .descendant_of(site.root_page)
        .first()
    )
    if index is None:
        raise Http404
    if any(not restriction.accept_request(request) for restriction in index.get_view_restrictions()):
        raise Http404
    return index.calendar(request)
