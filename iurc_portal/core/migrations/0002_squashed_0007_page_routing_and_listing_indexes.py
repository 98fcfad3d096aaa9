"""The core app's tables other than the user model and PostgreSQL's search and routing indexes.

What the 6 migrations it replaces built. A new database runs this one migration instead:
`migrate` rebuilt the project's model state for each of the 6, which every test worker paid for on
every run. A database that applied the old ones keeps them. The data migrations that only converted
existing rows are left out (a new database has none); the ones that create data are kept:
PostgreSQL's indexes.
"""

import django.db.models.deletion
import django.utils.timezone
import modelsearch.index
import taggit.managers
import uuid
import wagtail.fields
import wagtail.images.models
import wagtail.models.media
from django.conf import settings
from django.db import migrations, models

# Why each index exists: migrations 0003, 0004 and 0007 of this app.
POSTGRESQL_INDEXES = [
    "CREATE INDEX IF NOT EXISTS iurc_indexentry_title_body_gin ON wagtailsearch_indexentry"
    " USING gin ((title || body)) WITH (fastupdate = off)",
    "CREATE INDEX IF NOT EXISTS iurc_page_id_text ON wagtailcore_page (((id)::varchar(50)))"
    " INCLUDE (id, content_type_id) WHERE live",
    "CREATE INDEX IF NOT EXISTS iurc_page_url_path ON wagtailcore_page (url_path)",
    "CREATE INDEX IF NOT EXISTS iurc_page_live_path ON wagtailcore_page (path varchar_pattern_ops)"
    " INCLUDE (depth, locale_id, id) WHERE live",
]


