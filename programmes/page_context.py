"""What the programme pages show: the pairings directory, regions, cities and pairings.

Each page model's `get_context` calls its builder here (imported when called: this module needs
the models, so the models cannot import it at load time).

Each builder loads what its page shows in a fixed number of queries (select_related and
prefetch_related, never a query per row), so a page with 50 pairings costs what one with 5 does.
"""

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce

from iurc_portal.core.http import page_or_404
from iurc_portal.core.languages import english_source, name_in_language, translated_name
from iurc_portal.core.query import outside_restricted_sections, page_url_maker, section_page
from iurc_portal.core.text import sort_key

from .forms import PairingFilterForm
from .models import (
    CityPage,
    ClusterPage,
    Country,
    PairingIndexPage,
    PairingMember,
    PairingPage,
    ProgrammePage,
    RegionPage,
)
from .svgmap import Member, Place, build_map
from .work_context import related_work

PAIRINGS_PER_PAGE = 20
REGION_PAIRINGS_PER_PAGE = 24
CITIES_PER_PAGE = 48


def visible_cities(request=None):
    """Cities a visitor may see: published and not behind a view restriction."""
    return CityPage.objects.visible(request)


def member_queryset(request=None):
    """Members whose city visitors may see, in the order editors gave them.

    Visibility is a join condition (live, outside the restricted sections), not a subquery
    over all pages: with thousands of cities PostgreSQL plans the join far better."""
    members = outside_restricted_sections(
        PairingMember.objects.filter(city__live=True), request, "city__path"
    )
    return members.select_related("city__country").order_by("pairing_id", "sort_order", "pk")


def pairing_listing(queryset, request=None):
    """Pairings with everything a row of a listing shows, in four queries whatever their number."""
    return (
        queryset.select_related("programme", "region")
        .prefetch_related(Prefetch("members", queryset=member_queryset(request)), "themes")
        .order_by("sort_name", "pk")
    )


def paginate_pairings(pairings, request, per_page):
    """(the page of `pairings` that `?page=` names, its paginator, the ids of all of them).

    One query names every pairing, in listing order: its length is the count and the ids
    draw the map, so neither needs a query of its own; then the page's rows, with their
    members and themes."""
    ids = list(pairings.order_by("sort_name", "pk").values_list("pk", flat=True))
    paginator = Paginator(ids, per_page)
    page_obj = page_or_404(paginator, request)
    rows = pairing_listing(PairingPage.objects.filter(pk__in=page_obj.object_list), request)
    page_obj.object_list = list(rows)
    return page_obj, paginator, ids


def live_pairings(request=None):
    return PairingPage.objects.visible(request)


CITY_VALUES = (
    *("pk", "title", "url_path", "country__name", "latitude", "longitude"),
    "country__translation_key",
)


def city_place(values, url, request=None):
    """A `Place` from a city's CITY_VALUES, its country named in the reader's language."""
    pk, title, url_path, country, latitude, longitude, country_key = values
    country = translated_name(Country, country_key, country, request) if country else ""
    return Place(pk, title, url(url_path), country, latitude, longitude)


def map_members(pairings, request=None):
    """Members of `pairings` (a queryset, or a list of their ids) as `Member`s for drawing the
    map: two queries (one given the ids).

    Read as values: a directory map has hundreds of members, and building their city and
    pairing pages cost more than drawing them. The pairings' ids are fetched first: as a
    subquery (with its path and search conditions) PostgreSQL chose a plan a hundred times
    slower on a large directory."""
    ids = pairings if isinstance(pairings, list) else list(pairings.order_by().values_list("pk", flat=True))
    url = page_url_maker(request)
    rows = (
        member_queryset(request)
        .filter(pairing_id__in=ids)
        .values_list(
            *(f"city__{name}" for name in CITY_VALUES),
            "side",
            "pairing_id",
            "pairing__title",
            "pairing__url_path",
        )
    )
    members = []
    for *city, side, pairing_id, pairing_title, pairing_path in rows:
        pairing = Place(pairing_id, pairing_title, url(pairing_path))
        members.append(Member(city_place(city, url, request), side, pairing))
    return members


