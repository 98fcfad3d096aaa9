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
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import RichText

from .languages import item_language

# Every block previews in the block picker with the site's own styles (see the template).
PREVIEW_TEMPLATE = "blocks/block_preview.html"
# Preview links go nowhere real, so no editor mistakes an example for content.
EXAMPLE_URL = "https://example.org/"


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
        description = _("A section or subsection heading; it also gives the section a link anchor.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"text": _("Example section heading"), "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", settings.RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_preview_value(self):
        return RichText(
            format_html(
                "<p>{}</p>",
                gettext("Example text: a paragraph as it appears on the page, written by the editor."),
            )
        )

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Text")
        description = _("Formatted text: paragraphs, lists, links and minor headings.")
        preview_template = PREVIEW_TEMPLATE


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
        description = _("An image from the library with its credit and licence, and an optional caption.")
        preview_template = PREVIEW_TEMPLATE

    def normalize(self, value):
        # Code and tests that build pages may still give the value flat, as this block stored it
        # before it used Wagtail's ImageBlock: {"image", "alt_text", "decorative", "caption"}.
        if isinstance(value, dict) and not isinstance(value, blocks.StructValue) and "alt_text" in value:
            value = {
                "image": {name: value.get(name) for name in ("image", "alt_text", "decorative")},
                "caption": value.get("caption") or "",
            }
        return super().normalize(value)

    def get_preview_value(self):
        # A rendition needs a real image file, so the example shows the newest library image.
        image = get_image_model().objects.order_by("-created_at").first()
        alt_text = (image.description or image.title) if image else ""
        return self.normalize(
            {
                "image": {"image": image, "alt_text": alt_text, "decorative": False},
                "caption": gettext("Example caption: what the image shows, in one sentence."),
            }
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"), max_length=1200)
    attribution = blocks.CharBlock(label=_("Who said it"), max_length=160)
    role = blocks.CharBlock(label=_("Role or organisation"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quotation")
        description = _("A quotation with the name and role of the person who said it.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "quote": _("Example quotation: what someone said, in their own words."),
            "attribution": _("Example Name"),
            "role": _("Example role, example city"),
        }


class LinkValue(blocks.StructValue):
    """Where a LinkBlock points, decided in one place for every link on the site.

    A page that is not live gives no link (`href` is empty), so a draft or unpublished page is
    left out instead of being linked to a 404. Templates read `href`, `text` and `is_external`;
    `url` and `label` are the editor's own fields."""

    @cached_property
    def live_page(self):
        page = self.get("page")
        return page if page is not None and page.live else None

    @property
    def leads_somewhere(self):
        """Whether there is a link to show (without working out its URL)."""
        return self.live_page is not None or bool(self.get("url"))

    @cached_property
    def href(self):
        if self.live_page is not None:
            return self.live_page.get_url() or ""
        return self.get("url") or ""

    @property
    def is_external(self):
        return self.live_page is None and bool(self.href)

    @property
    def text(self):
        if self.get("label"):
            return self["label"]
        if self.live_page is not None:
            return self.live_page.title
        return gettext("Visit website")

    @property
    def language(self):
        """The language of `text` when it is a page's title (an English page linked from a
        translation), else None: the editor's label and "Visit website" are in the reader's."""
        if self.get("label") or self.live_page is None:
            return None
        return item_language(self.live_page)


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
        value_class = LinkValue
        template = "blocks/link_block.html"
        description = _("A link to a page of this site or to another website.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"page": None, "url": EXAMPLE_URL, "label": _("Example link text")}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ErrorList([ValidationError(_("Choose a page or enter a web address, not both."))])
                }
            )
        return value


EXAMPLE_CARD = {
    "title": _("Example card title"),
    "text": _("Example description: one or two sentences about where the card leads."),
    "link": {"page": None, "url": EXAMPLE_URL, "label": ""},
}


class LinkCardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Short description"), required=False, max_length=400)
    link = LinkBlock()

    class Meta:
        icon = "link"
        template = "blocks/link_card_block.html"
        label = _("Card")
        description = _("One card: a title that links to a page or website, and a short description.")
        # A card is a list item, so its preview shows it inside a card list.
        preview_template = "blocks/link_card_block_preview.html"
        preview_value = EXAMPLE_CARD


class LinkCardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=160)
    cards = blocks.ListBlock(LinkCardBlock(), min_num=1, max_num=12, label=_("Cards"))

    class Meta:
        icon = "list-ul"
        template = "blocks/link_cards_block.html"
        label = _("Link cards")
        description = _("A grid of cards, each linking to a page of this site or another website.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": _("Example heading of a set of cards"),
            "cards": [EXAMPLE_CARD, EXAMPLE_CARD],
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box with a heading, a sentence and one button.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": _("Example call to action"),
            "text": _("Example text: one sentence saying why the visitor should follow the button."),
            "link": {"page": None, "url": EXAMPLE_URL, "label": _("Example button")},
        }


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
        description = _(
            "A YouTube or Vimeo video, loaded from the provider only when the visitor presses play."
        )
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "url": "https://www.youtube.com/watch?v=example-id",
            "title": _("Example video title"),
            "caption": _("Example caption: what the video shows."),
        }

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
        description = _("A link to a document from the library, with its file type and size.")
        preview_template = PREVIEW_TEMPLATE

    def get_preview_value(self):
        # The link shows the file's type and size, so the example uses the newest library document.
        return self.normalize(
            {
                "document": get_document_model().objects.order_by("-created_at").first(),
                "title": gettext("Example document title"),
                "description": gettext("Example description: what the document contains."),
            }
        )


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
