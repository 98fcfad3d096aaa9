"""The programmes app's tables and the 17 Sustainable Development Goals.

What the 11 migrations it replaces built. A new database runs this one migration instead:
`migrate` rebuilt the project's model state for each of the 11, which every test worker paid for on
every run. A database that applied the old ones keeps them. The data migrations that only converted
existing rows are left out (a new database has none); the ones that create data are kept: the
goals.
"""

import django.core.validators
import django.db.models.deletion
import iurc_portal.core.languages
import modelcluster.fields
import modelsearch.index
import programmes.models.calls
import uuid
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

# The goals' official short names and colours (migration 0002 of this app).
SDGS = [
    (1, "No poverty", "#E5243B"),
    (2, "Zero hunger", "#DDA63A"),
    (3, "Good health and well-being", "#4C9F38"),
    (4, "Quality education", "#C5192D"),
    (5, "Gender equality", "#FF3A21"),
    (6, "Clean water and sanitation", "#26BDE2"),
    (7, "Affordable and clean energy", "#FCC30B"),
    (8, "Decent work and economic growth", "#A21942"),
    (9, "Industry, innovation and infrastructure", "#FD6925"),
    (10, "Reduced inequalities", "#DD1367"),
    (11, "Sustainable cities and communities", "#FD9D24"),
    (12, "Responsible consumption and production", "#BF8B2E"),
    (13, "Climate action", "#3F7E44"),
    (14, "Life below water", "#0A97D9"),
    (15, "Life on land", "#56C02B"),
    (16, "Peace, justice and strong institutions", "#00689D"),
    (17, "Partnerships for the goals", "#19486A"),
]


