from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from newsletter.models import ConsentEvent, Subscriber
from newsletter.tokens import hash_token, make_unsubscribe_token
from programmes.factories import ThemeFactory

from .conftest import confirm_link


@pytest.fixture
def pending(signup, home_page):
    """A sign-up as a person makes it; returns (subscriber, confirmation path)."""
    signup("reader@example.org", themes=[ThemeFactory(name="Climate action").pk])
    link = confirm_link(mail.outbox[0])
    mail.outbox.clear()
    return Subscriber.objects.get(), link


def press_confirm(client, link, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(link)


def test_only_a_hash_of_the_confirmation_token_is_stored(pending):
    subscriber, link = pending
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert subscriber.token_hash == hash_token(token)
    assert token not in str(Subscriber.objects.values().get())
    assert subscriber.token_expires_at - timezone.now() > timedelta(hours=71)


def test_opening_the_link_shows_a_button_and_confirms_nothing(client, pending):
    subscriber, link = pending
    response = client.get(link)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<form action="{link}" method="post">' in html
    assert "Yes, subscribe me" in html
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert mail.outbox == []


def test_pressing_confirm_subscribes_logs_and_sends_a_welcome_email(
    client, pending, django_capture_on_commit_callbacks
):
    subscriber, link = pending
    response = press_confirm(client, link, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "you are now subscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    confirmed = subscriber.consent_events.get(event=ConsentEvent.Event.CONFIRMED)
    signed_up = subscriber.consent_events.get(event=ConsentEvent.Event.SUBSCRIBED)
    assert (confirmed.consent_version, confirmed.consent_hash) == (
        signed_up.consent_version,
        signed_up.consent_hash,
    )

    assert len(mail.outbox) == 1
    welcome = mail.outbox[0]
    assert welcome.subject == "Welcome to IURC news"
    assert "Climate action" in welcome.body
    unsubscribe = welcome.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://testserver/newsletter/unsubscribe/") and unsubscribe.endswith("/>")
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe[1:-1] in welcome.body
    assert unsubscribe[1:-1] in welcome.alternatives[0][0]


def test_the_link_confirms_only_once(client, pending, django_capture_on_commit_callbacks):
    subscriber, link = pending
    press_confirm(client, link, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    # A second press (or a double click) changes nothing and says so.
    again = press_confirm(client, link, django_capture_on_commit_callbacks)
    assert again.status_code == 200
    assert "already confirmed" in again.content.decode()
    assert "already confirmed" in client.get(link).content.decode()
    assert mail.outbox == []
    assert ConsentEvent.objects.filter(event="confirmed").count() == 1
    # Once the 72 hours are over the link is simply invalid.
    Subscriber.objects.filter(pk=subscriber.pk).update(token_expires_at=timezone.now())
    assert client.get(link).status_code == 404


def test_a_confirmation_link_cannot_re_subscribe_after_unsubscribing(
    client, pending, django_capture_on_commit_callbacks
):
    subscriber, link = pending
    press_confirm(client, link, django_capture_on_commit_callbacks)
    client.post(f"/newsletter/unsubscribe/{make_unsubscribe_token(subscriber.pk)}/")
    mail.outbox.clear()
    assert press_confirm(client, link, django_capture_on_commit_callbacks).status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert mail.outbox == []


def test_an_expired_link_does_not_confirm(client, pending, django_capture_on_commit_callbacks):
    subscriber, link = pending
    Subscriber.objects.filter(pk=subscriber.pk).update(token_expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(link).status_code == 404
    response = press_confirm(client, link, django_capture_on_commit_callbacks)
    assert response.status_code == 404
    assert "expired" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert mail.outbox == []


@pytest.mark.parametrize("token", ["x", "a" * 43 + "!", "é" * 43, "a" * 500])
def test_malformed_confirmation_tokens_get_a_clear_404(client, home_page, token):
    assert client.get(f"/newsletter/confirm/{token}/").status_code == 404
    assert client.post(f"/newsletter/confirm/{token}/").status_code == 404


def test_confirm_needs_the_csrf_token_of_the_page(pending):
    _subscriber, link = pending
    client = Client(enforce_csrf_checks=True)
    assert client.post(link).status_code == 403
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_newer_confirmation_email_replaces_the_older_link(signup, home_page, settings):
    settings.NEWSLETTER_RATE_LIMITS = {"resend_interval": (1, 0.001)}
    import time

    signup("reader@example.org")
    time.sleep(0.01)
    signup("reader@example.org")
    first, second = (confirm_link(message) for message in mail.outbox)
    client = Client()
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200


# --- unsubscribe -------------------------------------------------------------------------


@pytest.fixture
def confirmed(home_page):
    theme = ThemeFactory()
    subscriber = Subscriber.objects.create(
        email="Reader@example.org", email_normalized="reader@example.org", status="confirmed"
    )
    subscriber.themes.add(theme)
    return subscriber, f"/newsletter/unsubscribe/{make_unsubscribe_token(subscriber.pk)}/"


def test_unsubscribe_link_shows_a_button_and_changes_nothing(client, confirmed):
    subscriber, link = confirmed
    response = client.get(link)
    html = response.content.decode()
    assert response.status_code == 200
    assert "R•••••@example.org" in html  # masked: a forwarded email doesn't reveal the address
    assert f'<form action="{link}" method="post">' in html
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_pressing_unsubscribe_stops_mail_and_forgets_interests(client, confirmed):
    subscriber, link = confirmed
    response = client.post(link)
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert subscriber.themes.count() == 0
    event = subscriber.consent_events.get()
    assert event.event == ConsentEvent.Event.UNSUBSCRIBED
    assert event.source == link


def test_rfc_8058_one_click_post_works_without_csrf(confirmed):
    subscriber, link = confirmed
    provider = Client(enforce_csrf_checks=True)
    response = provider.post(
        link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    # Repeating it is harmless and logs nothing new.
    assert (
        provider.post(
            link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 200
    )
    assert subscriber.consent_events.count() == 1


@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "1:abc:def", lambda t: "x" * 300]
)
def test_a_tampered_unsubscribe_token_is_refused(confirmed, mangle):
    subscriber, link = confirmed
    token = link.split("/")[-2]
    bad = f"/newsletter/unsubscribe/{mangle(token)}/"
    client = Client(enforce_csrf_checks=True)
    assert client.get(bad).status_code == 400
    response = client.post(
        bad, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_unsubscribe_token_of_another_purpose_is_refused(confirmed):
    subscriber, _link = confirmed
    from django.core import signing

    forged = signing.dumps(subscriber.pk)  # signed, but without the unsubscribe salt
    assert Client().post(f"/newsletter/unsubscribe/{forged}/").status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_unsubscribe_only_accepts_get_and_post(confirmed):
    _subscriber, link = confirmed
    assert Client().put(link).status_code == 405


def test_an_unsubscribed_address_is_not_re_subscribed_without_a_new_opt_in(
    client, confirmed, signup, django_capture_on_commit_callbacks
):
    subscriber, link = confirmed
    client.post(link)
    signup("reader@example.org")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert [m.subject for m in mail.outbox] == ["Please confirm your subscription to IURC news"]
    press_confirm(client, confirm_link(mail.outbox[0]), django_capture_on_commit_callbacks)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert list(subscriber.consent_events.values_list("event", flat=True)) == [
        "unsubscribed",
        "subscribed",
        "confirmed",
    ]
