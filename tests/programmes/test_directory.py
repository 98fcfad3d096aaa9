import pytest

pytestmark = pytest.mark.django_db

ALL = {"Rotterdam – Busan", "Christchurch – Málaga – Vitoria-Gasteiz", "Rotterdam – Busan (Phase I)"}


def results(client, query=""):
    response = client.get(f"/pairings/{query}")
    assert response.status_code == 200
    return response, {page.title for page in response.context["pairings"].object_list}


def test_lists_every_live_pairing_with_a_count(client, world):
    response, titles = results(client)
    assert titles == ALL
    assert "3 pairings" in response.content.decode()


def test_drafts_are_not_listed(client, world):
    world.rotterdam_old.unpublish()
    _response, titles = results(client)
    assert "Rotterdam – Busan (Phase I)" not in titles


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?region=asia", {"Rotterdam – Busan", "Christchurch – Málaga – Vitoria-Gasteiz"}),
        ("?country=ES", {"Christchurch – Málaga – Vitoria-Gasteiz"}),
        ("?country=kr", {"Rotterdam – Busan", "Rotterdam – Busan (Phase I)"}),  # ISO code in any case
        ("?theme=circular-economy", {"Rotterdam – Busan", "Rotterdam – Busan (Phase I)"}),
        ("?programme=iurc", {"Rotterdam – Busan", "Christchurch – Málaga – Vitoria-Gasteiz"}),
        ("?programme=iuc", {"Rotterdam – Busan (Phase I)"}),  # a programme includes its strands
        ("?programme=iuc-asia", {"Rotterdam – Busan (Phase I)"}),
        ("?q=waterfronts", {"Christchurch – Málaga – Vitoria-Gasteiz"}),  # a word of the intro
        ("?q=Christchurch", {"Christchurch – Málaga – Vitoria-Gasteiz"}),
        ("?q=vitoria-gasteiz", {"Christchurch – Málaga – Vitoria-Gasteiz"}),
        ("?q=Busan", {"Rotterdam – Busan", "Rotterdam – Busan (Phase I)"}),
        ("?q=rotter", {"Rotterdam – Busan", "Rotterdam – Busan (Phase I)"}),  # part of a word
    ],
)
def test_each_filter_alone(client, world, query, expected):
    _response, titles = results(client, query)
    assert titles == expected


def test_search_finds_member_city_names_not_in_the_pairings_own_text(client, world):
    # "Málaga" is in no title field of the trio's own text, only in its member's page and title.
    world.christchurch_trio.title = "Port cities trio"
    world.christchurch_trio.save_revision().publish()
    _response, titles = results(client, "?q=Málaga")
    assert titles == {"Port cities trio"}


def test_filters_combine(client, world):
    _response, titles = results(client, "?region=asia&theme=circular-economy")
    assert titles == {"Rotterdam – Busan"}
    _response, titles = results(client, "?q=busan&programme=iuc&country=NL&theme=urban-mobility")
    assert titles == {"Rotterdam – Busan (Phase I)"}


def test_empty_result_says_so(client, world):
    response, titles = results(client, "?region=asia&programme=iuc")
    html = response.content.decode()
    assert titles == set()
    assert "0 pairings" in html
    assert "No pairings match these filters." in html
    assert "<table" not in html[html.index("0 pairings") :]  # neither the listing nor the map's table


@pytest.mark.parametrize(
    "query",
    [
        "?region=atlantis",
        "?country=XX",
        "?country=%00",
        "?theme=a%00b&programme=%00&region=%00",
        "?theme=%F0%9F%92%A5",
        "?programme=' OR 1=1 --",
        "?region=asia&region=china",
        "?q=" + "x" * 5000,
        "?q=%00",
        '?q="unbalanced',
        "?q=NEAR(a b) AND OR *",
        "?q=%E2%80%AE%F0%9F%8F%99%EF%B8%8F",
        "?unknown=1",
    ],
)
def test_bad_values_give_a_clean_page(client, world, query):
    response = client.get(f"/pairings/{query}")
    assert response.status_code == 200
    assert "<h1>Pairings</h1>" in response.content.decode()


@pytest.mark.parametrize("page", ["999", "-1", "abc"])
def test_a_page_that_does_not_exist_is_a_404(client, world, page):
    assert client.get(f"/pairings/?page={page}").status_code == 404
    assert client.get(f"/regions/asia/?page={page}").status_code == 404


