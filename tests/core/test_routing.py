"""BasePage.route() finds the same page as Wagtail's own level-by-level walk, in fewer queries."""

import pytest
from django.core.management import call_command
from django.http import Http404
from wagtail.models import Page, Site

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


def test_routing_matches_wagtails_walk_for_every_demo_url(rf, monkeypatch, django_assert_max_num_queries):
    call_command("load_demo_content", verbosity=0)
    site = Site.objects.get(is_default_site=True)
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


def test_a_deep_url_costs_two_queries_to_route(rf, home_page, django_assert_num_queries):
    from iurc_portal.core.models import StandardPage

    about = StandardPage(title="About", slug="about")
    home_page.add_child(instance=about)
    team = StandardPage(title="Team", slug="team")
    about.add_child(instance=team)
    with django_assert_num_queries(2):  # every candidate page at once, then the page's own type
        page, _args, _kwargs = home_page.route(rf.get("/"), ["about", "team"])
    assert page.pk == team.pk