def map_places(cities, request=None):
    """Cities (a queryset) as `Place`s for a map, in one query."""
    url = page_url_maker(request)
    return [city_place(values, url, request) for values in cities.values_list(*CITY_VALUES)]


def search_pairing_ids(query, request=None):
    """Ids of live pairings matching `query`.

    Full-text search (PostgreSQL's on PostgreSQL) finds all the words in a pairing's own text and
    themes. Then each word is matched on its own, as a substring, against the pairing's title,
    intro and themes or the names and countries of its visible member cities, so "Netherlands
    Korea" finds Rotterdam–Busan and "Rotter" finds Rotterdam. Member cities are matched here
    rather than through the search index, which would also hold unpublished and private cities.
    One subquery per word keeps the number of queries fixed.
    """
    ids = set()
    try:
        # A savepoint keeps a query the search backend cannot parse from breaking the request.
        with transaction.atomic():
            ids.update(page.pk for page in PairingPage.objects.live().search(query, order_by_relevance=False))
    except DatabaseError:
        pass
    words = query.split()[:8]
    if words:
        members = member_queryset(request)
        themes = PairingPage.themes.through.objects.all()
        condition = Q()
        for word in words:
            condition &= (
                Q(title__icontains=word)
                | Q(intro__icontains=word)
                | Q(
                    pk__in=members.filter(
                        Q(city__title__icontains=word) | Q(city__country__name__icontains=word)
                    ).values("pairing_id")
                )
                | Q(pk__in=themes.filter(theme__name__icontains=word).values("pairingpage_id"))
            )
        ids.update(PairingPage.objects.live().filter(condition).values_list("pk", flat=True))
    return ids


def directory_context(page, request):
    form = PairingFilterForm(request.GET if request.GET else None, request=request)
    filters = form.clean_values() if form.is_bound else {}
    pairings = live_pairings(request).under(page, request)
    region = filters.get("region")
    if region:
        pairings = pairings.filter(region__translation_key=region.translation_key)
    country = filters.get("country")
    if country:
        in_country = member_queryset(request).filter(city__country=country)
        pairings = pairings.filter(pk__in=in_country.values("pairing_id"))
    theme = filters.get("theme")
    if theme:
        pairings = pairings.filter(themes=theme)
    programme = filters.get("programme")
    if programme:
        # A programme includes its strands (child programme pages).
        pairings = pairings.filter(programme__path__startswith=english_source(programme, request).path)
    query = filters.get("q", "").strip()
    if query:
        pairings = pairings.filter(pk__in=search_pairing_ids(query, request))

    page_obj, paginator, ids = paginate_pairings(pairings, request, PAIRINGS_PER_PAGE)
    return {
        "form": form,
        "filters": filters,
        "query": query,
        "is_filtered": bool(filters),
        "ignored_filters": form.ignored if form.is_bound else [],
        "pairings": page_obj,
        "paginator": paginator,
        "result_count": paginator.count,
        # No results, no map: an empty world map would only be something to scroll past.
        "pairing_map": build_map(map_members(ids, request), request=request) if ids else None,
    }


