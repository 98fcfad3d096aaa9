"""Model rules: year ranges, deleting cities that are in pairings, visibility of private pages."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from wagtail.models import PageViewRestriction

from iurc_portal.core.text import year_range
from programmes.factories import ProgrammePageFactory
from programmes.models import PairingMember, PairingPage, ProgrammePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(2021, 2023, "2021–2023"), (2021, 2021, "2021"), (2021, None, "2021"), (None, 2023, "until 2023")],
)
def test_year_range(start, end, expected):
    assert year_range(start, end) == expected
    assert ProgrammePage(start_year=start, end_year=end).period == expected
    assert PairingPage(start_year=start, end_year=end).years == expected


def test_year_range_of_nothing_is_empty():
    assert year_range(None, None) == ""


@pytest.mark.parametrize("model", [ProgrammePage, PairingPage])
def test_end_year_before_start_year_is_rejected_on_the_end_year(model):
    page = model(title="Backwards", slug="backwards", start_year=2023, end_year=2021)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert list(error.value.message_dict) == ["end_year"]
    model(title="Fine", slug="fine", start_year=2021, end_year=2021).clean()


def test_a_city_in_a_pairing_cannot_be_deleted(world):
    with pytest.raises(ProtectedError):
        world.busan.delete()
    assert PairingMember.objects.filter(city=world.busan).count() == 2

    # Once its pairings are gone, it can.
    world.rotterdam_busan.delete()
    world.rotterdam_old.delete()
    world.busan.delete()


def test_admin_refuses_to_delete_a_city_in_a_pairing(client, world, django_user_model, reference_index):
    from django.urls import reverse

    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:delete", args=[world.busan.pk])

    confirm = client.get(url).content.decode()
    response = client.post(url)

    assert "prevent it from being deleted" in confirm
    assert response.status_code == 302
    assert world.busan.__class__.objects.filter(pk=world.busan.pk).exists()
    assert PairingMember.objects.filter(city=world.busan).count() == 2


def test_private_cities_stay_out_of_listings_and_counts(client, world):
    PageViewRestriction.objects.create(page=world.busan, restriction_type="login")

    cities = client.get("/cities/").content.decode()
    assert 'href="/cities/busan/"' not in cities and 'href="/cities/rotterdam/"' in cities
    pairings = client.get("/pairings/").content.decode()
    assert 'href="/cities/busan/"' not in pairings and 'href="/cities/rotterdam/"' in pairings
    region = client.get("/regions/asia/")
    assert [city.title for city in region.context["cities"]] == ["Christchurch", "Placeless"]
    regions = client.get("/regions/").context["regions"]
    assert {r.title: r.city_count for r in regions} == {"Asia and Australasia": 2, "Latin America": 0}
    home = client.get("/").content.decode()
    assert "3 pairings between 4 cities and regions." in home  # of 5 in pairings, Busan is private


def test_private_pairings_stay_out_of_region_counts(client, world):
    PageViewRestriction.objects.create(page=world.rotterdam_busan, restriction_type="login")

    regions = client.get("/regions/").context["regions"]
    assert {r.title: r.pairing_count for r in regions} == {"Asia and Australasia": 1, "Latin America": 0}
    assert "2 pairings between 5 cities and regions." in client.get("/").content.decode()


def test_at_a_glance_is_left_out_when_there_are_no_facts(client, home_page):
    ProgrammePageFactory(parent=home_page, slug="bare", start_year=None, acronym="")
    full = ProgrammePageFactory(parent=home_page, slug="full", start_year=2021)

    assert "At a glance" not in client.get("/bare/").content.decode()
    assert "At a glance" in client.get(full.url).content.decode()


def test_country_codes_in_pairing_tables_are_abbreviations(client, world):
    html = client.get("/pairings/").content.decode()
    assert '<abbr title="South Korea">KR</abbr>' in html
    assert '<abbr title="Netherlands">NL</abbr>' in html
