"""A worker killed with SIGKILL halfway through a 2,000-recipient send, then started again:
every recipient gets exactly one email.

The worker is a real `manage.py newsletter_worker` process talking to a real SMTP server on
loopback; the kill comes from outside at whatever point the worker has reached. PostgreSQL only:
the worker process needs to see the test's committed rows."""

import collections
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from newsletter.models import Delivery, IssueSend, Subscriber

from .conftest import free_port, start_send

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 2000


class CountingSink:
    def __init__(self):
        self.recipients = collections.Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.recipients.update(envelope.rcpt_tos)
        return "250 OK"

    @property
    def total(self):
        with self.lock:
            return sum(self.recipients.values())


def start_worker(port, lease):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.newsletter.worker_settings",
        "WORKER_DB_NAME": connection.settings_dict["NAME"],
        "WORKER_SMTP_PORT": str(port),
        "NEWSLETTER_SEND_RATE": "0",
        "NEWSLETTER_MESSAGES_PER_CONNECTION": "50",
        "NEWSLETTER_CLAIM_LEASE_SECONDS": str(lease),
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "newsletter_worker", "--once"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_worker_killed_halfway_and_restarted_sends_everyone_exactly_one_email(make_issue):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can share with the test (PostgreSQL)")
    Subscriber.objects.bulk_create(
        Subscriber(email=f"r{i}@example.org", email_normalized=f"r{i}@example.org", status="confirmed")
        for i in range(RECIPIENTS)
    )
    send = start_send(make_issue(title="Crash test issue"))
    assert send.audience_size == RECIPIENTS

    sink = CountingSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        worker = start_worker(port, lease=120)
        deadline = time.monotonic() + 120
        while sink.total < RECIPIENTS // 2 and worker.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert worker.poll() is None, worker.stderr.read().decode()
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        time.sleep(0.2)  # let the server finish with the dropped connection
        halfway = sink.total
        assert RECIPIENTS // 2 <= halfway < RECIPIENTS
        assert Delivery.objects.filter(status=Delivery.Status.SENT).count() >= halfway
        stranded = Delivery.objects.filter(status=Delivery.Status.SENDING).count()

        # The restarted worker takes the dead one's claimed rows back at once (lease 0 here;
        # in production, after NEWSLETTER_CLAIM_LEASE_SECONDS).
        restarted = start_worker(port, lease=0)
        assert restarted.wait(timeout=300) == 0, restarted.stderr.read().decode()
        time.sleep(0.2)
    finally:
        controller.stop()

    duplicates = {address: n for address, n in sink.recipients.items() if n > 1}
    assert duplicates == {}
    assert len(sink.recipients) == RECIPIENTS, f"{RECIPIENTS - len(sink.recipients)} missing"
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == RECIPIENTS
    send.refresh_from_db()
    assert send.status == IssueSend.Status.DONE
    print(f"killed after {halfway} messages with {stranded} rows claimed and unsent")
