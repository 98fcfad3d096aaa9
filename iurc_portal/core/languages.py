"""The language a visitor reads in, and each page in that language.

English is the source language. Editors translate pages one at a time (wagtail-localize), so a
language's tree holds its translated pages and, as aliases, the parents they need. Visitors
reading Spanish see every page once: in Spanish where it is translated, otherwise the English
page, which says that it is in English. Nothing pretends to be translated: an alias or an English
page shown to a Spanish reader is marked as such (`content_language`), and only real translations
are offered as alternates (`translations`).
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Locale, Page, TranslatableMixin

from .cache import page_query
from .sitewide import sitewide


def current_language():
    """The language the request is served in: the URL's (LocaleMiddleware activated it)."""
    return translation.get_language() or settings.LANGUAGE_CODE


def language_names():
    """Each language by its own name ("Español"), as the switcher shows them."""
    return dict(settings.LANGUAGES)


def in_language(queryset, language=None):
    """`queryset` with each page once, in `language` where it exists there, otherwise in English.

    "Exists there" counts aliases: an English section with a Spanish alias (made as the parent of
    a translated page) is listed as the alias, so the reader stays on the Spanish site."""
    language = language or current_language()
    # Locale ids, known in process, spare every listing a join to the locale table.
    source, wanted = locale_id(settings.LANGUAGE_CODE), locale_id(language)
    if source is None:  # no Locale rows yet (an empty database): nothing is listed
        return queryset.none()
    if wanted is None or wanted == source:
        return queryset.filter(locale_id=source)
    there = Page.objects.filter(translation_key=OuterRef("translation_key"), locale_id=wanted, live=True)
    return queryset.filter(Q(locale_id=wanted) | Q(locale_id=source) & ~Exists(there))


def children_of(queryset, page):
    """The children of `page` and of all its translations, in any language (the menu's sections,
    kept per cache generation, so their query may be a slower one)."""
    parents = Page.objects.filter(translation_key=page.translation_key, depth=page.depth).values("path")
    return queryset.alias(parent_path=Substr("path", 1, len(page.path))).filter(
        depth=page.depth + 1, parent_path__in=parents
    )


def children_for_reader(queryset, page, request=None):
    """The children of `page` a reader of its listing may see: its own, and for a translation or
    an alias also those of its English source (the pages without a translation); pair with
    `in_language`. Tree-path conditions, so the listing uses the tree's index; the English source
    costs a query only on a page that is not itself English."""
    source = english_source(page, request)
    condition = Q(path__startswith=page.path, depth=page.depth + 1)
    if source.pk != page.pk:
        condition |= Q(path__startswith=source.path, depth=source.depth + 1)
    return queryset.filter(condition)


_home_urls = {}


def home_url(language):
    """The home page's address in `language` ("/", "/es/"): fixed by the URL configuration, so
    worked out once per process."""
    if language not in _home_urls:
        with translation.override(language):
            _home_urls[language] = reverse("wagtail_serve", args=("",))
    return _home_urls[language]


def translated_pages(request=None):
    """{translation_key: {language: url_path}} of the pages that exist in another language than
    English, as translations (aliases, which are copies, are left out), kept per cache generation:
    publishing a page in a new language starts a new one."""
    return sitewide("translations", _load_translated_pages, request, per_site=False)


def _load_translated_pages(_site):
    live = Page.objects.filter(live=True)
    keys = live.exclude(locale__language_code=settings.LANGUAGE_CODE).values("translation_key")
    found = {}
    rows = live.filter(translation_key__in=keys, alias_of__isnull=True).values_list(
        "translation_key", "locale__language_code", "url_path"
    )
    for key, language, url_path in rows:
        found.setdefault(key, {})[language] = url_path
    return found


