"""What the pages about the programme's work show: clusters, activities, calls and resources.

Like page_context, each builder loads its page in a fixed number of queries.
"""

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from iurc_portal.core.cache import expire_page_at
from iurc_portal.core.http import page_or_404
from iurc_portal.core.languages import english_source

from .forms import ActivityFilterForm, ResourceFilterForm
from .models import ActivityPage, CallPage, CityPage, PairingPage, ResourcePage

ACTIVITIES_PER_PAGE = 20
RESOURCES_PER_PAGE = 20
TIMELINE_LENGTH = 12


def activity_listing(queryset):
    return queryset.prefetch_related("themes").order_by("-start_date", "-pk")


def resource_listing(queryset):
    return queryset.select_related("document").prefetch_related("themes").order_by("-year", "sort_name", "pk")


def filter_common(items, filters):
    if filters.get("type"):
        items = items.filter(**{items.model.TYPE_FIELD: filters["type"]})
    if filters.get("region"):
        items = items.filter(regions__translation_key=filters["region"].translation_key)
    if filters.get("theme"):
        items = items.filter(themes=filters["theme"])
    return items


def activity_index_context(page, request):
    form = ActivityFilterForm(request.GET or None, request=request)
    filters = form.clean_values() if form.is_bound else {}
    activities = ActivityPage.objects.under(page, request).visible(request)
    activities = filter_common(activities, filters)
    if filters.get("year"):
        activities = activities.filter(start_date__year=filters["year"])
    paginator = Paginator(activity_listing(activities), ACTIVITIES_PER_PAGE)
    return {
        "form": form,
        "is_filtered": bool(filters),
        "ignored_filters": form.ignored if form.is_bound else [],
        "activities": page_or_404(paginator, request),
        "paginator": paginator,
    }


def search_resource_ids(query):
    """Ids of live resources whose text, metadata or document text match `query`."""
    ids = set()
    try:
        with transaction.atomic():
            ids.update(
                page.pk for page in ResourcePage.objects.live().search(query, order_by_relevance=False)
            )
    except DatabaseError:
        pass
    condition = Q()
    for word in query.split()[:8]:
        # The text read from the PDF too, so every search backend finds what is inside the file.
        condition &= (
            Q(title__icontains=word)
            | Q(intro__icontains=word)
            | Q(document__extracted_text__text__icontains=word)
        )
    ids.update(ResourcePage.objects.live().filter(condition).values_list("pk", flat=True))
    return ids


def resource_index_context(page, request):
    form = ResourceFilterForm(request.GET or None, request=request)
    filters = form.clean_values() if form.is_bound else {}
    resources = ResourcePage.objects.under(page, request).visible(request)
    resources = filter_common(resources, filters)
    if filters.get("year"):
        resources = resources.filter(year=filters["year"])
    if filters.get("language"):
        resources = resources.filter(language=filters["language"])
    query = (filters.get("q") or "").strip()
    if query:
        resources = resources.filter(pk__in=search_resource_ids(query))
    paginator = Paginator(resource_listing(resources), RESOURCES_PER_PAGE)
    return {
        "form": form,
        "query": query,
        "is_filtered": bool(filters),
        "ignored_filters": form.ignored if form.is_bound else [],
        "resources": page_or_404(paginator, request),
        "paginator": paginator,
    }


def resource_context(page, request):
    return {
        "regions": page.regions.order_by("sort_name"),
        "themes": page.themes.order_by("sort_name"),
        "related_pairings": page.pairings.live().order_by("sort_name"),
        "related_cities": page.cities.live().order_by("sort_name"),
    }


def open_calls(request, limit=None):
    """Calls open now, closing soonest first; the page showing them expires at the next change.

    One query: a call closes after it opens (`CallPage.clean`), so every call not yet closed is
    either open or upcoming, and the upcoming ones say when the list changes next."""
    now = timezone.now()
    pending = CallPage.objects.visible(request).filter(closes_at__gt=now).defer_streamfields()
    calls, opening = [], []
    for call in pending.order_by("closes_at", "pk"):
        (opening if call.opens_at and call.opens_at > now else calls).append(call)
    calls = calls[:limit] if limit else calls
    # The list changes when the first of these closes or when an upcoming call opens.
    if calls:
        expire_page_at(request, calls[0].closes_at)
    if opening:
        expire_page_at(request, min(call.opens_at for call in opening))
    return calls


def call_index_context(page, request):
    calls = list(CallPage.objects.under(page, request).visible(request).order_by("-closes_at", "pk"))
    now = timezone.now()
    for call in calls:
        expire_page_at(request, call.next_status_change(now))
    groups = {"open": [], "upcoming": [], "closed": []}
    for call in calls:
        groups[call.status_at(now)].append(call)
    groups["open"].sort(key=lambda call: call.closes_at)
    return {
        "open_calls": groups["open"],
        "upcoming_calls": groups["upcoming"],
        "closed_calls": groups["closed"],
    }


def related_work(request, **relation):
    """The activities (newest first) and resources naming a city, pairing or cluster."""
    activities = activity_listing(ActivityPage.objects.visible(request).filter(**relation))
    resources = resource_listing(ResourcePage.objects.visible(request).filter(**relation))
    return {
        "timeline": list(activities[:TIMELINE_LENGTH]),
        "related_resources": list(resources[:TIMELINE_LENGTH]),
    }


def cluster_context(page, request):
    page = english_source(page, request)
    members = (
        CityPage.objects.visible(request)
        .filter(clusters=page)
        .select_related("country")
        .order_by("sort_name")
    )
    pairings = (
        PairingPage.objects.visible(request)
        .filter(members__city__clusters=page)
        .distinct()
        .order_by("sort_name")
    )
    return {
        "members": list(members),
        "member_pairings": list(pairings),
        "themes": page.themes.order_by("sort_name"),
        **related_work(request, clusters=page),
    }
