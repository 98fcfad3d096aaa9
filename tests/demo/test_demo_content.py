from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, ReferenceIndex, Site

from iurc_portal.core.models import CustomImage, HomePage

pytestmark = pytest.mark.django_db


def run_demo():
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


@pytest.fixture
def first_run(demo_load):
    """What the first run on an empty database printed (tests/demo/conftest.py)."""
    return demo_load


def test_demo_content_is_idempotent(first_run):
    pages, images = Page.objects.count(), CustomImage.objects.count()

    second = run_demo()

    assert "items created" in first_run
    assert "Nothing to do" in second
    assert Page.objects.count() == pages
    assert CustomImage.objects.count() == images
    assert HomePage.objects.filter(locale__language_code="en").count() == 1


def test_demo_images_show_where_they_are_used(first_run):
    # The load indexes references once at the end, not on every save: the admin's "usage" of an
    # image still lists the pages that show it.
    home = HomePage.objects.get(locale__language_code="en")
    usage = ReferenceIndex.get_references_to(home.hero_image)
    assert usage.filter(object_id=str(home.pk)).exists()


def test_demo_home_page_tells_the_programme_story(client, first_run):
    home = HomePage.objects.get(locale__language_code="en")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    # Wagtail's placeholder "Welcome" page is gone; the home page replaced it.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()

    html = client.get(home.url, HTTP_HOST=Site.objects.get().hostname).content.decode()

    assert "second phase" in html
    assert "Rudolf Niessler" in html and "Principal Advisor for International Relations" in html
    assert "Bratislava" in html
    for url in ("https://www.iuc.eu/", "https://www.iuc-asia.eu/", "https://iuc-la.eu/"):
        assert f'href="{url}"' in html


def test_demo_does_not_overwrite_editors_changes(first_run):
    home = HomePage.objects.get(locale__language_code="en")
    home.title = "Edited by an editor"
    home.save_revision().publish()

    run_demo()

    assert HomePage.objects.get(locale__language_code="en").title == "Edited by an editor"
