from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", with the current section highlighted."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"menu_items": []}
    current = context.get("page")
    items = list(
        site.root_page.get_children()
        .live()
        .public()
        .in_menu()
        .only("id", "path", "title", "url_path", "depth")
    )
    for item in items:
        item.current = bool(current and current.pk == item.pk)
        item.active = bool(current and current.path.startswith(item.path))
    return {"menu_items": items, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """Ancestors from the home page down, or nothing on the home page itself."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None or page is None or page.depth <= site.root_page.depth:
        return {"ancestors": [], "page": page}
    ancestors = (
        Page.objects.ancestor_of(page)
        .filter(depth__gte=site.root_page.depth)
        .live()
        .only("id", "path", "title", "url_path", "depth")
    )
    return {"ancestors": list(ancestors), "page": page, "request": request}
