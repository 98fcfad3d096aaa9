from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from iurc_portal.core.cache import generation_cached
from iurc_portal.core.query import section_page

from ..models import PairingIndexPage, RegionIndexPage, RegionPage
from ..svgmap import CachedMap
from ..views import live_pairings, regions_with_counts, visible_cities

register = template.Library()


@register.filter
def coordinates(city):
    """“51.92° N, 4.48° E” for anything with latitude and longitude."""
    lat, lon = getattr(city, "latitude", None), getattr(city, "longitude", None)
    if lat is None or lon is None:
        return ""
    lat, lon = float(lat), float(lon)
    north_south = _("N") if lat >= 0 else _("S")
    east_west = _("E") if lon >= 0 else _("W")
    return f"{abs(lat):.2f}° {north_south}, {abs(lon):.2f}° {east_west}"


@register.simple_tag
def svg_map(pairing_map, map_id, map_title):
    """The map and its table alternative; markup of a CachedMap is kept until the next publish."""

    def render():
        context = {"pairing_map": pairing_map, "map_id": map_id, "map_title": map_title}
        return render_to_string("programmes/includes/svg_map.html", context)

    if isinstance(pairing_map, CachedMap):
        key = f"{pairing_map.key}:html:{map_id}:{get_language()}:{map_title}"
        return mark_safe(generation_cached(key, render))  # noqa: S308 - rendered by our template
    return mark_safe(render())  # noqa: S308 - rendered by our template


@register.simple_tag
def programmes_overview():
    """What the home page shows of the programme: regions with counts and the directory. Four queries."""
    regions = list(regions_with_counts(RegionPage.objects.live().public()).order_by("path"))
    return {
        "regions": regions,
        "region_index": section_page(RegionIndexPage),
        "directory": section_page(PairingIndexPage),
        # Site-wide totals change only when something is published.
        "pairing_count": generation_cached("programmes:pairing-count", lambda: live_pairings().count()),
        "city_count": generation_cached("programmes:city-count", lambda: visible_cities().count()),
    }
