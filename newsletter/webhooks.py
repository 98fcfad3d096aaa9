"""Bounce and complaint reports from the email service, through django-anymail.

Anymail verifies the report and turns it into a normalised tracking event; the receiver below
decides what it means for the list. The service is Mailgun, whose webhooks carry an HMAC
signature (NEWSLETTER_MAILGUN_WEBHOOK_SIGNING_KEY); switching services means routing another
anymail tracking view, the receiver stays the same. Without a key the endpoint does not exist."""

import logging

from anymail.signals import EventType, tracking
from anymail.webhooks.mailgun import MailgunTrackingWebhookView
from django.conf import settings
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.http import Http404, HttpResponseBadRequest
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from . import services
from .models import Delivery, Subscriber
from .normalization import normalize_email

logger = logging.getLogger(__name__)


@method_decorator(never_cache, name="dispatch")
class BounceWebhookView(MailgunTrackingWebhookView):
    """Anymail's Mailgun tracking view (CSRF-exempt, signature-checked; a bad signature is a 400)."""

    http_method_names = ["post"]

    def __init__(self, **kwargs):
        if not getattr(settings, "ANYMAIL", {}).get("MAILGUN_WEBHOOK_SIGNING_KEY"):
            raise Http404
        super().__init__(**kwargs)

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except (ValueError, KeyError, TypeError, AttributeError):
            # Signed but not a report we can read: say so rather than fail.
            return HttpResponseBadRequest("Unreadable event.")


bounce_webhook = BounceWebhookView.as_view()


def _subscriber_for(address):
    try:
        normalized = normalize_email(address or "")
    except ValidationError:
        return None
    return Subscriber.objects.filter(email_normalized=normalized).only("pk").first()


@receiver(tracking, dispatch_uid="newsletter-bounces")
def handle_tracking_event(sender, event, esp_name, **kwargs):
    if event.event_type not in (EventType.BOUNCED, EventType.COMPLAINED):
        return  # deliveries, deferrals, opens (never collected) and the rest change nothing
    subscriber = _subscriber_for(event.recipient)
    if subscriber is None:
        return
    if event.event_type == EventType.COMPLAINED:
        services.record_complaint(subscriber.pk, source=f"{esp_name} complaint")
        return
    latest = (
        Delivery.objects.filter(subscriber=subscriber, status=Delivery.Status.SENT)
        .order_by("-sent_at")
        .first()
    )
    if latest is not None:
        Delivery.objects.filter(pk=latest.pk).update(
            status=Delivery.Status.BOUNCED, error=(event.description or "")[:255]
        )
    services.record_hard_bounce(subscriber.pk)
