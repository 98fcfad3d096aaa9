"""The worker's rules, one at a time: leaving during a send, retries, permanent failures,
hard bounces, claims that a dead worker left behind, rate and batching."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from newsletter import mailing, services
from newsletter.factories import SubscriberFactory
from newsletter.models import Delivery, Subscriber

from .conftest import start_send

pytestmark = pytest.mark.django_db

Status = Delivery.Status


@pytest.fixture(autouse=True)
def _fast(settings):
    settings.NEWSLETTER_SEND_RATE = 0
    settings.NEWSLETTER_DELIVERY_RETRY_DELAYS = [60, 300]


def test_someone_who_unsubscribes_during_the_send_gets_nothing_after(make_issue):
    stays, leaves = SubscriberFactory(), SubscriberFactory()
    send = start_send(make_issue())
    batch = mailing.claim_batch("w1", 10)
    assert len(batch) == 2
    services.unsubscribe(leaves.pk)  # after the claim, before their turn
    mailing.deliver_batch(batch, "w1", mailing.Pacer(0), {})
    assert [m.to[0] for m in mail.outbox] == [stays.email]
    assert send.deliveries.get(subscriber=leaves).status == Status.SKIPPED
    assert send.outcome_counts()["skipped"] == 1


def test_temporary_failure_is_retried_later_then_sent(make_issue):
    SubscriberFactory()
    send = start_send(make_issue())
    from django.core.mail.backends.locmem import EmailBackend

    with mock.patch.object(EmailBackend, "send_messages", side_effect=smtplib.SMTPServerDisconnected("gone")):
        mailing.run(once=True)
    delivery = send.deliveries.get()
    assert (delivery.status, delivery.attempts) == (Status.QUEUED, 1)
    assert delivery.next_attempt_at > timezone.now() + timedelta(seconds=50)
    assert mail.outbox == []

    mailing.run(once=True)  # not due yet
    assert mail.outbox == []
    send.deliveries.update(next_attempt_at=timezone.now())
    mailing.run(once=True)
    assert len(mail.outbox) == 1
    assert send.deliveries.get().status == Status.SENT


def test_retries_give_up_after_the_last_delay(make_issue):
    SubscriberFactory()
    send = start_send(make_issue())
    from django.core.mail.backends.locmem import EmailBackend

    with mock.patch.object(EmailBackend, "send_messages", side_effect=smtplib.SMTPServerDisconnected("gone")):
        for _ in range(3):
            send.deliveries.update(next_attempt_at=timezone.now())
            mailing.run(once=True)
    delivery = send.deliveries.get()
    assert (delivery.status, delivery.attempts) == (Status.FAILED, 3)
    send.refresh_from_db()
    assert send.status == "done"


def test_refused_mailbox_fails_at_once_and_repeated_hard_bounces_suppress(make_issue, settings):
    settings.NEWSLETTER_HARD_BOUNCE_LIMIT = 2
    person = SubscriberFactory()
    refused = smtplib.SMTPRecipientsRefused({person.delivery_address: (550, b"5.1.1 no such user")})
    from django.core.mail.backends.locmem import EmailBackend

    for n in (1, 2):
        send = start_send(make_issue())
        with mock.patch.object(EmailBackend, "send_messages", side_effect=refused):
            mailing.run(once=True)
        assert send.deliveries.get().status == Status.FAILED
        person.refresh_from_db()
        assert person.hard_bounces == n
    assert person.suppressed_reason == "bounced"
    start_send(make_issue())
    mailing.run(once=True)
    assert mail.outbox == []


def test_rows_claimed_by_a_dead_worker_are_taken_back_after_the_lease(make_issue, settings):
    SubscriberFactory.create_batch(3)
    start_send(make_issue())
    assert len(mailing.claim_batch("dead-worker", 10)) == 3  # ...and then it died
    assert mailing.claim_batch("w2", 10) == []
    Delivery.objects.update(claimed_at=timezone.now() - timedelta(seconds=121))
    mailing.run(once=True)
    assert len(mail.outbox) == 3


def test_a_row_taken_back_from_a_slow_worker_is_still_sent_only_once(make_issue):
    SubscriberFactory()
    start_send(make_issue())
    slow = mailing.claim_batch("slow", 10)
    Delivery.objects.update(claimed_at=timezone.now() - timedelta(seconds=121))
    fast = mailing.claim_batch("fast", 10)
    mailing.deliver_batch(fast, "fast", mailing.Pacer(0), {})
    mailing.deliver_batch(slow, "slow", mailing.Pacer(0), {})  # its claim is no longer its own
    assert len(mail.outbox) == 1


def test_one_connection_per_batch_of_the_configured_size(make_issue, settings):
    settings.NEWSLETTER_MESSAGES_PER_CONNECTION = 2
    SubscriberFactory.create_batch(5)
    start_send(make_issue())
    opened = []
    from django.core.mail.backends.locmem import EmailBackend

    real_init = EmailBackend.__init__

    def counting_init(self, *args, **kwargs):
        opened.append(self)
        real_init(self, *args, **kwargs)

    with mock.patch.object(EmailBackend, "__init__", counting_init):
        mailing.run(once=True)
    assert len(mail.outbox) == 5
    assert len(opened) == 3


def test_the_pacer_spaces_messages_at_the_configured_rate():
    sleeps = []
    with (
        mock.patch("newsletter.mailing.time.sleep", side_effect=sleeps.append),
        mock.patch("newsletter.mailing.time.monotonic", return_value=100.0),
    ):
        pacer = mailing.Pacer(rate=4)
        for _ in range(3):
            pacer.wait()
    assert sleeps == [0.25, 0.5]


def test_a_new_opt_in_lifts_a_suppression(make_issue, signup, client):
    from .conftest import confirm_link

    person = SubscriberFactory(
        email="back@example.org", suppressed_at=timezone.now(), suppressed_reason="bounced"
    )
    signup("back@example.org")
    assert Subscriber.objects.get(pk=person.pk).status == Subscriber.Status.PENDING
    client.post(confirm_link(mail.outbox[-1]))
    person.refresh_from_db()
    assert (person.status, person.suppressed_at, person.hard_bounces) == ("confirmed", None, 0)
