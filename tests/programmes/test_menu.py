"""The header on every page: search, cities and both programme phases, without JavaScript."""

import re

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def menu_world(world):
    pks = [world.iurc.pk, world.phase1.pk, world.city_index.pk, world.directory.pk]
    Page.objects.filter(pk__in=pks).update(show_in_menus=True)
    return world


def main_menu(html):
    start = html.index('<nav class="main-nav"')
    return html[start : html.index("</nav>", start)]


def test_programmes_share_one_short_menu_entry_listing_both_phases(client, menu_world):
    menu = main_menu(client.get(menu_world.rotterdam.url).content.decode())
    # One short label that opens (a <details>, no script needed) on both programme pages.
    assert re.search(r"<summary[^>]*>Programmes</summary>", menu)
    assert f'href="{menu_world.iurc.url}"' in menu and f'href="{menu_world.phase1.url}"' in menu
    # Sections of a type that is in the menu once are plain links.
    assert f'<a href="{menu_world.city_index.url}" aria-current="true">' in menu  # Rotterdam's section
    assert f'<a href="{menu_world.directory.url}">' in menu


def test_the_programme_group_is_marked_while_on_a_strand_page(client, menu_world):
    menu = main_menu(client.get(menu_world.strand.url).content.decode())
    assert '<summary class="main-nav__summary--active">Programmes</summary>' in menu
    assert f'<a href="{menu_world.phase1.url}" aria-current="true">' in menu


def test_one_programme_in_the_menu_is_a_plain_link(client, menu_world):
    Page.objects.filter(pk=menu_world.phase1.pk).update(show_in_menus=False)
    menu = main_menu(client.get("/").content.decode())
    assert "<summary" not in menu
    assert f'<a href="{menu_world.iurc.url}">IURC</a>' in menu


@pytest.mark.parametrize("page", ["home", "rotterdam", "directory"])
def test_every_page_has_the_site_search_in_its_header(client, menu_world, page):
    html = client.get(getattr(menu_world, page).url).content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert 'action="/search/" method="get" role="search"' in header
    assert '<label class="visually-hidden" for="site-search-q">Search the site</label>' in header
