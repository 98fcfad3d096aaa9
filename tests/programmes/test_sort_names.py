"""Names sort as people expect: accents and case ignored, on every database."""

import importlib
import re

import pytest
from django.apps import apps

from iurc_portal.core.text import sort_key
from programmes.factories import CityPageFactory, CountryFactory, PairingPageFactory, ThemeFactory
from programmes.models import CityPage, Country


def row_names(html, after):
    """The names heading the rows of the first table after `after`, in order."""
    table = html[html.index(after) :]
    table = table[: table.index("</table>")]
    return re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>', table)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Málaga", "Manchester"), ("São Paulo", "Seoul"), ("almería", "Amsterdam"), ("Île-de-France", "Italy")],
)
def test_sort_key_ignores_accents_and_case(first, second):
    assert sort_key(first) < sort_key(second)
    assert sorted([second, first], key=sort_key) == [first, second]


@pytest.fixture
def accented(world):
    """Cities and a pairing whose accented names sort differently from their code points."""
    world.manchester = CityPageFactory(parent=world.city_index, title="Manchester", country=world.es)
    world.sao_paulo = CityPageFactory(parent=world.city_index, title="São Paulo", country=world.kr)
    world.seoul = CityPageFactory(parent=world.city_index, title="Seoul", country=world.kr)
    world.iceland = CountryFactory(name="Ísland", iso_code="IS", is_eu=False)
    world.italy = CountryFactory(name="Italy", iso_code="IT", is_eu=True)
    CityPageFactory(parent=world.city_index, title="Reykjavík", country=world.iceland)
    CityPageFactory(parent=world.city_index, title="Milan", country=world.italy)
    world.energy = ThemeFactory(name="Énergie", slug="energie")
    PairingPageFactory(
        parent=world.directory,
        title="Málaga – Seoul",
        slug="malaga-seoul",
        members=[(world.malaga, "eu"), (world.seoul, "partner")],
    )
    PairingPageFactory(
        parent=world.directory,
        title="Manchester – São Paulo",
        slug="manchester-sao-paulo",
        members=[(world.manchester, "eu"), (world.sao_paulo, "partner")],
    )
    return world


@pytest.mark.django_db
def test_city_list_sorts_malaga_before_manchester_and_sao_paulo_before_seoul(client, accented):
    html = client.get(accented.city_index.url).content.decode()
    for table in ('id="cities-heading"', 'id="cities-map"'):  # the list, and the map's table
        names = row_names(html, table)
        assert names.index("Málaga") < names.index("Manchester")
        assert names.index("São Paulo") < names.index("Seoul")


@pytest.mark.django_db
def test_directory_rows_and_filters_sort_by_name(client, accented):
    html = client.get(accented.directory.url).content.decode()
    names = row_names(html, "<tbody>")
    assert names.index("Málaga – Seoul") < names.index("Manchester – São Paulo")
    # The filters' choices: countries and themes, accents ignored.
    country_select = html[html.index('name="country"') :]
    assert country_select.index("Ísland") < country_select.index("Italy")
    theme_select = html[html.index('name="theme"') :]
    assert theme_select.index("Énergie") < theme_select.index("Urban mobility")


@pytest.mark.django_db
def test_countries_sort_by_their_sort_name(accented):
    names = list(Country.objects.values_list("name", flat=True))
    assert names.index("Ísland") < names.index("Italy") < names.index("Netherlands")


@pytest.mark.django_db
def test_a_renamed_page_sorts_under_its_new_name(accented):
    # Wagtail publishes with a plain save(); a save limited to the title keeps the key with it.
    city = CityPage.objects.get(pk=accented.seoul.pk)
    city.title = "Ōsaka"
    city.save(update_fields=["title", "draft_title"])
    assert CityPage.objects.get(pk=city.pk).sort_name == "osaka"
    revision = city.save_revision()
    city.title = "Zürich"  # an unpublished draft does not move the live page in lists
    city.save_revision()
    assert CityPage.objects.get(pk=city.pk).sort_name == "osaka"
    revision.publish()
    assert CityPage.objects.get(pk=city.pk).sort_name == "osaka"


@pytest.mark.django_db
def test_the_migration_fills_existing_rows(accented):
    CityPage.objects.filter(pk=accented.sao_paulo.pk).update(sort_name="")
    Country.objects.filter(pk=accented.iceland.pk).update(sort_name="")
    migration = importlib.import_module("programmes.migrations.0006_sort_names")
    migration.fill_sort_names(apps, None)
    assert CityPage.objects.get(pk=accented.sao_paulo.pk).sort_name == "sao paulo"
    assert Country.objects.get(pk=accented.iceland.pk).sort_name == "island"


@pytest.mark.django_db
def test_the_resource_library_sorts_a_year_s_titles_ignoring_accents(client, home_page):
    from programmes.factories import ProgrammePageFactory
    from programmes.models import ResourceIndexPage, ResourcePage

    programme = ProgrammePageFactory(parent=home_page, slug="iurc")
    library = ResourceIndexPage(title="Resources", slug="resources")
    programme.add_child(instance=library)
    for title in ("Zero waste plan", "Étude de cas", "energy toolkit"):
        library.add_child(
            instance=ResourcePage(
                title=title, slug=sort_key(title).replace(" ", "-"), year=2022, resource_type="report"
            )
        )
    older = ResourcePage(title="Air quality report", slug="air", year=2019, resource_type="report")
    library.add_child(instance=older)

    listed = [page.title for page in client.get(library.url).context["resources"]]
    assert listed == ["energy toolkit", "Étude de cas", "Zero waste plan", "Air quality report"]
    ResourcePage.objects.filter(pk=older.pk).update(sort_name="")
    migration = importlib.import_module("programmes.migrations.0011_resource_sort_name")
    migration.fill_sort_names(apps, None)
    assert ResourcePage.objects.get(pk=older.pk).sort_name == "air quality report"
