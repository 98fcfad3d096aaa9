"""The admin dashboard's editorial panels: write a news article, my drafts, awaiting my review."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from .models import NewsArticlePage, NewsIndexPage

DRAFTS_SHOWN = 10


class WriteNewsPanel(Component):
    name = "write_news_article"
    template_name = "news/admin/write_news_panel.html"
    order = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        index = NewsIndexPage.objects.first()
        add_url = None
        if index is not None and index.permissions_for_user(request.user).can_add_subpage():
            add_url = reverse(
                "wagtailadmin_pages:add",
                args=[NewsArticlePage._meta.app_label, NewsArticlePage._meta.model_name, index.pk],
            )
        return {"add_url": add_url, "news_index": index}


class MyDraftsPanel(Component):
    """Pages whose newest revision is the user's and is not live yet: what they left half-done.
    Pages submitted for review show their workflow status; Wagtail's own "Awaiting your review"
    panel follows this one."""

    name = "my_drafts"
    template_name = "news/admin/my_drafts_panel.html"
    order = 20

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        drafts = (
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=request.user)
            .select_related("latest_revision", "content_type")
            .prefetch_workflow_states()
            .order_by("-latest_revision_created_at")[:DRAFTS_SHOWN]
        )
        return {"drafts": list(drafts), "request": request}
