"""Delivering issues: the worker behind `manage.py newsletter_worker`.

1. A send whose time has come gets one Delivery row per recipient, all at once, in the
   transaction that marks it started (the unique (send, subscriber) pair makes this idempotent),
   and a snapshot of the rendered issue.
2. The worker claims a batch of due rows (queued -> sending, SKIP LOCKED on PostgreSQL), opens
   one SMTP connection for the batch and sends at the configured rate.
3. Each row turns "sent" in a conditional UPDATE, which also checks that the subscriber is still
   confirmed and not suppressed, just before the message's final dot goes out (newsletter.smtp).
   Someone who unsubscribes during a send is skipped from then on; a killed worker's claimed
   but unsent rows go back to the queue after NEWSLETTER_CLAIM_LEASE_SECONDS, and a sent row is
   never sent again.
4. Temporary SMTP errors (4xx, a dropped connection before the commit) retry after
   NEWSLETTER_DELIVERY_RETRY_DELAYS; permanent ones (5xx) fail the row, and a refused mailbox
   counts as a hard bounce.
"""

import logging
import os
import smtplib
import socket
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from wagtail.search import index

from iurc_portal.core.cache import bump_generation

from . import services
from .audience import audience
from .emails import from_email
from .models import Delivery, IssueSend, Subscriber
from .rendering import RenderedIssue
from .smtp import Declined, send_held

logger = logging.getLogger(__name__)

QUEUED, SENDING, SENT = Delivery.Status.QUEUED, Delivery.Status.SENDING, Delivery.Status.SENT
FAILED, SKIPPED = Delivery.Status.FAILED, Delivery.Status.SKIPPED


def setting(name, default):
    return getattr(settings, name, default)


def new_worker_id():
    return f"{socket.gethostname()[:20]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def start_due_sends(now=None):
    """Start every scheduled send whose time has come; returns the started sends."""
    now = now or timezone.now()
    started = []
    due = IssueSend.objects.filter(status=IssueSend.Status.SCHEDULED, send_at__lte=now)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            send = (
                IssueSend.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=IssueSend.Status.SCHEDULED)
                .select_related("issue")
                .first()
            )
            if send is None:
                continue
            issue = send.issue
            send.started_at = now
            issue.issue_send = send  # "latest news" is measured from now
            recipients = audience(issue).values_list("pk", flat=True)
            Delivery.objects.bulk_create(
                (Delivery(send=send, subscriber_id=pk, next_attempt_at=now) for pk in recipients.iterator()),
                batch_size=2000,
                ignore_conflicts=True,
            )
            rendered = RenderedIssue.render(issue)
            send.subject, send.html, send.text, send.web_url = (
                rendered.subject,
                rendered.html,
                rendered.text,
                rendered.web_url,
            )
            send.audience_size = send.deliveries.count()
            send.status = IssueSend.Status.SENDING
            send.save()
        started.append(send)
        # From now on the issue is public: in the archive, the search index and fresh pages.
        index.insert_or_update_object(issue)
        bump_generation()
        logger.info("Issue %s: sending to %d subscribers", issue.pk, send.audience_size)
    return started


def claim_batch(worker_id, size, now=None):
    """Claim up to `size` due rows for this worker (and rows a dead worker left claimed)."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=setting("NEWSLETTER_CLAIM_LEASE_SECONDS", 120))
    claimable = Q(status=QUEUED, next_attempt_at__lte=now) | Q(status=SENDING, claimed_at__lt=stale)
    with transaction.atomic():
        ids = list(
            Delivery.objects.filter(claimable, send__status=IssueSend.Status.SENDING)
            .order_by("pk")
            .select_for_update(skip_locked=True, of=("self",))
            .values_list("pk", flat=True)[:size]
        )
        if ids:
            # Conditional again: on SQLite (no row locks) a racing worker may have got there first.
            Delivery.objects.filter(claimable, pk__in=ids).update(
                status=SENDING, claimed_by=worker_id, claimed_at=now
            )
    return list(
        Delivery.objects.filter(pk__in=ids, status=SENDING, claimed_by=worker_id)
        .select_related("subscriber")
        .order_by("pk")
    )


class Pacer:
    """At most `rate` messages a second (0: as fast as the server takes them)."""

    def __init__(self, rate):
        self.interval = 1.0 / rate if rate else 0.0
        self.next_at = time.monotonic()

    def wait(self):
        if not self.interval:
            return
        now = time.monotonic()
        if self.next_at > now:
            time.sleep(self.next_at - now)
        self.next_at = max(self.next_at, now) + self.interval


def relaxed_durability():
    """One commit per message would wait for a disk flush each time (tens of ms on a busy disk).

    PostgreSQL's `synchronous_commit = off`, for the worker's own connection, returns before the
    flush: the row is committed and visible to every other session at once, so a killed worker
    changes nothing; only a crash of PostgreSQL itself can lose the last fraction of a second of
    "sent" marks, and those few messages would then be sent again. Set for each batch, as the
    connection may have been replaced since the last one."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")


