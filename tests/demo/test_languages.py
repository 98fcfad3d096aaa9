"""The portal in several languages: URLs, switcher, alternates, untranslated pages, caching,
translation through wagtail-localize (PO files), search in unspaced scripts, sign-ups."""

import re
import time

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from iurc_portal.core.demo_translations import PAGES
from iurc_portal.core.factories import UserFactory
from news.models import NewsArticlePage, NewsIndexPage
from newsletter.models import ConsentEvent, ConsentText, Subscriber
from newsletter.tokens import make_form_time_token
from programmes.models import Theme

pytestmark = pytest.mark.django_db

TRANSLATED = ["es", "pt", "zh-hans", "ja"]  # the demo's translated languages
PREFIX = {"es": "/es", "pt": "/pt", "zh-hans": "/zh-hans", "ja": "/ja"}


def signup_data(email, **extra):
    """The sign-up form as a person fills it in (time trap passed, honeypot empty)."""
    data = {"email": email, "consent": "on", "nl_ts": make_form_time_token(time.time() - 30), "nl_hp": ""}
    return {**data, **extra}


def english_url(name):
    return Page.objects.get(url_path=PAGES[name], locale__language_code="en").url


def html_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)" lang="([^"]+)"', nav)


@pytest.mark.parametrize("name", list(PAGES))
def test_each_translated_page_type_offers_its_translations(client, demo_site, name):
    """Home, programme, region, city, pairing and article: the same page in every language it is
    translated into, as hreflang alternates (with x-default) and in the switcher."""
    english = english_url(name)
    page = html_of(client.get(english))
    found = alternates(page)
    assert found["x-default"] == found["en"] == f"http://testserver{english}"
    for language in TRANSLATED:
        assert found[language].startswith(f"http://testserver{PREFIX[language]}/")
        translated = html_of(client.get(found[language].removeprefix("http://testserver")))
        assert f'<html lang="{language}">' in translated
        assert "untranslated-note" not in translated
        assert alternates(translated) == found  # every version names all the others
    links = {code: url for url, code in switcher(page)}
    assert links["es"] == found["es"].removeprefix("http://testserver")


def test_spanish_pages_read_in_spanish(client, demo_site):
    home = html_of(client.get("/es/"))
    assert '<html lang="es">' in home
    assert "Buscar" in home  # the interface, from the compiled catalogue
    article = NewsArticlePage.objects.get(url_path=PAGES["article-lac"], locale__language_code="en")
    spanish = article.get_translation(Locale.objects.get(language_code="es"))
    assert spanish.title != article.title and spanish.title in html_of(client.get(spanish.url))


def test_a_page_without_a_translation_says_so_and_shows_the_english(client, demo_site):
    # French has no translated pages: its home is the English one, marked as such.
    page = html_of(client.get("/fr/"))
    assert '<html lang="fr">' in page
    assert '<main id="main" tabindex="-1" lang="en">' in page
    assert "untranslated-note" in page
    assert re.search(r'<link rel="canonical" href="http://testserver/">', page)
    # An English-only article offers each other language's home page, and says why.
    english_only = NewsArticlePage.objects.filter(locale__language_code="en").exclude(
        translation_key__in=NewsArticlePage.objects.exclude(locale__language_code="en").values(
            "translation_key"
        )
    )
    article = html_of(client.get(english_only.first().url))
    assert alternates(article) == {}
    assert ("/es/", "es") in switcher(article) and "this page is not translated" in article


def test_listings_show_each_page_once_in_the_reader_s_language(client, demo_site):
    spanish_news = html_of(client.get("/es/news/"))
    english = NewsArticlePage.objects.filter(locale__language_code="en").count()
    shown = re.findall(r'<h3[^>]*>\s*<a href="([^"]+)"', spanish_news)
    translated = [url for url in shown if url.startswith("/es/")]
    assert sorted(translated) == sorted(spanish(name).url for name in ("article-iurc", "article-lac"))
    # Every article once: as many as in English, none twice.
    assert len(shown) == len(set(shown)) == min(english, NewsIndexPage.per_page)
    # The English originals of the two translated articles are not listed beside them.
    assert not {english_url("article-iurc"), english_url("article-lac")} & set(shown)


@override_settings(PAGE_CACHE_ENABLED=True)
def test_cached_pages_never_leak_one_language_into_another(client, demo_site):
    english, spanish, chinese = client.get("/"), client.get("/es/"), client.get("/zh-hans/")
    assert {english["X-Page-Cache"], spanish["X-Page-Cache"], chinese["X-Page-Cache"]} == {"miss"}
    for path, language in (("/", "en"), ("/es/", "es"), ("/zh-hans/", "zh-hans"), ("/es/", "es")):
        again = client.get(path, HTTP_ACCEPT_LANGUAGE="ja")
        assert again["X-Page-Cache"] == "hit"
        assert f'<html lang="{language}">' in again.content.decode()


def test_a_spanish_sign_up_gets_spanish_email_and_the_spanish_consent_statement(
    client, demo_site, django_capture_on_commit_callbacks, settings
):
    immediate = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    settings.TASKS = {"default": immediate, "email": immediate}
    spanish_consent = ConsentText.objects.create(
        version="2026-es", language="es", text="Acepto recibir el boletín de IURC."
    )
    form_page = html_of(client.get("/es/"))
    assert spanish_consent.text in form_page
    data = signup_data("ana@example.org", consent_version=spanish_consent.version, source="/es/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/es/newsletter/subscribe/", data)
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(email_normalized="ana@example.org")
    assert subscriber.locale == "es"
    assert ConsentEvent.objects.get(subscriber=subscriber).consent_text == spanish_consent
    (message,) = mail.outbox
    assert "http://testserver/es/newsletter/confirm/" in message.body
    english_subject = "Please confirm your subscription to IURC news"
    with translation.override("es"):
        assert message.subject == gettext(english_subject) != english_subject


def test_a_language_without_its_own_consent_statement_shows_the_english_one(client, demo_site):
    english = ConsentText.current("en")
    assert ConsentText.current("ko") == english
    assert english.text in html_of(client.get("/ko/"))


def test_po_files_round_trip_through_wagtail_localize(demo_site, django_capture_on_commit_callbacks):
    """What an agency gets (export) and sends back (import) publishes as the translation."""
    article = NewsArticlePage.objects.filter(locale__language_code="en").order_by("pk").first()
    source, _created = TranslationSource.get_or_create_from_instance(article)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="fr")
    )
    exported = polib.pofile(str(translation.export_po()))
    assert any(entry.msgid == article.title for entry in exported)
    for entry in exported:
        entry.msgstr = entry.msgid if entry.msgctxt == "slug" else f"[fr] {entry.msgid}"
    translation.import_po(polib.pofile(str(exported)))
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    french = article.get_translation(Locale.objects.get(language_code="fr"))
    assert french.live and french.title == f"[fr] {article.title}"
    again = polib.pofile(str(translation.export_po()))
    assert {entry.msgstr for entry in again} == {entry.msgstr for entry in exported}


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
@pytest.mark.parametrize(
    "language, word",
    [("zh-hans", "城市"), ("zh-hans", "合作"), ("ja", "協力"), ("ja", "都市")],
)
def test_search_in_chinese_and_japanese_finds_a_word_inside_a_sentence(client, demo_site, language, word):
    page = html_of(client.get(f"/{language}/search/", {"q": word}))
    results = re.findall(r'class="result__title"><a href="([^"]+)"', page)
    assert results and all(url.startswith(f"/{language}/") for url in results), results


