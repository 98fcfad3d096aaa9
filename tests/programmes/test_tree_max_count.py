import pytest

from programmes.factories import PairingIndexPageFactory, RegionIndexPageFactory
from programmes.models import PairingIndexPage, RegionIndexPage


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "model"),
    [(RegionIndexPageFactory, RegionIndexPage), (PairingIndexPageFactory, PairingIndexPage)],
)
def test_a_second_index_cannot_be_added_once_one_exists(home_page, factory, model):
    assert model.can_create_at(home_page)
    factory(parent=home_page)
    assert not model.can_create_at(home_page)
