"""Wagtail hooks for site-wide rules.

Taxonomy snippets are registered by the apps that own them and grouped in the admin
menu there; site settings register themselves through `@register_setting`, and the header's and
footer's words (a translatable snippet) sit beside them in the Settings menu.
"""

from django.http import HttpResponseNotAllowed
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import SiteTextForm
from .models import SiteText

PAGE_METHODS = ("GET", "HEAD")


@hooks.register("before_serve_page")
def pages_answer_only_get_and_head(page, request, serve_args, serve_kwargs):
    """Pages are read, never written: PUT, DELETE, PATCH, TRACE and the like get 405, not the page.

    Forms post to their own views (the sign-up, Wagtail's password form), never to a page."""
    if request.method not in PAGE_METHODS:
        return HttpResponseNotAllowed(PAGE_METHODS)
    return None


class SiteTextViewSet(SnippetViewSet):
    model = SiteText
    icon = "doc-full"
    menu_label = _("Header and footer text")
    add_to_settings_menu = True
    list_display = ["organisation_name", "locale"]
    edit_handler = ObjectList(
        [
            FieldPanel("organisation_name"),
            FieldPanel("funding_statement"),
            FieldPanel("footer_links"),
            FieldPanel("programme_websites"),
        ],
        base_form_class=SiteTextForm,
    )


register_snippet(SiteTextViewSet)
