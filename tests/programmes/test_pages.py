import re

import pytest

from iurc_portal.core.factories import ImageFactory
from programmes.factories import sdg
from programmes.models import PairingStatus

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_programme_page_shows_its_facts_strands_and_pairings(client, world):
    world.phase1.start_year, world.phase1.end_year = 2016, 2020
    world.phase1.funding_instrument = "Partnership Instrument"
    world.phase1.implementing_bodies = "Service for Foreign Policy Instruments\nDG REGIO"
    world.phase1.serves_new_urban_agenda = True
    world.phase1.serves_cohesion_policy = True
    world.phase1.website = "https://www.iuc.eu/"
    world.phase1.save()

    html = html_of(client, "/iuc/")

    assert "2016–2020" in html
    assert "Partnership Instrument" in html
    assert "<li>Service for Foreign Policy Instruments</li>" in html
    assert "New Urban Agenda" in html and "EU Cohesion Policy" in html
    assert "Urban Agenda for the EU" not in html  # not ticked, not claimed
    assert 'href="https://www.iuc.eu/"' in html
    assert 'href="/iuc/iuc-asia/"' in html  # the strand
    # A programme lists its strands' pairings too.
    assert "Rotterdam – Busan (Phase I)" in html
    assert "Christchurch – Málaga" not in html


def test_region_index_counts_cities_and_pairings(client, world):
    html = html_of(client, "/regions/")
    card = html[html.index("Asia and Australasia") :]
    # Busan, Christchurch and the place without coordinates are in its countries; two pairings name it.
    assert "2 pairings" in card[:600]
    assert "3 partner cities and regions" in card[:600]
    assert "0 pairings" in html  # Latin America has none


def test_region_page_lists_countries_cities_pairings_and_map(client, world):
    html = html_of(client, "/regions/asia/")

    assert "<h1>Asia and Australasia</h1>" in html
    assert "New Zealand" in html and "South Korea" in html
    assert 'href="/cities/busan/"' in html and 'href="/cities/christchurch/"' in html
    assert 'href="/pairings/rotterdam-busan/"' in html
    assert 'href="/pairings/christchurch-malaga-vitoria-gasteiz/"' in html
    assert "rotterdam-busan-phase-1" not in html  # that pairing has no region
    assert '<svg class="pairing-map__svg"' in html


def test_region_page_renders_its_video_as_a_link_only(client, world):
    world.asia.video = [("video", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Asia"})]
    world.asia.save_revision().publish()

    html = html_of(client, "/regions/asia/")

    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "<iframe" not in html  # nothing loads from the provider until the visitor asks


def test_city_page_lists_its_pairings_and_partners(client, world):
    html = html_of(client, "/cities/christchurch/")

    partners = html[html.index('id="partners-heading"') : html.index('id="facts-heading"')]
    assert 'href="/pairings/christchurch-malaga-vitoria-gasteiz/"' in partners
    assert 'href="/cities/malaga/"' in partners and 'href="/cities/vitoria-gasteiz/"' in partners
    assert 'href="/cities/christchurch/"' not in partners  # not its own partner
    assert 'href="/regions/asia/"' in html  # the region listing its country


def test_city_page_shows_facts_photo_credit_themes_and_sdgs(client, world):
    city = world.rotterdam
    city.population = 655468
    city.population_year = 2023
    city.area_km2 = "324.1"
    city.leader, city.leader_role = "Carola Schouten", "Mayor"
    city.image = ImageFactory(credit="City of Rotterdam")
    city.save()
    city.themes.set([world.circular])
    city.sdgs.set([sdg(11), sdg(13)])
    city.save_revision().publish()

    html = html_of(client, "/cities/rotterdam/")

    assert "655,468" in html and "(2023)" in html
    assert "324.1 km²" in html
    assert "Mayor" in html and "Carola Schouten" in html
    assert "51.92° N, 4.48° E" in html
    assert "City of Rotterdam" in html and "CC BY 4.0" in html  # photo credit and licence
    assert "Circular economy" in html
    assert "Sustainable cities and communities" in html and "Climate action" in html
    # Rotterdam is in two pairings, both with Busan.
    assert html.count('href="/pairings/rotterdam-busan') >= 2


def test_pairing_page_links_every_member(client, world):
    pairing = world.christchurch_trio
    pairing.status = PairingStatus.COMPLETED
    pairing.sdgs.set([sdg(11)])
    pairing.save_revision().publish()

    html = html_of(client, "/pairings/christchurch-malaga-vitoria-gasteiz/")

    eu = html[html.index('id="eu-side-heading"') : html.index('id="partner-side-heading"')]
    partner = html[html.index('id="partner-side-heading"') :]
    assert 'href="/cities/malaga/"' in eu and 'href="/cities/vitoria-gasteiz/"' in eu
    assert 'href="/cities/christchurch/"' in partner[:800]
    assert "Trio" in html
    assert 'href="/iurc/"' in html and 'href="/regions/asia/"' in html
    assert "Completed" in html
    assert "Urban mobility" in html and "Sustainable cities and communities" in html


def test_pairing_page_links_its_action_plan(client, world):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document(title="Urban cooperation action plan")
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.4 plan"), save=False)
    document.save()
    world.rotterdam_busan.action_plan = document
    world.rotterdam_busan.save_revision().publish()

    html = html_of(client, "/pairings/rotterdam-busan/")

    assert re.search(r'href="/documents/\d+/plan[^"]*\.pdf"', html)
    assert "Urban cooperation action plan" in html


def test_draft_cities_are_not_linked(client, world):
    world.vitoria.unpublish()

    html = html_of(client, "/pairings/christchurch-malaga-vitoria-gasteiz/")

    assert "/cities/vitoria-gasteiz/" not in html
    assert 'href="/cities/malaga/"' in html


def test_city_index_lists_cities(client, world):
    html = html_of(client, "/cities/")
    assert "6 cities and regions" in html
    assert 'href="/cities/placeless/"' in html  # listed even without coordinates


def test_home_page_shows_regions_and_directory_link(client, world):
    html = html_of(client, "/")
    assert 'href="/regions/asia/"' in html
    assert 'href="/pairings/"' in html
    # Placeless is in no pairing: it is not one of the cities "between" them.
    assert "3 pairings between 5 cities and regions." in html


@pytest.mark.parametrize("page_name", ["asia", "rotterdam", "rotterdam_busan"])
def test_admin_forms_pick_taxonomies_with_checkboxes(client, world, page_name):
    from bs4 import BeautifulSoup
    from django.urls import reverse

    from iurc_portal.core.factories import UserFactory

    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    page = getattr(world, page_name)

    soup = BeautifulSoup(
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content, "html.parser"
    )

    assert soup.select("select[multiple]") == []
    assert soup.select('input[type="checkbox"][name="countries"], input[type="checkbox"][name="themes"]')
