"""Subscription state changes. Each runs in one transaction and logs its consent event.

Concurrency: the unique `email_normalized` is the single source of truth. Sign-ups insert
unless the address exists (ON CONFLICT DO NOTHING), then lock the row, so
racing requests for the same address end with one row and no error; confirm and unsubscribe
are conditional UPDATEs, so only one of several racing requests changes the state (and sends
email).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import ratelimit
from .models import ConsentEvent, ConsentText, Subscriber, SuppressedReason, Suppression
from .tokens import hash_token, is_well_formed_confirmation_token

logger = logging.getLogger(__name__)

Status = Subscriber.Status
Event = ConsentEvent.Event


def _log(subscriber, event, *, consent_text=None, source="", locale=""):
    return ConsentEvent.objects.create(
        subscriber=subscriber,
        event=event,
        consent_text=consent_text,
        source=(source or "")[:255],
        locale=(locale or "")[:16],
    )


def _insert_if_new(subscriber):
    """Insert the row unless its address is already known (INSERT ... ON CONFLICT DO NOTHING).

    The unique address decides between racing requests. One statement whether or not the address
    exists: a failed INSERT inside a savepoint would cost a known address an extra round trip,
    and that difference in time would tell that it is known. Subscribers have no save signals."""
    Subscriber.objects.bulk_create([subscriber], ignore_conflicts=True)


def _enqueue_confirmation(subscriber_id, *, send):
    """Queue the confirmation email; with send=False, do the same work and throw it away.

    With the database queue (production) the task is a row written in the caller's
    transaction, so a savepoint rollback removes it and both cases cost the same. Other
    backends run after the commit (development, tests); nothing is timed there."""
    from django_tasks_db.backend import DatabaseBackend

    from .tasks import enqueue_confirmation_email, send_confirmation_email

    if not send and not isinstance(send_confirmation_email.get_backend(), DatabaseBackend):
        return
    savepoint = transaction.savepoint()
    enqueue_confirmation_email(subscriber_id)
    if send:
        transaction.savepoint_commit(savepoint)
    else:
        transaction.savepoint_rollback(savepoint)


def subscribe(*, email, email_normalized, regions=(), themes=(), consent_text=None, source="", locale=""):
    """Record a sign-up and queue a confirmation email; returns the subscriber.

    Whatever the address's state, the caller shows the same response, so nobody can learn
    whether an address is on the list. A confirmed address is left as it is; a pending or
    unsubscribed one gets (after the throttle) a new confirmation link.

    The response time must not tell either, so every path does the same work: the same
    queries, the same rate-limit round trip and the same enqueue. What a confirmed address
    must not change (its row, interests, consent log) and an email the throttle holds back
    are done inside a savepoint and rolled back, instead of being skipped."""
    consent_text = consent_text or ConsentText.current()
    may_email = ratelimit.allow_confirmation_email(email_normalized)
    with transaction.atomic():
        _insert_if_new(Subscriber(email=email, email_normalized=email_normalized, locale=(locale or "")[:16]))
        subscriber = Subscriber.objects.select_for_update().get(email_normalized=email_normalized)
        # A suppressed address (it bounced) opts in again like an unsubscribed one.
        confirmed = subscriber.status == Status.CONFIRMED and subscriber.suppressed_at is None
        changes = transaction.savepoint()
        # New, pending, or unsubscribed and opting in again: a new double opt-in starts.
        subscriber.email = email
        subscriber.status = Status.PENDING
        subscriber.locale = (locale or "")[:16]
        subscriber.save(update_fields=["email", "status", "locale", "updated_at"])
        subscriber.regions.set(regions)
        subscriber.themes.set(themes)
        _log(subscriber, Event.SUBSCRIBED, consent_text=consent_text, source=source, locale=locale)
        if confirmed:
            transaction.savepoint_rollback(changes)
        else:
            transaction.savepoint_commit(changes)
        _enqueue_confirmation(subscriber.pk, send=may_email and not confirmed)
        subscriber.refresh_from_db()  # what was kept (on every path, for the same reason)
    return subscriber


def find_by_token(token):
    """The subscriber a still-valid confirmation token was made for, whatever its status now."""
    if not is_well_formed_confirmation_token(token):
        return None
    return (
        Subscriber.objects.filter(token_hash=hash_token(token), token_expires_at__gt=timezone.now())
        .only("pk", "email", "status")
        .first()
    )


def confirm(token, *, source="", locale=""):
    """Confirm the subscription the token belongs to. Returns (subscriber, changed)."""
    from .tasks import enqueue_welcome_email

    subscriber = find_by_token(token)
    if subscriber is None:
        return None, False
    token_hash = hash_token(token)
    now = timezone.now()
    with transaction.atomic():
        # Only the request that flips pending -> confirmed gets changed == 1. The used token's
        # hash stays until it expires, so a second click reads "already confirmed", not "invalid".
        changed = Subscriber.objects.filter(
            pk=subscriber.pk, token_hash=token_hash, status=Status.PENDING, token_expires_at__gt=now
        ).update(
            status=Status.CONFIRMED,
            confirmed_at=now,
            unsubscribed_at=None,
            updated_at=now,
            # A new opt-in from the mailbox itself outweighs its old bounces and complaints.
            hard_bounces=0,
            suppressed_at=None,
            suppressed_reason="",
        )
        if not changed:
            subscriber.refresh_from_db()
            return subscriber, False
        subscriber.refresh_from_db()
        last_signup = (
            subscriber.consent_events.filter(event=Event.SUBSCRIBED).order_by("-created_at", "-pk").first()
        )
        _log(
            subscriber,
            Event.CONFIRMED,
            consent_text=last_signup.consent_text if last_signup else None,
            source=source,
            locale=locale,
        )
        # The person opted in again themselves, which is what the suppression waited for.
        Suppression.objects.filter(email_hash=Suppression.hash_for(subscriber.email_normalized)).delete()
        enqueue_welcome_email(subscriber.pk)
    return subscriber, True


def unsubscribe(subscriber_id, *, source="", locale=""):
    """Stop all mail to the subscriber. Returns (subscriber or None, changed)."""
    now = timezone.now()
    with transaction.atomic():
        changed = Subscriber.objects.filter(
            pk=subscriber_id, status__in=[Status.PENDING, Status.CONFIRMED]
        ).update(
            status=Status.UNSUBSCRIBED,
            token_hash="",
            token_expires_at=None,
            unsubscribed_at=now,
            updated_at=now,
        )
        subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
        if changed:
            # Interests serve only the mailing; without it they are not kept.
            subscriber.regions.clear()
            subscriber.themes.clear()
            _log(subscriber, Event.UNSUBSCRIBED, source=source, locale=locale)
    return subscriber, bool(changed)


def suppress(subscriber_id, reason):
    """Stop all mail to an address that bounces or complained (until it opts in again)."""
    now = timezone.now()
    return Subscriber.objects.filter(pk=subscriber_id, suppressed_at__isnull=True).update(
        suppressed_at=now, suppressed_reason=reason, updated_at=now
    )


def record_hard_bounce(subscriber_id):
    """Count a permanent delivery failure; enough of them suppress the address."""
    limit = getattr(settings, "NEWSLETTER_HARD_BOUNCE_LIMIT", 3)
    with transaction.atomic():
        Subscriber.objects.filter(pk=subscriber_id).update(hard_bounces=F("hard_bounces") + 1)
        if Subscriber.objects.filter(pk=subscriber_id, hard_bounces__gte=limit).exists():
            suppress(subscriber_id, SuppressedReason.BOUNCED)


def record_complaint(subscriber_id, *, source=""):
    """Somebody marked our email as spam: that withdraws consent, and nothing more is sent."""
    with transaction.atomic():
        unsubscribe(subscriber_id, source=source or "complaint")
        suppress(subscriber_id, SuppressedReason.COMPLAINED)


def erase(subscriber, *, source="admin"):
    """GDPR erasure: anonymise the row, keep the consent log and a hashed suppression entry."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Status.ERASED:
            return subscriber
        Suppression.objects.get_or_create(email_hash=Suppression.hash_for(subscriber.email_normalized))
        placeholder = f"erased-{subscriber.pk}@erased.invalid"
        subscriber.email = placeholder
        subscriber.email_normalized = placeholder
        subscriber.status = Status.ERASED
        subscriber.token_hash = ""
        subscriber.token_expires_at = None
        subscriber.locale = ""
        subscriber.erased_at = timezone.now()
        subscriber.save()
        subscriber.regions.clear()
        subscriber.themes.clear()
        _log(subscriber, Event.ERASED, source=source)
    return subscriber


def export_data(subscriber):
    """Everything stored about a subscriber, for a GDPR access request (JSON-serialisable)."""

    def iso(value):
        return value.isoformat() if value else None

    events = subscriber.consent_events.select_related("consent_text").order_by("created_at", "pk")
    return {
        "email": subscriber.email,
        "email_normalized": subscriber.email_normalized,
        "status": subscriber.status,
        "language": subscriber.locale,
        "signed_up": iso(subscriber.created_at),
        "confirmed": iso(subscriber.confirmed_at),
        "unsubscribed": iso(subscriber.unsubscribed_at),
        "erased": iso(subscriber.erased_at),
        "interests": {
            "regions": [region.title for region in subscriber.regions.order_by("sort_name")],
            "themes": [theme.name for theme in subscriber.themes.order_by("sort_name")],
        },
        "consent_log": [
            {
                "event": event.event,
                "time": iso(event.created_at),
                "consent_version": event.consent_version,
                "consent_sha256": event.consent_hash,
                "consent_statement": event.consent_text.text if event.consent_text else None,
                "source": event.source,
                "language": event.locale,
            }
            for event in events
        ],
    }
