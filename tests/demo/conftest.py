"""Tests that read the whole demo site (`manage.py load_demo_content`): every page's SEO, routing
of every demo URL, the translated pages, the demo of each app.

Loading the demo takes 20 s, so this package reads it once. On SQLite the test database is
overwritten with the run's demo database (tests.prepared, built while the tests start) and set back
to the migrated one after the package's last test. On PostgreSQL the demo is loaded here, in a
transaction rolled back after the package's last test (tests.conftest.shared_rows). Either way
each test runs in a savepoint. Every test here asks for `demo_load` (or `demo_site`), so under
xdist they all run on one worker (tests.conftest)."""

import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from wagtail.models import Site

from tests import prepared
from tests.conftest import shared_rows


@pytest.fixture(scope="package", autouse=True)
def _media_root(tmp_path_factory):
    # The demo's images are uploaded once; their files must outlive each module's tests.
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media")):
        yield


@pytest.fixture(scope="package")
def demo_load(django_db_setup, django_db_blocker, _media_root):
    """What `load_demo_content` printed on an empty database; its rows stay for the package."""
    if prepared.in_memory_sqlite():
        shutil.copytree(prepared.demo_media(), settings.MEDIA_ROOT, dirs_exist_ok=True)
        with django_db_blocker.unblock():
            prepared.copy_into(prepared.wait_for("demo"), connection)
        try:
            yield prepared.demo_output()
        finally:
            with django_db_blocker.unblock():
                prepared.use_migrated(connection)
        return
    out = StringIO()
    with shared_rows(django_db_blocker):
        call_command("load_demo_content", stdout=out)
        yield out.getvalue()


@pytest.fixture(scope="package")
def demo_site(demo_load, django_db_blocker):
    """The demo's default site."""
    with django_db_blocker.unblock():
        return Site.objects.get(is_default_site=True)
