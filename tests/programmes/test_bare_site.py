"""A site without programme content (in a module of its own: test_pages.py shares a world of pages)."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_bare_site_renders_without_programme_content(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert "Where we cooperate" not in response.content.decode()
