import re
from types import SimpleNamespace

import pytest

from programmes import svgmap
from programmes.models import CityPage

LAND_LIMIT = 150 * 1024


def test_equirectangular_projection():
    assert svgmap.project(0, 0) == (180.0, 90.0)
    assert svgmap.project(51.5, -0.1) == pytest.approx((179.9, 38.5))
    assert svgmap.project(-43.5, 172.6) == pytest.approx((352.6, 133.5))


def test_land_outline_is_stored_small_and_clean():
    land = svgmap.land_path()
    assert land.startswith("M")
    assert len(land.encode()) < LAND_LIMIT
    rings = [ring for ring in land.split("z") if ring]
    assert len(rings) > 100
    widest_step = 0.0
    for ring in rings:
        numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", ring)]
        widest_step = max([widest_step] + [abs(dx) for dx in numbers[2::2]])
    # Rings crossing the antimeridian are unwrapped, so no edge spans the map (e.g. Fiji, Chukotka).
    assert widest_step < 90


def test_fit_box_frames_cities_and_stays_on_the_map():
    cities = [
        SimpleNamespace(x=svgmap.project(35.18, 129.08)[0], y=svgmap.project(35.18, 129.08)[1]),
        SimpleNamespace(x=svgmap.project(-43.53, 172.64)[0], y=svgmap.project(-43.53, 172.64)[1]),
    ]
    x, y, width, height = svgmap.fit_box(cities)
    for city in cities:
        assert x < city.x < x + width and y < city.y < y + height
    assert x + width <= 360 and y >= 0 and y + height <= 180
    assert 1.6 <= width / height <= 2.6
    assert svgmap.fit_box([]) == svgmap.WORLD_BOX


def member(pairing, city, side):
    return SimpleNamespace(pairing=pairing, city=city, side=side)


def fake_city(pk, name, lat, lon):
    page = SimpleNamespace(pk=pk, title=name, latitude=lat, longitude=lon, country=SimpleNamespace(name="X"))
    page.get_url = lambda request=None: f"/cities/{pk}/"
    return page


def fake_pairing(pk, title):
    page = SimpleNamespace(pk=pk, title=title)
    page.get_url = lambda request=None: f"/pairings/{pk}/"
    return page


def test_a_trio_links_each_eu_member_to_each_partner():
    trio = fake_pairing(1, "Trio")
    malaga, vitoria, christchurch = (
        fake_city(1, "M", 36.7, -4.4),
        fake_city(2, "V", 42.8, -2.7),
        fake_city(3, "C", -43.5, 172.6),
    )
    built = svgmap.build_map(
        [member(trio, malaga, "eu"), member(trio, vitoria, "eu"), member(trio, christchurch, "partner")]
    )
    assert {(link.a.name, link.b.name) for link in built.links} == {("M", "C"), ("V", "C")}
    assert {c.name: c.side for c in built.cities} == {"M": "eu", "V": "eu", "C": "partner"}


def test_cities_without_coordinates_are_left_off():
    pairing = fake_pairing(1, "P")
    built = svgmap.build_map(
        [
            member(pairing, fake_city(1, "A", 1, 1), "eu"),
            member(pairing, fake_city(2, "B", None, None), "partner"),
        ]
    )
    assert [c.name for c in built.cities] == ["A"]
    assert built.links == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/pairings/", "/cities/"])
def test_map_has_every_city_with_coordinates(client, world, url):
    html = client.get(url).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    table = html[html.index("The map's places as a table") :]

    mapped = CityPage.objects.live().exclude(latitude=None)
    assert mapped.count() == 5
    for city in mapped:
        assert f'data-city="{city.pk}"' in svg
        assert f'<a href="{city.url}" tabindex="-1"><title>{city.title}, {city.country.name}</title>' in svg
        assert f'href="{city.url}">{city.title}</a></th>' in table
    assert f'data-city="{world.nowhere.pk}"' not in svg
    # Four links: Rotterdam-Busan twice, and Málaga and Vitoria-Gasteiz each to Christchurch.
    assert svg.count('<path d="M') == 4


@pytest.mark.django_db
def test_map_is_accessible_and_self_contained(client, world):
    html = client.get("/pairings/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="group" aria-labelledby="pairings-map-title" aria-describedby="pairings-map-desc"' in svg
    assert '<title id="pairings-map-title">' in svg and '<desc id="pairings-map-desc">' in svg
    # Markers stay out of the keyboard order; the table has the same links.
    assert svg.count('tabindex="-1"') == svg.count("<a ")
    assert "Natural Earth (public domain)" in html
    assert "<caption>" in html[html.index("The map's places as a table") :]
    # No tiles, scripts or fonts from elsewhere.
    assert not re.search(r'(src|href)="https?://', svg)


@pytest.mark.django_db
def test_filtered_directory_maps_only_the_results(client, world):
    html = client.get("/pairings/?country=ES").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert f'data-city="{world.christchurch.pk}"' in svg
    assert f'data-city="{world.busan.pk}"' not in svg


@pytest.mark.django_db
def test_region_map_is_framed_on_the_region(client, world):
    response = client.get("/regions/asia/")
    box = response.context["pairing_map"].box
    assert box != svgmap.WORLD_BOX
    x, _y, width, _h = box
    busan_x = svgmap.project(35.1796, 129.0756)[0]
    assert x < busan_x < x + width


@pytest.mark.django_db
def test_directory_map_shows_a_published_change_at_once(client, world):
    first = client.get("/pairings/").content.decode()
    assert f'data-city="{world.rotterdam.pk}"' in first

    world.busan.title = "Busan Metropolitan City"
    world.busan.save_revision().publish()
    third = client.get("/pairings/").content.decode()
    assert "Busan Metropolitan City" in third[third.index("<svg") : third.index("</svg>")]
