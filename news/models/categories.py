from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class NewsCategory(index.Indexed, models.Model):
    """An editor-managed kind of news, e.g. "News from IURC" or one per region."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=_("Used in filter addresses."))
    region = models.ForeignKey(
        "programmes.RegionPage",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_categories",
        help_text=_(
            "Optional: the region this category reports on. It does not place articles in the region: "
            "editors tick each article's regions."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("region")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")

    def __str__(self):
        return self.name
