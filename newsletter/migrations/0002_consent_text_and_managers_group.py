"""The first consent statement and the "Newsletter managers" group with its permissions."""

import hashlib

from django.contrib.auth.management import create_permissions
from django.db import migrations

from newsletter.defaults import CONSENT_TEXT, CONSENT_VERSION, MANAGERS_GROUP, grant_managers_permissions


def forwards(apps, schema_editor):
    ConsentText = apps.get_model("newsletter", "ConsentText")
    if not ConsentText.objects.exists():
        ConsentText.objects.create(
            version=CONSENT_VERSION,
            text=CONSENT_TEXT,
            text_hash=hashlib.sha256(CONSENT_TEXT.encode("utf-8")).hexdigest(),
        )

    # Permissions are normally created after all migrations have run; the group needs them now.
    config = apps.get_app_config("newsletter")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=MANAGERS_GROUP)
    grant_managers_permissions(group, Permission)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
