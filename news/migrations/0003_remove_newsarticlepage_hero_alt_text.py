"""The hero image's alt text is the image's own description: drop the per-article copy.

Where an article had alt text and its image has no description yet, the alt text becomes the
image's description, so visitors who rely on it keep it."""

from django.db import migrations


def alt_text_to_image_description(apps, schema_editor):
    NewsArticlePage = apps.get_model("news", "NewsArticlePage")
    articles = (
        NewsArticlePage.objects.exclude(hero_alt_text="")
        .filter(hero_image__isnull=False, hero_image__description="")
        .select_related("hero_image")
        .order_by("-date", "-pk")  # the newest article's text wins if articles share an image
    )
    described = set()
    for article in articles:
        image = article.hero_image
        if image.pk not in described:
            image.description = article.hero_alt_text.strip()
            image.save(update_fields=["description"])
            described.add(image.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_article_listing_index"),
    ]

    operations = [
        migrations.RunPython(alt_text_to_image_description, migrations.RunPython.noop),
        migrations.RemoveField(model_name="newsarticlepage", name="hero_alt_text"),
    ]