def test_search_lists_the_reader_s_language_and_untranslated_english(client, demo_site):
    page = html_of(client.get("/es/search/", {"q": "IUC-LAC"}))
    results = re.findall(r'class="result__title"><a href="([^"]+)"', page)
    assert spanish("article-lac").url in results  # the Spanish version of a translated page
    assert english_url("article-lac") not in results  # and not its English original beside it
    assert any(not url.startswith("/es/") for url in results)  # English pages with no translation


def test_every_page_type_has_the_switcher_and_consistent_alternates(client, demo_site):
    seen = set()
    for page in Page.objects.live().filter(locale__language_code="en").order_by("path"):
        if page.content_type_id in seen or page.depth < 2:
            continue
        seen.add(page.content_type_id)
        html = html_of(client.get(page.url))
        links = {code for _url, code in switcher(html)}
        assert links == {code for code, _name in settings.LANGUAGES}, page.url
        found = alternates(html)
        assert not found or found["x-default"] == found["en"] == f"http://testserver{page.url}"
    assert len(seen) >= 15  # every page type of the demo


def test_sitemap_lists_translations_with_their_alternates(client, demo_site):
    sitemap = client.get("/sitemap.xml").content.decode()
    spanish = Page.objects.get(url_path=PAGES["article-lac"], locale__language_code="en").get_translation(
        Locale.objects.get(language_code="es")
    )
    assert f"<loc>http://testserver{spanish.url}</loc>" in sitemap
    assert f'hreflang="es" href="http://testserver{spanish.url}"' in sitemap
    assert sitemap.count('hreflang="x-default"') >= len(PAGES) * (len(TRANSLATED) + 1)


