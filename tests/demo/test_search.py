"""Site search over the demo content."""

import pytest

pytestmark = pytest.mark.django_db


def test_demo_site_is_searchable(client, demo_site):
    html = client.get("/search/", {"q": "privacy"}, HTTP_HOST="127.0.0.1", SERVER_PORT=8000).content.decode()
    assert "Privacy notice" in html
