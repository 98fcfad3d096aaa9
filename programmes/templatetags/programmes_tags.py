from django import template
from django.conf import settings
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from iurc_portal.core.languages import current_language, locale_id
from iurc_portal.core.query import outside_restricted_sections, section_page
from iurc_portal.core.sitewide import sitewide

from .. import svgmap
from ..models import PairingIndexPage, RegionIndexPage, RegionPage
from ..page_context import member_queryset, regions_with_counts

register = template.Library()


@register.filter
def coordinates(city):
    """“51.92° N, 4.48° E” for anything with latitude and longitude."""
    lat, lon = getattr(city, "latitude", None), getattr(city, "longitude", None)
    if lat is None or lon is None:
        return ""
    return svgmap.coordinates(lat, lon)


@register.simple_tag
def svg_map(pairing_map, map_id, map_title):
    """The map and its table alternative."""
    context = {"pairing_map": pairing_map, "map_id": map_id, "map_title": map_title}
    return mark_safe(render_to_string("programmes/includes/svg_map.html", context))


@register.simple_tag(takes_context=True)
def programmes_overview(context):
    """What the home page shows of the programme: regions with counts and the directory.

    The regions and the totals change only when an editor publishes (a new cache generation), so
    they are read once per process, language and generation, as the menu is (core.sitewide)."""
    request = context.get("request")
    language = current_language()

    def load(_site):
        regions = regions_with_counts(RegionPage.objects.visible(request, language), request)
        return {"regions": list(regions.order_by("path")), **site_totals(request)}

    return {
        **sitewide(f"programmes overview {language}", load, request, per_site=False),
        "region_index": section_page(RegionIndexPage, request),
        "directory": section_page(PairingIndexPage, request),
    }


def site_totals(request):
    """How many pairings visitors can see and how many cities and regions take part in them, in
    one query. The English pairings' members are counted (a translation copies its source's), so
    a translated pairing or city counts once; a city in no pairing (one that only hosted an
    activity, say) is not "between" pairings."""
    english = member_queryset(request).filter(
        pairing__live=True, pairing__locale_id=locale_id(settings.LANGUAGE_CODE)
    )
    members = outside_restricted_sections(english, request, "pairing__path")
    return members.aggregate(
        pairing_count=Count("pairing_id", distinct=True),
        city_count=Count("city_id", distinct=True),
    )


@register.simple_tag(takes_context=True)
def open_calls_now(context, limit=3):
    """Calls open now; the page showing them leaves the cache when one closes or another opens."""
    from ..work_context import open_calls

    return open_calls(context.get("request"), limit)
