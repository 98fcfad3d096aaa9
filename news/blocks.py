from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from iurc_portal.core.blocks import HeadingBlock, ParagraphBlock


class AgendaItemBlock(blocks.StructBlock):
    """One slot of an event's programme, in the event's own time zone."""

    start_time = blocks.TimeBlock(label=_("Starts at"), required=False)
    end_time = blocks.TimeBlock(label=_("Ends at"), required=False)
    title = blocks.CharBlock(label=_("Session"), max_length=200)
    speakers = blocks.CharBlock(label=_("Speakers"), required=False, max_length=300)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=1000)

    class Meta:
        icon = "time"
        template = "news/blocks/agenda_item_block.html"
        label = _("Agenda item")


class AgendaBlock(blocks.StreamBlock):
    """Agenda items, with headings to split days and paragraphs for notes."""

    heading = HeadingBlock()
    item = AgendaItemBlock()
    paragraph = ParagraphBlock()

    class Meta:
        template = "news/blocks/agenda_block.html"
