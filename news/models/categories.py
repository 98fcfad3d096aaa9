from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class NewsCategory(TranslatableMixin, index.Indexed, models.Model):
    """An editor-managed kind of news, e.g. "News from IURC" or one per region."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Used in filter addresses."))
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

    # Filter and feed addresses keep the English slug in every language.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="newscategory_name_per_locale"),
            models.UniqueConstraint(fields=["slug", "locale"], name="newscategory_slug_per_locale"),
        ]

    def __str__(self):
        return self.name
