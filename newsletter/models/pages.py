"""The newsletter's pages: the sign-up page, the archive of sent issues and the issues themselves.

An issue is composed and previewed like any page; it becomes visible (web version, archive,
search, sitemap) only once its send has started, so a published draft issue never leaks."""

from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from iurc_portal.core.blocks import BodyStreamBlock
from iurc_portal.core.http import page_or_404
from iurc_portal.core.languages import source_language_rows
from iurc_portal.core.models import BasePage
from iurc_portal.core.query import PortalPageQuerySet

from ..blocks import IssueStreamBlock

ISSUES_PER_PAGE = 12


class NewsletterPage(BasePage):
    """The "Stay in the loop" sign-up page at /newsletter/."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    summary_source_field = "intro"

    parent_page_types = ["core.HomePage"]
    subpage_types = ["newsletter.NewsletterArchivePage"]
    max_count = 1

    class Meta:
        verbose_name = _("newsletter page")

    def get_context(self, request, *args, **kwargs):
        from ..forms import SignupForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", SignupForm(source=self.get_url(request), request=request))
        context["archive"] = NewsletterArchivePage.objects.under(self, request).visible(request).first()
        return context


class NewsletterArchivePage(BasePage):
    """The list of issues that have been sent, newest first."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    summary_source_field = "intro"

    parent_page_types = ["newsletter.NewsletterPage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count = 1

    class Meta:
        verbose_name = _("newsletter archive")

    def issues(self, request=None):
        return (
            NewsletterIssuePage.objects.under(self, request)
            .visible(request)
            .sent()
            .select_related("send")
            .order_by("-send__started_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = page_or_404(Paginator(self.issues(request), ISSUES_PER_PAGE), request)
        context["newsletter_page"] = self.get_parent()
        return context


class NewsletterIssueQuerySet(PortalPageQuerySet):
    def sent(self):
        return self.filter(send__started_at__isnull=False)


class NewsletterIssuePage(BasePage):
    """One issue of "Stay in the loop": sent by email to its audience, then kept as its web version."""

    subject = models.CharField(_("email subject"), max_length=150)
    preheader = models.CharField(
        _("preheader"),
        max_length=150,
        blank=True,
        help_text=_("The line mail programs show after the subject in the inbox."),
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    body = StreamField(IssueStreamBlock(), blank=True, verbose_name=_("content"))
    regions = ParentalManyToManyField(
        "programmes.RegionPage",
        blank=True,
        related_name="newsletter_issues",
        verbose_name=_("regions"),
        help_text=_(
            "Sent only to subscribers interested in one of these (or in everything). Empty: everybody."
        ),
    )
    themes = ParentalManyToManyField(
        "programmes.Theme",
        limit_choices_to=source_language_rows,
        blank=True,
        related_name="newsletter_issues",
        verbose_name=_("themes"),
        help_text=_(
            "Sent only to subscribers interested in one of these (or in everything). Empty: everybody."
        ),
    )
    is_example = models.BooleanField(
        _("example issue"),
        default=False,
        help_text=_("Invented to show what an issue looks like; the page says so."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("subject"), FieldPanel("preheader")],
            heading=_("Email"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("regions"), FieldPanel("themes")], heading=_("Audience")),
        FieldPanel("is_example"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("subject"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    summary_source_field = "intro"

    objects = PageManager.from_queryset(NewsletterIssueQuerySet)()

    parent_page_types = ["newsletter.NewsletterArchivePage"]
    subpage_types = []

    preview_modes = [
        ("", _("Web version")),
        ("email", _("Email (HTML)")),
        ("text", _("Email (plain text)")),
    ]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    @cached_property
    def issue_send(self):
        from .sending import IssueSend

        return IssueSend.objects.filter(issue_id=self.pk).first() if self.pk else None

    @property
    def is_sent(self):
        send = self.issue_send
        return send is not None and send.started_at is not None

    @property
    def content_time(self):
        """What "latest news" and "upcoming events" are measured from: the send, or now."""
        send = self.issue_send
        return send.started_at if send is not None and send.started_at else timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issue_time"] = self.content_time
        context["archive"] = self.get_parent()
        context["newsletter_page"] = context["archive"].get_parent() if context["archive"] else None
        return context

    def serve(self, request, *args, **kwargs):
        # Until it has been sent, an issue is an editor's draft even when published.
        if not self.is_sent and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        if mode_name in ("email", "text"):
            from ..rendering import RenderedIssue

            rendered = RenderedIssue.render(self, preview=True)
            if mode_name == "text":
                return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
            return HttpResponse(rendered.html)
        return super().serve_preview(request, mode_name)

    def get_indexed_instance(self):
        # Wagtail's documented hook for leaving an object out of the search index.
        instance = super().get_indexed_instance()
        return instance if instance is not None and instance.is_sent else None

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.is_sent else []
