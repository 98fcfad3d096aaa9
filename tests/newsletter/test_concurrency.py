"""Racing requests, on PostgreSQL (CI); SQLite serialises writers, so these are skipped there."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import Client

from newsletter.factories import ConsentTextFactory
from newsletter.models import ConsentEvent, Subscriber

from .conftest import confirm_link, signup_data

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"),
]


@pytest.fixture(autouse=True)
def _setup(home_page, settings):
    ConsentTextFactory()
    settings.NEWSLETTER_RATE_LIMITS = {"ip": (10_000, 3600)}


def run_in_parallel(count, work):
    """Start `count` calls of work(i) at the same moment; each thread uses its own connection."""
    barrier = threading.Barrier(count)

    def job(i):
        try:
            barrier.wait(timeout=30)
            return work(i)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(job, range(count)))


def test_twenty_racing_sign_ups_of_one_address_give_one_row_and_no_error():
    variants = ["reader@example.org", " Reader@Example.org", "READER@EXAMPLE.ORG ", "reader@EXAMPLE.org\t"]

    def work(i):
        return Client().post("/newsletter/subscribe/", signup_data(variants[i % len(variants)])).status_code

    statuses = run_in_parallel(20, work)
    assert statuses == [302] * 20
    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().email_normalized == "reader@example.org"
    assert ConsentEvent.objects.filter(event="subscribed").count() == 20
    assert len(mail.outbox) == 1  # the re-send throttle holds under the race too


def test_two_hundred_distinct_addresses_in_parallel_give_two_hundred_rows():
    def work(i):
        client = Client()
        return [
            client.post("/newsletter/subscribe/", signup_data(f"person{i * 10 + n}@example.org")).status_code
            for n in range(10)
        ]

    statuses = [status for batch in run_in_parallel(20, work) for status in batch]
    assert statuses == [302] * 200
    assert Subscriber.objects.count() == 200
    assert Subscriber.objects.filter(status="pending").count() == 200
    assert len(mail.outbox) == 200


def test_ten_racing_confirms_change_the_state_once_and_send_one_welcome_email():
    Client().post("/newsletter/subscribe/", signup_data("reader@example.org"))
    link = confirm_link(mail.outbox[0])
    mail.outbox.clear()
    clients = [Client() for _ in range(10)]

    statuses = run_in_parallel(10, lambda i: clients[i].post(link).status_code)

    assert statuses == [200] * 10  # the losers are told it's already confirmed
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.consent_events.filter(event="confirmed").count() == 1
    assert [message.subject for message in mail.outbox] == ["Welcome to IURC news"]
