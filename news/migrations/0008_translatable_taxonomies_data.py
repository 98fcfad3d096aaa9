from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0007_translatable_taxonomies_bootstrap"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        BootstrapTranslatableModel("news.NewsCategory"),
    ]
