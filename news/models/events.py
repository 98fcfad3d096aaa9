import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from iurc_portal.core.blocks import BodyStreamBlock
from iurc_portal.core.http import page_or_404
from iurc_portal.core.models import BasePage

from ..blocks import AgendaBlock
from .news import absolute_image_url, site_organisation

DEFAULT_TIME_ZONE = "Europe/Brussels"


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError) as error:
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value}) from error


def time_zone_choices():
    # Built when the admin form is, not stored in migrations: the zone list changes with tzdata.
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class EventPageForm(WagtailAdminPageForm):
    """Editors type start and end in the event's own time zone, whatever their admin time zone.

    The fields parse in the admin's current zone; we take the wall-clock time typed and attach
    the event's zone instead, and show stored times back in that zone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "time_zone" in self.fields:
            self.fields["time_zone"].widget = self._time_zone_widget()
        zone = self._zone(self.instance.time_zone)
        for name in ("start", "end"):
            value = getattr(self.instance, name, None)
            if zone and value is not None and name in self.fields:
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    @staticmethod
    def _time_zone_widget():
        from django import forms

        return forms.Select(choices=time_zone_choices())

    @staticmethod
    def _zone(name):
        try:
            return zoneinfo.ZoneInfo(name) if name else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None

    def clean(self):
        cleaned_data = super().clean()
        zone = self._zone(cleaned_data.get("time_zone"))
        if zone is not None:
            for name in ("start", "end"):
                value = cleaned_data.get(name)
                if value is not None:
                    wall_clock = timezone.make_naive(value)
                    cleaned_data[name] = timezone.make_aware(wall_clock, zone)
        return cleaned_data


class EventIndexPage(RoutablePageMixin, BasePage):
    """/events/: upcoming and past events, and the calendar feed at calendar.ics."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    summary_source_field = "intro"

    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.EventPage"]
    max_count = 1

    per_page = 10
    # Upcoming events are listed on one page, bounded; the calendar feed has every one of them.
    upcoming_limit = 30
    # The calendar feed keeps a year of past events, so subscribers keep recent history.
    calendar_past_days = 365

    class Meta:
        verbose_name = _("event index page")

    def events(self, request=None):
        # Event cards show no image, so none is joined or prefetched.
        return EventPage.objects.visible(request).under(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        upcoming = list(
            self.events(request).filter(end__gte=now).order_by("start", "pk")[: self.upcoming_limit + 1]
        )
        context["upcoming_events"] = upcoming[: self.upcoming_limit]
        context["more_upcoming"] = len(upcoming) > self.upcoming_limit
        past = self.events(request).filter(end__lt=now).order_by("-start", "-pk")
        context["past_page"] = page_or_404(Paginator(past, self.per_page), request)
        context["calendar_url"] = self.calendar_url()
        return context

    def calendar_url(self):
        # Served by news.views.events_calendar: Wagtail's page URLs cannot contain a dot.
        return f"{self.url or ''}calendar.ics"

    def calendar(self, request):
        from ..ical import calendar_response

        since = timezone.now() - datetime.timedelta(days=self.calendar_past_days)
        # Invented events never reach anybody's calendar as if they were real.
        events = self.events(request).filter(end__gte=since, is_example=False).order_by("start", "pk")
        return calendar_response(request, events, name=self.title)


class EventPage(RoutablePageMixin, BasePage):
    intro = models.TextField(
        _("introduction"), max_length=1000, help_text=_("What the event is and who it is for, in brief.")
    )
    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"), db_index=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Where the event happens; start and end are entered and shown in this time zone."),
    )
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    address = models.TextField(_("address"), max_length=500, blank=True)
    online_url = models.URLField(
        _("online access link"),
        blank=True,
        help_text=_("Where to watch or join online; leave empty if the link is sent after registration."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    recording_url = models.URLField(
        _("recording link"), blank=True, help_text=_("Shown to visitors once the event has ended.")
    )
    hero_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("description"))
    agenda = StreamField(AgendaBlock(), blank=True, verbose_name=_("agenda"))
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_(
            "Invented for the demo: the page says so, and no calendar or search engine gets it as an event."
        ),
    )

    base_form_class = EventPageForm

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("attendance"), FieldPanel("venue"), FieldPanel("address"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("recording_url")],
            heading=_("Registration and recording"),
        ),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("agenda"),
        FieldPanel("is_example"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("start"),
    ]
    summary_source_field = "intro"

    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if self.attendance != AttendanceMode.ONLINE and not (self.venue or self.address):
            errors["venue"] = _("Say where the event takes place, or mark it as online.")
        if errors:
            raise ValidationError(errors)

    def get_listing_image(self):
        return self.listing_image or self.hero_image

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_happening_now(self):
        """Started and not yet ended."""
        return self.start <= timezone.now() <= self.end

    @property
    def is_online(self):
        return self.attendance in (AttendanceMode.ONLINE, AttendanceMode.HYBRID)

    @property
    def is_in_person(self):
        return self.attendance in (AttendanceMode.IN_PERSON, AttendanceMode.HYBRID)

    @property
    def location_text(self):
        """One line for calendars and cards."""
        parts = []
        if self.is_in_person:
            parts += [self.venue, " ".join(self.address.split())]
        if self.is_online:
            parts.append(str(_("Online")))
        return ", ".join(part for part in parts if part)

    def get_structured_data(self, request=None):
        """A schema.org Event, for search engines' event results (an example is only a web page)."""
        if self.is_example:
            return super().get_structured_data(request)
        url = self.get_full_url(request)
        modes = {
            AttendanceMode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
            AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
            AttendanceMode.HYBRID: "https://schema.org/MixedEventAttendanceMode",
        }
        locations = []
        if self.is_in_person:
            place = {"@type": "Place", "name": self.venue or " ".join(self.address.split())}
            if self.address:
                place["address"] = " ".join(self.address.split())
            locations.append(place)
        if self.is_online:
            # As on the page: the access link until the event ends, else the event page itself.
            online = self.online_url if self.online_url and not self.is_past else url
            locations.append({"@type": "VirtualLocation", "url": online})
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.seo_title or self.title,
            "description": str(self.get_meta_description()),
            "startDate": self.local_start.isoformat(),
            "endDate": self.local_end.isoformat(),
            "eventAttendanceMode": modes.get(self.attendance, modes[AttendanceMode.IN_PERSON]),
            "eventStatus": "https://schema.org/EventScheduled",
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": site_organisation(self, request),
            "url": url,
        }
        image = absolute_image_url(self.get_social_image(), request)
        if image:
            data["image"] = [image]
        return data

    def ics_url(self):
        return f"{self.url or ''}{self.reverse_subpage('ics')}"

    @path("ics/", name="ics")
    def ics(self, request):
        from ..ical import calendar_response

        if self.is_example:
            raise Http404
        return calendar_response(request, [self], name=self.title, filename=f"{self.slug}.ics")
