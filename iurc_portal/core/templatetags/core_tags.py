import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from ..cache import generation_cached
from ..query import pages

register = template.Library()

# As in Django's json_script: nothing inside the JSON can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _link(page):
    """What a menu or breadcrumb needs of a page, cheap to cache."""
    return {"pk": page.pk, "path": page.path, "title": page.title, "url": page.get_url()}


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", with the current section highlighted."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"menu_items": []}

    def load():
        children = pages().child_of(site.root_page).live().public().in_menu()
        return [_link(page) for page in children.only("id", "path", "title", "url_path", "depth")]

    current = context.get("page")
    items = generation_cached(f"menu:{site.pk}", load)
    for item in items:
        item["current"] = bool(current and current.pk == item["pk"])
        item["active"] = bool(current and current.path.startswith(item["path"]))
    return {"menu_items": items, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """Ancestors from the home page down, or nothing on the home page itself."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None or page is None or not page.pk or page.depth <= site.root_page.depth:
        return {"ancestors": [], "page": page}

    def load():
        ancestors = (
            pages()
            .ancestor_of(page)
            .filter(depth__gte=site.root_page.depth)
            .live()
            .only("id", "path", "title", "url_path", "depth")
        )
        return [_link(ancestor) for ancestor in ancestors]

    # A page's ancestors change only when pages are published, moved or renamed.
    return {"ancestors": generation_cached(f"breadcrumbs:{site.pk}:{page.pk}", load), "page": page}


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
