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
