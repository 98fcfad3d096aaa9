"""The one StreamField block library every page uses.

Each block renders through its own template in templates/blocks/. Apps that need a
block showing their data (latest news, a map) add it here by template, not by import,
so this module never imports the apps that build on it.
"""

import re
from urllib.parse import parse_qs, urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=160)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2 (section)")), ("h3", _("Level 3 (subsection)"))],
        default="h2",
        help_text=_("Use level 2 for sections; level 3 only inside a level-2 section."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", settings.RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Text")


class FigureBlock(blocks.StructBlock):
    """An image with a caption. Alt text and the decorative flag are Wagtail's own ImageBlock:
    the alt text starts as the image's description and an editor may change it for this use.
    The figure template adds the credit and licence line to every image."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")

    def normalize(self, value):
        # Code and tests that build pages may still give the value flat, as this block stored it
        # before it used Wagtail's ImageBlock: {"image", "alt_text", "decorative", "caption"}.
        if isinstance(value, dict) and not isinstance(value, blocks.StructValue) and "alt_text" in value:
            value = {
                "image": {name: value.get(name) for name in ("image", "alt_text", "decorative")},
                "caption": value.get("caption") or "",
            }
        return super().normalize(value)


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"), max_length=1200)
    attribution = blocks.CharBlock(label=_("Who said it"), max_length=160)
    role = blocks.CharBlock(label=_("Role or organisation"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quotation")


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to another website; exactly one of the two."""

    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Or another website"), required=False)
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=80,
        help_text=_("Defaults to the page title or “Visit website”."),
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ErrorList([ValidationError(_("Choose a page or enter a web address, not both."))])
                }
            )
        return value


class LinkCardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Short description"), required=False, max_length=400)
    link = LinkBlock()

    class Meta:
        icon = "link"
        label = _("Card")


class LinkCardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=160)
    cards = blocks.ListBlock(LinkCardBlock(), min_num=1, max_num=12, label=_("Cards"))

    class Meta:
        icon = "list-ul"
        template = "blocks/link_cards_block.html"
        label = _("Link cards")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")


YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{6,20}")


def video_embed_url(url):
    """The privacy-friendly player address for a supported video page, or "".

    Only these providers are accepted, so the site never frames arbitrary pages."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path_parts = [part for part in parsed.path.split("/") if part]
    video_id = ""
    if host == "youtu.be" and path_parts:
        video_id = path_parts[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif len(path_parts) >= 2 and path_parts[0] in {"embed", "shorts", "live"}:
            video_id = path_parts[1]
    elif host == "vimeo.com" and path_parts and path_parts[0].isdigit():
        return f"https://player.vimeo.com/video/{path_parts[0]}?dnt=1"
    if video_id and YOUTUBE_ID.fullmatch(video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    return ""


class EmbedBlock(blocks.StructBlock):
    """A video from YouTube or Vimeo.

    Rendered as a link to the video; the player is loaded from the provider only when
    the visitor presses play, so no request leaves for a third party on page load. We
    build the player address ourselves instead of asking the provider (oEmbed), which
    keeps page rendering free of outgoing network calls."""

    url = blocks.URLBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo page address."))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=160,
        help_text=_("Names the video for screen readers and on the link shown before it loads."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        label = _("Video")

    def clean(self, value):
        value = super().clean(value)
        if not video_embed_url(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ErrorList([ValidationError(_("Enter the address of a YouTube or Vimeo video."))])
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value.get("url"))
        host = (urlparse(value.get("url") or "").hostname or "").removeprefix("www.")
        context["provider"] = "Vimeo" if "vimeo" in host else "YouTube"
        return context


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=160, help_text=_("Defaults to the document title.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=400)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document")


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    link_cards = LinkCardsBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock()
    document = DocumentLinkBlock()

    class Meta:
        template = "blocks/body_stream_block.html"
