"""Activities: dated records of what the cooperation did (study visits, workshops, webinars…)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.search import index

from iurc_portal.core.languages import source_language_rows
from iurc_portal.core.models import BasePage

from ..blocks import sources_field


class ActivityType(models.TextChoices):
    STUDY_VISIT = "study-visit", _("Study visit")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")
    CONFERENCE = "conference", _("Conference")
    MISSION = "mission", _("Mission")
    MEETING = "meeting", _("Meeting")


class ActivityIndexPage(BasePage):
    """The activities listing: filters by type, region, theme and year."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    summary_source_field = "intro"

    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = ["programmes.ActivityPage"]
    max_count = 1

    class Meta:
        verbose_name = _("activity index page")

    def get_context(self, request, *args, **kwargs):
        from ..work_context import activity_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(activity_index_context(self, request))
        return context


class ActivityPage(BasePage):
    # The listing filters on this field by its "type" parameter.
    TYPE_FIELD = "activity_type"

    activity_type = models.CharField(_("type"), max_length=20, choices=ActivityType.choices)
    intro = models.TextField(_("summary"), blank=True, max_length=1000)
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Blank: one day."))
    place = models.CharField(_("place"), max_length=200, blank=True, help_text=_("City and venue."))
    online = models.BooleanField(_("online"), default=False)
    participants = models.TextField(
        _("participants"), blank=True, max_length=1000, help_text=_("Who took part, or how many.")
    )
    outcome = models.TextField(_("outcome"), blank=True, max_length=2000)
    recording_url = models.URLField(_("recording"), blank=True)
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))], blank=True, verbose_name=_("documents")
    )
    pairings = ParentalManyToManyField(
        "programmes.PairingPage", blank=True, related_name="activities", verbose_name=_("pairings")
    )
    clusters = ParentalManyToManyField(
        "programmes.ClusterPage", blank=True, related_name="activities", verbose_name=_("clusters")
    )
    cities = ParentalManyToManyField(
        "programmes.CityPage", blank=True, related_name="activities", verbose_name=_("cities and regions")
    )
    regions = ParentalManyToManyField(
        "programmes.RegionPage", blank=True, related_name="activities", verbose_name=_("regions")
    )
    themes = ParentalManyToManyField(
        "programmes.Theme",
        limit_choices_to=source_language_rows,
        blank=True,
        related_name="activities",
        verbose_name=_("themes"),
    )
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Invented for the demo: the page says so to visitors.")
    )
    sources = sources_field()

    content_panels = BasePage.content_panels + [
        FieldPanel("activity_type"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldRowPanel([FieldPanel("place"), FieldPanel("online")]),
        FieldPanel("participants"),
        FieldPanel("outcome"),
        FieldPanel("recording_url"),
        FieldPanel("documents"),
        MultiFieldPanel(
            [
                FieldPanel("pairings"),
                FieldPanel("clusters"),
                FieldPanel("cities"),
                FieldPanel("regions"),
                FieldPanel("themes"),
            ],
            heading=_("Related to"),
        ),
        FieldPanel("is_example"),
        FieldPanel("sources"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("outcome"),
        index.SearchField("place"),
        index.FilterField("activity_type"),
        index.FilterField("start_date"),
    ]
    summary_source_field = "intro"

    parent_page_types = ["programmes.ActivityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("activity page")
        ordering = ["-start_date"]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @property
    def where(self):
        if self.place and self.online:
            return _("%(place)s and online") % {"place": self.place}
        return self.place or (_("Online") if self.online else "")
