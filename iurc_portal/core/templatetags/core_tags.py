import json
from collections import Counter

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from wagtail.models import Page, Site

from ..languages import item_language, name_in_language, page_languages
from ..query import site_sections

register = template.Library()

# As in Django's json_script: nothing inside the JSON can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _link(page, request):
    """A menu or breadcrumb entry; `lang` names its title's language where it is not the page's
    (an English section in the Spanish menu)."""
    language = item_language(page)
    return {
        "pk": page.pk,
        "path": page.path,
        "title": page.title,
        "url": page.get_url(request),
        "lang": language if language != translation.get_language() else "",
    }


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", with the current section highlighted.

    Sections of a page type that is in the menu more than once (the programmes: IURC and IUC
    Phase I) share one short entry named after the type, a disclosure that opens on their full
    titles, so that the bar stays short and every programme is one step away."""
    request = context.get("request")
    current = context.get("page")
    items = []
    groups = {}
    sections = [section for section in site_sections(request) if section.show_in_menus]
    counts = Counter(section.content_type_id for section in sections)
    for section in sections:
        item = _link(section, request)
        item["current"] = bool(current and current.pk == section.pk)
        item["active"] = bool(current and current.path.startswith(section.path))
        if counts[section.content_type_id] == 1:
            items.append(item)
            continue
        group = groups.get(section.content_type_id)
        if group is None:
            model = section.specific_class
            label = capfirst(model._meta.verbose_name_plural) if model else section.title
            group = groups[section.content_type_id] = {"title": label, "children": [], "active": False}
            group["id"] = f"main-nav-group-{len(groups)}"
            items.append(group)
        group["children"].append(item)
        group["active"] = group["active"] or item["active"]
    return {"menu_items": items, "request": request}


@register.simple_tag(takes_context=True)
def languages(context):
    """The page in each language (core.languages.page_languages), worked out once per request."""
    request = context.get("request")
    page = context.get("page")
    page = page if isinstance(page, Page) and page.pk else None
    memo = getattr(request, "iurc_languages", None) if request is not None else None
    if memo is None or memo[0] is not page:
        memo = (page, page_languages(request, page, same_view=context.get("translated_view", False)))
        if request is not None:
            request.iurc_languages = memo
    return memo[1]


@register.simple_tag(takes_context=True)
def name_of(context, item):
    """A theme's, category's or country's name in the reader's language (its translation's)."""
    return name_in_language(item, context.get("request"))


@register.simple_tag(takes_context=True)
def lang_of(context, item):
    """` lang="en"` on a listed page whose language is not the page's around it (an English
    article among Spanish ones), so screen readers pronounce it right; nothing otherwise."""
    if not isinstance(item, Page):
        return ""
    info = languages(context)
    around = info["content_language"] if info["untranslated"] else translation.get_language()
    language = item_language(item)
    return format_html(' lang="{}"', language) if language != around else ""


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """Ancestors from the home page down, or nothing on the home page itself.

    The home page and its sections are already loaded for the menu; only pages deeper than a
    section's children need a query for the ancestors in between."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None or page is None or not page.pk or page.depth <= site.root_page.depth:
        return {"ancestors": [], "page": page}
    root = site.root_page
    wanted = [page.path[:length] for length in range(len(root.path), len(page.path), Page.steplen)]
    known = {root.path: root, **{section.path: section for section in site_sections(request)}}
    missing = [path for path in wanted if path not in known]
    if missing:
        known.update((found.path, found) for found in Page.objects.filter(path__in=missing).live())
    ancestors = [known[path] for path in wanted if path in known]
    return {"ancestors": [_link(ancestor, request) for ancestor in ancestors], "page": page}


@register.simple_tag
def elided_page_range(page_obj, on_each_side=2, on_ends=1):
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends)
    )


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` made absolute against the current request (media may already be absolute, e.g. S3)."""
    if not url or "://" in url:
        return url or ""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's schema.org description as a JSON-LD script element, or nothing."""
    getter = getattr(page, "get_structured_data", None)
    data = getter(context.get("request")) if getter else None
    if not data:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
