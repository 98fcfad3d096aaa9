from urllib.parse import urlparse

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Point the default Wagtail Site at WAGTAILADMIN_BASE_URL's host name and port. Canonical "
        "links, the sitemap, feeds and .ics files are built from the Site, emails from the setting: "
        "`make run PORT=9100` runs this so that all of them name the address actually served."
    )

    def handle(self, *args, **options):
        base = urlparse(settings.WAGTAILADMIN_BASE_URL)
        hostname = base.hostname or "localhost"
        port = base.port or (443 if base.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stdout.write("No default site yet; nothing to change.")
            return
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save(update_fields=["hostname", "port"])
        self.stdout.write(f"The site's address is {site.root_url}/")
