"""Fixtures shared by every app's tests."""

from contextlib import contextmanager
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TransactionTestCase, override_settings
from django.utils import translation
from wagtail.signal_handlers import (
    connect_reference_index_signal_handlers,
    disconnect_reference_index_signal_handlers,
)

from iurc_portal.core.demo import search_index_deferred
from iurc_portal.core.factories import make_site_with_home

from . import prepared
from .services import delete_prefixed_keys, redis_reachable, redis_url_for_tests, unique_key_prefix

# Fixtures built once per module: the programmes' world, the feeds' articles, the search's pages,
# a live nginx stack, a second server process. Under xdist (`--dist loadgroup`, pyproject.toml) a
# module that uses one runs on one worker, so it is built once instead of once on each worker. The
# demo site is built once for all of tests/demo, which runs on one worker too.
MODULE_FIXTURES = {"_world", "_articles", "_search_pages", "stack", "two_processes"}


BUILDER = pytest.StashKey()


# First, so that the workers xdist starts next inherit the folder's name.
@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):
        session.config.stash[BUILDER] = prepared.Builder()
        session.config.stash[BUILDER].start()
        # The interface's translations, before any test process reads them (only .po files newer
        # than their .mo are compiled), so that a plain `pytest` needs no `make messages` first.
        call_command("compile_translations", stdout=StringIO())


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):
    node.config.stash[BUILDER].want_demo(ids)


def pytest_collection_finish(session):
    if BUILDER in session.config.stash:  # the main process, running the tests itself (-n 0)
        session.config.stash[BUILDER].want_demo(item.nodeid for item in session.items)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    if BUILDER in session.config.stash:
        session.config.stash[BUILDER].stop()


# A wrapper: the groups are marked before xdist's own hook reads them, and the order is set after
# pytest-django's (database tests first, transactional ones after them).
@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if "demo_load" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("demo"))
        elif MODULE_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
    yield
    items[:] = run_order(items)


def run_order(items):
    """The order xdist hands the tests out in (`--no-loadscope-reorder`, pyproject.toml).

    The run's databases are built while the tests run (tests.prepared): the migrated one first,
    then the demo. Tests that need no database go first, while `migrate` runs; the demo and
    browser groups, which wait for the demo database, come after half of the other tests, and the
    other half (transactional tests last, as pytest-django put them) fills each worker's tail."""
    demo, no_database, database = [], [], []
    for item in items:
        if item.nodeid.startswith(prepared.DEMO_TESTS):
            demo.append(item)
        elif uses_database(item):
            database.append(item)
        else:
            no_database.append(item)
    half = len(database) // 2
    return no_database + database[:half] + demo + database[half:]


# The fixtures through which pytest-django gives a test the database (the others, such as
# django_db_reset_sequences, build on db or transactional_db, so `fixturenames` lists those too).
DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}


def uses_database(item):
    # As pytest-django's own ordering decides it (it has no public function for this): Django's
    # test case classes, the django_db mark, the database fixtures.
    test_class = getattr(item, "cls", None)
    if test_class is not None and issubclass(test_class, TransactionTestCase):
        return True
    return bool(item.get_closest_marker("django_db")) or not DATABASE_FIXTURES.isdisjoint(item.fixturenames)


# Wagtail updates its search index and its reference index ("Usage" in the admin, the checks before
# a delete) on every save: a third of the time it takes to save a page, and most tests never search
# or ask where an object is used. Here a test's own saves update them only when it asks for
# `search_index` or `reference_index`; rows shared by a module are in the reference index, and the
# demo content builds both indexes itself, as `make run` does.
@pytest.fixture(scope="session", autouse=True)
def _search_index_on_request():
    with search_index_deferred():
        yield


@pytest.fixture(autouse=True)
def _reference_index_on_request():
    # Wagtail's own switch for this (disable_reference_index_auto_update) does not nest, and the
    # demo loader uses it; the signal handlers are switched instead, as Wagtail does for `migrate`.
    # Between tests they are connected, so rows a module shares are indexed.
    disconnect_reference_index_signal_handlers()
    yield
    connect_reference_index_signal_handlers()


@pytest.fixture
def search_index():
    """Pages and snippets saved during the test are indexed for search, as on the real site."""
    with search_index_deferred(deferred=False):
        yield


@pytest.fixture
def reference_index():
    """Saves during the test update Wagtail's reference index, as on the real site."""
    connect_reference_index_signal_handlers()
    yield
    disconnect_reference_index_signal_handlers()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    # An in-memory SQLite test database is overwritten with the run's migrated copy (below), so
    # Django makes its tables without running the migrations (its documented TEST["MIGRATE"]).
    if prepared.in_memory_sqlite():
        django_settings.DATABASES["default"].setdefault("TEST", {})["MIGRATE"] = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database; on SQLite, a copy of the run's migrated database
    (tests.prepared.use_migrated)."""
    if prepared.in_memory_sqlite():
        with django_db_blocker.unblock():
            prepared.use_migrated(connection)


@pytest.fixture(scope="session")
def migrated_sqlite_file():
    """A SQLite file with every migration applied, for servers the tests start in other processes
    (the nginx stack); copy it, never write to it."""
    return prepared.wait_for("migrated")


@pytest.fixture(scope="session")
def demo_sqlite_file():
    """A SQLite file with the demo content loaded (tests.prepared); copy it, never write to it."""
    return prepared.wait_for("demo")


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


@pytest.fixture(autouse=True)
def _clear_cache():
    # The cache holds rate-limit counters and cached pages; no test may see another's.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request for /es/ leaves Spanish active in this thread (LocaleMiddleware activates, nothing
    # deactivates); the next test must start in the site's default language.
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


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
