"""The newsletter app's tables, its first consent statement and the senders' permissions.

What the 7 migrations it replaces built. A new database runs this one migration instead:
`migrate` rebuilt the project's model state for each of the 7, which every test worker paid for on
every run. A database that applied the old ones keeps them. The data migrations that only converted
existing rows are left out (a new database has none); the ones that create data are kept: the
consent statement, the managers' group and the send permission.
"""

import django.db.models.deletion
import django.utils.timezone
import hashlib
import iurc_portal.core.languages
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models
from newsletter.defaults import (
    CONSENT_TEXT,
    CONSENT_VERSION,
    MANAGERS_GROUP,
    SEND_PERMISSION,
    SENDERS_GROUPS,
    grant_managers_permissions,
)


def consent_text_and_senders(apps, schema_editor):
    ConsentText = apps.get_model("newsletter", "ConsentText")
    ConsentText.objects.create(
        version=CONSENT_VERSION,
        text=CONSENT_TEXT,
        text_hash=hashlib.sha256(CONSENT_TEXT.encode("utf-8")).hexdigest(),
    )
    # Permissions are normally created after all migrations have run; the groups need them now.
    config = apps.get_app_config("newsletter")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    managers, _created = Group.objects.get_or_create(name=MANAGERS_GROUP)
    grant_managers_permissions(managers, Permission)
    app_label, model, codename = SEND_PERMISSION
    send = Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)
    for group in Group.objects.filter(name__in=SENDERS_GROUPS):
        group.permissions.add(send)


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ('newsletter', '0001_initial'),
        ('newsletter', '0002_consent_text_and_managers_group'),
        ('newsletter', '0003_image_block_wagtail_image_block'),
        ('newsletter', '0004_issues_and_deliveries'),
        ('newsletter', '0005_send_issue_permission'),
        ('newsletter', '0006_consent_text_language'),
        ('newsletter', '0007_taxonomy_links_pick_english'),
    ]

    dependencies = [
        ('core', '0002_squashed_0007_page_routing_and_listing_indexes'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('programmes', '0001_squashed_0011_resource_sort_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailadmin', '0001_create_admin_access_permissions'),
    ]

    operations = [
        migrations.CreateModel(
            name='ConsentText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.CharField(max_length=40, unique=True, verbose_name='version')),
                ('text', models.TextField(help_text='Shown next to the sign-up checkbox. The privacy notice link is added after it.', max_length=1000, verbose_name='statement')),
                ('language', models.CharField(choices=[('en', 'English'), ('es', 'Español'), ('pt', 'Português'), ('fr', 'Français'), ('zh-hans', '简体中文'), ('ja', '日本語'), ('ko', '한국어'), ('id', 'Bahasa Indonesia'), ('th', 'ไทย'), ('vi', 'Tiếng Việt')], default='en', max_length=16, verbose_name='language')),
                ('text_hash', models.CharField(editable=False, max_length=64, verbose_name='SHA-256 of the statement')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='created')),
            ],
            options={
                'verbose_name': 'consent statement',
                'verbose_name_plural': 'consent statements',
                'ordering': ['-created_at', '-pk'],
                'get_latest_by': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='NewsletterPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 10), ('link_cards', 20), ('call_to_action', 23), ('embed', 26), ('document', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2 (section)'), ('h3', 'Level 3 (subsection)')], 'help_text': 'Use level 2 for sections; level 3 only inside a level-2 section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('iurc_portal.core.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quotation', 'max_length': 1200}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Role or organisation', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8), ('role', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Short description', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or another website', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the page title or “Visit website”.', 'label': 'Link text', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('page', 14), ('url', 15), ('label', 16)]], {}), 18: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Cards', 'max_num': 12, 'min_num': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 11), ('cards', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('text', 22), ('link', 17)]], {}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo page address.', 'label': 'Video address'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers and on the link shown before it loads.', 'label': 'Title', 'max_length': 160}), 26: ('wagtail.blocks.StructBlock', [[('url', 24), ('title', 25), ('caption', 5)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 28: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'max_length': 160, 'required': False}), 29: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'max_length': 400, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('document', 27), ('title', 28), ('description', 29)]], {})}, verbose_name='body')),
            ],
            options={
                'verbose_name': 'newsletter page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='Subscriber',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('email', models.CharField(help_text='As the person typed it.', max_length=254, verbose_name='email address')),
                ('email_normalized', models.CharField(help_text='Trimmed, lower-cased, domain in IDNA form: one row per mailbox.', max_length=254, unique=True, verbose_name='normalised address')),
                ('status', models.CharField(choices=[('pending', 'Pending confirmation'), ('confirmed', 'Confirmed'), ('unsubscribed', 'Unsubscribed'), ('erased', 'Erased')], db_index=True, default='pending', max_length=16, verbose_name='status')),
                ('token_hash', models.CharField(blank=True, db_index=True, editable=False, max_length=64)),
                ('token_expires_at', models.DateTimeField(blank=True, editable=False, null=True)),
                ('locale', models.CharField(blank=True, max_length=16, verbose_name='language')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='signed up')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='confirmed')),
                ('unsubscribed_at', models.DateTimeField(blank=True, null=True, verbose_name='unsubscribed')),
                ('erased_at', models.DateTimeField(blank=True, null=True, verbose_name='erased')),
                ('hard_bounces', models.PositiveSmallIntegerField(default=0, verbose_name='hard bounces')),
                ('suppressed_at', models.DateTimeField(blank=True, null=True, verbose_name='suppressed')),
                ('suppressed_reason', models.CharField(blank=True, choices=[('bounced', 'Repeated hard bounces'), ('complained', 'Spam complaint')], max_length=16, verbose_name='suppressed because')),
            ],
            options={
                'verbose_name': 'subscriber',
                'verbose_name_plural': 'subscribers',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Suppression',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('email_hash', models.CharField(max_length=64, unique=True)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'verbose_name': 'suppressed address',
                'verbose_name_plural': 'suppressed addresses',
            },
        ),
        migrations.CreateModel(
            name='ConsentEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('event', models.CharField(choices=[('subscribed', 'Subscribed'), ('confirmed', 'Confirmed'), ('unsubscribed', 'Unsubscribed'), ('erased', 'Erased')], max_length=16, verbose_name='event')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='time')),
                ('consent_version', models.CharField(blank=True, max_length=40, verbose_name='statement version')),
                ('consent_hash', models.CharField(blank=True, max_length=64, verbose_name='statement SHA-256')),
                ('source', models.CharField(blank=True, max_length=255, verbose_name='source page')),
                ('locale', models.CharField(blank=True, max_length=16, verbose_name='language')),
                ('consent_text', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='events', to='newsletter.consenttext', verbose_name='consent statement')),
            ],
            options={
                'verbose_name': 'consent event',
                'verbose_name_plural': 'consent events',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='IssueSend',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('scheduled', 'Scheduled'), ('sending', 'Sending'), ('done', 'Sent')], db_index=True, default='scheduled', max_length=16, verbose_name='status')),
                ('send_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='send at')),
                ('requested_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='requested')),
                ('started_at', models.DateTimeField(blank=True, null=True, verbose_name='started')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished')),
                ('audience_size', models.PositiveIntegerField(default=0, verbose_name='audience')),
                ('subject', models.CharField(blank=True, editable=False, max_length=150)),
                ('html', models.TextField(blank=True, editable=False)),
                ('text', models.TextField(blank=True, editable=False)),
                ('web_url', models.URLField(blank=True, editable=False, max_length=500)),
                ('requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by')),
            ],
            options={
                'verbose_name': 'issue send',
                'verbose_name_plural': 'issue sends',
                'permissions': [('send_issue', 'Can send newsletter issues')],
            },
        ),
        migrations.CreateModel(
            name='Delivery',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('queued', 'Queued'), ('sending', 'Being sent'), ('sent', 'Sent'), ('failed', 'Failed'), ('bounced', 'Bounced'), ('skipped', 'Not sent (left the list)')], default='queued', max_length=16)),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('claimed_by', models.CharField(blank=True, max_length=40)),
                ('claimed_at', models.DateTimeField(blank=True, null=True)),
                ('sent_at', models.DateTimeField(blank=True, null=True)),
                ('error', models.CharField(blank=True, max_length=255)),
                ('send', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='newsletter.issuesend')),
            ],
            options={
                'verbose_name': 'delivery',
                'verbose_name_plural': 'deliveries',
            },
        ),
        migrations.CreateModel(
            name='NewsletterArchivePage',
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
                'verbose_name': 'newsletter archive',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='NewsletterIssuePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('listing_title', models.CharField(blank=True, help_text='Shown on cards and lists instead of the page title.', max_length=255, verbose_name='listing title')),
                ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards and lists.', max_length=300, verbose_name='listing summary')),
                ('social_text', models.CharField(blank=True, help_text='Description used when the page is shared; defaults to the search description.', max_length=255, verbose_name='social text')),
                ('subject', models.CharField(max_length=150, verbose_name='email subject')),
                ('preheader', models.CharField(blank=True, help_text='The line mail programs show after the subject in the inbox.', max_length=150, verbose_name='preheader')),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('text', 1), ('latest_news', 4), ('chosen_news', 8), ('upcoming_events', 10), ('chosen_events', 14)], blank=True, block_lookup={0: ('newsletter.blocks.IssueHeadingBlock', (), {'max_length': 120}), 1: ('newsletter.blocks.TextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul']}), 2: ('wagtail.blocks.CharBlock', (), {'default': 'Latest news', 'label': 'Heading', 'max_length': 120}), 3: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'label': 'How many', 'max_value': 10, 'min_value': 1}), 4: ('wagtail.blocks.StructBlock', [[('heading', 2), ('count', 3)]], {}), 5: ('wagtail.blocks.CharBlock', (), {'default': 'In the news', 'label': 'Heading', 'max_length': 120}), 6: ('wagtail.blocks.PageChooserBlock', (), {'page_type': ['news.NewsArticlePage']}), 7: ('wagtail.blocks.ListBlock', (6,), {'label': 'Articles'}), 8: ('wagtail.blocks.StructBlock', [[('heading', 5), ('pages', 7)]], {}), 9: ('wagtail.blocks.CharBlock', (), {'default': 'Coming up', 'label': 'Heading', 'max_length': 120}), 10: ('wagtail.blocks.StructBlock', [[('heading', 9), ('count', 3)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'default': 'Events', 'label': 'Heading', 'max_length': 120}), 12: ('wagtail.blocks.PageChooserBlock', (), {'page_type': ['news.EventPage']}), 13: ('wagtail.blocks.ListBlock', (12,), {'label': 'Events'}), 14: ('wagtail.blocks.StructBlock', [[('heading', 11), ('pages', 13)]], {})}, verbose_name='content')),
                ('is_example', models.BooleanField(default=False, help_text='Invented to show what an issue looks like; the page says so.', verbose_name='example issue')),
                ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image')),
            ],
            options={
                'verbose_name': 'newsletter issue',
                'verbose_name_plural': 'newsletter issues',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.AddField(
            model_name='newsletterissuepage',
            name='regions',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Sent only to subscribers interested in one of these (or in everything). Empty: everybody.', related_name='newsletter_issues', to='programmes.regionpage', verbose_name='regions'),
        ),
        migrations.AddField(
            model_name='newsletterissuepage',
            name='social_image',
            field=models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image'),
        ),
        migrations.AddField(
            model_name='newsletterissuepage',
            name='themes',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Sent only to subscribers interested in one of these (or in everything). Empty: everybody.', limit_choices_to=iurc_portal.core.languages.source_language_rows, related_name='newsletter_issues', to='programmes.theme', verbose_name='themes'),
        ),
        migrations.AddField(
            model_name='issuesend',
            name='issue',
            field=models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='send', to='newsletter.newsletterissuepage', verbose_name='issue'),
        ),
        migrations.AddField(
            model_name='newsletterpage',
            name='listing_image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='listing image'),
        ),
        migrations.AddField(
            model_name='newsletterpage',
            name='social_image',
            field=models.ForeignKey(blank=True, help_text='Shown when the page is shared (1200×630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.customimage', verbose_name='social image'),
        ),
        migrations.AddField(
            model_name='subscriber',
            name='regions',
            field=models.ManyToManyField(blank=True, related_name='newsletter_subscribers', to='programmes.regionpage', verbose_name='regions of interest'),
        ),
        migrations.AddField(
            model_name='subscriber',
            name='themes',
            field=models.ManyToManyField(blank=True, limit_choices_to=iurc_portal.core.languages.source_language_rows, related_name='newsletter_subscribers', to='programmes.theme', verbose_name='themes of interest'),
        ),
        migrations.AddField(
            model_name='delivery',
            name='subscriber',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='newsletter.subscriber'),
        ),
        migrations.AddField(
            model_name='consentevent',
            name='subscriber',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='consent_events', to='newsletter.subscriber', verbose_name='subscriber'),
        ),
        migrations.AddIndex(
            model_name='delivery',
            index=models.Index(fields=['status', 'next_attempt_at'], name='newsletter_delivery_due'),
        ),
        migrations.AddConstraint(
            model_name='delivery',
            constraint=models.UniqueConstraint(fields=('send', 'subscriber'), name='newsletter_delivery_once'),
        ),
        migrations.RunPython(consent_text_and_senders, migrations.RunPython.noop),
    ]
