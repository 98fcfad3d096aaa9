"""The news app's tables.

What the 10 migrations it replaces built. A new database runs this one migration instead:
`migrate` rebuilt the project's model state for each of the 10, which every test worker paid for on
every run. A database that applied the old ones keeps them. The data migrations that only converted
existing rows are left out (a new database has none).
"""

import django.db.models.deletion
import django.utils.timezone
import iurc_portal.core.languages
import modelcluster.fields
import modelsearch.index
import news.models.events
import uuid
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ('news', '0001_initial'),
        ('news', '0002_article_listing_index'),
        ('news', '0003_remove_newsarticlepage_hero_alt_text'),
        ('news', '0004_image_block_wagtail_image_block'),
        ('news', '0005_event_is_example'),
        ('news', '0006_category_and_region_help_text'),
        ('news', '0007_translatable_taxonomies_bootstrap'),
        ('news', '0008_translatable_taxonomies_data'),
        ('news', '0009_translatable_taxonomies'),
        ('news', '0010_taxonomy_links_pick_english'),
    ]

    dependencies = [
        ('core', '0002_squashed_0007_page_routing_and_listing_indexes'),
        ('wagtailcore', '0098_apitoken'),
        ('programmes', '0001_squashed_0011_resource_sort_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='NewsCategory',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('slug', models.SlugField(help_text='Used in filter addresses.', max_length=100, verbose_name='slug')),
            ],
            options={
                'verbose_name': 'news category',
                'verbose_name_plural': 'news categories',
                'ordering': ['name'],
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='NewsIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
            ],
            options={
                'verbose_name': 'news index page',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='EventIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'event index page',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='EventPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('intro', models.TextField(help_text='What the event is and who it is for, in brief.', max_length=1000, verbose_name='introduction')),
                ('start', models.DateTimeField(db_index=True, verbose_name='starts')),
                ('end', models.DateTimeField(db_index=True, verbose_name='ends')),
                ('time_zone', models.CharField(default='Europe/Brussels', help_text='Where the event happens; start and end are entered and shown in this time zone.', max_length=64, validators=[news.models.events.validate_time_zone], verbose_name='time zone')),
                ('attendance', models.CharField(choices=[('in_person', 'In person'), ('online', 'Online'), ('hybrid', 'In person and online')], default='in_person', max_length=20, verbose_name='attendance')),
                ('venue', models.CharField(blank=True, max_length=255, verbose_name='venue')),
                ('address', models.TextField(blank=True, max_length=500, verbose_name='address')),
                ('online_url', models.URLField(blank=True, help_text='Where to watch or join online; leave empty if the link is sent after registration.', verbose_name='online access link')),
                ('registration_url', models.URLField(blank=True, verbose_name='registration link')),
                ('recording_url', models.URLField(blank=True, help_text='Shown to visitors once the event has ended.', verbose_name='recording link')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 10), ('link_cards', 20), ('call_to_action', 23), ('embed', 26), ('document', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('iurc_portal.core.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quotation', 'max_length': 1200}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Role or organisation', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8), ('role', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Short description', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('page', 14), ('url', 15), ('label', 16)]], {}), 18: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Cards', 'max_num': 12, 'min_num': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 11), ('cards', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('text', 22), ('link', 17)]], {}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 26: ('wagtail.blocks.StructBlock', [[('url', 24), ('title', 25), ('caption', 5)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 28: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'max_length': 160, 'required': False}), 29: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 400, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('document', 27), ('title', 28), ('description', 29)]], {})}, verbose_name='description')),
                ('agenda', wagtail.fields.StreamField([('heading', 2), ('item', 8), ('paragraph', 9)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.TimeBlock', (), {'label': 'Starts at', 'required': False}), 4: ('wagtail.blocks.TimeBlock', (), {'label': 'Ends at', 'required': False}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Session', 'max_length': 200}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Speakers', 'max_length': 300, 'required': False}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 1000, 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('start_time', 3), ('end_time', 4), ('title', 5), ('speakers', 6), ('description', 7)]], {}), 9: ('iurc_portal.core.blocks.ParagraphBlock', (), {})}, verbose_name='agenda')),
                ('is_example', models.BooleanField(default=False, help_text='Invented for the demo: the page says so, and no calendar or search engine gets it as an event.', verbose_name='example')),
                ('hero_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='image')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'event',
                'verbose_name_plural': 'events',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='NewsArticlePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('date', models.DateField(db_index=True, default=django.utils.timezone.localdate, verbose_name='date')),
                ('author', models.CharField(blank=True, help_text='Who wrote the article, e.g. “IURC team”.', max_length=255, verbose_name='byline')),
                ('intro', models.TextField(help_text='One short paragraph; also used on cards and feeds.', max_length=1000, verbose_name='introduction')),
                ('hero_caption', models.CharField(blank=True, max_length=255, verbose_name='hero image caption')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 10), ('link_cards', 20), ('call_to_action', 23), ('embed', 26), ('document', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('iurc_portal.core.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quotation', 'max_length': 1200}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Role or organisation', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8), ('role', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Short description', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('page', 14), ('url', 15), ('label', 16)]], {}), 18: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Cards', 'max_num': 12, 'min_num': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 11), ('cards', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('text', 22), ('link', 17)]], {}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 26: ('wagtail.blocks.StructBlock', [[('url', 24), ('title', 25), ('caption', 5)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 28: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'max_length': 160, 'required': False}), 29: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 400, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('document', 27), ('title', 28), ('description', 29)]], {})}, verbose_name='body')),
                ('hero_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='hero image')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
            ],
            options={
                'verbose_name': 'news article',
                'verbose_name_plural': 'news articles',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.AddField(
            model_name='newsarticlepage',
            name='regions',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Where it happened: tick every region the article is about. Region pages and the region filter list articles by these ticks, never by their category.', related_name='news_articles', to='programmes.regionpage', verbose_name='regions'),
        ),
        migrations.AddField(
            model_name='newsarticlepage',
            name='related_cities',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='news_articles', to='programmes.citypage', verbose_name='related cities'),
        ),
        migrations.AddField(
            model_name='newsarticlepage',
            name='related_pairings',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='news_articles', to='programmes.pairingpage', verbose_name='related pairings'),
        ),
        migrations.AddField(
            model_name='newsarticlepage',
            name='social_image',
            field=models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image'),
        ),
        migrations.AddField(
            model_name='newsarticlepage',
            name='themes',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to=iurc_portal.core.languages.source_language_rows, related_name='news_articles', to='programmes.theme', verbose_name='themes'),
        ),
        migrations.AddField(
            model_name='newscategory',
            name='locale',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AddField(
            model_name='newscategory',
            name='region',
            field=models.ForeignKey(blank=True, help_text="Optional: the region this category reports on. It does not place articles in the region: editors tick each article's regions.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='news_categories', to='programmes.regionpage', verbose_name='region'),
        ),
        migrations.AddField(
            model_name='newsarticlepage',
            name='category',
            field=models.ForeignKey(blank=True, help_text='What kind of news this is, one only. Where it happened goes in Regions below, even when the category is named after a region.', limit_choices_to=iurc_portal.core.languages.source_language_rows, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='articles', to='news.newscategory', verbose_name='category'),
        ),
        migrations.AddField(
            model_name='newsindexpage',
            name='listing_image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image'),
        ),
        migrations.AddField(
            model_name='newsindexpage',
            name='social_image',
            field=models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image'),
        ),
        migrations.AddConstraint(
            model_name='newscategory',
            constraint=models.UniqueConstraint(fields=('name', 'locale'), name='newscategory_name_per_locale'),
        ),
        migrations.AddConstraint(
            model_name='newscategory',
            constraint=models.UniqueConstraint(fields=('slug', 'locale'), name='newscategory_slug_per_locale'),
        ),
        migrations.AlterUniqueTogether(
            name='newscategory',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.AddIndex(
            model_name='newsarticlepage',
            index=models.Index(fields=['-date', '-page_ptr'], name='news_article_listing_idx'),
        ),
    ]
