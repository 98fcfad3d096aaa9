from functools import cache

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from ..blocks import BodyStreamBlock
from ..languages import translated_pages
from ..query import PortalPageManager, page_url_maker, restricted_paths, site_sections
from ..text import bigrams
from .images import CustomImage


def _has_subroute(page_class, remaining):
    """Whether a routable page type has its own view for the rest of the URL (no database)."""
    try:
        page_class().resolve_subpage("/" + "".join(f"{part}/" for part in remaining))
    except Http404:
        return False
    return True


@cache
def _own_relations(model):
    """The rows a page type's own foreign keys name (its hero image, category, country…).

    Not Wagtail's bookkeeping (owner, revisions, locks), which no public page shows, nor the
    listing and social images every page type inherits: they are usually empty, an image row is
    wide, and `prefetch_images` reads them in one query when they are set."""
    inherited = {field.name for field in BasePage._meta.local_fields}  # abstract: copied into each type
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one and field.model is not Page and field.name not in inherited
    )


def specific_with_relations(page):
    """`page.specific`, with the rows it refers to (hero image, category, country…) in the same query."""
    model = page.specific_class
    if model is None or not issubclass(model, BasePage):
        return page.specific
    relations = _own_relations(model)
    # `select_related()` with no names would follow every foreign key that cannot be null.
    queryset = model.objects.select_related(*relations) if relations else model.objects.all()
    return queryset.get(pk=page.pk)


class BasePage(Page):
    """Fields every page shares: how it looks in listings and when shared or found.

    Wagtail's own `seo_title` and `search_description` serve as the SEO title and
    meta description; the listing and social fields fall back to them and to the
    page's own title, so editors only fill them in when they want something different.
    """

    listing_title = models.CharField(
        _("listing title"),
        max_length=255,
        blank=True,
        help_text=_("Shown on cards and lists instead of the page title."),
    )
    listing_summary = models.TextField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for cards and lists."),
    )
    listing_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared (1200×630 works best)."),
    )
    social_text = models.CharField(
        _("social text"),
        max_length=255,
        blank=True,
        help_text=_("Description used when the page is shared; defaults to the search description."),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("For search engines")),
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("In listings"),
        ),
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading=_("When shared"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("listing_summary"),
        index.SearchField("search_description"),
        index.SearchField("search_bigrams"),
    ]

    # `.visible()`: live and public in one query.
    objects = PortalPageManager()

    # Name of a text field that can summarise the page when no summary is given.
    summary_source_field = None
    # Open Graph type; articles and events override it.
    og_type = "website"

    class Meta:
        abstract = True

    def search_bigrams(self):
        """The page's searchable text in Chinese, Japanese, Korean or Thai as two-character
        words (core.text.bigrams): PostgreSQL cannot split those scripts into words."""
        texts = []
        for field in self.search_fields:
            if not isinstance(field, index.SearchField) or field.field_name == "search_bigrams":
                continue
            value = getattr(self, field.field_name, None)
            if callable(value):
                continue
            if isinstance(value, StreamValue):
                texts.extend(value.stream_block.get_searchable_content(value))
            elif value:
                texts.append(strip_tags(str(value)))
        return bigrams(" ".join(texts))

    def get_listing_title(self):
        return self.listing_title or self.title

    def get_listing_summary(self):
        if self.listing_summary:
            return self.listing_summary
        if self.search_description:
            return self.search_description
        if self.summary_source_field:
            text = getattr(self, self.summary_source_field, "") or ""
            return Truncator(text).words(40)
        return ""

    def get_listing_image(self):
        return self.listing_image

    def get_meta_description(self):
        """Never empty: every page needs a description for search engines and sharing."""
        description = self.search_description or self.get_listing_summary() or self._first_paragraph()
        return description or _("%(title)s — International Urban and Regional Cooperation (IURC)") % {
            "title": self.title
        }

    def _first_paragraph(self):
        for block in getattr(self, "body", None) or []:
            if block.block_type == "paragraph":
                return Truncator(strip_tags(block.value.source)).words(40)
        return ""

    def route(self, request, path_components):
        """Find the page a URL names in one query instead of two per URL segment.

        Wagtail walks /news/some-article/ level by level (a query for each child and one for its
        specific type). Here every page the URL could name is fetched at once; routing then
        continues from the deepest one, or from the first routable page on the way (whose own
        sub-routes, like feeds, take precedence over children, as in Wagtail's walk). A section
        is found among the menu's pages, so only its own row is read. Kept because it earns its
        place (an article: 5 routing queries -> 2; a section: 2 -> 1);
        tests/core/test_routing.py compares every demo URL with Wagtail's own `Page.route`."""
        from wagtail.contrib.routable_page.models import RoutablePageMixin

        if len(path_components) == 1 and not isinstance(self, RoutablePageMixin):
            # A section (/news/, /cities/) is one of the home page's children, which every page's
            # menu has already read (kept per cache generation): only its own row is left to load.
            # Restricted sections are not among them and take Wagtail's way below.
            for section in site_sections(request):
                if section.slug == path_components[0] and section.is_child_of(self):
                    return specific_with_relations(section).route(request, [])
        if len(path_components) < 2 or isinstance(self, RoutablePageMixin):
            return super().route(request, path_components)
        candidates = {
            f"{self.url_path}{'/'.join(path_components[:depth])}/": depth
            for depth in range(1, len(path_components) + 1)
        }
        found = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in=candidates, path__startswith=self.path).only(
                "id", "path", "depth", "url_path", "content_type_id", "live"
            )
        }
        target, consumed = None, 0
        for url_path, depth in candidates.items():
            page = found.get(url_path)
            if page is None:
                break
            target, consumed = page, depth
            specific_class = page.specific_class or Page
            if issubclass(specific_class, RoutablePageMixin) and _has_subroute(
                specific_class, path_components[depth:]
            ):
                break
        if target is None:
            raise Http404
        return specific_with_relations(target).route(request, path_components[consumed:])

    def get_view_restrictions(self):
        """Wagtail's answer in one query instead of two (the ancestors, then their restrictions):
        restrictions of this page and its ancestors, an alias standing for its source page.
        tests/core/test_visibility.py compares it with Wagtail's own on a tree with aliases.
        On a site with no restriction at all (the restricted sections are kept per cache
        generation), there is nothing to ask."""
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        chain = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=chain.filter(alias_of__isnull=True))
            | Q(page__in=chain.filter(alias_of__isnull=False).values("alias_of"))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.prefetch_images()
        return context

    def prefetch_images(self):
        """Load every image the page refers to (hero, listing, social…) in one query at most: an
        image already loaded with the page (its hero, joined when routed) is not read again when
        another field names it too."""
        fields = [
            field
            for field in self._meta.concrete_fields
            if field.many_to_one and field.related_model is CustomImage and getattr(self, field.attname)
        ]
        images = {
            image.pk: image
            for field in fields
            if field.is_cached(self) and (image := field.get_cached_value(self)) is not None
        }
        wanted = {field: getattr(self, field.attname) for field in fields if not field.is_cached(self)}
        missing = set(wanted.values()) - images.keys()
        if missing:
            images.update(CustomImage.objects.in_bulk(missing))
        for field, pk in wanted.items():
            field.set_cached_value(self, images.get(pk))

    def get_structured_data(self, request=None):
        """schema.org data for this page as a dict (rendered as JSON-LD), or None."""
        return {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": self.seo_title or self.title,
            "description": str(self.get_meta_description()),
            "url": self.get_full_url(request),
        }

    def get_sitemap_urls(self, request=None):
        """Wagtail's entry, with the page's translations as hreflang alternates (x-default: English)."""
        urls = super().get_sitemap_urls(request)
        paths = translated_pages(request).get(self.translation_key) or {}
        if len(paths) > 1 and urls:
            url = page_url_maker(request)
            site_root = self.get_site().root_url if request is None else request.build_absolute_uri("/")[:-1]
            alternates = [
                {"lang_code": code, "location": site_root + url(paths[code])}
                for code, _name in settings.LANGUAGES
                if code in paths and url(paths[code])
            ]
            if settings.LANGUAGE_CODE in paths:
                english = site_root + url(paths[settings.LANGUAGE_CODE])
                alternates.append({"lang_code": "x-default", "location": english})
            for entry in urls:
                entry["alternates"] = alternates
        return urls

    def get_social_image(self):
        return self.social_image or self.get_listing_image()

    def get_social_text(self):
        return self.social_text or self.get_meta_description()


