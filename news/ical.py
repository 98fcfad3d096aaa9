"""iCalendar (RFC 5545) output for events, through the `icalendar` library.

The library handles escaping, line folding and UTC formatting, which are easy to get wrong
by hand and which calendar applications are strict about."""

import datetime
from urllib.parse import urlparse

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//IURC portal//Events//EN"


def _utc(value):
    return value.astimezone(datetime.UTC)


def event_component(event, request):
    url = event.get_full_url(request) or ""
    # The site's own host name (as in the URL), so the UID is the same whoever downloads it.
    host = urlparse(url).hostname or request.get_host().split(":")[0] or "localhost"
    component = Event()
    # Stable per event and site, so re-downloading updates the entry instead of duplicating it.
    component.add("uid", f"event-{event.pk}@{host}")
    component.add("dtstamp", _utc(event.last_published_at or timezone.now()))
    component.add("dtstart", _utc(event.start))
    component.add("dtend", _utc(event.end))
    component.add("summary", event.title)
    description = event.intro
    if event.online_url and not event.is_past:
        description = f"{description}\n\n{event.online_url}"
    component.add("description", f"{description}\n\n{url}".strip())
    if event.location_text:
        component.add("location", event.location_text)
    if url:
        component.add("url", url)
    if event.last_published_at:
        component.add("last-modified", _utc(event.last_published_at))
    component.add("status", "CONFIRMED")
    return component


def build_calendar(request, events, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event_component(event, request))
    return calendar


def calendar_response(request, events, name, filename=None):
    response = HttpResponse(
        build_calendar(request, events, name).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
