import datetime

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from iurc_portal.core.blocks import PREVIEW_TEMPLATE, HeadingBlock, ParagraphBlock


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
        description = _("One session of the event: its times, title, speakers and a short description.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "start_time": datetime.time(9, 30),
            "end_time": datetime.time(10, 15),
            "title": _("Example session title"),
            "speakers": _("Example Speaker, example city"),
            "description": _("Example description: what the session covers."),
        }


class AgendaBlock(blocks.StreamBlock):
    """Agenda items, with headings to split days and paragraphs for notes."""

    heading = HeadingBlock()
    item = AgendaItemBlock()
    paragraph = ParagraphBlock()

    class Meta:
        template = "news/blocks/agenda_block.html"