def regions_with_counts(queryset, request=None):
    """Annotate regions with their visible cities (through their countries) and pairings, as subqueries."""
    cities = (
        visible_cities(request)
        .filter(country__region_pages=OuterRef("pk"))
        .order_by()
        .values("country__region_pages")
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    pairings = (
        live_pairings(request)
        .filter(region__translation_key=OuterRef("translation_key"))
        .order_by()
        .values("region")
        .annotate(n=Count("pk"))
        .values("n")
    )
    zero = Value(0, output_field=IntegerField())
    return queryset.annotate(
        city_count=Coalesce(Subquery(cities, output_field=IntegerField()), zero),
        pairing_count=Coalesce(Subquery(pairings, output_field=IntegerField()), zero),
    )


def region_index_context(page, request):
    regions = regions_with_counts(RegionPage.objects.under(page, request).visible(request), request)
    return {"regions": regions.order_by("path")}


def region_context(page, request):
    # A preview shows the editor's unsaved countries (in memory), visitors the published ones.
    countries = sorted(page.countries.all(), key=lambda country: sort_key(name_in_language(country, request)))
    cities = visible_cities(request).filter(country__in=[country.pk for country in countries])
    cities = map_places(cities.order_by("sort_name"), request)
    pairings = live_pairings(request).filter(region=english_source(page, request))
    page_obj, paginator, ids = paginate_pairings(pairings, request, REGION_PAIRINGS_PER_PAGE)
    own = {city.pk for city in cities}
    return {
        "countries": countries,
        "cities": cities,
        "pairings": page_obj,
        "paginator": paginator,
        "pairing_map": build_map(
            map_members(ids, request), request=request, extra_cities=cities, fit=own or True
        ),
    }


def city_index_context(page, request):
    cities = CityPage.objects.under(page, request).visible(request).select_related("country")
    cities = cities.order_by("sort_name", "pk")
    paginator = Paginator(cities, CITIES_PER_PAGE)
    mapped = visible_cities(request).filter(latitude__isnull=False, longitude__isnull=False)
    return {
        "cities": page_or_404(paginator, request),
        "paginator": paginator,
        "pairing_map": build_map(
            map_members(live_pairings(request), request),
            request=request,
            extra_cities=map_places(mapped, request),
        ),
    }


def city_context(page, request):
    shown, page = page, english_source(page, request)
    pairings = list(pairing_listing(live_pairings(request).filter(members__city=page), request))
    partnerships = []
    members = []
    for pairing in pairings:
        partners = [m for m in pairing.members.all() if m.city_id != page.pk]
        partnerships.append({"pairing": pairing, "partners": partners})
        for member in pairing.members.all():
            member.pairing = pairing  # reuse the loaded pairing for the map instead of querying it again
            members.append(member)
    regions = RegionPage.objects.visible(request).filter(countries=page.country_id).order_by("sort_name")
    return {
        **related_work(request, cities=page),
        "clusters": ClusterPage.objects.visible(request).filter(members=page).order_by("title"),
        "partnerships": partnerships,
        "regions": regions,
        "themes": page.themes.order_by("sort_name"),
        "sdgs": page.sdgs.order_by("number"),
        "pairing_map": build_map(members, request=request, extra_cities=[shown], fit=True),
    }


def pairing_context(page, request):
    page = english_source(page, request)
    members = list(member_queryset(request).filter(pairing=page))
    for member in members:
        member.pairing = page
    return {
        **related_work(request, pairings=page),
        "members": members,
        "eu_members": [m for m in members if m.side == "eu"],
        "partner_members": [m for m in members if m.side != "eu"],
        "themes": page.themes.order_by("sort_name"),
        "sdgs": page.sdgs.order_by("number"),
        "pairing_map": build_map(members, request=request, fit=True),
    }


def programme_context(page, request):
    strands = ProgrammePage.objects.under(page, request).visible(request).order_by("path")
    source = english_source(page, request)
    pairings = live_pairings(request).filter(programme__path__startswith=source.path)
    paginator = Paginator(pairing_listing(pairings, request), REGION_PAIRINGS_PER_PAGE)
    from .models import ActivityIndexPage, CallIndexPage, ResourceIndexPage

    return {
        "clusters": ClusterPage.objects.under(page, request).visible(request).order_by("title"),
        "work_pages": source.get_children()
        .live()
        .public()
        .type(CallIndexPage, ActivityIndexPage, ResourceIndexPage)
        .order_by("path"),
        "strands": strands,
        "pairings": page_or_404(paginator, request),
        "paginator": paginator,
        "directory": section_page(PairingIndexPage, request),
    }
