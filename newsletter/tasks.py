"""Email sending, off the request path on the "email" task backend (a database queue).

Task arguments hold only the subscriber id: the confirmation token is made when the email
is built, so the raw token is never written to the queue table. A send that fails on an
SMTP or network error is queued again with a growing delay (NEWSLETTER_EMAIL_RETRY_DELAYS)
and the failed attempt is recorded as failed by the worker; the subscriber row is
untouched either way.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

from .emails import build_message, confirm_url
from .models import Subscriber
from .tokens import new_confirmation_token

logger = logging.getLogger(__name__)

EMAIL_BACKEND_ALIAS = "email"
SEND_ERRORS = (smtplib.SMTPException, OSError)


def _retry(task_obj, subscriber_id, attempt, exc):
    delays = list(getattr(settings, "NEWSLETTER_EMAIL_RETRY_DELAYS", [60, 300, 1800]))
    if attempt > len(delays):
        logger.error(
            "Giving up on %s for subscriber %s after %d attempts: %s",
            task_obj.name,
            subscriber_id,
            attempt,
            exc,
        )
        return
    logger.warning("Sending %s to subscriber %s failed (%s); retrying", task_obj.name, subscriber_id, exc)
    if task_obj.get_backend().supports_defer:
        task_obj = task_obj.using(run_after=timezone.now() + timedelta(seconds=delays[attempt - 1]))
    task_obj.enqueue(subscriber_id, attempt=attempt + 1)


@task(backend=EMAIL_BACKEND_ALIAS)
def send_confirmation_email(subscriber_id, attempt=1):
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_id).first()
        if subscriber is None or subscriber.status != Subscriber.Status.PENDING:
            return "skipped"
        # A fresh token per attempt: only the newest link works, and only its hash is kept.
        token, token_hash, expires_at = new_confirmation_token()
        subscriber.token_hash = token_hash
        subscriber.token_expires_at = expires_at
        subscriber.save(update_fields=["token_hash", "token_expires_at", "updated_at"])
    message = build_message(
        subscriber,
        "confirmation",
        {"confirm_url": confirm_url(token, subscriber), "hours": settings.NEWSLETTER_CONFIRMATION_HOURS},
    )
    try:
        message.send()
    except SEND_ERRORS as exc:
        _retry(send_confirmation_email, subscriber_id, attempt, exc)
        raise
    return "sent"


@task(backend=EMAIL_BACKEND_ALIAS)
def send_welcome_email(subscriber_id, attempt=1):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).prefetch_related("regions", "themes").first()
    if subscriber is None or subscriber.status != Subscriber.Status.CONFIRMED:
        return "skipped"
    message = build_message(
        subscriber,
        "welcome",
        {"regions": list(subscriber.regions.all()), "themes": list(subscriber.themes.all())},
    )
    try:
        message.send()
    except SEND_ERRORS as exc:
        _retry(send_welcome_email, subscriber_id, attempt, exc)
        raise
    return "sent"


def enqueue_with_transaction(task_obj, subscriber_id):
    """Queue an email so that it exists exactly when the caller's transaction commits.

    A database queue takes its row inside that transaction: one commit instead of two, and no
    moment in which a crash after the commit loses the email. Any other backend (the immediate
    one in tests and development) runs after the commit, so it sees the committed row."""
    from django_tasks_db.backend import DatabaseBackend

    if isinstance(task_obj.get_backend(), DatabaseBackend):
        task_obj.enqueue(subscriber_id)
    else:
        transaction.on_commit(lambda: task_obj.enqueue(subscriber_id), robust=True)


def enqueue_confirmation_email(subscriber_id):
    enqueue_with_transaction(send_confirmation_email, subscriber_id)


def enqueue_welcome_email(subscriber_id):
    enqueue_with_transaction(send_welcome_email, subscriber_id)


@task(backend=EMAIL_BACKEND_ALIAS)
def send_issue_test(issue_id, address):
    """An issue as it is now, to an editor's own address (its unsubscribe link does nothing)."""
    from .models import NewsletterIssuePage
    from .rendering import RenderedIssue

    issue = NewsletterIssuePage.objects.filter(pk=issue_id).first()
    if issue is None:
        return "skipped"
    rendered = RenderedIssue.render(issue.get_latest_revision_as_object())
    rendered.subject = f"[{gettext('Test')}] {rendered.subject}"
    rendered.message(None, to=address).send()
    return "sent"
