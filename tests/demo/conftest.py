"""Tests that read the whole demo site (`manage.py load_demo_content`): every page's SEO, routing
of every demo URL, the translated pages, the demo of each app.

Loading the demo takes seconds, so it is loaded once for this package, in a transaction rolled
back after the package's last test (tests.conftest.shared_rows); each test runs in a savepoint
inside it. Every test here asks for `demo_load` (or `demo_site`), so under xdist they all run
on one worker (tests.conftest)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from tests.conftest import shared_rows


@pytest.fixture(scope="package", autouse=True)
def _media_root(tmp_path_factory):
    # The demo's images are uploaded once; their files must outlive each module's tests.
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media")):
        yield


@pytest.fixture(scope="package")
def demo_load(django_db_setup, django_db_blocker):
    """What `load_demo_content` printed on an empty database; its rows stay for the package."""
    out = StringIO()
    with shared_rows(django_db_blocker):
        call_command("load_demo_content", stdout=out)
        yield out.getvalue()


@pytest.fixture(scope="package")
def demo_site(demo_load, django_db_blocker):
    """The demo's default site."""
    with django_db_blocker.unblock():
        return Site.objects.get(is_default_site=True)
