import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from news.factories import EventPageFactory
from news.models import AttendanceMode, EventPage
from news.models.events import EventPageForm

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def at(year, month, day, hour, minute=0, zone="UTC"):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zoneinfo.ZoneInfo(zone))


def in_days(days, hours=0):
    return timezone.now() + datetime.timedelta(days=days, hours=hours)


def test_listing_separates_upcoming_and_past(client, event_index):
    EventPageFactory(parent=event_index, title="Later", start=in_days(20))
    EventPageFactory(parent=event_index, title="Soon", start=in_days(2))
    EventPageFactory(parent=event_index, title="Happening now", start=in_days(0, -1), end=in_days(0, 1))
    EventPageFactory(parent=event_index, title="Last month", start=in_days(-30))
    EventPageFactory(parent=event_index, title="Last year", start=in_days(-300))
    EventPageFactory(parent=event_index, title="Unpublished", start=in_days(5), live=False)

    response = client.get("/events/")

    assert response.status_code == 200
    assert [e.title for e in response.context["upcoming_events"]] == ["Happening now", "Soon", "Later"]
    assert [e.title for e in response.context["past_page"].object_list] == ["Last month", "Last year"]
    html = response.content.decode()
    assert (
        html.index("Upcoming events")
        < html.index("Soon")
        < html.index("Past events")
        < html.index("Last month")
    )


def test_listing_without_upcoming_events_says_so(client, event_index):
    EventPageFactory(parent=event_index, start=in_days(-3))

    assert "No upcoming events at the moment." in client.get("/events/").content.decode()


def test_past_events_paginate(client, event_index):
    for days in range(1, 26):
        EventPageFactory(parent=event_index, title=f"Past {days}", start=in_days(-days))

    page_three = client.get("/events/?page=3").context["past_page"]

    assert [e.title for e in page_three.object_list] == [f"Past {d}" for d in range(21, 26)]
    assert client.get("/events/?page=zzz").status_code == 404
    assert client.get("/events/?page=4").status_code == 404


def test_event_page_shows_local_time_in_the_events_time_zone(client, event_index):
    EventPageFactory(
        parent=event_index,
        slug="tokyo",
        start=at(2027, 3, 10, 1, 30),  # 10:30 in Tokyo
        end=at(2027, 3, 10, 3, 0),
        time_zone="Asia/Tokyo",
        attendance=AttendanceMode.IN_PERSON,
        venue="City Hall",
        address="Shinjuku\nTokyo",
    )

    html = client.get("/events/tokyo/").content.decode()

    assert '<time datetime="2027-03-10T10:30:00+09:00">Wednesday 10 March 2027, 10:30</time>' in html
    assert "12:00" in html and "Asia/Tokyo" in html and "UTC+0900" in html
    assert "City Hall" in html and "Shinjuku<br>Tokyo" in html


def test_registration_before_and_recording_only_after_the_event(client, event_index):
    upcoming = EventPageFactory(
        parent=event_index,
        slug="upcoming",
        registration_url="https://example.org/register",
        recording_url="https://example.org/recording",
    )
    past = EventPageFactory(
        parent=event_index,
        slug="past",
        start=in_days(-2),
        registration_url="https://example.org/register",
        recording_url="https://example.org/recording",
    )

    upcoming_html = client.get(upcoming.url).content.decode()
    past_html = client.get(past.url).content.decode()

    assert "https://example.org/register" in upcoming_html
    assert "https://example.org/recording" not in upcoming_html
    assert "https://example.org/recording" in past_html and "Watch the recording" in past_html
    assert "https://example.org/register" not in past_html


