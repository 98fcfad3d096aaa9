import pytest
from django.db import IntegrityError, transaction

from iurc_portal.core.factories import UserFactory
from programmes.factories import CountryFactory, ThemeFactory
from programmes.models import SDG, Country

pytestmark = pytest.mark.django_db


def test_the_17_sdgs_come_from_the_data_migration():
    sdgs = list(SDG.objects.order_by("number"))
    assert [s.number for s in sdgs] == list(range(1, 18))
    assert sdgs[10].name == "Sustainable cities and communities"
    assert sdgs[0].colour == "#E5243B"
    assert str(sdgs[12]) == "SDG 13: Climate action"


def test_iso_codes_are_stored_in_capitals_and_unique():
    country = Country.objects.create(name="Japan", iso_code="jp", world_region="asia")
    assert country.iso_code == "JP"
    with transaction.atomic(), pytest.raises(IntegrityError):
        Country.objects.create(name="Japan again", iso_code="JP", world_region="asia")


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_taxonomies_menu_groups_countries_themes_and_sdgs(admin_client, home_page):
    html = admin_client.get("/admin/").content.decode()
    assert "Taxonomies" in html
    for url in (
        "/admin/snippets/programmes/country/",
        "/admin/snippets/programmes/theme/",
        "/admin/snippets/programmes/sdg/",
    ):
        assert url in html


def test_editors_manage_countries_and_themes_in_the_admin(admin_client, home_page):
    CountryFactory(name="Thailand", iso_code="TH")
    ThemeFactory(name="Air quality", slug="air-quality")

    countries = admin_client.get("/admin/snippets/programmes/country/?q=thai")
    assert countries.status_code == 200
    assert "Thailand" in countries.content.decode()
    assert "Air quality" in admin_client.get("/admin/snippets/programmes/theme/").content.decode()
    assert "Climate action" in admin_client.get("/admin/snippets/programmes/sdg/").content.decode()

    response = admin_client.post(
        "/admin/snippets/programmes/country/add/",
        {"name": "Viet Nam", "iso_code": "VNM", "world_region": "asia"},
    )
    assert response.status_code == 200  # the form again, with the error
    assert not Country.objects.filter(name="Viet Nam").exists()
    admin_client.post(
        "/admin/snippets/programmes/country/add/",
        {"name": "Viet Nam", "iso_code": "VN", "world_region": "asia"},
    )
    assert Country.objects.filter(iso_code="VN").exists()


def test_a_pairing_can_be_created_in_the_admin_with_its_members(admin_client, world):
    from programmes.models import PairingPage

    url = f"/admin/pages/add/programmes/pairingpage/{world.directory.pk}/"
    assert admin_client.get(url).status_code == 200
    data = {
        "title": "Busan – Málaga",
        "slug": "busan-malaga",
        "intro": "",
        "status": "active",
        "members-TOTAL_FORMS": "2",
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "0",
        "members-MAX_NUM_FORMS": "1000",
        "members-0-city": str(world.malaga.pk),
        "members-0-side": "eu",
        "members-0-ORDER": "1",
        "members-0-id": "",
        "members-0-DELETE": "",
        "members-1-city": str(world.busan.pk),
        "members-1-side": "partner",
        "members-1-ORDER": "2",
        "members-1-id": "",
        "members-1-DELETE": "",
        "body-count": "0",
        "sources-count": "0",
        "action-publish": "publish",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    pairing = PairingPage.objects.get(slug="busan-malaga")
    assert pairing.live
    assert [(m.city.title, m.side) for m in pairing.members.order_by("sort_order")] == [
        ("Málaga", "eu"),
        ("Busan", "partner"),
    ]


def test_the_country_chooser_finds_countries_by_part_of_the_name(admin_client, home_page, search_index):
    CountryFactory(name="Thailand", iso_code="TH")
    response = admin_client.get("/admin/snippets/choose/programmes/country/results/?q=thai")
    assert response.status_code == 200
    assert "Thailand" in response.content.decode()
