import pytest

from iurc_portal.core import demo as core_demo
from programmes import demo
from programmes.models import (
    ActivityPage,
    CallPage,
    CallStatus,
    CityPage,
    ClusterPage,
    PairingPage,
    ProgrammePage,
    RegionPage,
    ResourcePage,
)

pytestmark = pytest.mark.django_db


def run_loaders():
    ctx = core_demo.DemoContext()
    core_demo.load(ctx)
    demo.load(ctx)
    return ctx


def english(model):
    # The demo translates some pages; each check reads the English ones.
    return model.objects.filter(locale__language_code="en")


def test_demo_content_is_real_complete_and_idempotent(client, demo_site):
    pairings = english(PairingPage).live()
    assert pairings.count() >= 8
    assert set(english(RegionPage).values_list("slug", flat=True)) == {
        "asia-australasia",
        "china",
        "latin-america-caribbean",
        "north-america",
    }
    assert english(ProgrammePage).get(slug="iuc").get_children().count() == 3
    # Every pairing has both sides, every city real coordinates.
    for pairing in pairings:
        sides = {m.side for m in pairing.members.all()}
        assert sides == {"eu", "partner"}, pairing.title
    assert not english(CityPage).filter(latitude=None).exists()
    # Every pairing has years, themes and a source; the corrections a check against sources found.
    for pairing in pairings:
        assert pairing.years and pairing.themes.exists() and len(pairing.sources), pairing.title
    surat = english(PairingPage).get(slug="rotterdam-surat")
    assert surat.programme.slug == "iuc" and surat.themes.filter(slug="water-sanitation").exists()
    assert english(PairingPage).get(slug="grenoble-alpes-toyota").programme.slug == "iuc"
    assert english(PairingPage).get(slug="milan-bangkok").themes.filter(slug="food-systems").exists()
    assert (
        english(PairingPage)
        .get(slug="bologna-metropolitan-city-guangzhou")
        .members.filter(city__kind="metro")
        .exists()
    )
    assert set(
        english(PairingPage).filter(programme__slug="iuc-asia").values_list("region__slug", flat=True)
    ) == {"china"}
    codes = set(english(RegionPage).get(slug="asia-australasia").countries.values_list("iso_code", flat=True))
    assert {"MY", "VN"} <= codes
    iurc = english(ProgrammePage).get(slug="iurc")
    assert iurc.end_year >= 2027 and len(iurc.sources)
    assert english(ProgrammePage).get(slug="iuc-lac").website == "https://iuc-la.eu/"
    assert english(ProgrammePage).get(slug="iuc-north-america").website == "https://www.iuc.eu/na/"

    # What the programme does: clusters, activities, resources and one open and one closed call.
    assert english(ClusterPage).live().count() >= 3
    assert english(ActivityPage).live().count() >= 25
    assert english(ResourcePage).live().count() >= 20
    statuses = {call.status for call in english(CallPage).live()}
    assert {CallStatus.OPEN, CallStatus.CLOSED} <= statuses
    # Sourced activities say where they come from; invented ones are marked as examples.
    for activity in english(ActivityPage).live():
        assert activity.is_example or len(activity.sources), activity.title

    second = run_loaders()
    assert second.created == 0

    response = client.get("/pairings/?q=Christchurch")
    assert [p.slug for p in response.context["pairings"]] == ["malaga-christchurch"]
    response = client.get(surat.url)
    assert b"Sources" in response.content and b"iuc.eu/index.php?id=277" in response.content
    assert b"Capacity building on regenerative design" in response.content  # the timeline
    example = english(CallPage).get(is_example=True)
    page = client.get(example.url).content.decode()
    assert "Example" in page and "Europe/Brussels" in page
