"""Email sending through the task framework: retries, the database queue, an SMTP outage."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletter.models import Subscriber

from .conftest import signup_data

DB_BACKEND = {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}
IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


class FlakySMTP:
    """Fails `failures` times, then delivers to the test outbox."""

    def __init__(self, failures):
        self.failures = failures
        self.calls = 0

    def __call__(self, messages_self, *args, **kwargs):
        self.calls += 1
        if self.calls <= self.failures:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return self.original(messages_self, *args, **kwargs)


@pytest.fixture
def flaky_smtp():
    from django.core.mail.backends.locmem import EmailBackend

    def install(failures):
        flaky = FlakySMTP(failures)
        flaky.original = EmailBackend.send_messages
        patcher = mock.patch.object(EmailBackend, "send_messages", autospec=True, side_effect=flaky)
        patcher.start()
        install.patchers.append(patcher)
        return flaky

    install.patchers = []
    yield install
    for patcher in install.patchers:
        patcher.stop()


def test_smtp_outage_keeps_the_sign_up_and_answers_normally(signup, home_page, flaky_smtp, settings):
    settings.NEWSLETTER_EMAIL_RETRY_DELAYS = [1, 1]
    flaky = flaky_smtp(failures=100)
    response = signup("reader@example.org")
    assert response.status_code == 302
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert flaky.calls == 3  # first try and two retries
    assert mail.outbox == []


def test_a_failed_send_is_retried_until_it_goes_through(signup, home_page, flaky_smtp):
    flaky = flaky_smtp(failures=2)
    signup("reader@example.org")
    assert flaky.calls == 3
    assert len(mail.outbox) == 1
    # Each attempt made a new token; the one in the delivered email is the one that works.
    from django.test import Client

    from .conftest import confirm_link

    assert Client().get(confirm_link(mail.outbox[0])).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_database_queue_sends_only_when_the_worker_runs_and_reschedules_failures(
    client, home_page, settings, flaky_smtp
):
    from newsletter.factories import ConsentTextFactory

    ConsentTextFactory()
    settings.TASKS = {"default": IMMEDIATE, "email": DB_BACKEND}
    settings.NEWSLETTER_EMAIL_RETRY_DELAYS = [600]

    response = client.post("/newsletter/subscribe/", signup_data("reader@example.org"))
    assert response.status_code == 302
    assert mail.outbox == []  # nothing is sent on the request path
    task = DBTaskResult.objects.get()
    assert task.task_path == "newsletter.tasks.send_confirmation_email"
    # The queue holds the subscriber id only, never a token or an address.
    assert task.args_kwargs == {"args": [Subscriber.objects.get().pk], "kwargs": {}}

    flaky = flaky_smtp(failures=1)

    def run_worker():
        # What production runs, in batch mode: `manage.py db_worker --backend email`.
        call_command(
            "db_worker", "--backend", "email", "--batch", "--no-startup-delay", "--no-reload", verbosity=0
        )

    run_worker()
    assert flaky.calls == 1 and mail.outbox == []
    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == "FAILED"
    assert retry.status == "READY"
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now() + timedelta(seconds=590)

    run_worker()  # not due yet
    assert mail.outbox == []
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now() - timedelta(seconds=1))
    run_worker()
    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_emails_are_not_sent_to_addresses_that_left_meanwhile(db):
    from newsletter.tasks import send_confirmation_email, send_welcome_email

    gone = Subscriber.objects.create(
        email="a@example.org", email_normalized="a@example.org", status="unsubscribed"
    )
    assert send_confirmation_email.call(gone.pk) == "skipped"
    assert send_welcome_email.call(gone.pk) == "skipped"
    assert send_welcome_email.call(987654) == "skipped"
    assert mail.outbox == []
