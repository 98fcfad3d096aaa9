import copy
import datetime

import pytest
from django.db import connection

from iurc_portal.core.demo import search_index_deferred
from iurc_portal.core.factories import make_site_with_home
from iurc_portal.core.models import StandardPage
from tests.conftest import shared_rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]


@pytest.fixture(scope="module")
def _search_pages(django_db_setup, django_db_blocker):
    with shared_rows(django_db_blocker), search_index_deferred(deferred=False):
        home = make_site_with_home()
        made = []
        for number in range(12):
            page = StandardPage(
                title=f"Circular economy note {number}", slug=f"note-{number}", intro="Waste as a resource."
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            made.append(page)
        yield made


@pytest.fixture
def pages(_search_pages, db):
    """Twelve published pages that match "circular", in the search index; made once for this
    module, each test gets its own copies (tests.conftest.shared_rows)."""
    return copy.deepcopy(_search_pages)


def test_search_finds_published_pages_and_paginates(client, pages):
    response = client.get("/search/", {"q": "circular"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "12 results" in html
    assert html.count('class="result"') == 10
    assert 'rel="next"' in html

    second = client.get("/search/", {"q": "circular", "page": 2}).content.decode()
    assert second.count('class="result"') == 2


def test_search_does_not_show_unpublished_pages(client, pages):
    pages[0].unpublish()
    html = client.get("/search/", {"q": "circular"}).content.decode()
    assert "11 results" in html
    assert "Circular economy note 0<" not in html


def test_search_can_be_narrowed_to_one_page_type(client, pages):
    html = client.get("/search/", {"q": "circular", "type": "standardpage"}).content.decode()
    assert "12 results" in html
    assert 'type=standardpage" aria-current="true"' in html


def test_search_without_results_says_so(client, home_page):
    html = client.get("/search/", {"q": "nothing-matches-this"}).content.decode()
    assert "No results for “nothing-matches-this”" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"q": "abc\x00def"},
        {"q": "circular", "type": "nosuchtype"},
        {"q": "ünïcødé 北京 🏙️"},
        {"q": "'; DROP TABLE wagtailcore_page; --"},
    ],
)
def test_bad_search_input_gives_a_clean_page(client, pages, params):
    response = client.get("/search/", params)
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["999", "-1"])
def test_a_results_page_that_does_not_exist_is_a_404(client, pages, page):
    assert client.get("/search/", {"q": "circular", "page": page}).status_code == 404


def test_search_index_is_updated_on_publish(client, home_page):
    page = StandardPage(title="Mobility pilot", slug="mobility", intro="Buses.", live=False)
    home_page.add_child(instance=page)
    page.save_revision()  # draft only
    assert "No results" in client.get("/search/", {"q": "mobility"}).content.decode()
    page.save_revision().publish()
    assert "Mobility pilot" in client.get("/search/", {"q": "mobility"}).content.decode()


def test_very_broad_searches_list_the_newest_first_and_say_so(client, pages, monkeypatch):
    from iurc_portal.core import views

    monkeypatch.setattr(views, "SEARCH_RANKED_MATCHES", 5)  # the fixture makes 12 matching pages

    html = client.get("/search/", {"q": "circular"}).content.decode()

    assert "listed newest first" in html
    titles = [f"Circular economy note {n}<" for n in range(11, 1, -1)]  # made in order 0..11
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)


def test_ordinary_searches_are_ranked_by_relevance_without_a_note(client, pages):
    # The oldest page is the most relevant: first by relevance, last if listed by date.
    oldest = StandardPage(
        title="Circular cities, circular economy",
        slug="circular",
        intro="Circular materials, circular water.",
    )
    pages[0].get_parent().add_child(instance=oldest)
    oldest.save_revision().publish()
    StandardPage.objects.filter(pk=oldest.pk).update(
        first_published_at=datetime.datetime(2001, 1, 1, tzinfo=datetime.UTC)
    )

    response = client.get("/search/", {"q": "circular"})
    assert "listed newest first" not in response.content.decode()
    assert response.context["by_date"] is False
    assert response.context["page_obj"].object_list[0].title == "Circular cities, circular economy"


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search indexes")
def test_search_uses_indexes_that_stay_fast_on_a_large_site():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'iurc_page_id_text'",
        )
        (definition,) = cursor.fetchone()
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE relname = 'iurc_indexentry_title_body_gin'",
        )
        (options,) = cursor.fetchone()
        cursor.execute("SHOW max_parallel_workers_per_gather")
        (parallel,) = cursor.fetchone()
    # The join Wagtail's search makes (page id as text) is indexed, covering the facet counts.
    assert "((id)::character varying(50))" in definition and "INCLUDE (id, content_type_id)" in definition
    # New entries go straight into the GIN index: no pending list for every search to read.
    assert "fastupdate=off" in options
    # A web request's query is not split over parallel workers that compete for the same cores.
    assert parallel == "0"


def test_the_language_switcher_keeps_the_search_in_every_language(client, pages):
    """Search speaks every language: switching keeps the query (and only the page's own
    parameters) instead of sending the reader to a home page marked "not translated"."""
    html = client.get("/search/", {"q": "circular", "utm_source": "mail"}).content.decode()
    nav = html[html.index('<nav class="language-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    assert 'href="/es/search/?q=circular" lang="es" hreflang="es"' in nav
    assert 'href="/zh-hans/search/?q=circular"' in nav
    assert "not translated" not in nav
    assert 'hreflang="x-default"' not in html  # results are not indexed: no alternates

    spanish = client.get("/es/search/", {"q": "circular"})
    assert spanish.status_code == 200
    assert '<html lang="es"' in spanish.content.decode()