def postgresql_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_INDEXES:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    replaces = [
        ('core', '0002_images_pages_settings'),
        ('core', '0003_search_index_title_body_gin'),
        ('core', '0004_search_join_index'),
        ('core', '0005_image_block_wagtail_image_block'),
        ('core', '0006_site_text'),
        ('core', '0007_page_routing_and_listing_indexes'),
    ]

    dependencies = [
        ('core', '0001_user'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        ('wagtailsearch', '0010_add_text_fields'),
    ]

    operations = [
        migrations.CreateModel(
            name='CustomImage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=255, verbose_name='title')),
                ('file', wagtail.images.models.WagtailImageField(height_field='height', upload_to=wagtail.images.models.get_upload_to, verbose_name='file', width_field='width')),
                ('description', models.CharField(blank=True, default='', max_length=255, verbose_name='description')),
                ('width', models.IntegerField(editable=False, verbose_name='width')),
                ('height', models.IntegerField(editable=False, verbose_name='height')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created at')),
                ('focal_point_x', models.PositiveIntegerField(blank=True, null=True)),
                ('focal_point_y', models.PositiveIntegerField(blank=True, null=True)),
                ('focal_point_width', models.PositiveIntegerField(blank=True, null=True)),
                ('focal_point_height', models.PositiveIntegerField(blank=True, null=True)),
                ('file_size', models.PositiveIntegerField(editable=False, null=True)),
                ('file_hash', models.CharField(blank=True, db_index=True, editable=False, max_length=40)),
                ('credit', models.CharField(blank=True, help_text='Photographer or owner, e.g. “© City of Rotterdam / Jan Jansen”.', max_length=255, verbose_name='credit')),
                ('licence', models.CharField(blank=True, choices=[('CC-BY-4.0', 'CC BY 4.0'), ('CC-BY-SA-4.0', 'CC BY-SA 4.0'), ('CC0-1.0', 'CC0 1.0'), ('public-domain', 'Public domain'), ('eu-reuse', '© European Union, reuse authorised'), ('all-rights-reserved', 'All rights reserved, used with permission')], default='', max_length=32, verbose_name='licence')),
                ('source_url', models.URLField(blank=True, help_text='Where the image comes from.', verbose_name='source')),
                ('collection', models.ForeignKey(default=wagtail.models.media.get_root_collection_id, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.collection', verbose_name='collection')),
                ('tags', taggit.managers.TaggableManager(blank=True, help_text=None, through='taggit.TaggedItem', to='taggit.Tag', verbose_name='tags')),
                ('uploaded_by_user', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='uploaded by user')),
            ],
            options={
                'abstract': False,
            },
            bases=(wagtail.images.models.ImageFileMixin, modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='HomePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('strapline', models.CharField(blank=True, help_text='A short line under the programme name.', max_length=255, verbose_name='strapline')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 10), ('link_cards', 20), ('call_to_action', 23), ('embed', 26), ('document', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('iurc_portal.core.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quotation', 'max_length': 1200}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Role or organisation', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8), ('role', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Short description', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('page', 14), ('url', 15), ('label', 16)]], {}), 18: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Cards', 'max_num': 12, 'min_num': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 11), ('cards', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('text', 22), ('link', 17)]], {}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 26: ('wagtail.blocks.StructBlock', [[('url', 24), ('title', 25), ('caption', 5)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 28: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'max_length': 160, 'required': False}), 29: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 400, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('document', 27), ('title', 28), ('description', 29)]], {})}, verbose_name='body')),
                ('hero_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='hero image')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'home page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='SiteSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('short_name', models.CharField(default='IURC', max_length=40, verbose_name='short name')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact email')),
                ('social_links', wagtail.fields.StreamField([('social', 2)], blank=True, block_lookup={0: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('linkedin', 'LinkedIn'), ('x', 'X'), ('facebook', 'Facebook'), ('youtube', 'YouTube'), ('instagram', 'Instagram'), ('mastodon', 'Mastodon'), ('bluesky', 'Bluesky')], 'label': 'Platform'}), 1: ('wagtail.blocks.URLBlock', (), {'label': 'Profile address'}), 2: ('wagtail.blocks.StructBlock', [[('platform', 0), ('url', 1)]], {})}, verbose_name='social media')),
                ('accessibility_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='accessibility statement page')),
                ('privacy_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='privacy notice page')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'site settings',
            },
        ),
        migrations.CreateModel(
            name='StandardPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 10), ('link_cards', 20), ('call_to_action', 23), ('embed', 26), ('document', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('iurc_portal.core.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quotation', 'max_length': 1200}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Role or organisation', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8), ('role', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Short description', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('page', 14), ('url', 15), ('label', 16)]], {}), 18: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Cards', 'max_num': 12, 'min_num': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 11), ('cards', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('text', 22), ('link', 17)]], {}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 26: ('wagtail.blocks.StructBlock', [[('url', 24), ('title', 25), ('caption', 5)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 28: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'max_length': 160, 'required': False}), 29: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 400, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('document', 27), ('title', 28), ('description', 29)]], {})}, verbose_name='body')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'standard page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='CustomRendition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('filter_spec', models.CharField(db_index=True, max_length=255)),
                ('file', wagtail.images.models.WagtailImageField(height_field='height', storage=wagtail.images.models.get_rendition_storage, upload_to=wagtail.images.models.get_rendition_upload_to, width_field='width')),
                ('width', models.IntegerField(editable=False)),
                ('height', models.IntegerField(editable=False)),
                ('focal_point_key', models.CharField(blank=True, default='', editable=False, max_length=16)),
                ('image', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='renditions', to='core.customimage')),
            ],
            options={
                'unique_together': {('image', 'filter_spec', 'focal_point_key')},
            },
            bases=(wagtail.images.models.ImageFileMixin, models.Model),
        ),
        migrations.CreateModel(
            name='SiteText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('organisation_name', models.CharField(default='International Urban and Regional Cooperation', max_length=160, verbose_name='organisation name')),
                ('funding_statement', models.TextField(blank=True, help_text='Shown in the footer, e.g. who finances and implements the programme.', verbose_name='funding statement')),
                ('footer_links', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 1: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('page', 0), ('url', 1), ('label', 2)]], {})}, help_text='Legal pages and other links at the foot of every page.', verbose_name='footer links')),
                ('programme_websites', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 1: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('page', 0), ('url', 1), ('label', 2)]], {})}, help_text='Other websites of the programme, e.g. the Phase I sites.', verbose_name='programme websites')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'header and footer text',
                'verbose_name_plural': 'header and footer text',
                'abstract': False,
                'constraints': [models.UniqueConstraint(fields=('locale',), name='one_site_text_per_language')],
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.RunPython(postgresql_indexes, migrations.RunPython.noop),
    ]
