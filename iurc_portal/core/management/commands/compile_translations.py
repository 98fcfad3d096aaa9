"""Build the .mo files from the project's .po files without GNU gettext.

Django's `compilemessages` calls `msgfmt`, which a fresh machine (or CI image) may lack; polib
(installed with wagtail-localize) writes the same binary catalogues in pure Python. Only catalogues
older than their .po file are rebuilt, so `make run` and `make test` call this every time.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo files (pure Python; no gettext needed)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Rebuild every catalogue.")

    def handle(self, *args, **options):
        built = 0
        for folder in settings.LOCALE_PATHS:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if (
                    not options["force"]
                    and mo_path.exists()
                    and mo_path.stat().st_mtime >= po_path.stat().st_mtime
                ):
                    continue
                try:
                    catalogue = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path}: {error}") from error
                # Like msgfmt: fuzzy entries are drafts, not translations.
                for entry in catalogue.fuzzy_entries():
                    if entry.msgid:
                        catalogue.remove(entry)
                catalogue.save_as_mofile(str(mo_path))
                built += 1
        self.stdout.write(f"{built} catalogue(s) compiled.")
