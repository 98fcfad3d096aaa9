"""The resource library: Wagtail documents described by a page each (type, language, year…).

A page per resource rather than a custom document model: pages already have publishing,
search, view restrictions, listings and the page cache, and the portal's existing document
links (action plans, document blocks) keep pointing at Wagtail's own Document model. The text
inside a PDF is read off the request path (programmes.tasks) into `DocumentText`, which the
resource's search entry includes.
"""

from django.conf import global_settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from iurc_portal.core.languages import source_language_rows
from iurc_portal.core.models import BasePage, SortName

from .pages import year_field


class ResourceType(models.TextChoices):
    CASE_STUDY = "case-study", _("Case study")
    ACTION_PLAN = "action-plan", _("Action plan")
    BROCHURE = "brochure", _("Brochure")
    REPORT = "report", _("Report")
    TOOLKIT = "toolkit", _("Toolkit")
    PRESENTATION = "presentation", _("Presentation")


class DocumentText(models.Model):
    """The text found inside a document's file, for search; written by a background task."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text"
    )
    text = models.TextField(blank=True)
    file_hash = models.CharField(max_length=40, blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document text")

    def __str__(self):
        return str(self.document)


class ResourceIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    summary_source_field = "intro"

    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = ["programmes.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = _("resource library page")

    def get_context(self, request, *args, **kwargs):
        from ..work_context import resource_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_index_context(self, request))
        return context


class ResourcePage(SortName, BasePage):
    # The listing filters on this field by its "type" parameter.
    TYPE_FIELD = "resource_type"

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resource_type = models.CharField(_("type"), max_length=20, choices=ResourceType.choices)
    language = models.CharField(_("language"), max_length=10, choices=global_settings.LANGUAGES, default="en")
    year = year_field(_("year"))
    intro = models.TextField(_("summary"), blank=True, max_length=1000)
    source_url = models.URLField(
        _("original"), blank=True, help_text=_("Where the original is published, if elsewhere.")
    )
    regions = ParentalManyToManyField(
        "programmes.RegionPage", blank=True, related_name="resources", verbose_name=_("regions")
    )
    themes = ParentalManyToManyField(
        "programmes.Theme",
        limit_choices_to=source_language_rows,
        blank=True,
        related_name="resources",
        verbose_name=_("themes"),
    )
    pairings = ParentalManyToManyField(
        "programmes.PairingPage", blank=True, related_name="resources", verbose_name=_("pairings")
    )
    cities = ParentalManyToManyField(
        "programmes.CityPage", blank=True, related_name="resources", verbose_name=_("cities and regions")
    )
    clusters = ParentalManyToManyField(
        "programmes.ClusterPage", blank=True, related_name="resources", verbose_name=_("clusters")
    )
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("A stand-in file made for the demo: the page says so.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("resource_type"), FieldPanel("language"), FieldPanel("year")]),
        FieldPanel("intro"),
        FieldPanel("source_url"),
        MultiFieldPanel(
            [
                FieldPanel("regions"),
                FieldPanel("themes"),
                FieldPanel("pairings"),
                FieldPanel("cities"),
                FieldPanel("clusters"),
            ],
            heading=_("Related to"),
        ),
        FieldPanel("is_example"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("document_text"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("regions", [index.SearchField("title")]),
        index.RelatedFields("cities", [index.SearchField("title")]),
        index.FilterField("resource_type"),
        index.FilterField("language"),
        index.FilterField("year"),
    ]
    summary_source_field = "intro"

    parent_page_types = ["programmes.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource page")
        # The library's order, on this table: the newest page of a large library is read from
        # the index in order instead of sorting every resource.
        indexes = [models.Index(fields=["-year", "sort_name", "page_ptr"], name="resource_library_order")]

    def document_text(self):
        """The text inside the document, once the background task has read it (for search)."""
        if not self.document_id:
            return ""
        found = (
            DocumentText.objects.filter(document_id=self.document_id).values_list("text", flat=True).first()
        )
        return found or ""

    def get_context(self, request, *args, **kwargs):
        from ..work_context import resource_context

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_context(self, request))
        return context
