"""Fixtures shared by every app's tests."""

import pytest

from iurc_portal.core.factories import make_site_with_home


@pytest.fixture
def home_page(db):
    """A default site whose root is a live HomePage served at http://testserver/."""
    return make_site_with_home()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded files and renditions go to a throwaway folder, never the project's media/.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache():
    # The cache holds rate-limit counters and cached pages; no test may see another's.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
