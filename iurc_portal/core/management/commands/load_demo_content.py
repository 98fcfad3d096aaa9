from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.signal_handlers import disable_reference_index_auto_update

from iurc_portal.core import demo_translations
from iurc_portal.core.demo import DemoContext, search_index_deferred


def demo_loaders():
    """`<app>.demo.load` of every project app, in INSTALLED_APPS order (core first).

    Discovery by convention means an app adds demo content without touching core."""
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        if base not in Path(config.path).resolve().parents:
            continue
        module_name = f"{config.name}.demo"
        if find_spec(module_name) is not None:
            yield config.label, import_module(module_name).load


class Command(BaseCommand):
    help = (
        "Create the demo site from the programme's public facts. Idempotent: only what is "
        "missing is created; existing pages are never overwritten."
    )

    def handle(self, *args, **options):
        ctx = DemoContext(stdout=self.stdout, verbosity=options["verbosity"])
        loaders = list(demo_loaders())
        # Translations last: they translate pages of every app.
        loaders.append(("translations", demo_translations.load))
        with search_index_deferred(), disable_reference_index_auto_update():
            for number, (label, load) in enumerate(loaders, start=1):
                self.stdout.write(f"[{number}/{len(loaders)}] {label}")
                load(ctx)
        if ctx.created:
            # Each item is saved several times while the demo is built (created, published,
            # translated); indexing it once at the end is a third of the load's time less.
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content loaded: {ctx.created} items created, {ctx.existing} already present."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Nothing to do: all {ctx.existing} demo items are already present.")
            )
