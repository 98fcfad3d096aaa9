"""Admin: the taxonomies editors manage, grouped in one “Taxonomies” menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SDG, Country, Theme


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    menu_label = _("Countries")
    list_display = ["name", "iso_code", "world_region", "is_eu"]
    list_filter = ["world_region", "is_eu"]
    search_fields = ["name", "iso_code"]
    # Plain database matching: finds part of a word ("thai"), and the list is short anyway.
    search_backend_name = None
    ordering = ["sort_name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    search_backend_name = None
    ordering = ["sort_name"]


class SDGViewSet(SnippetViewSet):
    model = SDG
    icon = "success"
    menu_label = _("SDGs")
    list_display = ["number", "name", "colour"]
    ordering = ["number"]


class TaxonomiesGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (CountryViewSet, ThemeViewSet, SDGViewSet)


register_snippet(TaxonomiesGroup)