def page_languages(request, page, same_view=False):
    """What the switcher, the alternates and the "not translated" note need for `page`.

    No query for a page that exists in English only (most pages): the translated pages are kept
    per cache generation. A language the page is not translated into links to that language's
    home page, and says so. A view that speaks every language (`same_view`: site search) links
    to itself in each, query included, and offers no alternates (its results are not indexed)."""
    from .query import page_url_maker

    current = current_language()
    source = settings.LANGUAGE_CODE
    # An alias shows its English source; any other page is in the language whose tree holds it.
    content = source
    indexed = True
    if page is None and same_view and request is not None:
        # The page's own parameters only: tracking parameters are not carried to other languages.
        query = page_query(request)
        here = request.path + (f"?{query}" if query else "")
        urls = {code: translate_url(here, code) for code, _name in settings.LANGUAGES}
        content, indexed = current, False
    else:
        paths = (translated_pages(request).get(page.translation_key) or {}) if page is not None else {}
        urls = {}
        if paths:  # only a translated page needs the site's home page in each language
            url = page_url_maker(request)
            urls = {language: url(path) for language, path in paths.items()}
        elif page is not None and not page.alias_of_id:
            urls = {source: page.get_url(request)}
        urls = {language: address for language, address in urls.items() if address}
        if page is not None and not page.alias_of_id:
            content = next((language for language, path in paths.items() if path == page.url_path), source)
    names = language_names()
    languages = []
    for code, name in settings.LANGUAGES:
        translated = code in urls
        target = urls[code] if translated else home_url(code)
        languages.append(
            {"code": code, "name": name, "url": target, "translated": translated, "current": code == current}
        )
    return {
        "languages": languages,
        "alternates": urls if indexed and len(urls) > 1 else {},
        "content_language": content,
        "untranslated": page is not None and content != current,
        "current_name": names.get(current, current),
        # Site settings (the organisation's name) are written in the source language.
        "source_language": source,
    }


def english_source(page, request=None):
    """The English page that `page` translates (`page` itself when it is English).

    Relations are kept between English pages (a translation copies its source's links), so a
    translated page finds what refers to it through its source: one query, for translations only."""
    paths = translated_pages(request).get(page.translation_key) or {}
    english = paths.get(settings.LANGUAGE_CODE)
    if english is None or english == page.url_path:
        return page
    found = type(page).objects.filter(
        translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    )
    return found.first() or page


_locale_codes = {}  # Locale id -> language code, read once per process (core.apps clears it)


def _locales():
    if not _locale_codes:
        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes


def forget_locales(**kwargs):
    """Read the Locale rows again next time (a locale added or removed, a test database flushed)."""
    _locale_codes.clear()


def locale_code(locale_id):
    """The language code of a Locale id, without a query once the rows are read."""
    return _locales().get(locale_id, settings.LANGUAGE_CODE)


def locale_id(code):
    """The Locale id of a language code, or None if the language has no Locale row."""
    return next((pk for pk, language in _locales().items() if language == code), None)


def item_language(page):
    """The language of what a listed page shows (an alias shows English)."""
    if page.alias_of_id:
        return settings.LANGUAGE_CODE
    return locale_code(page.locale_id)


def originals(queryset):
    """The English rows of a translatable snippet (a taxonomy): pages relate to these, and
    readers see each by its name in their language (`name_in_language`). By language code, not
    Locale id: forms build these querysets when their module is imported."""
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE)


def named_snippet_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page) and hasattr(model, "name")
    ]


def snippet_names(request=None):
    """{(model label, translation_key, language): name} of the translated taxonomy rows, kept per
    cache generation (saving a snippet starts a new one)."""
    return sitewide("snippet names", _load_snippet_names, request, per_site=False)


def _load_snippet_names(_site):
    found = {}
    for model in named_snippet_models():
        rows = model.objects.exclude(locale__language_code=settings.LANGUAGE_CODE)
        for key, language, name in rows.values_list("translation_key", "locale__language_code", "name"):
            found[(model._meta.label_lower, key, language)] = name
    return found


def name_in_language(item, request=None):
    """A taxonomy row's name in the reader's language: its translation's, if an editor made one.
    English readers cost nothing; others read the translated names once per cache generation."""
    if item is None:
        return ""
    if current_language() == settings.LANGUAGE_CODE:
        return item.name
    return translated_name(type(item), item.translation_key, item.name, request)


def translated_name(model, translation_key, name, request=None):
    """`name_in_language` for a row read as values (`name` is its English name)."""
    language = current_language()
    if language == settings.LANGUAGE_CODE:
        return name
    return snippet_names(request).get((model._meta.label_lower, translation_key, language), name)


def source_language_rows():
    """`limit_choices_to` of links to a taxonomy: editors pick the English rows (translations
    only rename them)."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)
