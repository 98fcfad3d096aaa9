"""The blocks an issue is made of: latest or chosen news and events, and free text.

"Latest" and "upcoming" are measured from the moment the issue was sent (`issue_time` in the
context), so the web version keeps showing what the email showed. News and events are named by
label, not imported: the newsletter depends on programmes only.

Each block renders twice: HTML (the web version and, with `email` in the context, the email)
and plain text (`render_text`), for the email's text part."""

from django.apps import apps
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .text import html_to_text

NEWS = "news.NewsArticlePage"
EVENT = "news.EventPage"


def _issue_time(context):
    return (context or {}).get("issue_time") or timezone.now()


class PageListBlock(blocks.StructBlock):
    """A heading and a list of pages, each with its title, date line, summary and link."""

    text_template = "newsletter/blocks/page_list.txt"

    def items(self, value, context):
        raise NotImplementedError

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = self.items(value, parent_context)
        return context

    def render_text(self, value, context=None):
        return render_to_string(self.text_template, self.get_context(value, context))

    class Meta:
        template = "newsletter/blocks/page_list.html"


class LatestNewsBlock(PageListBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Latest news"))
    count = blocks.IntegerBlock(label=_("How many"), min_value=1, max_value=10, default=3)

    def items(self, value, context):
        model = apps.get_model(NEWS)
        return list(
            model.objects.live()
            .public()
            .filter(date__lte=timezone.localdate(_issue_time(context)))
            .order_by("-date", "-pk")[: value["count"]]
        )

    class Meta:
        icon = "doc-full"
        label = _("Latest news")


class UpcomingEventsBlock(PageListBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Coming up"))
    count = blocks.IntegerBlock(label=_("How many"), min_value=1, max_value=10, default=3)

    def items(self, value, context):
        model = apps.get_model(EVENT)
        return list(
            model.objects.live()
            .public()
            .filter(start__gte=_issue_time(context))
            .order_by("start", "pk")[: value["count"]]
        )

    class Meta:
        icon = "date"
        label = _("Upcoming events")


class ChosenPagesBlock(PageListBlock):
    def items(self, value, context):
        chosen = [page for page in value["pages"] if page is not None]
        if not chosen:
            return []
        # One query for all of them, live and public only, in the editor's order.
        model = chosen[0].specific_class
        found = {
            page.pk: page for page in model.objects.live().public().filter(pk__in=[p.pk for p in chosen])
        }
        return [found[page.pk] for page in chosen if page.pk in found]


class ChosenNewsBlock(ChosenPagesBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("In the news"))
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type=NEWS), label=_("Articles"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Chosen news")


class ChosenEventsBlock(ChosenPagesBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Events"))
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type=EVENT), label=_("Events"))

    class Meta:
        icon = "date"
        label = _("Chosen events")


class TextBlock(blocks.RichTextBlock):
    def render_text(self, value, context=None):
        return html_to_text(str(value), (context or {}).get("base_url", ""))

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "newsletter/blocks/text.html"


class IssueHeadingBlock(blocks.CharBlock):
    def render_text(self, value, context=None):
        return f"{value}\n{'=' * len(value)}"

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "newsletter/blocks/heading.html"


class IssueStreamBlock(blocks.StreamBlock):
    heading = IssueHeadingBlock(max_length=120)
    text = TextBlock(features=["bold", "italic", "link", "ol", "ul"])
    latest_news = LatestNewsBlock()
    chosen_news = ChosenNewsBlock()
    upcoming_events = UpcomingEventsBlock()
    chosen_events = ChosenEventsBlock()

    def render_text(self, value, context=None):
        return "\n\n".join(child.block.render_text(child.value, context).strip() for child in value)
