"""What the public site may show of the page tree: visible pages, sections, page URLs.

The header's menu, the breadcrumbs and the "see all" links of sections all name the home page's
children, and every listing leaves out the restricted sections: both are read once per process
and cache generation (core.sitewide), so a page that shows five sections asks for none.
"""

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageManager, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from .languages import children_for_reader, children_of, current_language, home_url, in_language
from .sitewide import sitewide


def in_restricted_section(path="path"):
    """SQL: the page (`path` names its tree path, e.g. "city__path") is, or is below, a page
    with a view restriction.

    Wagtail's `public()` first reads every restriction in a query of its own; as a condition
    of the listing's own query, a page with five listings saves five round trips."""
    restrictions = PageViewRestriction.objects.annotate(length=Length("page__path")).filter(
        page__path=Substr(OuterRef(path), 1, F("length"))
    )
    return Exists(restrictions)


def outside_restricted_sections(queryset, request=None, path="path"):
    """`queryset` without the pages (`path` names their tree path, e.g. "city__path") that are
    in a restricted section.

    Given the request, the restricted sections are read once for all of its listings (on most
    sites there are none, and then they add no condition at all); without it, they are a
    condition of this query instead of a query of their own."""
    if request is None:
        return queryset.filter(~in_restricted_section(path))
    for restricted in restricted_paths(request):
        queryset = queryset.exclude(**{f"{path}__startswith": restricted})
    return queryset


class PortalPageQuerySet(PageQuerySet):
    def visible(self, request=None, language=None):
        """What visitors may see, each page once in the reader's language (core.languages):
        Wagtail's `.live().public()` (tests compare the two) with English where a page has no
        translation."""
        return in_language(outside_restricted_sections(self.live(), request), language)

    def under(self, page, request=None):
        """The children of `page` as its readers see them (with its English source's)."""
        return children_for_reader(self, page, request)


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


def restricted_paths(request=None):
    """Paths of the pages that have a view restriction (kept per cache generation)."""
    return sitewide("restricted paths", _load_restricted_paths, request, per_site=False)


def _load_restricted_paths(_site):
    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


def visible(pages, request):
    """The pages (loaded, or in memory during a preview) that visitors may see: live and in no
    restricted section. The same rule as Wagtail's `.live().public()` (a test compares them),
    for lists of related pages, so that one page's several lists share one restrictions query."""
    pages = [page for page in pages if page.live]
    paths = restricted_paths(request) if pages else ()
    return [page for page in pages if not page.path.startswith(paths)] if paths else pages


def site_sections(request):
    """The live, public children of the request's site root, in tree order (kept per cache
    generation: shared by every request of this process, so read, never change, them)."""
    if request is None:
        return []
    language = current_language()
    return sitewide(f"sections {language}", lambda site: _load_sections(site, request, language), request)


def _load_sections(site, request, language):
    if site is None:
        return []
    # Whole rows: section_page() turns them into their own types without another query. In tree
    # order: a translation or alias sorts as its English source does.
    sections = in_language(children_of(Page.objects.live(), site.root_page), language)
    source_path = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=settings.LANGUAGE_CODE
    ).values("path")[:1]
    return visible(
        sections.annotate(source_path=Subquery(source_path)).order_by("source_path", "path"), request
    )


def section_page(model, request):
    """The live, public page of a one-per-site section type (an index with max_count=1), or None.

    The page comes as `model` with only its tree fields loaded: enough for its URL and its
    routes (feeds, calendar); any other field is read from the database when first used."""
    for page in site_sections(request):
        if page.specific_class is model:
            return page.specific_deferred
    return None


def page_url_maker(request):
    """A function from a page's `url_path` to its URL on the request's site, for listings of
    hundreds of pages read as plain values (building each page object costs more than its row).

    Gives what Wagtail's `page.get_url(request)` gives for pages of that site (a test compares
    them on the demo tree), and "" for a page outside it."""
    site = Site.find_for_request(request) if request is not None else None
    # The site's home page in each language (a translated page's URL starts from its own home,
    # with its language's prefix), as Wagtail's own `get_url_parts` finds them.
    roots = getattr(request, "iurc_root_paths", None)
    if roots is None:
        roots = []
        if site is not None:
            for root in Site.get_site_root_paths():
                if root.site_id == site.pk:
                    roots.append((root.root_path, home_url(root.language_code)))
        if request is not None:
            request.iurc_root_paths = roots  # one cache read per request, however many lists

    def url(url_path):
        for root_path, prefix in roots:
            if url_path.startswith(root_path):
                return prefix + url_path[len(root_path) :]
        return ""

    return url
