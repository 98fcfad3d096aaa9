"""The body's image block wraps Wagtail's ImageBlock (image, alt text, decorative) with a caption.

Stored values move from {"image": id, "alt_text", "decorative", "caption"} to
{"image": {"image": id, "alt_text", "decorative"}, "caption"}, in pages and in every revision,
so older revisions stay readable; reversing the migration flattens them again."""

import wagtail.fields
from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation

APP = 'core'
MODELS = ['homepage', 'standardpage']


class NestImageValue(BaseBlockOperation):
    def apply(self, block_value):
        if isinstance(block_value.get("image"), dict):
            return block_value  # already nested
        decorative = bool(block_value.get("decorative"))
        return {
            "image": {
                "image": block_value.get("image"),
                "alt_text": "" if decorative else block_value.get("alt_text") or "",
                "decorative": decorative,
            },
            "caption": block_value.get("caption") or "",
        }

    @property
    def operation_name_fragment(self):
        return "nest_image_value"


class FlattenImageValue(BaseBlockOperation):
    def apply(self, block_value):
        image = block_value.get("image")
        if not isinstance(image, dict):
            return block_value  # already flat
        return {
            "image": image.get("image"),
            "alt_text": image.get("alt_text") or "",
            "decorative": bool(image.get("decorative")),
            "caption": block_value.get("caption") or "",
        }

    @property
    def operation_name_fragment(self):
        return "flatten_image_value"


def image_blocks(operation):
    def run(apps, schema_editor):
        for model_name in MODELS:
            MigrateStreamData(APP, model_name, "body", [(operation, "image")]).migrate_stream_data_forward(
                apps, schema_editor
            )

    return run


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_search_join_index'),
    ]

    operations = [
        migrations.AlterField(
            model_name='homepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 10), ('link_cards', 20), ('call_to_action', 23), ('embed', 26), ('document', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('iurc_portal.core.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quotation', 'max_length': 1200}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Role or organisation', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8), ('role', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Short description', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('page', 14), ('url', 15), ('label', 16)]], {}), 18: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Cards', 'max_num': 12, 'min_num': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 11), ('cards', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('text', 22), ('link', 17)]], {}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 26: ('wagtail.blocks.StructBlock', [[('url', 24), ('title', 25), ('caption', 5)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 28: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'max_length': 160, 'required': False}), 29: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 400, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('document', 27), ('title', 28), ('description', 29)]], {})}, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='standardpage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 10), ('link_cards', 20), ('call_to_action', 23), ('embed', 26), ('document', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('iurc_portal.core.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quotation', 'max_length': 1200}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Role or organisation', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8), ('role', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Short description', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('page', 14), ('url', 15), ('label', 16)]], {}), 18: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Cards', 'max_num': 12, 'min_num': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 11), ('cards', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('text', 22), ('link', 17)]], {}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 26: ('wagtail.blocks.StructBlock', [[('url', 24), ('title', 25), ('caption', 5)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 28: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'max_length': 160, 'required': False}), 29: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 400, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('document', 27), ('title', 28), ('description', 29)]], {})}, verbose_name='body'),
        ),
        migrations.RunPython(image_blocks(NestImageValue()), image_blocks(FlattenImageValue())),
    ]
