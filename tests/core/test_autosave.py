"""Autosave while a page is being created: the editor ends with exactly one page.

Autosave sends the create form as JSON; Wagtail creates the page and the editor continues on its
edit view, so the editor's "Save draft" updates that page instead of creating a second one. The
database side (writers queued, not failing half-way) is tested in test_settings.py."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from iurc_portal.core.factories import UserFactory
from iurc_portal.core.models import StandardPage

pytestmark = pytest.mark.django_db


def form(title):
    return nested_form_data(
        {
            "title": title,
            "slug": "cities-and-climate",
            "intro": "Typed while autosave runs.",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def test_autosave_then_save_draft_leaves_exactly_one_page(client, home_page):
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    add_url = reverse("wagtailadmin_pages:add", args=["core", "standardpage", home_page.pk])

    autosave = client.post(add_url, form("Cities and climate"), HTTP_ACCEPT="application/json")

    assert autosave.status_code == 200, autosave.content
    created = autosave.json()
    assert created["success"] is True
    save_draft = client.post(created["url"], form("Cities and climate"))

    assert save_draft.status_code == 302
    page = StandardPage.objects.get(title="Cities and climate")
    assert page.pk == created["pk"]
    assert not page.live and page.revisions.count() == 2
