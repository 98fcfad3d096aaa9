"""Newsletter sign-ups: subscribers, the consent text they saw and an append-only consent log.

Personal data is kept to what the double opt-in needs: the address, its interests, and a
record of what the person agreed to and when. No IP address or user agent is stored.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from iurc_portal.core.languages import source_language_rows


def sha256_hex(value):
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


class ConsentText(models.Model):
    """The consent statement shown next to the sign-up form, one row per version.

    A version that anybody has agreed to is frozen: rewording it means adding a new
    version, so each consent event points at the exact words the person saw."""

    version = models.CharField(_("version"), max_length=40, unique=True)
    text = models.TextField(
        _("statement"),
        max_length=1000,
        help_text=_("Shown next to the sign-up checkbox. The privacy notice link is added after it."),
    )
    # Each language has its own versions; a language with none shows the English statement, and
    # the consent log names the version (hence the language) its visitor read.
    language = models.CharField(
        _("language"), max_length=16, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    text_hash = models.CharField(_("SHA-256 of the statement"), max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    panels = [FieldPanel("version"), FieldPanel("language"), FieldPanel("text")]

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = ["created_at", "pk"]
        verbose_name = _("consent statement")
        verbose_name_plural = _("consent statements")

    def __str__(self):
        return f"{self.version}: {self.text[:60]}"

    def save(self, *args, **kwargs):
        self.text_hash = sha256_hex(self.text)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.pk is None:
            return
        stored = type(self).objects.filter(pk=self.pk).values_list("text", "version").first()
        if stored and stored != (self.text, self.version) and self.events.exists():
            raise ValidationError(
                _("People have already agreed to this version. Add a new version instead of changing it.")
            )

    @classmethod
    def current(cls, language=None):
        """The newest statement in `language` (the active one), else the newest in English."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        newest = cls.objects.order_by("-created_at", "-pk")
        if language != settings.LANGUAGE_CODE:
            found = newest.filter(language=language).first()
            if found is not None:
                return found
        return newest.filter(language=settings.LANGUAGE_CODE).first()


class SuppressedReason(models.TextChoices):
    BOUNCED = "bounced", _("Repeated hard bounces")
    COMPLAINED = "complained", _("Spam complaint")


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        ERASED = "erased", _("Erased")

    email = models.CharField(_("email address"), max_length=254, help_text=_("As the person typed it."))
    email_normalized = models.CharField(
        _("normalised address"),
        max_length=254,
        unique=True,
        help_text=_("Trimmed, lower-cased, domain in IDNA form: one row per mailbox."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    regions = models.ManyToManyField(
        "programmes.RegionPage",
        blank=True,
        related_name="newsletter_subscribers",
        verbose_name=_("regions of interest"),
    )
    themes = models.ManyToManyField(
        "programmes.Theme",
        limit_choices_to=source_language_rows,
        blank=True,
        related_name="newsletter_subscribers",
        verbose_name=_("themes of interest"),
    )
    # Only the SHA-256 of the confirmation token is kept; the token itself lives in the email.
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    token_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    locale = models.CharField(_("language"), max_length=16, blank=True)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)
    # Mail is not sent to an address that keeps bouncing or that reported us as spam; a new
    # double opt-in (the person shows the mailbox works and wants mail) lifts it.
    hard_bounces = models.PositiveSmallIntegerField(_("hard bounces"), default=0)
    suppressed_at = models.DateTimeField(_("suppressed"), null=True, blank=True)
    suppressed_reason = models.CharField(
        _("suppressed because"), max_length=16, choices=SuppressedReason.choices, blank=True
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    @property
    def delivery_address(self):
        """The address to send to: the local part as typed, the domain in its IDNA form."""
        local = self.email.strip().rpartition("@")[0]
        domain = self.email_normalized.rpartition("@")[2]
        return f"{local}@{domain}" if local else self.email_normalized

    def region_names(self):
        return ", ".join(region.title for region in self.regions.all())

    region_names.short_description = _("regions")

    def theme_names(self):
        return ", ".join(theme.name for theme in self.themes.all())

    theme_names.short_description = _("themes")


class ConsentEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The consent log is append-only.")

    def delete(self):
        raise TypeError("The consent log is append-only.")

    # Bulk paths that would bypass the checks above.
    def bulk_update(self, *args, **kwargs):
        raise TypeError("The consent log is append-only.")


class ConsentEvent(models.Model):
    """What a person agreed to or withdrew, when, and where: never changed, never deleted."""

    class Event(models.TextChoices):
        SUBSCRIBED = "subscribed", _("Subscribed")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        ERASED = "erased", _("Erased")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.PROTECT, related_name="consent_events", verbose_name=_("subscriber")
    )
    event = models.CharField(_("event"), max_length=16, choices=Event.choices)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    consent_text = models.ForeignKey(
        ConsentText,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("consent statement"),
    )
    # Copied, so the record stands on its own even if read without the statement table.
    consent_version = models.CharField(_("statement version"), max_length=40, blank=True)
    consent_hash = models.CharField(_("statement SHA-256"), max_length=64, blank=True)
    source = models.CharField(_("source page"), max_length=255, blank=True)
    locale = models.CharField(_("language"), max_length=16, blank=True)

    objects = ConsentEventQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("consent event")
        verbose_name_plural = _("consent events")

    def __str__(self):
        return f"{self.get_event_display()} {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("The consent log is append-only.")
        if self.consent_text_id and not self.consent_hash:
            self.consent_version = self.consent_text.version
            self.consent_hash = self.consent_text.text_hash
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The consent log is append-only.")


class Suppression(models.Model):
    """An erased address, kept only as a hash of its normalised form.

    It records that the person asked to be forgotten: the address can come back only
    through a new double opt-in, whose confirmation lifts the entry."""

    email_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return self.email_hash[:12]

    @classmethod
    def hash_for(cls, email_normalized):
        return sha256_hex(email_normalized)

    @classmethod
    def is_suppressed(cls, email_normalized):
        return cls.objects.filter(email_hash=cls.hash_for(email_normalized)).exists()
