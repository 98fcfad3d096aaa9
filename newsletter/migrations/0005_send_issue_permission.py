"""Moderators and "Newsletter managers" may send issues; editors may not."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from newsletter.defaults import SEND_PERMISSION, SENDERS_GROUPS


def forwards(apps, schema_editor):
    config = apps.get_app_config("newsletter")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, model, codename = SEND_PERMISSION
    permission = Permission.objects.get(
        content_type__app_label=app_label, content_type__model=model, codename=codename
    )
    for group in Group.objects.filter(name__in=SENDERS_GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0004_issues_and_deliveries"),
        ("newsletter", "0002_consent_text_and_managers_group"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
