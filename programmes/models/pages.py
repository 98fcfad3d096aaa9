"""Programme, region, city and pairing pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from iurc_portal.core.blocks import BodyStreamBlock, EmbedBlock
from iurc_portal.core.languages import source_language_rows
from iurc_portal.core.models import BasePage, SortName
from iurc_portal.core.text import year_range

from ..blocks import sources_field

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


def year_field(label):
    return models.PositiveSmallIntegerField(label, null=True, blank=True, validators=YEAR_VALIDATORS)


def check_year_order(page):
    """Reject an end year before the start year, on the end-year field."""
    if page.start_year and page.end_year and page.end_year < page.start_year:
        raise ValidationError({"end_year": _("The end year cannot be before the start year.")})


class ProgrammePage(BasePage):
    """A programme (IURC, IUC Phase I) or one of its regional strands (its child pages)."""

    acronym = models.CharField(
        _("acronym"), max_length=30, blank=True, help_text=_("e.g. “IURC”, “IUC-LAC”.")
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    start_year = year_field(_("start year"))
    end_year = year_field(_("end year"))
    funding_instrument = models.CharField(
        _("funding instrument"), max_length=255, blank=True, help_text=_("e.g. “Partnership Instrument”.")
    )
    implementing_bodies = models.TextField(
        _("implementing bodies"), blank=True, max_length=1000, help_text=_("One per line.")
    )
    serves_new_urban_agenda = models.BooleanField(_("New Urban Agenda"), default=False)
    serves_agenda_2030 = models.BooleanField(_("Agenda 2030 and the SDGs"), default=False)
    serves_urban_agenda_eu = models.BooleanField(_("Urban Agenda for the EU"), default=False)
    serves_cohesion_policy = models.BooleanField(_("EU Cohesion Policy"), default=False)
    website = models.URLField(_("website"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    sources = sources_field()

    content_panels = BasePage.content_panels + [
        FieldPanel("acronym"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")], heading=_("Period")),
        FieldPanel("funding_instrument"),
        FieldPanel("implementing_bodies"),
        MultiFieldPanel(
            [
                FieldPanel("serves_new_urban_agenda"),
                FieldPanel("serves_agenda_2030"),
                FieldPanel("serves_urban_agenda_eu"),
                FieldPanel("serves_cohesion_policy"),
            ],
            heading=_("Policy frameworks it serves"),
        ),
        FieldPanel("website"),
        FieldPanel("body"),
        FieldPanel("sources"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    summary_source_field = "intro"

    parent_page_types = ["core.HomePage", "programmes.ProgrammePage"]
    # What the programme does lives under it: clusters, calls, activities and the resource library.
    subpage_types = [
        "programmes.ProgrammePage",
        "programmes.ClusterPage",
        "programmes.CallIndexPage",
        "programmes.ActivityIndexPage",
        "programmes.ResourceIndexPage",
    ]

    class Meta:
        verbose_name = _("programme page")
        # Also the main menu's label for the programmes when more than one is in the menu.
        verbose_name_plural = _("programmes")

    def get_context(self, request, *args, **kwargs):
        from ..page_context import programme_context

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_context(self, request))
        return context

    def clean(self):
        super().clean()
        check_year_order(self)

    @property
    def period(self):
        return year_range(self.start_year, self.end_year)

    @property
    def policy_frameworks(self):
        """Labels of the policy frameworks the programme serves, in a fixed order."""
        names = [
            "serves_new_urban_agenda",
            "serves_agenda_2030",
            "serves_urban_agenda_eu",
            "serves_cohesion_policy",
        ]
        return [self._meta.get_field(name).verbose_name for name in names if getattr(self, name)]

    @property
    def implementing_body_list(self):
        return [line.strip() for line in self.implementing_bodies.splitlines() if line.strip()]


class RegionIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    summary_source_field = "intro"

    parent_page_types = ["core.HomePage"]
    subpage_types = ["programmes.RegionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("region index page")

    def get_context(self, request, *args, **kwargs):
        from ..page_context import region_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(region_index_context(self, request))
        return context


class RegionPage(SortName, BasePage):
    """A world region the programme works in; its cities are those in its partner countries."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    countries = ParentalManyToManyField(
        "programmes.Country",
        limit_choices_to=source_language_rows,
        blank=True,
        related_name="region_pages",
        verbose_name=_("partner countries"),
    )
    video = StreamField(
        [("video", EmbedBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("video"),
        help_text=_("Optional: one YouTube or Vimeo video introducing the region."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
        FieldPanel("video"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    summary_source_field = "intro"

    parent_page_types = ["programmes.RegionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("region page")

    def get_context(self, request, *args, **kwargs):
        from ..page_context import region_context

        context = super().get_context(request, *args, **kwargs)
        context.update(region_context(self, request))
        return context


class CityIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    summary_source_field = "intro"

    parent_page_types = ["core.HomePage"]
    subpage_types = ["programmes.CityPage"]
    max_count = 1

    class Meta:
        verbose_name = _("city index page")

    def get_context(self, request, *args, **kwargs):
        from ..page_context import city_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(city_index_context(self, request))
        return context


class CityKind(models.TextChoices):
    CITY = "city", _("City")
    REGION = "region", _("Region")
    METRO = "metro", _("Metropolitan area")


class CityPage(SortName, BasePage):
    """A city, region or metropolitan area on either side of a cooperation."""

    # Relations stay with the English country row (translations show its name in their language).
    override_translatable_fields = [SynchronizedField("country")]

    kind = models.CharField(_("kind"), max_length=10, choices=CityKind.choices, default=CityKind.CITY)
    country = models.ForeignKey(
        "programmes.Country",
        limit_choices_to=source_language_rows,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="cities",
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    population_year = year_field(_("population figure year"))
    figures_source = models.URLField(
        _("source of the population and area"),
        blank=True,
        help_text=_("Where the population and area figures come from."),
    )
    area_km2 = models.DecimalField(
        _("area (km²)"),
        max_digits=10,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    leader = models.CharField(_("mayor or leader"), max_length=160, blank=True)
    leader_role = models.CharField(
        _("leader's role"), max_length=100, blank=True, help_text=_("e.g. “Mayor”, “Governor”, “Lord Mayor”.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The image's credit and licence are shown with it."),
    )
    website = models.URLField(_("website"), blank=True)
    themes = ParentalManyToManyField(
        "programmes.Theme",
        limit_choices_to=source_language_rows,
        blank=True,
        related_name="cities",
        verbose_name=_("themes"),
    )
    sdgs = ParentalManyToManyField(
        "programmes.SDG", blank=True, related_name="cities", verbose_name=_("SDGs")
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("description"))
    sources = sources_field()

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("country")]),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("population"), FieldPanel("population_year")]),
                FieldPanel("area_km2"),
                FieldPanel("figures_source"),
                FieldRowPanel([FieldPanel("leader"), FieldPanel("leader_role")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("website"),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("image"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        FieldPanel("sources"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("country", [index.SearchField("name")]),
        index.FilterField("country"),
        index.FilterField("kind"),
    ]
    summary_source_field = "intro"

    parent_page_types = ["programmes.CityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("city page")

    def get_context(self, request, *args, **kwargs):
        from ..page_context import city_context

        context = super().get_context(request, *args, **kwargs)
        context.update(city_context(self, request))
        return context

    def get_listing_image(self):
        return self.listing_image or self.image


class PairingIndexPage(BasePage):
    """The pairings directory: search, filters, table and map."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    summary_source_field = "intro"

    parent_page_types = ["core.HomePage"]
    subpage_types = ["programmes.PairingPage"]
    max_count = 1

    class Meta:
        verbose_name = _("pairing index page")

    def get_context(self, request, *args, **kwargs):
        from ..page_context import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context


class PairingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")


class PairingPage(SortName, BasePage):
    """A pair, trio or cluster of cities or regions cooperating; members are `PairingMember` rows."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pairings",
    )
    region = models.ForeignKey(
        "programmes.RegionPage",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pairings",
    )
    start_year = year_field(_("start year"))
    end_year = year_field(_("end year"))
    status = models.CharField(
        _("status"), max_length=10, choices=PairingStatus.choices, default=PairingStatus.ACTIVE
    )
    themes = ParentalManyToManyField(
        "programmes.Theme",
        limit_choices_to=source_language_rows,
        blank=True,
        related_name="pairings",
        verbose_name=_("themes"),
    )
    sdgs = ParentalManyToManyField(
        "programmes.SDG", blank=True, related_name="pairings", verbose_name=_("SDGs")
    )
    action_plan = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("action plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("description"))
    sources = sources_field()

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("members", label=_("Member cities and regions"), min_num=2),
        FieldRowPanel([FieldPanel("programme"), FieldPanel("region")]),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("status")]),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
        FieldPanel("action_plan"),
        FieldPanel("body"),
        FieldPanel("sources"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        # Member cities are not indexed: the index would also hold unpublished and private ones.
        # The directory matches them on their own (programmes.page_context.search_pairing_ids).
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("programme"),
        index.FilterField("region"),
    ]
    summary_source_field = "intro"

    parent_page_types = ["programmes.PairingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("pairing page")

    def get_context(self, request, *args, **kwargs):
        from ..page_context import pairing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(pairing_context(self, request))
        return context

    def clean(self):
        super().clean()
        check_year_order(self)

    @property
    def years(self):
        return year_range(self.start_year, self.end_year)

    def kind_label(self, count=None):
        """“Pair”, “Trio” or “Cluster”, from the number of members (prefetched where listed)."""
        if count is None:
            count = len(self.members.all())
        if count <= 2:
            return _("Pair")
        if count == 3:
            return _("Trio")
        return _("Cluster")

    @property
    def kind(self):
        return self.kind_label()


class Side(models.TextChoices):
    EU = "eu", _("EU side")
    PARTNER = "partner", _("Partner side")


class PairingMember(Orderable):
    pairing = ParentalKey("programmes.PairingPage", on_delete=models.CASCADE, related_name="members")
    city = models.ForeignKey(
        "programmes.CityPage",
        verbose_name=_("city or region"),
        # A city in a pairing cannot be deleted: the admin explains why instead of the pairing
        # silently losing a member.
        on_delete=models.PROTECT,
        related_name="pairing_memberships",
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)

    panels = [FieldPanel("city"), FieldPanel("side")]

    class Meta(Orderable.Meta):
        verbose_name = _("pairing member")
        verbose_name_plural = _("pairing members")
        constraints = [
            models.UniqueConstraint(fields=["pairing", "city"], name="programmes_pairingmember_unique_city"),
        ]

    def __str__(self):
        return f"{self.city} ({self.get_side_display()})"