def spanish(name):
    english = Page.objects.get(url_path=PAGES[name], locale__language_code="en")
    return english.get_translation(Locale.objects.get(language_code="es")).specific


def test_only_a_moderator_publishes_a_translation(client, demo_site, django_capture_on_commit_callbacks):
    """Translations go through the same rights as pages: an editor opens a translation in
    wagtail-localize's editor (drafts), only a moderator (who may publish) publishes it."""
    article = spanish("article-lac")
    published_at = article.last_published_at
    url = f"/admin/pages/{article.pk}/edit/"
    for group in ("Editors", "Moderators"):
        user = UserFactory(username=group.lower())
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        assert client.get(url).status_code == 200  # the translation editor
        with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
            client.post(url, {"action": "publish"})
        article.refresh_from_db()
        if group == "Editors":
            assert article.last_published_at == published_at  # refused
    assert article.last_published_at > published_at


def test_feeds_and_dates_are_in_the_reader_s_language(client, demo_site):
    feed = client.get("/es/news/feed/rss/").content.decode()
    assert "<language>es</language>" in feed
    assert spanish("article-lac").title in feed
    english_title = Page.objects.get(url_path=PAGES["article-lac"], locale__language_code="en").title
    assert english_title not in feed
    article = html_of(client.get(spanish("article-lac").url))
    day = spanish("article-lac").date
    with translation.override("es"):
        assert date_format(day, "DATE_FORMAT") in article  # "21 de octubre de 2026"
    english = Page.objects.get(url_path=PAGES["article-lac"], locale__language_code="en")
    japanese = english.get_translation(Locale.objects.get(language_code="ja"))
    assert f"{day.year}年{day.month}月{day.day}日" in html_of(client.get(japanese.url))
    with translation.override("en"):
        assert date_format(day, "DATE_FORMAT") == day.strftime("%-d %B %Y")  # "21 October 2026"


def test_taxonomies_are_translated_once_and_pages_keep_their_english_relations(client, demo_site):
    """Themes and news categories translated in the admin (wagtail-localize) show in the
    reader's language; pages relate to the English rows, and no list shows a row twice."""
    english = Page.objects.get(url_path=PAGES["article-lac"], locale__language_code="en").specific
    assert spanish("article-lac").category_id == english.category_id  # the English row, synchronised
    assert english.category.name in html_of(client.get(english.url))
    spanish_page = html_of(client.get(spanish("article-lac").url))
    assert "Noticias de América Latina y el Caribe" in spanish_page
    listing = html_of(client.get("/es/news/"))
    themes = re.search(r'<select name="theme".*?</select>', listing, re.S).group(0)
    options = re.findall(r"<option[^>]*>([^<]*)</option>", themes)
    assert "Movilidad urbana" in options and "Urban mobility" not in options
    assert len(options) == len(set(options)) == Theme.objects.filter(locale__language_code="en").count() + 1
    assert "Urban mobility" in html_of(client.get("/news/"))