class HomePage(BasePage):
    strapline = models.CharField(
        _("strapline"),
        max_length=255,
        blank=True,
        help_text=_("A short line under the programme name."),
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    hero_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("strapline"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    summary_source_field = "intro"

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "core.StandardPage",
        "programmes.ProgrammePage",
        "programmes.RegionIndexPage",
        "programmes.CityIndexPage",
        "programmes.PairingIndexPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
        "newsletter.NewsletterPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_structured_data(self, request=None):
        from ..sitewide import site_settings as sitewide_settings
        from ..sitewide import site_text

        site_settings = sitewide_settings(request) if request else None
        text = site_text(request) if request else None
        # A home page always has an address; should Wagtail's cached site roots lag behind a new
        # translation, the request's own stands in rather than failing the page.
        url = self.get_full_url(request) or (request.build_absolute_uri() if request else "/")
        organisation = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": text.organisation_name if text else self.title,
            "alternateName": site_settings.short_name if site_settings else "IURC",
            "url": url,
            "description": str(self.get_meta_description()),
        }
        if site_settings and site_settings.contact_email:
            organisation["email"] = site_settings.contact_email
        if site_settings:
            same_as = [block.value["url"] for block in site_settings.social_links]
            if same_as:
                organisation["sameAs"] = same_as
        website = {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": organisation["name"],
            "url": url,
            "potentialAction": {
                "@type": "SearchAction",
                "target": f"{url.rstrip('/')}/search/?q={{search_term_string}}",
                "query-input": "required name=search_term_string",
            },
        }
        return [organisation, website]


class StandardPage(BasePage):
    """About, privacy notice, accessibility statement and other plain pages."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    summary_source_field = "intro"

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
