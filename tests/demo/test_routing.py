"""BasePage.route() finds the same page as Wagtail's own level-by-level walk, in fewer queries."""

import pytest
from django.http import Http404
from django.template.response import SimpleTemplateResponse
from wagtail.models import Page

from iurc_portal.core.models import BasePage

pytestmark = pytest.mark.django_db


def resolve(root, request, components):
    try:
        result = root.route(request, components)
    except Http404:
        return "404"
    page, args, kwargs = result
    # A routable page's args hold its view as a bound method: compare what it prints as.
    return (page.pk, type(page).__name__, repr(args), repr(kwargs))


def test_routing_matches_wagtails_walk_for_every_demo_url(rf, monkeypatch, demo_site):
    site = demo_site
    root = site.root_page.specific
    request = rf.get("/")
    paths = set()
    for page in Page.objects.descendant_of(root).exclude(pk=root.pk):
        parts = page.url_path[len(root.url_path) :].strip("/").split("/")
        paths.add(tuple(parts))
        for extra in (["feed", "rss"], ["feed", "atom"], ["ics"], ["no-such-page"], ["no-such", "deeper"]):
            paths.add((*parts, *extra))
    paths.update({("no-such-section",), ("no-such-section", "child")})
    # Unpublished pages answer 404 either way.
    Page.objects.filter(pk=Page.objects.descendant_of(root).exclude(pk=root.pk).last().pk).update(live=False)

    ours = {path: resolve(root, request, list(path)) for path in sorted(paths)}
    monkeypatch.delattr(BasePage, "route")  # every page type now walks as Wagtail does
    wagtails = {path: resolve(root, request, list(path)) for path in sorted(paths)}

    assert ours == wagtails
    assert sum(result != "404" for result in ours.values()) > 40


def served(client, path):
    """What a visitor gets at `path`: the status and the page (or, for a feed, the content type)."""
    response = client.get(path)
    page = (getattr(response, "context_data", None) or {}).get("page")
    return response.status_code, page.pk if page is not None else response.get("Content-Type")


def test_serving_matches_wagtails_serve_in_every_language(client, demo_site, settings, monkeypatch):
    """core.views.serve replaces wagtail.views.serve: every demo page, in its own language and
    under other language prefixes, with sub-routes and missing pages, answers the same.

    Which page answers, with which status, is decided before the template is rendered; rendering
    (the same templates on both sides, checked page by page in test_seo.py) is skipped here."""
    monkeypatch.setattr(SimpleTemplateResponse, "rendered_content", "")
    paths = set()
    per_type = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path"):
        english = page.locale_id == Page.objects.get(depth=2, url_path="/home/").locale_id
        if english and per_type.setdefault(page.content_type_id, 0) >= 2:
            continue  # two of each English type, and every translation and alias
        per_type[page.content_type_id] = per_type.get(page.content_type_id, 0) + english
        url = page.url
        paths.add(url)
        if page.depth == 3 and english:  # a section's sub-routes, and under other languages' prefixes
            paths.update({f"{url}feed/rss/", f"{url}no-such-page/", f"/fr{url}", f"/es{url}"})
    paths.update({"/", "/es/", "/fr/", "/ja/", "/no-such-section/", "/es/no-such/deeper/"})
    ours = {path: served(client, path) for path in sorted(paths)}
    settings.ROOT_URLCONF = "tests.core.urls_wagtail_serve"
    wagtails = {path: served(client, path) for path in sorted(paths)}
    assert ours == wagtails
    assert sum(status == 200 and isinstance(page, int) for status, page in ours.values()) > 80


def test_the_home_page_costs_two_queries_fewer_than_with_wagtails_serve(client, demo_site, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/")
    with CaptureQueriesContext(connection) as ours:
        client.get("/")
    settings.ROOT_URLCONF = "tests.core.urls_wagtail_serve"
    client.get("/")
    with CaptureQueriesContext(connection) as wagtails:
        client.get("/")
    assert len(ours) == len(wagtails) - 2


def test_a_section_is_routed_from_the_menus_pages_with_only_its_own_row_read(
    rf, demo_site, monkeypatch, django_assert_num_queries
):
    """/news/ is one of the home page's children, which every page's menu reads anyway: routing
    then reads only the section's own row, where Wagtail reads the child by slug, then its type's row."""
    from iurc_portal.core.query import site_sections

    request = rf.get("/news/")
    root = demo_site.root_page.specific
    site_sections(request)  # as the menu does on every page
    with django_assert_num_queries(1):
        ours = resolve(root, request, ["news"])
    monkeypatch.delattr(BasePage, "route")
    with django_assert_num_queries(2):
        wagtails = resolve(root, request, ["news"])
    assert ours == wagtails
    assert ours[1] == "NewsIndexPage"
