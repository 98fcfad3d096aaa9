"""Fixtures shared by every app's tests."""

from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Site

from iurc_portal.core.factories import make_site_with_home

from .services import delete_prefixed_keys, redis_reachable, redis_url_for_tests, unique_key_prefix


@pytest.fixture
def home_page(db):
    """A default site whose root is a live HomePage served at http://testserver/."""
    return make_site_with_home()


@pytest.fixture(scope="module", autouse=True)
def _media_root(tmp_path_factory):
    # Uploaded files and renditions go to a throwaway folder, never the project's media/. One per
    # module, so that images made once for a module's tests (shared_rows) keep their files.
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@contextmanager
def shared_rows(django_db_blocker):
    """Rows made once for all the tests of a module, as Django's setUpTestData makes them for a class.

    They are written in a transaction rolled back after the module's last test; every test runs in
    a savepoint inside it (pytest-django's `db`), so what one test changes is undone before the
    next. Tests that only read heavy fixtures (the demo site, the programmes' world) share them."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content (`manage.py load_demo_content`), loaded once per test module."""
    with shared_rows(django_db_blocker):
        call_command("load_demo_content", verbosity=0)
        yield Site.objects.get(is_default_site=True)


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
