"""Invented events say so on the page and are never published as real events."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from news.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def test_an_example_event_is_marked_and_kept_out_of_calendars_and_json_ld(client, event_index):
    start = timezone.now() + datetime.timedelta(days=10)
    real = EventPageFactory(parent=event_index, title="Real webinar", start=start)
    example = EventPageFactory(parent=event_index, title="Invented webinar", start=start, is_example=True)

    page = client.get(example.url).content.decode()
    assert "Example" in page
    assert '"@type": "Event"' not in page and example.url + "ics/" not in page
    assert client.get(example.url + "ics/").status_code == 404
    assert '"@type": "Event"' in client.get(real.url).content.decode()

    calendar = Calendar.from_ical(client.get("/events/calendar.ics").content)
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Real webinar"]