def test_a_country_translated_from_a_po_file_shows_on_translated_pages(client, demo_site):
    city = spanish("city")
    country = city.country
    source, _created = TranslationSource.get_or_create_from_instance(country)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code="es")
    )
    po = polib.pofile(str(translation.export_po()))
    assert [entry.msgid for entry in po] == [country.name]  # the ISO code is not for translators
    po[0].msgstr = f"{country.name} (es)"
    translation.import_po(po)
    translation.save_target()
    assert f"{country.name} (es)" in html_of(client.get(city.url))
    # Maps and the region's list read countries as values: they name them in Spanish too.
    region = html_of(client.get(spanish("region").url))
    assert f"({country.name} (es))" in region
    assert f"{country.name} (es)" not in html_of(
        client.get(city.get_translation(Locale.objects.get(language_code="en")).url)
    )
    # Filters still take the code and find the same pairings in both languages.
    assert client.get(f"/es/pairings/?country={country.iso_code}").status_code == 200


def site_text_in(language):
    from iurc_portal.core.models import SiteText

    return SiteText.objects.get(locale__language_code=language)


def test_the_header_and_footer_words_are_translated_and_fall_back_to_english(client, demo_site):
    spanish_text, english_text = site_text_in("es"), site_text_in("en")
    spanish_page = html_of(client.get("/es/"))
    assert "Cooperación Internacional Urbana y Regional" in spanish_page
    assert escape(spanish_text.funding_statement) in spanish_page
    assert escape(english_text.funding_statement) not in spanish_page
    assert "IUC-LAC (América Latina y el Caribe)" in spanish_page
    # A footer link to a page that has no Spanish translation keeps the English title, marked.
    assert re.search(r'<a href="/about/" lang="en">About IURC</a>', spanish_page)
    korean = html_of(client.get("/ko/"))
    assert escape(english_text.funding_statement) in korean
    assert f'<p class="site-footer__funding" lang="en">{escape(english_text.funding_statement)}</p>' in korean
    assert re.search(r'<span class="site-logo__name" lang="en">International Urban and Regional', korean)


def test_only_a_moderator_publishes_a_translation_of_the_footer_text(
    client, demo_site, django_capture_on_commit_callbacks
):
    english = site_text_in("en")
    source, _created = TranslationSource.get_or_create_from_instance(english)
    french_locale = Locale.objects.get(language_code="fr")
    translation = Translation.objects.create(source=source, target_locale=french_locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"[fr] {entry.msgid}"
    translation.import_po(po)
    translation.save_target(publish=False)
    french = site_text_in("fr")
    assert not french.live
    assert escape(english.funding_statement) in html_of(client.get("/fr/"))  # a draft shows nothing
    url = f"/admin/snippets/core/sitetext/edit/{french.pk}/"
    for group in ("Editors", "Moderators"):
        user = UserFactory(username=f"text-{group.lower()}")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        assert client.get(url).status_code == 200  # wagtail-localize's editor
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url, {"action": "publish"})
        french.refresh_from_db()
        assert french.live == (group == "Moderators")
    client.logout()
    assert escape(f"[fr] {english.funding_statement}") in html_of(client.get("/fr/"))


def test_a_second_footer_text_for_a_language_is_refused_with_a_message(admin_client, demo_site):
    from iurc_portal.core.models import SiteText

    before = SiteText.objects.count()
    for language in ("en", "ko"):
        locale = Locale.objects.get(language_code=language)
        response = admin_client.post(
            f"/admin/snippets/core/sitetext/add/?locale={language}",
            {
                "organisation_name": "Another name",
                "funding_statement": "",
                "footer_links-count": "0",
                "programme_websites-count": "0",
            },
        )
        assert response.status_code == 200, (language, response.status_code)
        wanted = "edit that one instead" if language == "en" else "then translate it"
        assert wanted in response.content.decode()
        assert SiteText.objects.filter(locale=locale).count() == (1 if language == "en" else 0)
    assert SiteText.objects.count() == before


def test_translated_pages_are_not_counted_twice(client, demo_site):
    english = re.search(r"(\d+) pairings between (\d+) cities and regions", html_of(client.get("/")))
    spanish = re.search(r"(\d+) emparejamientos entre (\d+) ciudades", html_of(client.get("/es/")))
    from programmes.models import PairingPage

    assert english.groups() == spanish.groups()
    assert int(english.group(1)) == PairingPage.objects.live().filter(locale__language_code="en").count()