def test_a_bad_filter_is_ignored_with_a_note_and_the_good_ones_still_apply(client, world):
    response, titles = results(client, "?region=atlantis&theme=urban-mobility")
    html = response.content.decode()
    assert titles == {"Christchurch – Málaga – Vitoria-Gasteiz", "Rotterdam – Busan (Phase I)"}
    assert "Some filters were not understood" in html
    assert "Region: “atlantis”" in html
    # The note is tied to its field for screen readers.
    assert 'id="id_region-error"' in html
    assert 'aria-describedby="id_region-error"' in html
    assert 'aria-invalid="true"' in html


def test_form_works_without_javascript(client, world):
    html = client.get("/pairings/?theme=circular-economy").content.decode()
    assert '<form class="directory-filters" method="get" action="/pairings/"' in html
    for name in ("q", "region", "country", "theme", "programme"):
        assert f'<label for="id_{name}">' in html
        assert f'name="{name}"' in html
    assert '<option value="circular-economy" selected>' in html  # the current filter is kept
    assert '<button type="submit"' in html


def test_results_are_a_table_with_links_to_pairings_and_cities(client, world):
    html = client.get("/pairings/").content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    assert "<caption>" in table and '<th scope="col">' in table
    assert 'href="/pairings/rotterdam-busan/"' in table
    assert 'href="/cities/christchurch/"' in table


def test_pagination_keeps_the_filters_in_the_links(client, world, settings):
    from programmes import page_context
    from programmes.factories import CityPageFactory, PairingPageFactory

    for n in range(page_context.PAIRINGS_PER_PAGE + 1):
        city = CityPageFactory(parent=world.city_index, country=world.kr)
        PairingPageFactory(
            parent=world.directory,
            title=f"Extra {n:02}",
            region=world.asia,
            members=[(world.rotterdam, "eu"), (city, "partner")],
        )

    response, titles = results(client, "?region=asia")
    html = response.content.decode()
    assert response.context["result_count"] == page_context.PAIRINGS_PER_PAGE + 3
    assert len(titles) == page_context.PAIRINGS_PER_PAGE
    assert 'href="?region=asia&amp;page=2"' in html

    _response, second = results(client, "?region=asia&page=2")
    assert len(second) == 3
    assert not second & titles


def test_a_programme_slug_used_twice_does_not_break_the_filter(client, world):
    from programmes.factories import ProgrammePageFactory

    ProgrammePageFactory(parent=world.phase1, title="IURC again", slug="iurc")
    _response, titles = results(client, "?programme=iurc")
    assert titles == {"Rotterdam – Busan", "Christchurch – Málaga – Vitoria-Gasteiz"}


def test_each_search_word_is_matched_on_its_own(client, world):
    # "Netherlands" is Rotterdam's country, "Korea" Busan's: no single member has both.
    _response, titles = results(client, "?q=Netherlands+Korea")
    assert titles == {"Rotterdam – Busan", "Rotterdam – Busan (Phase I)"}
    # A city name with a theme word.
    _response, titles = results(client, "?q=Rotterdam+circular")
    assert titles == {"Rotterdam – Busan", "Rotterdam – Busan (Phase I)"}
    _response, titles = results(client, "?q=Netherlands+Zealand")
    assert titles == set()


def test_search_ignores_unpublished_and_private_member_cities(client, world):
    from wagtail.models import PageViewRestriction

    world.christchurch_trio.title = "Port cities trio"
    world.christchurch_trio.save_revision().publish()
    world.malaga.unpublish()
    PageViewRestriction.objects.create(page=world.vitoria, restriction_type="login")

    for query in ("?q=Málaga", "?q=Vitoria", "?q=Spain", "?country=ES"):
        _response, titles = results(client, query)
        assert titles == set(), query
    _response, titles = results(client, "?q=Christchurch")
    assert titles == {"Port cities trio"}


def test_a_search_without_results_shows_no_map(client, world):
    html = client.get("/pairings/?q=nothing-matches-this").content.decode()
    assert "No pairings match these filters." in html
    assert 'id="pairings-map"' not in html and "Map of these pairings" not in html
    assert 'id="pairings-map"' in client.get("/pairings/").content.decode()
