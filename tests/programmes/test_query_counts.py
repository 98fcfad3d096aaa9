"""Listings cost the same number of SQL queries whatever the number of pairings shown."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes import page_context
from programmes.factories import CityPageFactory, CountryFactory, PairingPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

URLS = [
    "/pairings/",
    "/pairings/?region=asia&country=KR&theme=circular-economy&programme=iurc",
    "/pairings/?q=pairing&theme=circular-economy",
    "/regions/asia/",
    "/regions/",
    "/cities/",
    "/cities/rotterdam/",
    "/iurc/",
    "/",
]


def add_pairings(world, count, theme):
    for _ in range(count):
        partner = CityPageFactory(parent=world.city_index, country=world.kr)
        PairingPageFactory(
            parent=world.directory,
            region=world.asia,
            programme=world.iurc,
            themes=[theme, world.circular],
            # Rotterdam is in every pairing so its city page grows too.
            members=[
                (world.rotterdam, "eu"),
                (CityPageFactory(parent=world.city_index, country=world.es), "eu"),
                (partner, "partner"),
            ],
        )


def count_queries(client):
    counts = {}
    for url in URLS:
        client.get(url)  # warm what is cached once per process (site root paths, content types)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(context.captured_queries)
    return counts


def test_same_number_of_queries_for_5_and_50_pairings(client, world, monkeypatch):
    # Everything on one page, so every row is rendered in both runs.
    monkeypatch.setattr(page_context, "PAIRINGS_PER_PAGE", 100)
    monkeypatch.setattr(page_context, "REGION_PAIRINGS_PER_PAGE", 100)
    monkeypatch.setattr(page_context, "CITIES_PER_PAGE", 200)
    theme = ThemeFactory()
    CountryFactory()  # an unused country must not change anything either

    add_pairings(world, 2, theme)  # with the world's three: 5
    five = count_queries(client)
    add_pairings(world, 45, theme)
    fifty = count_queries(client)

    assert client.get("/pairings/").context["result_count"] == 50
    assert five == fifty
