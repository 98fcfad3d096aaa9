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
