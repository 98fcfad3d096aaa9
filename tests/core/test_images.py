import pytest
from django.template.loader import render_to_string

from iurc_portal.core.factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_attribution_combines_credit_and_licence():
    image = ImageFactory(credit="© Gemeente Rotterdam", licence="CC-BY-SA-4.0")
    assert image.attribution == "© Gemeente Rotterdam · CC BY-SA 4.0"
    assert image.licence_url == "https://creativecommons.org/licenses/by-sa/4.0/"


def test_figure_shows_credit_with_links_and_responsive_sources():
    image = ImageFactory(credit="Jane Doe", licence="CC-BY-4.0", source_url="https://example.org/photo")

    html = render_to_string(
        "includes/figure.html", {"image": image, "alt": "Harbour at dusk", "caption": "Busan"}
    )

    assert 'alt="Harbour at dusk"' in html
    assert "<figcaption>" in html and "Busan" in html
    assert '<a href="https://example.org/photo" rel="noopener">Jane Doe</a>' in html
    assert 'rel="license noopener">CC BY 4.0</a>' in html
    assert 'type="image/webp"' in html and "srcset=" in html


def test_figure_without_credit_has_no_empty_caption():
    image = ImageFactory(credit="", licence="")
    html = render_to_string("includes/figure.html", {"image": image, "alt": "x"})
    assert "<figcaption>" not in html


@pytest.fixture
def admin_client(client):
    from iurc_portal.core.factories import UserFactory

    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    return client


def png():
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.tests.utils import get_test_image_file

    return SimpleUploadedFile("harbour.png", get_test_image_file().file.getvalue(), "image/png")


def upload(admin_client, **fields):
    from django.urls import reverse

    return admin_client.post(reverse("wagtailimages:add"), {"title": "Harbour", "file": png(), **fields})


def test_an_upload_without_a_licence_is_refused_with_a_message(admin_client):
    from wagtail.images import get_image_model

    response = upload(admin_client, credit="Jane Doe")

    assert response.status_code == 200  # the form again, with the error
    assert "This field is required." in response.content.decode()
    assert not get_image_model().objects.exists()


def test_an_upload_with_a_licence_is_kept_with_it(admin_client):
    from wagtail.images import get_image_model

    response = upload(admin_client, credit="Jane Doe", licence="CC-BY-4.0")

    assert response.status_code == 302
    assert get_image_model().objects.get().licence == "CC-BY-4.0"


def test_multiple_upload_makes_no_image_until_the_licence_is_given(admin_client):
    from django.urls import reverse
    from wagtail.images import get_image_model

    response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": png()})

    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert response.json()["success"] and "licence" in response.json()["form"]
