"""Blocks the programme pages share: where a page's facts come from."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SourceBlock(blocks.StructBlock):
    """One public source of the facts on a page, shown to visitors under "Sources"."""

    title = blocks.CharBlock(label=_("Title"), max_length=255)
    publisher = blocks.CharBlock(
        label=_("Publisher"),
        required=False,
        max_length=160,
        help_text=_("e.g. “IURC”, “European Commission”."),
    )
    url = blocks.URLBlock(label=_("Address (URL)"))
    accessed = blocks.DateBlock(label=_("Accessed on"), required=False)

    class Meta:
        icon = "link"
        label = _("Source")
        template = "programmes/blocks/source_block.html"


def sources_field():
    """The `sources` field every fact-bearing page has: a list of sources."""
    from wagtail.fields import StreamField

    return StreamField(
        [("source", SourceBlock())],
        blank=True,
        verbose_name=_("sources"),
        help_text=_("Where the facts on this page come from; shown to visitors under “Sources”."),
    )
