"""Thematic clusters and networks: cities and regions from any pairing working on one theme."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from iurc_portal.core.languages import source_language_rows
from iurc_portal.core.models import BasePage
from iurc_portal.core.text import year_range

from ..blocks import sources_field
from .pages import check_year_order, year_field


class ClusterPage(BasePage):
    """A thematic cluster or network of the programme (a child of its programme page)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    aims = RichTextField(_("aims"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    start_year = year_field(_("start year"))
    end_year = year_field(_("end year"))
    themes = ParentalManyToManyField(
        "programmes.Theme",
        limit_choices_to=source_language_rows,
        blank=True,
        related_name="clusters",
        verbose_name=_("themes"),
    )
    members = ParentalManyToManyField(
        "programmes.CityPage",
        blank=True,
        related_name="clusters",
        verbose_name=_("member cities and regions"),
        help_text=_("From any pairing: a cluster brings together cities and regions across pairings."),
    )
    coordinators = models.TextField(
        _("coordinators"), blank=True, max_length=1000, help_text=_("One per line: a person, city or body.")
    )
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Invented for the demo: the page says so to visitors.")
    )
    sources = sources_field()

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("aims"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")], heading=_("Period")),
        FieldPanel("themes"),
        FieldPanel("members"),
        FieldPanel("coordinators"),
        FieldPanel("is_example"),
        FieldPanel("sources"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("aims"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    summary_source_field = "intro"

    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("thematic cluster page")

    def clean(self):
        super().clean()
        check_year_order(self)

    @property
    def years(self):
        return year_range(self.start_year, self.end_year)

    @property
    def coordinator_list(self):
        return [line.strip() for line in self.coordinators.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from ..work_context import cluster_context

        context = super().get_context(request, *args, **kwargs)
        context.update(cluster_context(self, request))
        return context
