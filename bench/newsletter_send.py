#!/usr/bin/env python
"""Deliver one newsletter issue to N recipients through a local SMTP sink (aiosmtpd).

    .venv/bin/python bench/newsletter_send.py                  # 10,000 recipients
    .venv/bin/python bench/newsletter_send.py --recipients 2000 --rate 0 --per-connection 100
    .venv/bin/python bench/newsletter_send.py --workers 4          # four processes share the send

Uses the PostgreSQL database iurc_bench_newsletter (made and migrated here), production settings
and real `manage.py newsletter_worker --once` processes (claims use SKIP LOCKED, so several
workers share one send), unthrottled unless --rate is given.
Prints: time to create the delivery rows, the worker's wall time and emails/s (process start to
exit, and first to last message at the sink), the worker's peak memory (max RSS, from wait4),
and a check that every recipient got exactly one email.
"""

import argparse
import collections
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.run import BASE_DIR, PY, environment, manage, psql

DATABASE = "iurc_bench_newsletter"


class Sink:
    def __init__(self):
        self.recipients = collections.Counter()
        self.first = self.last = None
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        now = time.monotonic()
        with self.lock:
            self.recipients.update(envelope.rcpt_tos)
            self.first = self.first or now
            self.last = now
        return "250 OK"


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_database(env):
    exists = psql("postgres", f"select 1 from pg_database where datname = '{DATABASE}'")
    if not exists:
        psql("postgres", f"create database {DATABASE}")
    manage(env, "migrate", "--noinput", "-v", "0")


def prepare(recipients):
    """An issue and `recipients` confirmed subscribers; old sends and subscribers are removed."""
    import django

    django.setup()
    from wagtail.models import Site

    from iurc_portal.core.factories import make_site_with_home
    from newsletter.factories import (
        NewsletterArchivePageFactory,
        NewsletterIssuePageFactory,
        NewsletterPageFactory,
    )
    from newsletter.models import Delivery, IssueSend, NewsletterArchivePage, NewsletterIssuePage, Subscriber

    Delivery.objects.all().delete()
    IssueSend.objects.all().delete()
    NewsletterIssuePage.objects.all().delete()
    Subscriber.regions.through.objects.all().delete()
    Subscriber.themes.through.objects.all().delete()
    Subscriber.objects.all().delete()
    archive = NewsletterArchivePage.objects.first()
    if archive is None:
        home = Site.objects.get(is_default_site=True).root_page if Site.objects.exists() else None
        if home is None or home.specific_class.__name__ != "HomePage":
            home = make_site_with_home()
        newsletter = NewsletterPageFactory(parent=home)
        archive = NewsletterArchivePageFactory(parent=newsletter)
    issue = NewsletterIssuePageFactory(
        parent=archive,
        title="Benchmark issue",
        body=[
            ("heading", "Dear readers"),
            ("latest_news", {"heading": "Latest news", "count": 5}),
            ("upcoming_events", {"heading": "Coming up", "count": 5}),
        ],
    )
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"reader{i}@example.org", email_normalized=f"reader{i}@example.org", status="confirmed"
            )
            for i in range(recipients)
        ),
        batch_size=5000,
    )
    return issue


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=0, help="messages per second (0: unthrottled)")
    parser.add_argument("--per-connection", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1, help="worker processes sharing the send")
    parser.add_argument(
        "--profile", metavar="FILE", help="run the (first) worker under cProfile, stats to FILE"
    )
    args = parser.parse_args()

    from aiosmtpd.controller import Controller

    port = free_port()
    env = environment(
        DATABASE,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        NEWSLETTER_SEND_RATE=str(args.rate),
        NEWSLETTER_MESSAGES_PER_CONNECTION=str(args.per_connection),
    )
    ensure_database(env)
    os.environ.update(env)
    issue = prepare(args.recipients)

    from newsletter import mailing
    from newsletter.models import Delivery, IssueSend

    IssueSend.objects.create(issue=issue)
    started = time.monotonic()
    [send] = mailing.start_due_sends()
    rows_seconds = time.monotonic() - started

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        started = time.monotonic()
        command = [PY, "manage.py", "newsletter_worker", "--once"]
        profiled = [PY, "-m", "cProfile", "-o", args.profile, *command[1:]] if args.profile else command
        workers = [
            subprocess.Popen(profiled if number == 0 else command, cwd=BASE_DIR, env=env)
            for number in range(args.workers)
        ]
        results = [os.wait4(worker.pid, 0) for worker in workers]
        wall = time.monotonic() - started
        status = max(os.waitstatus_to_exitcode(result[1]) for result in results)
        peak_rss = max(result[2].ru_maxrss for result in results)
        time.sleep(0.5)
    finally:
        controller.stop()

    sent = Delivery.objects.filter(send=send, status="sent").count()
    got = len(sink.recipients)
    twice = sum(1 for n in sink.recipients.values() if n > 1)
    window = (sink.last - sink.first) if sink.first and sink.last and sink.last > sink.first else wall
    print(f"recipients:                {args.recipients}")
    print(f"delivery rows + snapshot:  {rows_seconds:.2f} s")
    print(
        f"workers:                   {args.workers} (rate limit {args.rate or 'none'}, {args.per_connection} per connection)"
    )
    print(f"worker exit status:        {status}")
    print(
        f"worker wall time:          {wall:.1f} s  -> {args.recipients / wall:.0f} emails/s (start to exit)"
    )
    print(f"first to last message:     {window:.1f} s  -> {got / window:.0f} emails/s at the sink")
    print(f"worker peak memory (RSS):  {peak_rss / 1024:.0f} MiB per worker process")
    print(f"received: {got} distinct, {twice} twice; rows marked sent: {sent}")
    if got != args.recipients or twice or sent != args.recipients:
        sys.exit("delivery check failed")


if __name__ == "__main__":
    main()