def mark_sent_sql():
    """The UPDATE that records one message as sent, if its row is still this worker's and the
    subscriber still confirmed and not suppressed (one statement, so it commits on its own).

    Written once, not built by the ORM per message: compiling the same UPDATE took 1.3 ms a
    message, a quarter of what a message may cost at 200 a second. `tests/newsletter` check it
    against the rules it encodes (a subscriber who leaves, a row taken back by another worker)."""
    delivery, subscriber = Delivery._meta, Subscriber._meta
    d = {name: delivery.get_field(name).column for name in ("status", "sent_at", "attempts", "error")}
    d.update(id=delivery.pk.column, claimed_by=delivery.get_field("claimed_by").column)
    d.update(subscriber=delivery.get_field("subscriber").column)
    s = {name: subscriber.get_field(name).column for name in ("status", "suppressed_at")}
    rows, people = delivery.db_table, subscriber.db_table
    # Names come from the models' own metadata; every value is a query parameter.
    return (
        f"UPDATE {rows} SET {d['status']} = %s, {d['sent_at']} = %s, "  # noqa: S608
        f"{d['attempts']} = {d['attempts']} + 1, {d['error']} = '' "
        f"WHERE {d['id']} = %s AND {d['claimed_by']} = %s AND {d['status']} = %s "
        f"AND EXISTS (SELECT 1 FROM {people} WHERE {people}.{subscriber.pk.column} = "
        f"{rows}.{d['subscriber']} AND {people}.{s['status']} = %s AND {people}.{s['suppressed_at']} IS NULL)"
    )


MARK_SENT_SQL = mark_sent_sql()


def _mine(delivery, worker_id, status):
    return Delivery.objects.filter(pk=delivery.pk, claimed_by=worker_id, status=status)


def _retry_or_fail(delivery, worker_id, status, error, *, permanent=False):
    delays = setting("NEWSLETTER_DELIVERY_RETRY_DELAYS", [60, 300, 1800, 7200])
    attempts = delivery.attempts + 1
    rows = _mine(delivery, worker_id, status)
    if permanent or attempts > len(delays):
        rows.update(status=FAILED, attempts=attempts, error=str(error)[:255])
        return FAILED
    rows.update(
        status=QUEUED,
        attempts=attempts,
        next_attempt_at=timezone.now() + timedelta(seconds=delays[attempts - 1]),
        claimed_by="",
        error=str(error)[:255],
    )
    return QUEUED


def _smtp_code(exc, recipient):
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return exc.recipients.get(recipient, (0, b""))[0]
    return getattr(exc, "smtp_code", 0) or 0


def deliver_one(delivery, worker_id, rendered, backend):
    """Send one claimed row; returns its new status."""
    subscriber = delivery.subscriber
    idstring = f"issue{delivery.send_id}.{delivery.pk}"
    recipient = subscriber.delivery_address
    committed = False
    held = isinstance(backend, SMTPBackend)

    def commit():
        nonlocal committed
        with connection.cursor() as cursor:
            cursor.execute(
                MARK_SENT_SQL,
                [SENT, timezone.now(), delivery.pk, worker_id, SENDING, Subscriber.Status.CONFIRMED],
            )
            committed = cursor.rowcount == 1
        return committed

    try:
        if held:
            if backend.connection is None:
                backend.open()
            raw = rendered.raw_message(subscriber, idstring=idstring)
            send_held(backend.connection, from_email(), recipient, raw, commit)
        else:
            message = rendered.message(subscriber, idstring=idstring)
            # Console, file and test backends cannot hold the final dot: record, then hand over;
            # an error from them means nothing was handed over.
            if not commit():
                raise Declined
            backend.send_messages([message])
        return SENT
    except Declined:
        backend.close()
        _mine(delivery, worker_id, SENDING).update(status=SKIPPED, error="left the list during the send")
        return SKIPPED
    except (smtplib.SMTPException, OSError) as exc:
        code = _smtp_code(exc, recipient)
        if not isinstance(exc, (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused)):
            backend.close()  # the connection's state is unknown: start the next message afresh
        if held and committed and not code:
            # The dot went out but no answer came back: the server may have the message.
            # Sending it again could make a duplicate, so the row stays "sent".
            logger.warning("No reply after sending delivery %s: counted as sent", delivery.pk)
            return SENT
        status = SENT if committed else SENDING
        if isinstance(exc, smtplib.SMTPRecipientsRefused) and code >= 500:
            services.record_hard_bounce(subscriber.pk)
        return _retry_or_fail(delivery, worker_id, status, exc, permanent=code >= 500)


def deliver_batch(deliveries, worker_id, pacer, renders):
    """Send a claimed batch over one connection."""
    relaxed_durability()
    backend = get_connection(fail_silently=False)
    try:
        for delivery in deliveries:
            if delivery.send_id not in renders:
                renders[delivery.send_id] = RenderedIssue.from_send(
                    IssueSend.objects.get(pk=delivery.send_id)
                )
            pacer.wait()
            deliver_one(delivery, worker_id, renders[delivery.send_id], backend)
    finally:
        backend.close()


def finish_sends(now=None):
    """Sends with nothing left to try are done."""
    waiting = Delivery.objects.filter(send=OuterRef("pk"), status__in=[QUEUED, SENDING])
    return (
        IssueSend.objects.filter(status=IssueSend.Status.SENDING)
        .exclude(Exists(waiting))
        .update(status=IssueSend.Status.DONE, finished_at=now or timezone.now())
    )


def run(*, once=False, worker_id=None, poll_seconds=5.0, stop=lambda: False):
    """The worker loop. `once`: stop when nothing is due (tests, cron, the benchmark)."""
    worker_id = worker_id or new_worker_id()
    pacer = Pacer(setting("NEWSLETTER_SEND_RATE", 20))
    per_connection = max(1, int(setting("NEWSLETTER_MESSAGES_PER_CONNECTION", 100)))
    renders = {}
    while not stop():
        start_due_sends()
        batch = claim_batch(worker_id, per_connection)
        if batch:
            deliver_batch(batch, worker_id, pacer, renders)
            continue
        finish_sends()
        if once:
            return
        time.sleep(poll_seconds)
