import copy

import pytest

from iurc_portal.core.factories import make_site_with_home
from programmes.factories import (
    CityIndexPageFactory,
    CityPageFactory,
    CountryFactory,
    PairingIndexPageFactory,
    PairingPageFactory,
    ProgrammePageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
    ThemeFactory,
)
from programmes.models import WorldRegion
from tests.conftest import shared_rows


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with shared_rows(django_db_blocker):
        yield build_world(make_site_with_home())


@pytest.fixture
def world(_world, db):
    """A small real-looking set: two regions, five cities, three pairings (one of them a trio).

    Made once per test module; each test gets its own copy of the objects, as setUpTestData does,
    and its database changes are rolled back."""
    return copy.deepcopy(_world)


def build_world(home_page):
    ns = type("World", (), {})()
    ns.home = home_page
    ns.region_index = RegionIndexPageFactory(parent=home_page)
    ns.city_index = CityIndexPageFactory(parent=home_page)
    ns.directory = PairingIndexPageFactory(parent=home_page, intro="Find who cooperates with whom.")
    ns.iurc = ProgrammePageFactory(parent=home_page, title="IURC", slug="iurc", acronym="IURC")
    ns.phase1 = ProgrammePageFactory(parent=home_page, title="IUC Phase I", slug="iuc", acronym="IUC")
    ns.strand = ProgrammePageFactory(parent=ns.phase1, title="IUC Asia", slug="iuc-asia", acronym="IUC Asia")

    ns.nl = CountryFactory(name="Netherlands", iso_code="NL", world_region=WorldRegion.EUROPE, is_eu=True)
    ns.es = CountryFactory(name="Spain", iso_code="ES", world_region=WorldRegion.EUROPE, is_eu=True)
    ns.kr = CountryFactory(name="South Korea", iso_code="KR", world_region=WorldRegion.ASIA)
    ns.nz = CountryFactory(name="New Zealand", iso_code="NZ", world_region=WorldRegion.OCEANIA)
    ns.circular = ThemeFactory(name="Circular economy", slug="circular-economy")
    ns.mobility = ThemeFactory(name="Urban mobility", slug="urban-mobility")

    ns.asia = RegionPageFactory(
        parent=ns.region_index, title="Asia and Australasia", slug="asia", countries=[ns.kr, ns.nz]
    )
    ns.latam = RegionPageFactory(parent=ns.region_index, title="Latin America", slug="latin-america")

    city = CityPageFactory
    ns.rotterdam = city(
        parent=ns.city_index, title="Rotterdam", country=ns.nl, latitude="51.9225", longitude="4.47917"
    )
    ns.busan = city(
        parent=ns.city_index, title="Busan", country=ns.kr, latitude="35.1796", longitude="129.0756"
    )
    ns.malaga = city(
        parent=ns.city_index, title="Málaga", country=ns.es, latitude="36.7213", longitude="-4.4214"
    )
    ns.vitoria = city(
        parent=ns.city_index, title="Vitoria-Gasteiz", country=ns.es, latitude="42.8467", longitude="-2.6716"
    )
    ns.christchurch = city(
        parent=ns.city_index, title="Christchurch", country=ns.nz, latitude="-43.5321", longitude="172.6362"
    )
    ns.nowhere = city(parent=ns.city_index, title="Placeless", country=ns.kr, latitude=None, longitude=None)

    ns.rotterdam_busan = PairingPageFactory(
        parent=ns.directory,
        title="Rotterdam – Busan",
        slug="rotterdam-busan",
        programme=ns.iurc,
        region=ns.asia,
        start_year=2021,
        themes=[ns.circular],
        members=[(ns.rotterdam, "eu"), (ns.busan, "partner")],
    )
    ns.christchurch_trio = PairingPageFactory(
        parent=ns.directory,
        title="Christchurch – Málaga – Vitoria-Gasteiz",
        slug="christchurch-malaga-vitoria-gasteiz",
        programme=ns.iurc,
        region=ns.asia,
        themes=[ns.mobility],
        intro="Resilient port cities learning from each other about waterfronts.",
        members=[(ns.malaga, "eu"), (ns.vitoria, "eu"), (ns.christchurch, "partner")],
    )
    ns.rotterdam_old = PairingPageFactory(
        parent=ns.directory,
        title="Rotterdam – Busan (Phase I)",
        slug="rotterdam-busan-phase-1",
        programme=ns.strand,
        themes=[ns.mobility, ns.circular],
        members=[(ns.rotterdam, "eu"), (ns.busan, "partner")],
    )
    return ns
