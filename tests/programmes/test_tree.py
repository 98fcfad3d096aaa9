import pytest
from wagtail.test.utils import WagtailPageTestCase

from iurc_portal.core.models import HomePage, StandardPage
from programmes.factories import CityIndexPageFactory, PairingIndexPageFactory, RegionIndexPageFactory
from programmes.models import (
    ActivityIndexPage,
    CallIndexPage,
    CityIndexPage,
    CityPage,
    ClusterPage,
    PairingIndexPage,
    PairingPage,
    ProgrammePage,
    RegionIndexPage,
    RegionPage,
    ResourceIndexPage,
)


class TreeRulesTests(WagtailPageTestCase):
    def test_home_page_takes_the_programme_sections(self):
        for model in (ProgrammePage, RegionIndexPage, CityIndexPage, PairingIndexPage):
            self.assertCanCreateAt(HomePage, model)

    def test_programmes_nest_as_strands(self):
        # A programme holds its strands and what it does: clusters, calls, activities, resources.
        self.assertAllowedSubpageTypes(
            ProgrammePage,
            {ProgrammePage, ClusterPage, CallIndexPage, ActivityIndexPage, ResourceIndexPage},
        )
        self.assertAllowedParentPageTypes(ProgrammePage, {HomePage, ProgrammePage})

    def test_each_index_holds_only_its_own_pages(self):
        self.assertAllowedSubpageTypes(RegionIndexPage, {RegionPage})
        self.assertAllowedSubpageTypes(CityIndexPage, {CityPage})
        self.assertAllowedSubpageTypes(PairingIndexPage, {PairingPage})
        self.assertAllowedParentPageTypes(RegionPage, {RegionIndexPage})
        self.assertAllowedParentPageTypes(CityPage, {CityIndexPage})
        self.assertAllowedParentPageTypes(PairingPage, {PairingIndexPage})

    def test_detail_pages_cannot_go_elsewhere(self):
        for model in (RegionPage, CityPage, PairingPage):
            self.assertCanNotCreateAt(HomePage, model)
            self.assertCanNotCreateAt(StandardPage, model)
        self.assertCanNotCreateAt(RegionIndexPage, CityPage)
        self.assertCanNotCreateAt(CityIndexPage, PairingPage)
        self.assertCanNotCreateAt(PairingIndexPage, CityPage)
        self.assertCanNotCreateAt(ProgrammePage, PairingPage)

    def test_detail_pages_are_leaves(self):
        for model in (RegionPage, CityPage, PairingPage):
            self.assertAllowedSubpageTypes(model, set())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "model"),
    [
        (RegionIndexPageFactory, RegionIndexPage),
        (CityIndexPageFactory, CityIndexPage),
        (PairingIndexPageFactory, PairingIndexPage),
    ],
)
def test_a_second_index_cannot_be_added_once_one_exists(home_page, factory, model):
    assert model.can_create_at(home_page)
    factory(parent=home_page)
    assert not model.can_create_at(home_page)
