"""Our one-query visibility rules give exactly Wagtail's `.live().public()` answer."""

import pytest
from wagtail.models import Page, PageViewRestriction

from iurc_portal.core import sitewide
from iurc_portal.core.models import StandardPage
from iurc_portal.core.query import in_restricted_section, visible

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page):
    """Public, draft, restricted and under-restricted pages, and a sibling whose path starts
    like a restricted one's (a prefix match must not catch it)."""
    pages = {}

    def add(parent, slug, live=True):
        page = StandardPage(title=slug, slug=slug, live=live)
        parent.add_child(instance=page)
        pages[slug] = page
        return page

    public = add(home_page, "public")
    add(public, "public-child")
    add(home_page, "draft", live=False)
    members = add(home_page, "members")
    add(members, "members-child")
    add(add(public, "nested-private"), "nested-private-child")
    for slug in ("members", "nested-private"):
        PageViewRestriction.objects.create(page=pages[slug], restriction_type=PageViewRestriction.LOGIN)
    return pages


def test_visible_queryset_matches_wagtail_public(tree, rf):
    ours = set(StandardPage.objects.visible().values_list("pk", flat=True))
    wagtails = set(StandardPage.objects.live().public().values_list("pk", flat=True))
    assert ours == wagtails
    with_request = set(StandardPage.objects.visible(rf.get("/")).values_list("pk", flat=True))
    assert with_request == wagtails
    assert {page.slug for page in StandardPage.objects.visible()} == {"public", "public-child"}


def test_visibility_condition_matches_wagtail_public_for_every_page(tree):
    ours = set(Page.objects.live().filter(~in_restricted_section()).values_list("pk", flat=True))
    assert ours == set(Page.objects.live().public().values_list("pk", flat=True))


def test_visible_lists_match_wagtail_public(tree, rf):
    pages = list(StandardPage.objects.all())
    ours = {page.pk for page in visible(pages, rf.get("/"))}
    assert ours == set(StandardPage.objects.live().public().values_list("pk", flat=True))


def test_visible_queryset_is_one_query(tree, django_assert_num_queries, rf):
    with django_assert_num_queries(1):
        list(StandardPage.objects.visible())
    request = rf.get("/")
    with django_assert_num_queries(3):  # the request's restricted sections once, then one per listing
        list(StandardPage.objects.visible(request))
        list(StandardPage.objects.visible(request).filter(title__startswith="p"))


def test_view_restrictions_match_wagtails_own_with_aliases(tree, home_page):
    members = tree["members"]
    # An alias of a restricted page takes its source's restrictions; its subtree follows it.
    alias = members.create_alias(parent=tree["public"], update_slug="members-alias")
    alias_of_public = tree["public"].create_alias(parent=home_page, update_slug="public-alias")
    PageViewRestriction.objects.create(page=tree["public-child"], restriction_type=PageViewRestriction.LOGIN)
    checked = 0
    for page in Page.objects.all().specific():
        if not hasattr(page, "summary_source_field"):
            continue  # Wagtail's own root page
        ours = set(page.get_view_restrictions().values_list("pk", flat=True))
        wagtails = set(Page.get_view_restrictions(page).values_list("pk", flat=True))
        assert ours == wagtails, page.slug
        checked += 1
    assert checked >= 9
    assert alias.specific.get_view_restrictions().exists()
    assert not alias_of_public.specific.get_view_restrictions().exists()


def test_view_restrictions_are_one_query(tree, settings, django_assert_num_queries):
    settings.SITEWIDE_SECONDS = 60  # as in production: the restricted sections are kept
    sitewide.forget()
    page = StandardPage.objects.get(slug="members-child")
    list(page.get_view_restrictions())
    with django_assert_num_queries(1):
        assert len(page.get_view_restrictions()) == 1
    sitewide.forget()


def test_no_restriction_anywhere_needs_no_query(home_page, settings, django_assert_num_queries):
    settings.SITEWIDE_SECONDS = 60
    sitewide.forget()
    page = StandardPage(title="Open", slug="open")
    home_page.add_child(instance=page)
    list(page.get_view_restrictions())
    with django_assert_num_queries(0):
        assert list(page.get_view_restrictions()) == []
    sitewide.forget()


def test_page_urls_from_url_paths_match_wagtails_get_url(tree, rf):
    from iurc_portal.core.query import page_url_maker

    request = rf.get("/")
    url = page_url_maker(request)
    for page in Page.objects.exclude(depth=1):
        assert url(page.url_path) == page.get_url(request), page.url_path
