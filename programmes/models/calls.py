"""Calls for cities and regions: open between two aware date-times, status read from the clock."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from iurc_portal.core.cache import expire_page_at
from iurc_portal.core.models import BasePage

from ..blocks import sources_field

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Europe/Brussels."), params={"value": value}
        )


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class FaqBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=255)
    answer = blocks.RichTextBlock(label=_("Answer"), features=TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class CallIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    summary_source_field = "intro"

    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = ["programmes.CallPage"]
    max_count = 1

    class Meta:
        verbose_name = _("call index page")

    def get_context(self, request, *args, **kwargs):
        from ..work_context import call_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(call_index_context(self, request))
        return context


class CallPage(BasePage):
    """A call for cities and regions. Its status is never stored: it is read from the clock, and
    the page cache keeps the page no longer than its next change (see `next_status_change`)."""

    intro = models.TextField(_("summary"), blank=True, max_length=1000)
    opens_at = models.DateTimeField(
        _("opens at"), null=True, blank=True, help_text=_("Blank: open from publication.")
    )
    closes_at = models.DateTimeField(_("closes at"), db_index=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Brussels",
        validators=[validate_time_zone],
        help_text=_("The dates are shown in this time zone, e.g. Europe/Brussels."),
    )
    eligibility = RichTextField(_("who can apply"), blank=True, features=TEXT_FEATURES)
    how_to_apply = RichTextField(_("how to apply"), blank=True, features=TEXT_FEATURES)
    faq = StreamField([("faq", FaqBlock())], blank=True, verbose_name=_("frequently asked questions"))
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))], blank=True, verbose_name=_("documents")
    )
    apply_url = models.URLField(_("application form"), blank=True)
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Invented for the demo: the page says so to visitors.")
    )
    sources = sources_field()

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("time_zone")]),
        FieldPanel("eligibility"),
        FieldPanel("how_to_apply"),
        FieldPanel("apply_url"),
        FieldPanel("faq"),
        FieldPanel("documents"),
        FieldPanel("is_example"),
        FieldPanel("sources"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("eligibility"),
        index.SearchField("how_to_apply"),
        index.FilterField("closes_at"),
    ]
    summary_source_field = "intro"

    parent_page_types = ["programmes.CallIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("call page")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A call must close after it opens.")})

    def status_at(self, moment):
        if self.opens_at and moment < self.opens_at:
            return CallStatus.UPCOMING
        if moment < self.closes_at:
            return CallStatus.OPEN
        return CallStatus.CLOSED

    @property
    def status(self):
        return self.status_at(timezone.now())

    def next_status_change(self, moment=None):
        """When the status changes next (an aware datetime), or None once closed."""
        moment = moment or timezone.now()
        for change in (self.opens_at, self.closes_at):
            if change and moment < change:
                return change
        return None

    @property
    def tz(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def local_opens_at(self):
        return self.opens_at.astimezone(self.tz) if self.opens_at else None

    @property
    def local_closes_at(self):
        return self.closes_at.astimezone(self.tz)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        expire_page_at(request, self.next_status_change())
        return context

    def get_structured_data(self, request=None):
        # An invented call is never described to search engines as a real one.
        if self.is_example:
            return None
        return super().get_structured_data(request)
