"""JSON-LD that cannot break out of its script element, and the social image of shared links.
(Every demo page's title, description and canonical link: tests/demo/test_seo.py.)"""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_json_ld_cannot_break_out_of_its_script_element(client, home_page):
    home_page.search_description = "</script><script>alert(1)</script>"
    home_page.save_revision().publish()
    html = client.get("/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_shared_links_show_the_social_image(client, home_page):
    from iurc_portal.core.factories import ImageFactory

    home_page.social_image = ImageFactory()
    home_page.save_revision().publish()
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    image = soup.find("meta", property="og:image")["content"]
    assert image.startswith("http://testserver/") and image.endswith(".jpg")
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
