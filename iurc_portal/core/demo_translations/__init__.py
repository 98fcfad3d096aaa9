"""Demo translations: a few pages in Spanish, Portuguese, Chinese and Japanese.

Each translation is a PO file here (`<language>/<name>.po`), the same file a translation agency
gets from the admin's "Download PO file" and sends back. Loading one goes through
wagtail-localize exactly as an upload does, so the demo shows, and the tests exercise, the
editorial workflow itself; the other languages show the untranslated-page behaviour.
"""

from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

FOLDER = Path(__file__).resolve().parent
LANGUAGES = ["es", "pt", "zh-hans", "ja"]
# File name -> the English page's url_path (below the site root).
PAGES = {
    "home": "/home/",
    "iurc": "/home/iurc/",
    "region": "/home/regions/latin-america-caribbean/",
    "city": "/home/cities/vitoria/",
    "pairing": "/home/pairings/seville-vitoria/",
    "article-iurc": "/home/news/iurc-builds-on-international-urban-cooperation/",
    "article-lac": "/home/news/from-iuc-lac-to-iurc/",
}


def source_page(url_path):
    page = Page.objects.filter(url_path=url_path, locale__language_code="en").first()
    return page.specific if page is not None else None


def translation_for(page, language):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code=language)
    )
    return translation


def load(ctx):
    """Translate the taxonomies, then each demo page that has a PO file and no translation yet,
    and publish it. Parents come first (the home page before its children), so no parent is made
    an alias."""
    load_taxonomies(ctx)
    load_site_text(ctx)
    for name, url_path in PAGES.items():
        page = source_page(url_path)
        if page is None:
            continue
        for language in LANGUAGES:
            path = FOLDER / language / f"{name}.po"
            if not path.exists():
                continue
            label = f"{language} translation of “{page.title}”"
            if page.has_translation(Locale.objects.get(language_code=language)):
                ctx.record(label, created=False)
                continue
            publish_translation(page, language, path)
            ctx.record(label, created=True)


def publish_translation(source, language, path):
    """Translate `source` (a page or a snippet with drafts) from the PO file at `path`, as an
    upload in the admin does, and publish it."""
    with transaction.atomic():
        translation = translation_for(source, language)
        translation.import_po(matched(translation.export_po(), polib.pofile(str(path))))
        # wagtail-localize publishes once the transaction commits; the demo (and the tests'
        # shared rows, which never commit) need the translation live now.
        translation.save_target(publish=False)
        translation.get_target_instance().get_latest_revision().publish()


def load_taxonomies(ctx):
    """Translate the taxonomy rows (countries, themes, news categories) that
    `<language>/taxonomies.po` has every text of; rows it lacks stay English, as an editor would
    leave them."""
    from ..languages import named_snippet_models

    for language in LANGUAGES:
        path = FOLDER / language / "taxonomies.po"
        if not path.exists():
            continue
        stored = polib.pofile(str(path))
        locale = Locale.objects.get(language_code=language)
        for model in named_snippet_models():
            for row in model.objects.filter(locale__language_code="en").order_by("pk"):
                label = f"{language} translation of {model._meta.verbose_name} “{row.name}”"
                if row.has_translation(locale):
                    ctx.record(label, created=False)
                    continue
                with transaction.atomic():
                    translation = translation_for(row, language)
                    po = matched(translation.export_po(), stored)
                    if any(not entry.msgstr for entry in po):
                        transaction.set_rollback(True)
                        continue
                    translation.import_po(po)
                    translation.save_target()
                ctx.record(label, created=True)


def load_site_text(ctx):
    """Translate the header's and footer's words (`<language>/site_text.po`) and publish them."""
    from ..models import SiteText

    english = SiteText.objects.filter(live=True, locale__language_code="en").first()
    if english is None:
        return
    for language in LANGUAGES:
        path = FOLDER / language / "site_text.po"
        label = f"{language} translation of the header and footer text"
        if not path.exists() or english.has_translation(Locale.objects.get(language_code=language)):
            ctx.record(label, created=False)
            continue
        publish_translation(english, language, path)
        ctx.record(label, created=True)


def matched(fresh, stored):
    """`fresh` (this database's PO file of the page) filled from `stored` by source text.

    The file's contexts name StreamField blocks by their ids, which each demo load makes anew;
    the English text is what a translation belongs to."""
    by_text = {entry.msgid: entry.msgstr for entry in stored if entry.msgstr}
    for entry in fresh:
        entry.msgstr = by_text.get(entry.msgid, "")
    return fresh


def export_templates(folder=FOLDER / "templates"):
    """Write the PO file of each demo page, untranslated (for translators: `manage.py shell`)."""
    folder.mkdir(exist_ok=True)
    for name, url_path in PAGES.items():
        page = source_page(url_path)
        if page is not None:
            translation_for(page, "es").export_po().save(str(folder / f"{name}.po"))
