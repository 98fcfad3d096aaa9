"""Admin: news categories are a snippet with their own menu item; the dashboard's editorial panels."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .dashboard import MyDraftsPanel, WriteNewsPanel
from .models import NewsCategory


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("News categories")
    menu_name = "news-categories"
    # Just below the programmes' taxonomies in the menu.
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug", "region"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(NewsCategoryViewSet)


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels[:0] = [WriteNewsPanel(), MyDraftsPanel()]
    for panel in panels:
        # Wagtail's "Awaiting your review" comes straight after "My drafts".
        if getattr(panel, "name", "") == "workflow_objects_to_moderate":
            panel.order = 30
