"""Articles and events describe themselves to search engines (JSON-LD) and when shared (Open Graph)."""

import datetime
import json
import zoneinfo

import pytest
from bs4 import BeautifulSoup

from iurc_portal.core.factories import ImageFactory
from news.factories import EventPageFactory, NewsArticlePageFactory
from news.models import AttendanceMode

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    (script,) = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string), soup


def test_article_is_a_news_article(client, news_index):
    NewsArticlePageFactory(
        parent=news_index,
        slug="story",
        title="Cities meet in Busan",
        date=datetime.date(2026, 5, 4),
        author="Maria Schmidt",
        hero_image=ImageFactory(),
    )

    data, soup = json_ld(client, "/news/story/")

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Cities meet in Busan"
    assert data["datePublished"].startswith("2026-05-04T")
    assert datetime.datetime.fromisoformat(data["dateModified"]).tzinfo is not None
    assert data["author"] == {"@type": "Person", "name": "Maria Schmidt"}
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "International Urban and Regional Cooperation"
    assert data["mainEntityOfPage"]["@id"] == "http://testserver/news/story/"
    assert data["image"][0].startswith("http://testserver/") and data["image"][0].endswith(".jpg")
    assert soup.find("meta", property="og:type")["content"] == "article"


def test_article_by_a_team_is_by_an_organisation_and_may_have_no_image(client, news_index):
    NewsArticlePageFactory(parent=news_index, slug="team", author="IURC team")
    NewsArticlePageFactory(parent=news_index, slug="anonymous", author="")

    team, _soup = json_ld(client, "/news/team/")
    anonymous, _soup = json_ld(client, "/news/anonymous/")

    assert team["author"] == {"@type": "Organization", "name": "IURC team"}
    assert "image" not in team
    assert anonymous["author"]["name"] == "International Urban and Regional Cooperation"


def test_in_person_event(client, event_index):
    EventPageFactory(
        parent=event_index,
        slug="forum",
        title="City forum",
        start=datetime.datetime(2027, 6, 10, 9, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2027, 6, 10, 17, 0, tzinfo=BRUSSELS),
        attendance=AttendanceMode.IN_PERSON,
        venue="City Hall",
        address="Grand-Place 1\n1000 Brussels",
    )

    data, _soup = json_ld(client, "/events/forum/")

    assert data["@type"] == "Event"
    assert data["name"] == "City forum"
    assert data["startDate"] == "2027-06-10T09:00:00+02:00"
    assert data["endDate"] == "2027-06-10T17:00:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {
        "@type": "Place",
        "name": "City Hall",
        "address": "Grand-Place 1 1000 Brussels",
    }
    assert data["organizer"]["name"] == "International Urban and Regional Cooperation"
    assert data["url"] == "http://testserver/events/forum/"
    assert data["description"]


def test_online_and_hybrid_events(client, event_index):
    EventPageFactory(
        parent=event_index,
        slug="webinar",
        attendance=AttendanceMode.ONLINE,
        online_url="https://example.org/live",
    )
    EventPageFactory(parent=event_index, slug="hybrid", attendance=AttendanceMode.HYBRID, venue="City Hall")

    online, _soup = json_ld(client, "/events/webinar/")
    hybrid, _soup = json_ld(client, "/events/hybrid/")

    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["location"] == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert hybrid["location"] == [
        {"@type": "Place", "name": "City Hall"},
        {"@type": "VirtualLocation", "url": "http://testserver/events/hybrid/"},
    ]