def add_sdgs(apps, schema_editor):
    SDG = apps.get_model("programmes", "SDG")
    SDG.objects.bulk_create(SDG(number=number, name=name, colour=colour) for number, name, colour in SDGS)


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ('programmes', '0001_initial'),
        ('programmes', '0002_sdgs'),
        ('programmes', '0003_pairing_member_city_protect'),
        ('programmes', '0004_image_block_wagtail_image_block'),
        ('programmes', '0005_clusters_activities_calls_resources'),
        ('programmes', '0006_sort_names'),
        ('programmes', '0007_translatable_taxonomies_bootstrap'),
        ('programmes', '0008_translatable_taxonomies_data'),
        ('programmes', '0009_translatable_taxonomies'),
        ('programmes', '0010_taxonomy_links_pick_english'),
        ('programmes', '0011_resource_sort_name'),
    ]

    dependencies = [
        ('core', '0002_squashed_0007_page_routing_and_listing_indexes'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.CreateModel(
            name='SDG',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveSmallIntegerField(unique=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(17)], verbose_name='number')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('colour', models.CharField(help_text="The goal's official colour, e.g. #E5243B.", max_length=7, validators=[django.core.validators.RegexValidator('^#[0-9A-Fa-f]{6}$', 'A colour such as #E5243B.')], verbose_name='colour')),
            ],
            options={
                'verbose_name': 'Sustainable Development Goal',
                'verbose_name_plural': 'Sustainable Development Goals',
                'ordering': ['number'],
            },
        ),
        migrations.CreateModel(
            name='ActivityIndexPage',
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
                'verbose_name': 'activity index page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='CallIndexPage',
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
                'verbose_name': 'call index page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='CallPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='summary')),
                ('opens_at', models.DateTimeField(blank=True, help_text='Blank: open from publication.', null=True, verbose_name='opens at')),
                ('closes_at', models.DateTimeField(db_index=True, verbose_name='closes at')),
                ('time_zone', models.CharField(default='Europe/Brussels', help_text='The dates are shown in this time zone, e.g. Europe/Brussels.', max_length=64, validators=[programmes.models.calls.validate_time_zone], verbose_name='time zone')),
                ('eligibility', wagtail.fields.RichTextField(blank=True, verbose_name='who can apply')),
                ('how_to_apply', wagtail.fields.RichTextField(blank=True, verbose_name='how to apply')),
                ('faq', wagtail.fields.StreamField([('faq', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Question', 'max_length': 255}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul', 'ol'], 'label': 'Answer'}), 2: ('wagtail.blocks.StructBlock', [[('question', 0), ('answer', 1)]], {})}, verbose_name='frequently asked questions')),
                ('documents', wagtail.fields.StreamField([('document', 0)], blank=True, block_lookup={0: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'})}, verbose_name='documents')),
                ('apply_url', models.URLField(blank=True, verbose_name='application form')),
                ('is_example', models.BooleanField(default=False, help_text='Invented for the demo: the page says so to visitors.', verbose_name='example')),
                ('sources', wagtail.fields.StreamField([('source', 4)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 255}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “IURC”, “European Commission”.', 'label': 'Publisher', 'max_length': 160, 'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'label': 'Address (URL)'}), 3: ('wagtail.blocks.DateBlock', (), {'label': 'Accessed on', 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('title', 0), ('publisher', 1), ('url', 2), ('accessed', 3)]], {})}, help_text='Where the facts on this page come from; shown to visitors under “Sources”.', verbose_name='sources')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'call page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='CityIndexPage',
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
                'verbose_name': 'city index page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='CityPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('sort_name', models.CharField(db_index=True, default='', editable=False, max_length=255, verbose_name='sort name')),
                ('kind', models.CharField(choices=[('city', 'City'), ('region', 'Region'), ('metro', 'Metropolitan area')], default='city', max_length=10, verbose_name='kind')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
                ('population', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='population')),
                ('population_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='population figure year')),
                ('figures_source', models.URLField(blank=True, help_text='Where the population and area figures come from.', verbose_name='source of the population and area')),
                ('area_km2', models.DecimalField(blank=True, decimal_places=1, max_digits=10, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='area (km²)')),
                ('leader', models.CharField(blank=True, max_length=160, verbose_name='mayor or leader')),
                ('leader_role', models.CharField(blank=True, help_text='e.g. “Mayor”, “Governor”, “Lord Mayor”.', max_length=100, verbose_name="leader's role")),
                ('latitude', models.DecimalField(blank=True, decimal_places=5, max_digits=8, null=True, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)], verbose_name='latitude')),
                ('longitude', models.DecimalField(blank=True, decimal_places=5, max_digits=8, null=True, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)], verbose_name='longitude')),
                ('website', models.URLField(blank=True, verbose_name='website')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 10), ('link_cards', 20), ('call_to_action', 23), ('embed', 26), ('document', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('iurc_portal.core.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quotation', 'max_length': 1200}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Role or organisation', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8), ('role', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Short description', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('page', 14), ('url', 15), ('label', 16)]], {}), 18: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Cards', 'max_num': 12, 'min_num': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 11), ('cards', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('text', 22), ('link', 17)]], {}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 26: ('wagtail.blocks.StructBlock', [[('url', 24), ('title', 25), ('caption', 5)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 28: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'max_length': 160, 'required': False}), 29: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 400, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('document', 27), ('title', 28), ('description', 29)]], {})}, verbose_name='description')),
                ('sources', wagtail.fields.StreamField([('source', 4)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 255}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “IURC”, “European Commission”.', 'label': 'Publisher', 'max_length': 160, 'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'label': 'Address (URL)'}), 3: ('wagtail.blocks.DateBlock', (), {'label': 'Accessed on', 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('title', 0), ('publisher', 1), ('url', 2), ('accessed', 3)]], {})}, help_text='Where the facts on this page come from; shown to visitors under “Sources”.', verbose_name='sources')),
                ('image', models.ForeignKey(blank=True, help_text="The image's credit and licence are shown with it.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='photo')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'city page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='ClusterPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
                ('aims', wagtail.fields.RichTextField(blank=True, verbose_name='aims')),
                ('start_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='start year')),
                ('end_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='end year')),
                ('coordinators', models.TextField(blank=True, help_text='One per line: a person, city or body.', max_length=1000, verbose_name='coordinators')),
                ('is_example', models.BooleanField(default=False, help_text='Invented for the demo: the page says so to visitors.', verbose_name='example')),
                ('sources', wagtail.fields.StreamField([('source', 4)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 255}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “IURC”, “European Commission”.', 'label': 'Publisher', 'max_length': 160, 'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'label': 'Address (URL)'}), 3: ('wagtail.blocks.DateBlock', (), {'label': 'Accessed on', 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('title', 0), ('publisher', 1), ('url', 2), ('accessed', 3)]], {})}, help_text='Where the facts on this page come from; shown to visitors under “Sources”.', verbose_name='sources')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('members', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='From any pairing: a cluster brings together cities and regions across pairings.', related_name='clusters', to='programmes.citypage', verbose_name='member cities and regions')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'thematic cluster page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='Country',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('sort_name', models.CharField(db_index=True, default='', editable=False, max_length=255, verbose_name='sort name')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('iso_code', models.CharField(help_text='ISO 3166-1 alpha-2, e.g. “DE” or “KR”.', max_length=2, validators=[django.core.validators.RegexValidator('^[A-Z]{2}$', 'Two capital letters, as in ISO 3166-1 alpha-2.')], verbose_name='ISO code')),
                ('world_region', models.CharField(choices=[('europe', 'Europe'), ('asia', 'Asia'), ('oceania', 'Australia and Oceania'), ('north-america', 'North America'), ('latin-america', 'Latin America and the Caribbean'), ('africa', 'Africa')], max_length=20, verbose_name='world region')),
                ('is_eu', models.BooleanField(default=False, verbose_name='EU member state')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'country',
                'verbose_name_plural': 'countries',
                'ordering': ['sort_name', 'pk'],
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name='citypage',
            name='country',
            field=models.ForeignKey(limit_choices_to=iurc_portal.core.languages.source_language_rows, on_delete=django.db.models.deletion.PROTECT, related_name='cities', to='programmes.country', verbose_name='country'),
        ),
        migrations.CreateModel(
            name='DocumentText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.TextField(blank=True)),
                ('file_hash', models.CharField(blank=True, max_length=40)),
                ('extracted_at', models.DateTimeField(auto_now=True)),
                ('document', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='extracted_text', to='wagtaildocs.document')),
            ],
            options={
                'verbose_name': 'document text',
            },
        ),
        migrations.CreateModel(
            name='PairingIndexPage',
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
                'verbose_name': 'pairing index page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='PairingPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('sort_name', models.CharField(db_index=True, default='', editable=False, max_length=255, verbose_name='sort name')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
                ('start_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='start year')),
                ('end_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='end year')),
                ('status', models.CharField(choices=[('planned', 'Planned'), ('active', 'Active'), ('completed', 'Completed')], default='active', max_length=10, verbose_name='status')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 10), ('link_cards', 20), ('call_to_action', 23), ('embed', 26), ('document', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('iurc_portal.core.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quotation', 'max_length': 1200}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Role or organisation', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8), ('role', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Short description', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('page', 14), ('url', 15), ('label', 16)]], {}), 18: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Cards', 'max_num': 12, 'min_num': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 11), ('cards', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('text', 22), ('link', 17)]], {}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 26: ('wagtail.blocks.StructBlock', [[('url', 24), ('title', 25), ('caption', 5)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 28: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'max_length': 160, 'required': False}), 29: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 400, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('document', 27), ('title', 28), ('description', 29)]], {})}, verbose_name='description')),
                ('sources', wagtail.fields.StreamField([('source', 4)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 255}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “IURC”, “European Commission”.', 'label': 'Publisher', 'max_length': 160, 'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'label': 'Address (URL)'}), 3: ('wagtail.blocks.DateBlock', (), {'label': 'Accessed on', 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('title', 0), ('publisher', 1), ('url', 2), ('accessed', 3)]], {})}, help_text='Where the facts on this page come from; shown to visitors under “Sources”.', verbose_name='sources')),
                ('action_plan', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtaildocs.document', verbose_name='action plan')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'pairing page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='PairingMember',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('side', models.CharField(choices=[('eu', 'EU side'), ('partner', 'Partner side')], max_length=10, verbose_name='side')),
                ('city', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='pairing_memberships', to='programmes.citypage', verbose_name='city or region')),
                ('pairing', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='members', to='programmes.pairingpage')),
            ],
            options={
                'verbose_name': 'pairing member',
                'verbose_name_plural': 'pairing members',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='ProgrammePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('acronym', models.CharField(blank=True, help_text='e.g. “IURC”, “IUC-LAC”.', max_length=30, verbose_name='acronym')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
                ('start_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='start year')),
                ('end_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='end year')),
                ('funding_instrument', models.CharField(blank=True, help_text='e.g. “Partnership Instrument”.', max_length=255, verbose_name='funding instrument')),
                ('implementing_bodies', models.TextField(blank=True, help_text='One per line.', max_length=1000, verbose_name='implementing bodies')),
                ('serves_new_urban_agenda', models.BooleanField(default=False, verbose_name='New Urban Agenda')),
                ('serves_agenda_2030', models.BooleanField(default=False, verbose_name='Agenda 2030 and the SDGs')),
                ('serves_urban_agenda_eu', models.BooleanField(default=False, verbose_name='Urban Agenda for the EU')),
                ('serves_cohesion_policy', models.BooleanField(default=False, verbose_name='EU Cohesion Policy')),
                ('website', models.URLField(blank=True, verbose_name='website')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 10), ('link_cards', 20), ('call_to_action', 23), ('embed', 26), ('document', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('iurc_portal.core.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quotation', 'max_length': 1200}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Role or organisation', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8), ('role', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Short description', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('page', 14), ('url', 15), ('label', 16)]], {}), 18: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Cards', 'max_num': 12, 'min_num': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 11), ('cards', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('text', 22), ('link', 17)]], {}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 26: ('wagtail.blocks.StructBlock', [[('url', 24), ('title', 25), ('caption', 5)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 28: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'max_length': 160, 'required': False}), 29: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 400, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('document', 27), ('title', 28), ('description', 29)]], {})}, verbose_name='body')),
                ('sources', wagtail.fields.StreamField([('source', 4)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 255}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “IURC”, “European Commission”.', 'label': 'Publisher', 'max_length': 160, 'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'label': 'Address (URL)'}), 3: ('wagtail.blocks.DateBlock', (), {'label': 'Accessed on', 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('title', 0), ('publisher', 1), ('url', 2), ('accessed', 3)]], {})}, help_text='Where the facts on this page come from; shown to visitors under “Sources”.', verbose_name='sources')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'programme page',
                'verbose_name_plural': 'programmes',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.AddField(
            model_name='pairingpage',
            name='programme',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='pairings', to='programmes.programmepage', verbose_name='programme'),
        ),
        migrations.CreateModel(
            name='RegionIndexPage',
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
                'verbose_name': 'region index page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='RegionPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('sort_name', models.CharField(db_index=True, default='', editable=False, max_length=255, verbose_name='sort name')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
                ('video', wagtail.fields.StreamField([('video', 3)], blank=True, block_lookup={0: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('url', 0), ('title', 1), ('caption', 2)]], {})}, help_text='Optional: one YouTube or Vimeo video introducing the region.', verbose_name='video')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 10), ('link_cards', 20), ('call_to_action', 23), ('embed', 26), ('document', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('iurc_portal.core.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quotation', 'max_length': 1200}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Role or organisation', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8), ('role', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Short description', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('page', 14), ('url', 15), ('label', 16)]], {}), 18: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Cards', 'max_num': 12, 'min_num': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 11), ('cards', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('text', 22), ('link', 17)]], {}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 26: ('wagtail.blocks.StructBlock', [[('url', 24), ('title', 25), ('caption', 5)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 28: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'max_length': 160, 'required': False}), 29: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 400, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('document', 27), ('title', 28), ('description', 29)]], {})}, verbose_name='body')),
                ('countries', modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to=iurc_portal.core.languages.source_language_rows, related_name='region_pages', to='programmes.country', verbose_name='partner countries')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'region page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.AddField(
            model_name='pairingpage',
            name='region',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='pairings', to='programmes.regionpage', verbose_name='region'),
        ),
        migrations.CreateModel(
            name='ResourceIndexPage',
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
                'verbose_name': 'resource library page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.AddField(
            model_name='pairingpage',
            name='sdgs',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='pairings', to='programmes.sdg', verbose_name='SDGs'),
        ),
        migrations.AddField(
            model_name='citypage',
            name='sdgs',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='cities', to='programmes.sdg', verbose_name='SDGs'),
        ),
        migrations.CreateModel(
            name='Theme',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('sort_name', models.CharField(db_index=True, default='', editable=False, max_length=255, verbose_name='sort name')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('slug', models.SlugField(help_text='Used in filter addresses.', max_length=100, verbose_name='slug')),
                ('description', models.TextField(blank=True, max_length=1000, verbose_name='description')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'theme',
                'verbose_name_plural': 'themes',
                'ordering': ['sort_name', 'pk'],
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='ResourcePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('sort_name', models.CharField(db_index=True, default='', editable=False, max_length=255, verbose_name='sort name')),
                ('resource_type', models.CharField(choices=[('case-study', 'Case study'), ('action-plan', 'Action plan'), ('brochure', 'Brochure'), ('report', 'Report'), ('toolkit', 'Toolkit'), ('presentation', 'Presentation')], max_length=20, verbose_name='type')),
                ('language', models.CharField(choices=[('af', 'Afrikaans'), ('ar', 'Arabic'), ('ar-dz', 'Algerian Arabic'), ('ast', 'Asturian'), ('az', 'Azerbaijani'), ('bg', 'Bulgarian'), ('be', 'Belarusian'), ('bn', 'Bengali'), ('br', 'Breton'), ('bs', 'Bosnian'), ('ca', 'Catalan'), ('ckb', 'Central Kurdish (Sorani)'), ('cs', 'Czech'), ('cy', 'Welsh'), ('da', 'Danish'), ('de', 'German'), ('dsb', 'Lower Sorbian'), ('el', 'Greek'), ('en', 'English'), ('en-au', 'Australian English'), ('en-gb', 'British English'), ('eo', 'Esperanto'), ('es', 'Spanish'), ('es-ar', 'Argentinian Spanish'), ('es-co', 'Colombian Spanish'), ('es-mx', 'Mexican Spanish'), ('es-ni', 'Nicaraguan Spanish'), ('es-ve', 'Venezuelan Spanish'), ('et', 'Estonian'), ('eu', 'Basque'), ('fa', 'Persian'), ('fi', 'Finnish'), ('fr', 'French'), ('fy', 'Frisian'), ('ga', 'Irish'), ('gd', 'Scottish Gaelic'), ('gl', 'Galician'), ('he', 'Hebrew'), ('hi', 'Hindi'), ('hr', 'Croatian'), ('hsb', 'Upper Sorbian'), ('hu', 'Hungarian'), ('hy', 'Armenian'), ('ia', 'Interlingua'), ('id', 'Indonesian'), ('ig', 'Igbo'), ('io', 'Ido'), ('is', 'Icelandic'), ('it', 'Italian'), ('ja', 'Japanese'), ('ka', 'Georgian'), ('kab', 'Kabyle'), ('kk', 'Kazakh'), ('km', 'Khmer'), ('kn', 'Kannada'), ('ko', 'Korean'), ('ky', 'Kyrgyz'), ('lb', 'Luxembourgish'), ('lt', 'Lithuanian'), ('lv', 'Latvian'), ('mk', 'Macedonian'), ('ml', 'Malayalam'), ('mn', 'Mongolian'), ('mr', 'Marathi'), ('ms', 'Malay'), ('my', 'Burmese'), ('nb', 'Norwegian Bokmål'), ('ne', 'Nepali'), ('nl', 'Dutch'), ('nn', 'Norwegian Nynorsk'), ('os', 'Ossetic'), ('pa', 'Punjabi'), ('pl', 'Polish'), ('pt', 'Portuguese'), ('pt-br', 'Brazilian Portuguese'), ('ro', 'Romanian'), ('ru', 'Russian'), ('sk', 'Slovak'), ('sl', 'Slovenian'), ('sq', 'Albanian'), ('sr', 'Serbian'), ('sr-latn', 'Serbian Latin'), ('sv', 'Swedish'), ('sw', 'Swahili'), ('ta', 'Tamil'), ('te', 'Telugu'), ('tg', 'Tajik'), ('th', 'Thai'), ('tk', 'Turkmen'), ('tr', 'Turkish'), ('tt', 'Tatar'), ('udm', 'Udmurt'), ('ug', 'Uyghur'), ('uk', 'Ukrainian'), ('ur', 'Urdu'), ('uz', 'Uzbek'), ('vi', 'Vietnamese'), ('zh-hans', 'Simplified Chinese'), ('zh-hant', 'Traditional Chinese')], default='en', max_length=10, verbose_name='language')),
                ('year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='summary')),
                ('source_url', models.URLField(blank=True, help_text='Where the original is published, if elsewhere.', verbose_name='original')),
                ('is_example', models.BooleanField(default=False, help_text='A stand-in file made for the demo: the page says so.', verbose_name='example')),
                ('cities', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='resources', to='programmes.citypage', verbose_name='cities and regions')),
                ('clusters', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='resources', to='programmes.clusterpage', verbose_name='clusters')),
                ('document', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtaildocs.document', verbose_name='document')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('pairings', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='resources', to='programmes.pairingpage', verbose_name='pairings')),
                ('regions', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='resources', to='programmes.regionpage', verbose_name='regions')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
                ('themes', modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to=iurc_portal.core.languages.source_language_rows, related_name='resources', to='programmes.theme', verbose_name='themes')),
            ],
            options={
                'verbose_name': 'resource page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.AddField(
            model_name='pairingpage',
            name='themes',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to=iurc_portal.core.languages.source_language_rows, related_name='pairings', to='programmes.theme', verbose_name='themes'),
        ),
        migrations.AddField(
            model_name='clusterpage',
            name='themes',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to=iurc_portal.core.languages.source_language_rows, related_name='clusters', to='programmes.theme', verbose_name='themes'),
        ),
        migrations.AddField(
            model_name='citypage',
            name='themes',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to=iurc_portal.core.languages.source_language_rows, related_name='cities', to='programmes.theme', verbose_name='themes'),
        ),
        migrations.CreateModel(
            name='ActivityPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('activity_type', models.CharField(choices=[('study-visit', 'Study visit'), ('workshop', 'Workshop'), ('webinar', 'Webinar'), ('conference', 'Conference'), ('mission', 'Mission'), ('meeting', 'Meeting')], max_length=20, verbose_name='type')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='summary')),
                ('start_date', models.DateField(db_index=True, verbose_name='start date')),
                ('end_date', models.DateField(blank=True, help_text='Blank: one day.', null=True, verbose_name='end date')),
                ('place', models.CharField(blank=True, help_text='City and venue.', max_length=200, verbose_name='place')),
                ('online', models.BooleanField(default=False, verbose_name='online')),
                ('participants', models.TextField(blank=True, help_text='Who took part, or how many.', max_length=1000, verbose_name='participants')),
                ('outcome', models.TextField(blank=True, max_length=2000, verbose_name='outcome')),
                ('recording_url', models.URLField(blank=True, verbose_name='recording')),
                ('documents', wagtail.fields.StreamField([('document', 0)], blank=True, block_lookup={0: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'})}, verbose_name='documents')),
                ('is_example', models.BooleanField(default=False, help_text='Invented for the demo: the page says so to visitors.', verbose_name='example')),
                ('sources', wagtail.fields.StreamField([('source', 4)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 255}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “IURC”, “European Commission”.', 'label': 'Publisher', 'max_length': 160, 'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'label': 'Address (URL)'}), 3: ('wagtail.blocks.DateBlock', (), {'label': 'Accessed on', 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('title', 0), ('publisher', 1), ('url', 2), ('accessed', 3)]], {})}, help_text='Where the facts on this page come from; shown to visitors under “Sources”.', verbose_name='sources')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image')),
                ('cities', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='activities', to='programmes.citypage', verbose_name='cities and regions')),
                ('clusters', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='activities', to='programmes.clusterpage', verbose_name='clusters')),
                ('pairings', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='activities', to='programmes.pairingpage', verbose_name='pairings')),
                ('regions', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='activities', to='programmes.regionpage', verbose_name='regions')),
                ('themes', modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to=iurc_portal.core.languages.source_language_rows, related_name='activities', to='programmes.theme', verbose_name='themes')),
            ],
            options={
                'verbose_name': 'activity page',
                'ordering': ['-start_date'],
            },
            bases=('wagtailcore.page',),
        ),
        migrations.AddConstraint(
            model_name='country',
            constraint=models.UniqueConstraint(fields=('iso_code', 'locale'), name='country_iso_code_per_locale'),
        ),
        migrations.AlterUniqueTogether(
            name='country',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.AddConstraint(
            model_name='pairingmember',
            constraint=models.UniqueConstraint(fields=('pairing', 'city'), name='programmes_pairingmember_unique_city'),
        ),
        migrations.AddConstraint(
            model_name='theme',
            constraint=models.UniqueConstraint(fields=('slug', 'locale'), name='theme_slug_per_locale'),
        ),
        migrations.AlterUniqueTogether(
            name='theme',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.AddIndex(
            model_name='resourcepage',
            index=models.Index(fields=['-year', 'sort_name', 'page_ptr'], name='resource_library_order'),
        ),
        migrations.RunPython(add_sdgs, migrations.RunPython.noop),
    ]
