"""Clusters, activities, calls and the resource library: tree rules, filters, query counts,
a call closing on time with the page cache on, and PDF text found by search."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from programmes import work_context
from programmes.demo_work import pdf_bytes
from programmes.factories import ProgrammePageFactory
from programmes.models import (
    ActivityIndexPage,
    ActivityPage,
    CallIndexPage,
    CallPage,
    ClusterPage,
    ProgrammePage,
    ResourceIndexPage,
    ResourcePage,
)
from programmes.tasks import extract_document_text

pytestmark = pytest.mark.django_db
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def add(parent, model, **fields):
    page = model(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def programme(home_page):
    return ProgrammePageFactory(parent=home_page, title="IURC", slug="iurc")


def test_tree_rules():
    for child in (ClusterPage, CallIndexPage, ActivityIndexPage, ResourceIndexPage):
        assert ProgrammePage in child.allowed_parent_page_models()
        assert child in ProgrammePage.allowed_subpage_models()
    assert CallIndexPage.allowed_subpage_models() == [CallPage]
    assert CallPage.allowed_parent_page_models() == [CallIndexPage]
    assert ActivityPage.allowed_parent_page_models() == [ActivityIndexPage]
    assert ResourcePage.allowed_parent_page_models() == [ResourceIndexPage]
    assert ClusterPage.allowed_subpage_models() == []


@pytest.fixture
def call(programme):
    index = add(programme, CallIndexPage, title="Calls", slug="calls")
    return add(
        index,
        CallPage,
        title="Call for cities",
        slug="call",
        opens_at=dt.datetime(2030, 1, 1, 9, 0, tzinfo=BRUSSELS),
        closes_at=dt.datetime(2030, 3, 31, 17, 0, tzinfo=BRUSSELS),
        time_zone="Europe/Brussels",
    )


def test_call_status_follows_the_clock(call):
    assert call.status_at(dt.datetime(2029, 12, 31, tzinfo=BRUSSELS)) == "upcoming"
    assert call.status_at(dt.datetime(2030, 3, 31, 16, 59, 59, tzinfo=BRUSSELS)) == "open"
    assert call.status_at(dt.datetime(2030, 3, 31, 17, 0, tzinfo=BRUSSELS)) == "closed"


def test_call_closes_on_time_with_the_page_cache_on(call, client, settings, redis_cache, home_page):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 24 * 3600  # far longer than the time to closing
    with time_machine.travel(dt.datetime(2030, 3, 31, 16, 58, tzinfo=BRUSSELS), tick=False) as traveller:
        first = client.get(call.url)
        assert first["X-Page-Cache"] == "miss"
        assert "Open" in first.content.decode() and "17:00" in first.content.decode()
        assert client.get(call.url)["X-Page-Cache"] == "hit"
        home = client.get("/")
        assert "Call for cities" in home.content.decode()  # the home page lists open calls

        traveller.move_to(dt.datetime(2030, 3, 31, 17, 0, 1, tzinfo=BRUSSELS))
        after = client.get(call.url)
        # Not the stored "open" page: rendered again, closed, with no publish in between.
        assert after["X-Page-Cache"] == "miss"
        assert "This call is closed" in after.content.decode()
        assert "Call for cities" not in client.get("/").content.decode()


def test_the_home_page_lists_a_call_the_moment_it_opens_with_the_page_cache_on(
    call, client, settings, redis_cache, home_page
):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 24 * 3600  # far longer than the time to opening
    with time_machine.travel(dt.datetime(2030, 1, 1, 8, 59, tzinfo=BRUSSELS), tick=False) as traveller:
        before = client.get("/")
        assert before["X-Page-Cache"] == "miss"
        assert "Call for cities" not in before.content.decode()  # upcoming, not open
        assert client.get("/")["X-Page-Cache"] == "hit"

        traveller.move_to(dt.datetime(2030, 1, 1, 9, 0, 1, tzinfo=BRUSSELS))
        after = client.get("/")
        assert after["X-Page-Cache"] == "miss"
        assert "Call for cities" in after.content.decode()


def make_listing(programme, count):
    activities = add(programme, ActivityIndexPage, title="Activities", slug="activities")
    resources = add(programme, ResourceIndexPage, title="Resources", slug="resources")
    Document = get_document_model()
    for n in range(count):
        add(
            activities,
            ActivityPage,
            title=f"Webinar {n}",
            slug=f"webinar-{n}",
            activity_type="webinar" if n % 2 else "study-visit",
            start_date=dt.date(2020 + n % 4, 1, 1),
            online=True,
        )
        document = Document(title=f"Report {n}")
        document.file.save(f"report-{n}.pdf", ContentFile(b"%PDF-1.4"), save=False)
        document.save()
        add(
            resources,
            ResourcePage,
            title=f"Report {n}",
            slug=f"report-{n}",
            resource_type="report",
            document=document,
        )
    return activities, resources


@pytest.mark.parametrize("listing", ["activities", "resources"])
def test_listing_queries_do_not_grow_with_items(programme, client, monkeypatch, listing):
    monkeypatch.setattr(work_context, "ACTIVITIES_PER_PAGE", 100)
    monkeypatch.setattr(work_context, "RESOURCES_PER_PAGE", 100)
    activities, resources = make_listing(programme, 5)
    url = (activities if listing == "activities" else resources).url
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    index = activities if listing == "activities" else resources
    for n in range(5, 50):
        if listing == "activities":
            add(
                index,
                ActivityPage,
                title=f"W{n}",
                slug=f"w-{n}",
                activity_type="webinar",
                start_date=dt.date(2022, 1, 1),
            )
        else:
            add(index, ResourcePage, title=f"R{n}", slug=f"r-{n}", resource_type="toolkit")
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert len(response.context["activities" if listing == "activities" else "resources"]) == 50
    assert len(large) == len(small)


def test_activity_filters(programme, client):
    activities, _ = make_listing(programme, 8)
    response = client.get(activities.url, {"type": "webinar", "year": "2021"})
    titles = [a.title for a in response.context["activities"]]
    assert titles and all(
        a.activity_type == "webinar" and a.start_date.year == 2021 for a in response.context["activities"]
    )
    # A value not understood drops only its own filter and says so: never a 500.
    response = client.get(activities.url, {"type": "webinar", "year": "soon"})
    assert response.status_code == 200
    assert response.context["ignored_filters"]
    assert response.context["paginator"].count == 4


def test_pdf_text_found_by_search(
    programme, client, django_capture_on_commit_callbacks, settings, search_index
):
    settings.TASKS = {
        **settings.TASKS,
        "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    resources = add(programme, ResourceIndexPage, title="Resources", slug="resources")
    Document = get_document_model()
    document = Document(title="Action plan")
    document.file.save(
        "plan.pdf",
        ContentFile(pdf_bytes("Action plan", ["Rooftop rainwater harvesting in Surat"])),
        save=False,
    )
    # Uploading queues the extraction after the upload commits; the request does not read the PDF.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        document.save()
    assert len(callbacks) == 1
    plan = add(
        resources,
        ResourcePage,
        title="Action plan",
        slug="plan",
        resource_type="action-plan",
        document=document,
    )
    extract_document_text.call(document.pk)

    response = client.get(resources.url, {"q": "rainwater"})
    assert [r.title for r in response.context["resources"]] == ["Action plan"]
    assert client.get(resources.url, {"q": "snowfall"}).context["paginator"].count == 0
    # The site's search box finds it too (PostgreSQL's full-text search in CI).
    found = client.get("/search/", {"q": "rainwater harvesting"})
    assert [page.title for page in found.context["page_obj"]] == ["Action plan"]
    assert f'href="{plan.url}"' in found.content.decode()
    assert not list(client.get("/search/", {"q": "snowfall"}).context["page_obj"] or [])


def test_city_and_pairing_pages_show_timeline_sources_and_hide_empty_sections(world, client):
    programme = world.iurc
    activities = add(programme, ActivityIndexPage, title="Activities", slug="activities")
    add(
        activities,
        ActivityPage,
        title="Study visit to Busan",
        slug="visit",
        activity_type="study-visit",
        start_date=dt.date(2022, 7, 4),
        end_date=dt.date(2022, 7, 8),
        place="Busan",
        pairings=[world.rotterdam_busan],
        cities=[world.rotterdam],
    )
    world.rotterdam_busan.sources = [
        ("source", {"title": "IURC news", "publisher": "IURC", "url": "https://www.iurc.eu/"})
    ]
    world.rotterdam_busan.save_revision().publish()

    pairing = client.get(world.rotterdam_busan.url).content.decode()
    assert "Study visit to Busan" in pairing and "4 July 2022" in pairing
    assert "Sources" in pairing and 'href="https://www.iurc.eu/"' in pairing
    city = client.get(world.rotterdam.url).content.decode()
    assert "Study visit to Busan" in city

    lonely = client.get(world.nowhere.url).content.decode()
    assert "Pairings and partners" not in lonely and "Activities" not in lonely and "Sources" not in lonely
    assert "<li>—</li>" not in lonely
