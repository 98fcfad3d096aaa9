"""The header's and footer's words move from the site settings to a translatable snippet.

The first site's settings become the English text (live, as they were); settings that were never
edited leave no text behind, and the site shows the model's defaults as before."""

import django.db.models.deletion
import uuid
import wagtail.fields
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

COPIED = ["organisation_name", "funding_statement", "footer_links", "programme_websites"]


def copy_settings_to_english_text(apps, schema_editor):
    SiteSettings = apps.get_model("core", "SiteSettings")
    SiteText = apps.get_model("core", "SiteText")
    Locale = apps.get_model("wagtailcore", "Locale")
    source = SiteSettings.objects.order_by("pk").first()
    if source is None:
        return
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    now = timezone.now()
    SiteText.objects.create(
        locale=locale,
        live=True,
        first_published_at=now,
        last_published_at=now,
        **{name: getattr(source, name) for name in COPIED},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_image_block_wagtail_image_block"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteText",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                (
                    "has_unpublished_changes",
                    models.BooleanField(
                        default=False, editable=False, verbose_name="has unpublished changes"
                    ),
                ),
                (
                    "first_published_at",
                    models.DateTimeField(
                        blank=True, db_index=True, null=True, verbose_name="first published at"
                    ),
                ),
                (
                    "last_published_at",
                    models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
                ),
                ("go_live_at", models.DateTimeField(blank=True, null=True, verbose_name="go live date/time")),
                ("expire_at", models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time")),
                ("expired", models.BooleanField(default=False, editable=False, verbose_name="expired")),
                (
                    "organisation_name",
                    models.CharField(
                        default="International Urban and Regional Cooperation",
                        max_length=160,
                        verbose_name="organisation name",
                    ),
                ),
                (
                    "funding_statement",
                    models.TextField(
                        blank=True,
                        help_text="Shown in the footer, e.g. who finances and implements the programme.",
                        verbose_name="funding statement",
                    ),
                ),
                (
                    "footer_links",
                    wagtail.fields.StreamField(
                        [("link", 3)],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {"label": "Page on this site", "required": False},
                            ),
                            1: (
                                "wagtail.blocks.URLBlock",
                                (),
                                {"label": "Or another website", "required": False},
                            ),
                            2: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Defaults to the page title or “Visit website”.",
                                    "label": "Link text",
                                    "max_length": 80,
                                    "required": False,
                                },
                            ),
                            3: ("wagtail.blocks.StructBlock", [[("page", 0), ("url", 1), ("label", 2)]], {}),
                        },
                        help_text="Legal pages and other links at the foot of every page.",
                        verbose_name="footer links",
                    ),
                ),
                (
                    "programme_websites",
                    wagtail.fields.StreamField(
                        [("link", 3)],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {"label": "Page on this site", "required": False},
                            ),
                            1: (
                                "wagtail.blocks.URLBlock",
                                (),
                                {"label": "Or another website", "required": False},
                            ),
                            2: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Defaults to the page title or “Visit website”.",
                                    "label": "Link text",
                                    "max_length": 80,
                                    "required": False,
                                },
                            ),
                            3: ("wagtail.blocks.StructBlock", [[("page", 0), ("url", 1), ("label", 2)]], {}),
                        },
                        help_text="Other websites of the programme, e.g. the Phase I sites.",
                        verbose_name="programme websites",
                    ),
                ),
                (
                    "latest_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="latest revision",
                    ),
                ),
                (
                    "live_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="live revision",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "header and footer text",
                "verbose_name_plural": "header and footer text",
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(fields=("locale",), name="one_site_text_per_language")
                ],
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(copy_settings_to_english_text, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="sitesettings",
            name="footer_links",
        ),
        migrations.RemoveField(
            model_name="sitesettings",
            name="funding_statement",
        ),
        migrations.RemoveField(
            model_name="sitesettings",
            name="organisation_name",
        ),
        migrations.RemoveField(
            model_name="sitesettings",
            name="programme_websites",
        ),
        migrations.RemoveField(
            model_name="sitesettings",
            name="tagline",
        ),
    ]
