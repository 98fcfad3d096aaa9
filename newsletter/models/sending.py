"""Sending an issue: one IssueSend per issue, one Delivery per (issue, subscriber).

The send state lives outside the page: publishing a revision rewrites a page's fields, and
a send must never be undone by an editor's later publish."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IssueSend(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        DONE = "done", _("Sent")

    issue = models.OneToOneField(
        "newsletter.NewsletterIssuePage",
        on_delete=models.PROTECT,
        related_name="send",
        verbose_name=_("issue"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED, db_index=True
    )
    send_at = models.DateTimeField(_("send at"), default=timezone.now, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    audience_size = models.PositiveIntegerField(_("audience"), default=0)
    # The issue as sent, taken when the send starts: a later edit or a restarted worker
    # cannot make two recipients get different emails.
    subject = models.CharField(max_length=150, blank=True, editable=False)
    html = models.TextField(blank=True, editable=False)
    text = models.TextField(blank=True, editable=False)
    web_url = models.URLField(max_length=500, blank=True, editable=False)

    class Meta:
        verbose_name = _("issue send")
        verbose_name_plural = _("issue sends")
        # Wagtail's page permissions cover editing; sending to thousands of people is its own right.
        permissions = [("send_issue", _("Can send newsletter issues"))]

    def __str__(self):
        return f"{self.issue_id}: {self.get_status_display()}"

    def outcome_counts(self):
        """Queued, sent, failed, bounced, skipped and "unsubscribed since", in one query."""
        waiting = [Delivery.Status.QUEUED, Delivery.Status.SENDING]
        counts = self.deliveries.aggregate(
            queued=Count("pk", filter=Q(status__in=waiting)),
            sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
            failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
            bounced=Count("pk", filter=Q(status=Delivery.Status.BOUNCED)),
            skipped=Count("pk", filter=Q(status=Delivery.Status.SKIPPED)),
            unsubscribed_since=Count(
                "pk",
                filter=Q(
                    status__in=[Delivery.Status.SENT, Delivery.Status.BOUNCED],
                    subscriber__unsubscribed_at__gte=self.started_at or timezone.now(),
                ),
            ),
        )
        return counts


class Delivery(models.Model):
    """One email of one issue to one subscriber, and what became of it.

    queued -> sending (claimed by a worker for its batch) -> sent, and from sent to failed or
    queued again when the server answers the final dot with an error; bounced comes later
    from a bounce report. A row becomes "sent" before the message's final dot goes to the
    server, so a killed worker never sends a row twice (see newsletter/sending.py)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        BOUNCED = "bounced", _("Bounced")
        SKIPPED = "skipped", _("Not sent (left the list)")

    send = models.ForeignKey(IssueSend, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_by = models.CharField(max_length=40, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["send", "subscriber"], name="newsletter_delivery_once"),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="newsletter_delivery_due"),
        ]

    def __str__(self):
        return f"{self.send_id}/{self.subscriber_id}: {self.status}"
