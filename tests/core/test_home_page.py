import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from iurc_portal.core.factories import ImageFactory
from iurc_portal.core.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_home_page_renders_its_blocks(client, home_page):
    image = ImageFactory(credit="© City of Bratislava", licence="CC-BY-4.0")
    home_page.strapline = "Cooperation across continents"
    home_page.body = [
        ("heading", {"text": "A second phase", "level": "h2"}),
        ("paragraph", "<p>Built on the first.</p>"),
        ("quote", {"quote": "We have common problems", "attribution": "Bratislava", "role": "Slovakia"}),
        (
            "image",
            {"image": image, "alt_text": "Old town square", "decorative": False, "caption": "Bratislava"},
        ),
        (
            "link_cards",
            {
                "heading": "Visit the IUC (Phase I) websites",
                "cards": [
                    {
                        "title": "IUC Asia",
                        "text": "",
                        "link": {"page": None, "url": "https://www.iuc-asia.eu/", "label": ""},
                    }
                ],
            },
        ),
    ]
    home_page.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and home_page.title in html
    assert '<h2 id="a-second-phase">A second phase</h2>' in html
    assert "Built on the first." in html
    assert "<blockquote" in html and "<cite>Bratislava</cite>" in html
    assert 'alt="Old town square"' in html
    assert "© City of Bratislava" in html and "CC BY 4.0" in html
    assert 'href="https://www.iuc-asia.eu/"' in html


class TestPageTree(WagtailPageTestCase):
    def setUp(self):
        self.root = Page.get_first_root_node()

    def test_home_page_only_under_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
