"""Admin log-in lockout for credential stuffing (one address, many usernames) and password spraying
(one username, many addresses), on top of django-axes' one-username-from-one-address rule."""

import pytest
from axes.models import AccessLog
from django.core.cache import cache

from iurc_portal.core.factories import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"


@pytest.fixture
def guard(settings, home_page):
    settings.LOGIN_GUARD = {"address": (6, 900), "username": (4, 900)}
    settings.TRUSTED_PROXY_COUNT = 1
    return UserFactory(username="editor", password="the-right-password", is_superuser=True, is_staff=True)


def log_in(client, username, password, address):
    return client.post(LOGIN, {"username": username, "password": password}, HTTP_X_FORWARDED_FOR=address)


def test_one_address_trying_many_usernames_is_refused(client, guard):
    for number in range(6):
        response = log_in(client, f"user{number}", "guess", "203.0.113.5")
        assert response.status_code == 200  # the form again, with its error

    refused = log_in(client, "editor", "the-right-password", "203.0.113.5")

    assert refused.status_code == 429
    assert b"Too many failed log-in attempts" in refused.content
    assert "_auth_user_id" not in client.session
    # Another address is not affected.
    assert log_in(client, "editor", "the-right-password", "198.51.100.7").status_code == 302


def test_one_username_tried_from_many_addresses_is_refused_from_new_addresses(client, guard):
    for number in range(4):
        log_in(client, "Editor", "guess", f"203.0.113.{number}")

    assert log_in(client, "editor", "the-right-password", "203.0.113.99").status_code == 429


def test_the_editor_still_gets_in_from_an_address_they_used_before(client, guard):
    AccessLog.objects.create(username="editor", ip_address="198.51.100.7", user_agent="browser")
    for number in range(10):
        log_in(client, "editor", "guess", f"203.0.113.{number}")

    response = log_in(client, "editor", "the-right-password", "198.51.100.7")

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_a_lock_ends_with_its_window_however_long_the_attack_goes_on(client, guard):
    for number in range(4):
        log_in(client, "editor", "guess", f"203.0.113.{number}")
    # Refused attempts are not counted: they cannot lengthen the lock.
    for number in range(20):
        assert log_in(client, "editor", "guess", f"192.0.2.{number}").status_code == 429

    cache.clear()  # what the window's expiry does in Redis

    assert log_in(client, "editor", "the-right-password", "192.0.2.1").status_code == 302


def test_a_few_mistakes_from_a_shared_address_lock_nobody(client, guard):
    for number in range(3):
        log_in(client, f"colleague{number}", "typo", "203.0.113.5")

    assert log_in(client, "editor", "the-right-password", "203.0.113.5").status_code == 302
