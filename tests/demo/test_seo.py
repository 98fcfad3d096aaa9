"""Every live page: one h1, a unique title, a description, a canonical link; sitemap and JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup, SoupStrainer
from wagtail.models import Page

pytestmark = pytest.mark.django_db

HEAD_AND_H1 = SoupStrainer(["title", "meta", "link", "h1"])


def live_pages():
    # Aliases (the parents a translation needs) repeat their English page and point to it.
    return list(Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True).specific())


def get(client, site, path):
    return client.get(path, HTTP_HOST=site.hostname, SERVER_PORT=site.port)


def test_every_page_has_one_h1_a_unique_title_a_description_and_a_canonical_link(client, demo_site):
    titles = {}
    pages = live_pages()
    assert len(pages) >= 4
    for page in pages:
        response = get(client, demo_site, page.url)
        assert response.status_code == 200, page.url
        # Only the elements checked are built into a tree: 250 pages parse in a third of the time.
        soup = BeautifulSoup(response.content, "html.parser", parse_only=HEAD_AND_H1)
        assert len(soup.find_all("h1")) == 1, page.url
        # Unique within a language: a city may well have the same name in Spanish.
        language = re.search(rb'<html lang="([^"]+)"', response.content).group(1).decode()
        title = (language, soup.title.string.strip())
        assert title[1] and title not in titles, f"{page.url} repeats the title of {titles.get(title)}"
        titles[title] = page.url
        description = soup.find("meta", attrs={"name": "description"})
        assert description and len(description["content"].strip()) > 20, page.url
        canonical = soup.find("link", rel="canonical")
        assert canonical and canonical["href"] == page.get_full_url(), page.url
        assert soup.find("meta", property="og:title") and soup.find("meta", property="og:url")


def test_sitemap_lists_every_live_page_and_robots_points_to_it(client, demo_site):
    draft = Page.objects.get(slug="about").specific
    draft.unpublish()

    response = get(client, demo_site, "/sitemap.xml")

    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", namespace)}
    assert locations == {page.get_full_url() for page in live_pages()}
    assert draft.get_full_url() not in locations
    robots = get(client, demo_site, "/robots.txt").content.decode()
    assert f"Sitemap: {demo_site.root_url}/sitemap.xml" in robots


def test_home_page_describes_the_organisation_in_json_ld(client, demo_site):
    soup = BeautifulSoup(get(client, demo_site, "/").content, "html.parser")
    data = [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]
    items = data[0] if isinstance(data[0], list) else data
    organisation = next(item for item in items if item["@type"] == "Organization")
    assert organisation["name"] == "International Urban and Regional Cooperation"
    assert organisation["url"] == demo_site.root_url + "/"
    website = next(item for item in items if item["@type"] == "WebSite")
    assert "search_term_string" in website["potentialAction"]["target"]
