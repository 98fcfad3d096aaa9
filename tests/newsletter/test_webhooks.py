"""Bounce and complaint reports: Mailgun's signed webhooks through django-anymail."""

import hashlib
import hmac
import json
import time

import pytest
from django.test import Client

from newsletter import mailing
from newsletter.factories import SubscriberFactory
from newsletter.models import Delivery, Subscriber

from .conftest import start_send

pytestmark = pytest.mark.django_db

URL = "/newsletter/webhooks/bounces/"
KEY = "test-signing-key"


@pytest.fixture
def signing_key(settings):
    settings.ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": KEY}
    settings.NEWSLETTER_HARD_BOUNCE_LIMIT = 2


def report(event, recipient, *, key=KEY, **extra):
    timestamp, token = str(int(time.time())), "a" * 50
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return json.dumps(
        {
            "signature": {"timestamp": timestamp, "token": token, "signature": signature},
            "event-data": {"event": event, "recipient": recipient, "timestamp": time.time(), **extra},
        }
    )


def post(body):
    # Email services post without cookies or CSRF token.
    return Client(enforce_csrf_checks=True).post(URL, body, content_type="application/json")


def test_without_a_signing_key_there_is_no_endpoint(settings):
    settings.ANYMAIL = {}
    assert post(report("complained", "a@example.org")).status_code == 404


def test_a_complaint_unsubscribes_and_suppresses(signing_key):
    person = SubscriberFactory(email="Angry@Example.org")
    assert post(report("complained", "angry@example.org")).status_code == 200
    person.refresh_from_db()
    assert person.status == Subscriber.Status.UNSUBSCRIBED
    assert person.suppressed_reason == "complained"
    assert post(report("complained", "angry@example.org")).status_code == 200  # again: no change, no error


def test_repeated_hard_bounces_suppress_and_mark_the_delivery(signing_key, make_issue, settings):
    settings.NEWSLETTER_SEND_RATE = 0
    person = SubscriberFactory(email="gone@example.org")
    start_send(make_issue())
    mailing.run(once=True)
    assert post(report("failed", "gone@example.org", severity="permanent")).status_code == 200
    assert Delivery.objects.get().status == Delivery.Status.BOUNCED
    person.refresh_from_db()
    assert (person.hard_bounces, person.suppressed_at) == (1, None)
    # A temporary failure is not a bounce.
    assert post(report("failed", "gone@example.org", severity="temporary")).status_code == 200
    person.refresh_from_db()
    assert person.hard_bounces == 1
    post(report("failed", "gone@example.org", severity="permanent"))
    person.refresh_from_db()
    assert person.suppressed_reason == "bounced"


def test_unknown_addresses_and_other_events_change_nothing(signing_key):
    person = SubscriberFactory(email="fine@example.org")
    assert post(report("delivered", "fine@example.org")).status_code == 200
    assert post(report("failed", "nobody@example.org", severity="permanent")).status_code == 200
    assert post(report("complained", "not an address")).status_code == 200
    person.refresh_from_db()
    assert (person.status, person.hard_bounces) == ("confirmed", 0)


def test_bad_requests_are_4xx_and_change_nothing(signing_key):
    person = SubscriberFactory(email="safe@example.org")
    forged = report("complained", "safe@example.org", key="wrong-key")
    assert post(forged).status_code == 400
    assert post("{not json").status_code == 400
    assert post(json.dumps({"event-data": {"event": "complained"}})).status_code == 400
    assert post(json.dumps([1, 2])).status_code == 400
    assert Client().get(URL).status_code == 405
    person.refresh_from_db()
    assert person.status == "confirmed"
