import pytest

from iurc_portal.core import demo as core_demo
from programmes import demo
from programmes.models import CityPage, PairingPage, ProgrammePage, RegionPage

pytestmark = pytest.mark.django_db


def run_loaders():
    ctx = core_demo.DemoContext()
    core_demo.load(ctx)
    demo.load(ctx)
    return ctx


def test_demo_content_is_real_complete_and_idempotent(client):
    first = run_loaders()
    assert first.created > 0

    pairings = PairingPage.objects.live()
    assert pairings.count() >= 20
    assert set(RegionPage.objects.values_list("slug", flat=True)) == {
        "asia-australasia",
        "china",
        "latin-america-caribbean",
        "north-america",
    }
    assert ProgrammePage.objects.get(slug="iuc").get_children().count() == 3
    # Every pairing has both sides, every city real coordinates.
    for pairing in pairings:
        sides = {m.side for m in pairing.members.all()}
        assert sides == {"eu", "partner"}, pairing.title
    assert not CityPage.objects.filter(latitude=None).exists()
    trio = PairingPage.objects.get(slug="malaga-vitoria-gasteiz-christchurch")
    assert trio.members.count() == 3

    second = run_loaders()
    assert second.created == 0

    response = client.get("/pairings/?q=Christchurch")
    assert [p.slug for p in response.context["pairings"]] == ["malaga-vitoria-gasteiz-christchurch"]
