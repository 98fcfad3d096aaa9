from django import template
from django.utils.translation import gettext as _

from iurc_portal.core.cache import generation_cached
from iurc_portal.core.query import section_page

from ..models import PairingIndexPage, RegionIndexPage, RegionPage
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
