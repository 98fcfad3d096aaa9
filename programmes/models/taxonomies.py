"""Taxonomies editors manage as snippets: countries, themes and the 17 SDGs."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from iurc_portal.core.models import SortName


class WorldRegion(models.TextChoices):
    EUROPE = "europe", _("Europe")
    ASIA = "asia", _("Asia")
    OCEANIA = "oceania", _("Australia and Oceania")
    NORTH_AMERICA = "north-america", _("North America")
    LATIN_AMERICA = "latin-america", _("Latin America and the Caribbean")
    AFRICA = "africa", _("Africa")


class Country(TranslatableMixin, SortName, index.Indexed, models.Model):
    sort_name_source = "name"

    name = models.CharField(_("name"), max_length=100)
    iso_code = models.CharField(
        _("ISO code"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, as in ISO 3166-1 alpha-2."))],
        help_text=_("ISO 3166-1 alpha-2, e.g. “DE” or “KR”."),
    )
    world_region = models.CharField(_("world region"), max_length=20, choices=WorldRegion.choices)
    is_eu = models.BooleanField(_("EU member state"), default=False)

    panels = [FieldPanel("name"), FieldPanel("iso_code"), FieldPanel("world_region"), FieldPanel("is_eu")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("iso_code"),
        index.AutocompleteField("name"),
        index.FilterField("is_eu"),
    ]

    # Translators translate the name; the code and the facts stay the English row's.
    override_translatable_fields = [SynchronizedField("iso_code")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_name", "pk"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.UniqueConstraint(fields=["iso_code", "locale"], name="country_iso_code_per_locale")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.iso_code = (self.iso_code or "").upper()
        super().save(*args, **kwargs)


class Theme(TranslatableMixin, SortName, index.Indexed, models.Model):
    sort_name_source = "name"

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Used in filter addresses."))
    description = models.TextField(_("description"), blank=True, max_length=1000)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    # Filter addresses keep the English slug in every language.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_name", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="theme_slug_per_locale")]

    def __str__(self):
        return self.name


class SDG(models.Model):
    """One of the 17 UN Sustainable Development Goals; the rows come from a data migration."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    name = models.CharField(_("name"), max_length=100)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        validators=[RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("A colour such as #E5243B."))],
        help_text=_("The goal's official colour, e.g. #E5243B."),
    )

    panels = [FieldPanel("number"), FieldPanel("name"), FieldPanel("colour")]

    class Meta:
        ordering = ["number"]
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")

    def __str__(self):
        return _("SDG %(number)s: %(name)s") % {"number": self.number, "name": self.name}
