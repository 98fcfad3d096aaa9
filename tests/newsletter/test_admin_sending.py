"""Sending from the admin: only moderators and newsletter managers (and superusers) can send;
editors can send themselves a test. The exact audience is shown and confirmed first."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone
from wagtail.models import GroupPagePermission

from iurc_portal.core.factories import UserFactory
from newsletter import mailing
from newsletter.defaults import MANAGERS_GROUP
from newsletter.factories import SubscriberFactory
from newsletter.models import IssueSend

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(home_page):
    """Wagtail's Editors and Moderators on the site, the managers group, then our migration."""
    access = Permission.objects.get(codename="access_admin")
    page_perms = {
        "Editors": ["add_page", "change_page"],
        "Moderators": ["add_page", "change_page", "publish_page"],
        MANAGERS_GROUP: [],
    }
    found = {}
    for name, codenames in page_perms.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home_page,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
        found[name] = group
    importlib.import_module("newsletter.migrations.0005_send_issue_permission").forwards(apps, None)
    return found


@pytest.fixture
def login(client, groups):
    def as_member(group_name):
        user = UserFactory(
            username=group_name.lower().replace(" ", "-"), email=f"{group_name[:3].lower()}@example.org"
        )
        user.groups.add(groups[group_name])
        client.force_login(user)
        return user

    return as_member


@pytest.fixture
def issue(make_issue):
    SubscriberFactory.create_batch(3)
    SubscriberFactory(status="pending")
    return make_issue(title="December issue")


def refused(response):
    """Wagtail's admin answers a permission denial with a redirect to the dashboard and a message."""
    return response.status_code == 302 and response.url == "/admin/"


def send_url(issue):
    return f"/admin/newsletter/issues/{issue.pk}/send/"


def confirmed_post(count=3, **extra):
    return {"when": "now", "expected_count": count, "confirm": "on", **extra}


def test_editors_cannot_send(client, login, issue):
    login("Editors")
    assert refused(client.get("/admin/newsletter/issues/"))
    assert refused(client.get(send_url(issue)))
    assert refused(client.post(send_url(issue), confirmed_post()))
    assert not IssueSend.objects.exists()
    edit = client.get(f"/admin/pages/{issue.pk}/edit/").content.decode()
    assert "Send a test to my address" in edit
    assert send_url(issue) not in edit


@pytest.mark.parametrize("group", ["Moderators", MANAGERS_GROUP])
def test_moderators_and_newsletter_managers_see_the_exact_count_and_send(client, login, issue, group):
    login(group)
    page = client.get(send_url(issue)).content.decode()
    assert "This issue will go to 3 confirmed subscribers." in page
    assert client.get("/admin/newsletter/issues/").status_code == 200

    unconfirmed = client.post(send_url(issue), {"when": "now", "expected_count": 3})
    assert unconfirmed.status_code == 400
    assert not IssueSend.objects.exists()

    response = client.post(send_url(issue), confirmed_post())
    assert response.status_code == 302
    mailing.run(once=True)
    assert len(mail.outbox) == 3
    assert "Sent" in client.get(send_url(issue)).content.decode()
    # Sending twice is refused, and nobody gets a second copy.
    assert client.post(send_url(issue), confirmed_post()).status_code == 409
    mailing.run(once=True)
    assert len(mail.outbox) == 3


def test_a_changed_audience_asks_for_confirmation_again(client, login, issue):
    login("Moderators")
    SubscriberFactory()
    response = client.post(send_url(issue), confirmed_post(count=3))
    assert response.status_code == 400
    assert "The audience changed to 4 subscribers" in response.content.decode()
    assert not IssueSend.objects.exists()


def test_send_at_schedules_for_later(client, login, issue):
    login("Moderators")
    past = client.post(send_url(issue), confirmed_post(when="later", send_at="2001-01-01 10:00"))
    assert past.status_code == 400
    later = timezone.localtime() + timezone.timedelta(days=2)
    response = client.post(
        send_url(issue), confirmed_post(when="later", send_at=later.strftime("%Y-%m-%d %H:%M"))
    )
    assert response.status_code == 302
    assert IssueSend.objects.get().status == "scheduled"
    mailing.run(once=True)
    assert mail.outbox == []
    # Cancel while it is still only scheduled.
    assert client.post(f"/admin/newsletter/issues/{issue.pk}/cancel/").status_code == 302
    assert not IssueSend.objects.exists()


def test_an_unpublished_issue_cannot_be_sent(client, login, issue):
    login("Moderators")
    issue.unpublish()
    assert client.post(send_url(issue), confirmed_post()).status_code == 409
    assert not IssueSend.objects.exists()


def test_bad_input_is_4xx(client, login, issue):
    login("Moderators")
    assert client.get("/admin/newsletter/issues/999999/send/").status_code == 404
    assert client.get("/admin/newsletter/issues/abc/send/").status_code == 404
    for data in ({}, {"when": "soon", "expected_count": "x", "confirm": "on"}, confirmed_post(when="later")):
        assert client.post(send_url(issue), data).status_code == 400
    assert client.get(f"/admin/newsletter/issues/{issue.pk}/cancel/").status_code == 405
    assert not IssueSend.objects.exists()


def test_anyone_who_can_edit_the_issue_can_send_a_test_to_themselves(client, login, issue):
    user = login("Editors")
    url = f"/admin/newsletter/issues/{issue.pk}/test/"
    assert user.email in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    [test] = mail.outbox
    assert test.to == [user.email]
    assert test.subject.startswith("[Test] ")
    assert "List-Unsubscribe" in test.extra_headers
    assert not IssueSend.objects.exists()


def test_people_who_cannot_edit_the_issue_cannot_send_tests(client, issue):
    outsider = UserFactory(username="outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert refused(client.post(f"/admin/newsletter/issues/{issue.pk}/test/"))
    assert mail.outbox == []
