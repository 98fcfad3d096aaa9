"""Sign-up timing: the work done for an address must not depend on whether it is unknown, pending,
confirmed, unsubscribed or throttled, or the response time would tell (measured in
bench/signup_timing.py; here the work itself is compared, not the clock)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsletter import ratelimit, services, tasks
from newsletter.models import ConsentEvent, Subscriber
from programmes.factories import ThemeFactory

pytestmark = pytest.mark.django_db
STATES = ["unknown", "pending", "confirmed", "unsubscribed", "throttled"]


@pytest.fixture
def queued_emails(settings):
    # The real email queue: its row is written in the sign-up's transaction, so it is counted.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "email": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"},
    }


def sign_up_work(state, monkeypatch, consent_text, theme):
    """(queries, rate-limit checks, enqueues) of one sign-up of an address in `state`."""
    address = f"{state}@example.org"
    if state != "unknown":
        status = {"throttled": "pending"}.get(state, state)
        Subscriber.objects.create(email=address, email_normalized=address, status=status)
    if state == "throttled":
        assert ratelimit.allow_confirmation_email(address)  # the re-send interval is now running
    checks, enqueued = [], []
    real_check = ratelimit.allow_confirmation_email
    monkeypatch.setattr(ratelimit, "allow_confirmation_email", lambda a: checks.append(a) or real_check(a))
    real_enqueue = tasks.enqueue_confirmation_email
    monkeypatch.setattr(
        tasks, "enqueue_confirmation_email", lambda pk: enqueued.append(pk) or real_enqueue(pk)
    )
    with CaptureQueriesContext(connection) as queries:
        services.subscribe(email=address, email_normalized=address, themes=[theme], consent_text=consent_text)
    monkeypatch.undo()
    return len(queries), len(checks), len(enqueued)


def test_every_address_state_costs_the_same_work(monkeypatch, queued_emails, consent_text):
    theme = ThemeFactory()

    work = {state: sign_up_work(state, monkeypatch, consent_text, theme) for state in STATES}

    assert len(set(work.values())) == 1, work
    assert work["confirmed"][1:] == (1, 1)  # one rate-limit check and one enqueue, on every path


def test_what_a_confirmed_address_did_is_rolled_back(monkeypatch, queued_emails, consent_text):
    from django_tasks_db.models import DBTaskResult

    theme = ThemeFactory()
    sign_up_work("confirmed", monkeypatch, consent_text, theme)

    subscriber = Subscriber.objects.get(email_normalized="confirmed@example.org")
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.themes.count() == 0
    assert not ConsentEvent.objects.filter(subscriber=subscriber).exists()
    assert not DBTaskResult.objects.exists()


def test_a_throttled_address_is_stored_but_gets_no_second_email(monkeypatch, queued_emails, consent_text):
    from django_tasks_db.models import DBTaskResult

    theme = ThemeFactory()
    sign_up_work("throttled", monkeypatch, consent_text, theme)
    sign_up_work("unknown", monkeypatch, consent_text, theme)

    throttled = Subscriber.objects.get(email_normalized="throttled@example.org")
    assert list(throttled.themes.all()) == [theme]
    assert ConsentEvent.objects.filter(subscriber=throttled, event="subscribed").count() == 1
    assert DBTaskResult.objects.count() == 1  # the unknown address's confirmation only
