"""Test and benchmark factories for programmes (factory_boy + wagtail-factories, dev dependencies).

Pages need a parent: pass `parent=` (an index page) or let the SubFactory-free defaults below find
or create the index under the site's home page. `PairingPageFactory(members=[(city, "eu"), ...])`
adds members and refreshes the pairing's search entry so full-text search sees its cities.
"""

from decimal import Decimal

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search import index

from iurc_portal.core.factories import home_page, index_page, parental_many_to_many

from .models import (
    SDG,
    CityIndexPage,
    CityPage,
    Country,
    PairingIndexPage,
    PairingMember,
    PairingPage,
    ProgrammePage,
    RegionIndexPage,
    RegionPage,
    Theme,
    WorldRegion,
)


def region_index():
    return index_page(RegionIndexPage, "Regions", "regions")


def city_index():
    return index_page(CityIndexPage, "Cities", "cities")


def pairing_index():
    return index_page(PairingIndexPage, "Pairings", "pairings")


class CountryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Country {n}")
    # AA, AB, ... ZZ: 676 unique codes, enough for any test or benchmark.
    iso_code = factory.Sequence(lambda n: chr(65 + (n // 26) % 26) + chr(65 + n % 26))
    world_region = WorldRegion.ASIA
    is_eu = False

    class Meta:
        model = Country
        django_get_or_create = ("iso_code",)


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = Theme
        django_get_or_create = ("slug",)


def sdg(number):
    """One of the 17 rows the data migration created."""
    return SDG.objects.get(number=number)


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Programme {n}")
    acronym = factory.Sequence(lambda n: f"P{n}")
    parent = factory.LazyFunction(home_page)
    start_year = 2021

    class Meta:
        model = ProgrammePage


class RegionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Regions"
    slug = "regions"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = RegionIndexPage


class CityIndexPageFactory(wagtail_factories.PageFactory):
    title = "Cities"
    slug = "cities"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = CityIndexPage


class PairingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Pairings"
    slug = "pairings"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = PairingIndexPage


class RegionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Region {n}")
    intro = "A world region."
    parent = factory.LazyFunction(region_index)

    class Meta:
        model = RegionPage
        skip_postgeneration_save = True

    countries = parental_many_to_many("countries")


class CityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"City {n}")
    intro = "A city cooperating with partners abroad."
    parent = factory.LazyFunction(city_index)
    country = factory.SubFactory(CountryFactory)
    # Spread over the map; strings, because a float such as 4.47917 becomes 4.4791700 in a Decimal.
    latitude = factory.Sequence(lambda n: Decimal(f"{-50 + (n * 7.3) % 110:.4f}"))
    longitude = factory.Sequence(lambda n: Decimal(f"{-170 + (n * 13.7) % 340:.4f}"))

    class Meta:
        model = CityPage
        skip_postgeneration_save = True

    themes = parental_many_to_many("themes")


class PairingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pairing {n}")
    intro = "Two cities working together."
    parent = factory.LazyFunction(pairing_index)

    class Meta:
        model = PairingPage
        skip_postgeneration_save = True

    themes = parental_many_to_many("themes")

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        """members=[(city, "eu"), (city, "partner"), ...]."""
        if not create or not extracted:
            return
        for order, (city, side) in enumerate(extracted):
            PairingMember.objects.create(pairing=self, city=city, side=side, sort_order=order)
        index.insert_or_update_object(Page.objects.get(pk=self.pk).specific)


class PairingMemberFactory(factory.django.DjangoModelFactory):
    pairing = factory.SubFactory(PairingPageFactory)
    city = factory.SubFactory(CityPageFactory)
    side = "eu"

    class Meta:
        model = PairingMember
