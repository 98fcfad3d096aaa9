"""Fixtures shared by every app's tests."""

import pytest

from iurc_portal.core.factories import make_site_with_home

from .services import delete_prefixed_keys, redis_reachable, redis_url_for_tests, unique_key_prefix


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


@pytest.fixture
def redis_cache(settings):
    """The production cache backend on the local Redis (CI has one), under a key prefix of its own."""
    url = redis_url_for_tests()
    if not redis_reachable(url):
        pytest.skip(f"Redis is not reachable at {url}")
    prefix = unique_key_prefix("cache")
    settings.CACHES = {
        "default": {
            "BACKEND": "iurc_portal.core.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
        }
    }
    from django.core.cache import cache

    yield cache
    delete_prefixed_keys(url, prefix)
