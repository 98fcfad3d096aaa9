"""Page querysets for the public site.

Wagtail's `PageQuerySet.public()` reads every view restriction from the database each time it is
called, and a page with several listings calls it several times. The restricted sections change
rarely (an editor adds or removes a password or login requirement), so their paths are kept in the
cache and dropped whenever a restriction is saved or deleted or a page moves.
"""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

RESTRICTED_PATHS_KEY = "pages:restricted-paths"


def restricted_paths():
    """(path, depth) of every page with a view restriction."""
    paths = cache.get(RESTRICTED_PATHS_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", "page__depth"))
        cache.set(RESTRICTED_PATHS_KEY, paths, 3600)
    return paths


def is_public(page):
    """Whether visitors may see `page` without a password or login (no database query)."""
    return bool(public_only([page]))


def public_only(pages):
    """The pages (in memory) that no view restriction covers: one cache read for them all."""
    prefixes = tuple(path for path, _depth in restricted_paths())
    return [page for page in pages if not (prefixes and page.path.startswith(prefixes))]


def forget_restricted_paths(**_kwargs):
    cache.delete(RESTRICTED_PATHS_KEY)


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        q = Q()
        for path, depth in restricted_paths():
            # Same as Wagtail's descendant_of_q(page, inclusive=True), without loading the page.
            q |= Q(path__startswith=path, depth__gte=depth)
        return q if q else Q(pk__in=[])


class PortalPageManager(PageManager):
    def get_queryset(self):
        return PortalPageQuerySet(self.model).order_by("path")


def pages():
    """All pages of any type, with the cached public() filter."""
    return PortalPageQuerySet(Page).order_by("path")


def section_page(model, site=None):
    """The live, public page of a one-per-site section type (an index with max_count=1), or None.

    Cached until the next publish: every page links to these sections ("All news", "All regions")."""
    from .cache import generation_cached

    def find():
        pages = model.objects.live().public()
        if site is not None:
            pages = pages.in_site(site)
        return pages.first()

    return generation_cached(f"section:{model._meta.label_lower}:{getattr(site, 'pk', '')}", find)


class CachedCountPaginator(Paginator):
    """A paginator whose total is remembered until the next publish.

    Counting every matching row of a large listing is the slow part of showing its first page;
    the total only changes when something is published. `count_key` names the listing and its
    filters."""

    def __init__(self, object_list, per_page, *, count_key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        from .cache import generation_cached

        return generation_cached(f"count:{self.count_key}", lambda: Paginator.count.func(self))