def test_event_ics_download(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        slug="matchmaking",
        title="Regional innovation matchmaking; Brussels, 2027",
        start=at(2027, 1, 20, 10, 0, "Europe/Brussels"),
        end=at(2027, 1, 20, 16, 0, "Europe/Brussels"),
        time_zone="Europe/Brussels",
        attendance=AttendanceMode.HYBRID,
        venue="Brussels",
    )

    response = client.get("/events/matchmaking/ics/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="matchmaking.ics"'
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert body.rstrip().endswith("END:VCALENDAR")
    # 10:00 in Brussels in January (CET, UTC+1) is 09:00 UTC.
    assert "DTSTART:20270120T090000Z\r\n" in body
    assert "DTEND:20270120T150000Z\r\n" in body
    calendar = Calendar.from_ical(body)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Regional innovation matchmaking; Brussels, 2027"
    assert "SUMMARY:Regional innovation matchmaking\\; Brussels\\, 2027" in body
    assert vevent.decoded("DTSTART") == at(2027, 1, 20, 9, 0)
    assert str(vevent["URL"]) == "http://testserver/events/matchmaking/"
    assert str(vevent["UID"]) == f"event-{event.pk}@testserver"
    assert str(vevent["LOCATION"]) == "Brussels, Online"


def test_calendar_feed_lists_upcoming_and_recent_events(client, event_index):
    EventPageFactory(parent=event_index, title="Upcoming", start=in_days(10))
    EventPageFactory(parent=event_index, title="Recent", start=in_days(-10))
    EventPageFactory(parent=event_index, title="Long ago", start=in_days(-800))
    EventPageFactory(parent=event_index, title="Draft", start=in_days(3), live=False)

    response = client.get("/events/calendar.ics")

    assert response.status_code == 200
    assert response.content.startswith(b"BEGIN:VCALENDAR")
    calendar = Calendar.from_ical(response.content)
    assert sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT")) == ["Recent", "Upcoming"]
    html = client.get("/events/").content.decode()
    assert '<link rel="alternate" type="text/calendar"' in html and 'href="/events/calendar.ics"' in html


def _form_data(**overrides):
    data = {
        "title": "Webinar",
        "slug": "webinar",
        "intro": "An online meeting.",
        "start": "2027-06-01 10:00",
        "end": "2027-06-01 12:00",
        "time_zone": "America/Mexico_City",
        "attendance": "online",
        "venue": "",
        "address": "",
        "online_url": "",
        "registration_url": "",
        "recording_url": "",
        "body-count": "0",
        "agenda-count": "0",
    }
    data.update(overrides)
    return data


def _form_class():
    return EventPage.get_edit_handler().get_form_class()


def test_admin_form_reads_times_in_the_events_time_zone(event_index):
    form = _form_class()(data=_form_data(), instance=EventPage(), for_user=None, parent_page=event_index)

    assert isinstance(form, EventPageForm)
    assert form.is_valid(), form.errors
    # 10:00 in Mexico City (UTC-6, no daylight saving) is 16:00 UTC.
    assert form.cleaned_data["start"] == at(2027, 6, 1, 16, 0)
    assert form.instance.start == at(2027, 6, 1, 16, 0)

    edit = _form_class()(instance=form.instance, for_user=None, parent_page=event_index)
    assert edit["start"].value() == datetime.datetime(2027, 6, 1, 10, 0)


def test_admin_form_rejects_an_end_before_the_start_and_unknown_zones(event_index):
    form = _form_class()(
        data=_form_data(end="2027-06-01 09:00", time_zone="Mars/Olympus"),
        instance=EventPage(),
        for_user=None,
        parent_page=event_index,
    )

    assert not form.is_valid()
    assert "time_zone" in form.errors and "end" in form.errors


def test_model_validation_of_times_and_place(event_index):
    event = EventPage(
        title="x",
        slug="x",
        intro="x",
        start=at(2027, 1, 1, 10),
        end=at(2027, 1, 1, 9),
        attendance=AttendanceMode.IN_PERSON,
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean(exclude=["path", "depth", "url_path", "content_type"])
    assert "end" in error.value.message_dict and "venue" in error.value.message_dict


def test_events_listing_queries_do_not_grow_with_the_number_of_events(client, event_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(count):
        for n in range(count):
            EventPageFactory(parent=event_index, start=in_days(5 + n))
            EventPageFactory(parent=event_index, start=in_days(-5 - n))

    def count():
        client.get("/events/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/events/").status_code == 200
        return len(queries)

    add(5)
    few = count()
    add(45)
    assert count() == few


def test_an_event_under_way_is_happening_now(client, event_index):
    EventPageFactory(
        parent=event_index, slug="now", title="Under way", start=in_days(0, -1), end=in_days(0, 1)
    )
    EventPageFactory(parent=event_index, slug="later", title="Later on", start=in_days(3))

    now_html = client.get("/events/now/").content.decode()
    later_html = client.get("/events/later/").content.decode()
    listing = client.get("/events/").content.decode()

    assert '<p class="event__status">Happening now</p>' in now_html
    assert '<p class="event__status">Upcoming event</p>' in later_html
    assert listing.count("Happening now") == 1
    assert listing.index("Happening now") < listing.index("Under way") < listing.index("Later on")


def test_upcoming_events_listing_is_bounded(client, event_index, monkeypatch):
    from news.models import EventIndexPage

    monkeypatch.setattr(EventIndexPage, "upcoming_limit", 3)
    for days in range(1, 6):
        EventPageFactory(parent=event_index, title=f"Future {days}", start=in_days(days))

    response = client.get("/events/")

    assert [e.title for e in response.context["upcoming_events"]] == ["Future 1", "Future 2", "Future 3"]
    assert "Only the next 3 events are listed here." in response.content.decode()
    monkeypatch.setattr(EventIndexPage, "upcoming_limit", 5)
    assert "Only the next" not in client.get("/events/").content.decode()


def test_event_cards_load_no_images(client, event_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from iurc_portal.core.factories import ImageFactory

    EventPageFactory(parent=event_index, start=in_days(2), hero_image=ImageFactory())
    EventPageFactory(parent=event_index, start=in_days(-2), hero_image=ImageFactory())
    client.get("/events/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/events/")

    sql = " ".join(query["sql"].lower() for query in queries)
    assert "core_customimage" not in sql and "core_customrendition" not in sql
