#!/usr/bin/env python
"""SQL queries per page for the benchmark pages, against the database in DATABASE_URL.

Prints one JSON object {path: queries}. The page cache is off, so every query a page needs
is counted; the first request of each page warms Wagtail's per-process caches (site root,
content types), the second is counted, as a long-running server would see it.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iurc_portal.settings.dev")
os.environ["PAGE_CACHE_ENABLED"] = "0"


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    from bench.pages import benchmark_paths

    site = Site.objects.get(is_default_site=True)
    client = Client(HTTP_HOST=site.hostname, SERVER_PORT=site.port)
    counts = {}
    for name, path in benchmark_paths().items():
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        counts[name] = len(captured.captured_queries)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
