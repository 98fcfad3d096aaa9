from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .http import page_or_404
from .languages import current_language, locale_code, locale_id, translated_pages
from .models import BasePage
from .models.pages import specific_with_relations
from .text import with_bigrams

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_RANKED_MATCHES = 2000
MAX_QUERY_LENGTH = 200
# Only the project's own page types are offered as filters, in this order.
PROJECT_APPS = ("core", "programmes", "news", "newsletter")


def serve(request, path):
    """Wagtail's page serving (`wagtail.views.serve`, a test compares the two on the demo tree),
    two queries shorter.

    Wagtail starts every request by asking the database for the active Locale (to find the home
    page in the URL's language) and for the home page's own row (to route from its type). For a
    request in the home page's own language neither is needed: the Locale's language is known in
    process (`locale_code`), and routing needs only the home page's type, which the site's root
    row already names. The home page itself, when it is the page asked for, is then loaded whole."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    root = site.root_page
    if locale_code(root.locale_id) != current_language():
        root = root.localized
    components = [component for component in path.split("/") if component]
    page, args, kwargs = root.specific_deferred.route(request, components)
    if page.pk == root.pk and page.get_deferred_fields():
        page = specific_with_relations(page)

    serve_chain = wagtail_views.serve_chain
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        serve_chain = hook(serve_chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return serve_chain(page, request, args, kwargs)


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /newsletter/confirm/",
        "Disallow: /newsletter/unsubscribe/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def searchable_page_types():
    """(content type, model) for every concrete page type of the project."""
    models = [
        model
        for app_label in PROJECT_APPS
        for model in apps.get_app_config(app_label).get_models()
        if issubclass(model, BasePage) and not model._meta.abstract
    ]
    content_types = ContentType.objects.get_for_models(*models)
    return [(content_types[model], model) for model in models]


def clean_query(raw):
    """The search text, or "" for input nobody could have meant (control characters)."""
    query = (raw or "").strip()
    if any(ord(char) < 32 for char in query):
        return ""
    return query[:MAX_QUERY_LENGTH]


def in_reader_language(pages, request):
    """`pages` in the reader's language, and in English where a page has no translation (the
    rule of core.languages, as plain field filters the search backend can read)."""
    language = current_language()
    source = settings.LANGUAGE_CODE
    locales = {code: locale_id(code) for code in (language, source)}
    if language == source or locales[language] is None:
        return pages.filter(locale_id=locales[source])
    shown_in_language = [key for key, paths in translated_pages(request).items() if language in paths]
    pages = pages.filter(locale_id__in=[locales[language], locales[source]])
    if shown_in_language:
        pages = pages.exclude(locale_id=locales[source], translation_key__in=shown_in_language)
    return pages


@require_safe
def search(request):
    query = clean_query(request.GET.get("q"))
    types = searchable_page_types()
    types_by_key = {model._meta.model_name: (ct, model) for ct, model in types}
    selected_key = request.GET.get("type", "")
    if selected_key not in types_by_key:
        selected_key = ""

    page_obj = None
    facets = []
    total = 0
    by_date = False
    if query:
        # The search backend reads plain field filters only, so Wagtail's own public() here.
        live = in_reader_language(Page.objects.live().public(), request)
        words = with_bigrams(query)
        counts = live.search(words).facet("content_type_id")
        total = sum(counts.values())
        facets = [
            {"key": model._meta.model_name, "label": model._meta.verbose_name_plural, "count": counts[ct.pk]}
            for ct, model in types
            if counts.get(ct.pk)
        ]
        if selected_key:
            live = live.filter(content_type=types_by_key[selected_key][0])
        matches = counts.get(types_by_key[selected_key][0].pk, 0) if selected_key else total
        # Ranking every match by relevance costs time in proportion to the matches; past a few
        # thousand (a word nearly every page contains) a relevance order says little anyway, so
        # such broad searches list the newest first and the page says so.
        by_date = matches > SEARCH_RANKED_MATCHES
        if by_date:
            results = live.order_by("-first_published_at").specific().search(words, order_by_relevance=False)
        else:
            results = live.specific().search(words)
        paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
        # The facet counts already say how many results there are: no third full-text query.
        paginator.count = matches
        page_obj = page_or_404(paginator, request)

    return render(
        request,
        "core/search.html",
        {
            "search_query": query,
            "page_obj": page_obj,
            "facets": facets,
            "selected_type": selected_key,
            "total": total,
            "by_date": by_date,
            "title": _("Search results for “%(query)s”") % {"query": query} if query else _("Search"),
            # Search speaks every language (its words, and results in the reader's language).
            "translated_view": True,
        },
    )
