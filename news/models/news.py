import datetime

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from iurc_portal.core.blocks import BodyStreamBlock
from iurc_portal.core.http import page_or_404
from iurc_portal.core.languages import locale_code, source_language_rows
from iurc_portal.core.models import BasePage
from iurc_portal.core.query import section_page, visible
from iurc_portal.core.sitewide import site_text, site_text_in, sitewide

from ..text import reading_minutes, stream_text, word_count

# The byline names an organisation rather than a person when it contains one of these words.
ORGANISATION_BYLINE_WORDS = (
    "iurc",
    "iuc",
    "team",
    "secretariat",
    "office",
    "programme",
    "commission",
    "unit",
    "network",
)


def site_organisation(page, request):
    """The publishing organisation as schema.org data, named as the site's header names it."""
    if request is not None:
        site, name = Site.find_for_request(request), site_text(request).organisation_name
    else:
        site, name = page.get_site(), site_text_in(locale_code(page.locale_id)).organisation_name
    organisation = {"@type": "Organization", "name": name or "International Urban and Regional Cooperation"}
    if site:
        organisation["url"] = f"{site.root_url}/"
    return organisation


def absolute_image_url(image, request, spec="fill-1200x630|format-jpeg"):
    """An absolute URL of a rendition of `image` (the one social sharing uses), or None."""
    if image is None:
        return None
    url = image.get_rendition(spec).url
    if "://" in url or request is None:
        return url
    return request.build_absolute_uri(url)


def with_listing_images(queryset):
    """Ready `queryset` for cards: the card images joined, their renditions fetched in one query
    per image field (none when no card has that image), and the StreamFields, which no card
    shows, left unread. Without this, every card costs a query for its image and more for its
    renditions."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return (
        queryset.select_related("listing_image", "hero_image")
        .prefetch_related(
            Prefetch("listing_image__renditions", queryset=renditions),
            Prefetch("hero_image__renditions", queryset=renditions),
        )
        .defer_streamfields()
    )


class NewsIndexPage(RoutablePageMixin, BasePage):
    """/news/: the filterable listing, and the RSS and Atom feeds under feed/."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    summary_source_field = "intro"

    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count = 1

    per_page = 12

    class Meta:
        verbose_name = _("news index page")

    def articles(self, request=None):
        """Live, public articles under this index, newest first, ready for cards."""
        queryset = NewsArticlePage.objects.visible(request).under(self, request).select_related("category")
        return with_listing_images(queryset).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        from ..forms import NewsFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = NewsFilterForm(request.GET or None, years=self.years(request), request=request)
        articles = form.filter(self.articles(request))
        paginator = Paginator(articles, self.per_page)
        context.update(
            filter_form=form,
            page_obj=page_or_404(paginator, request),
            feed_links=self.feed_links(
                category=form.selected("category"),
                region=form.selected("region"),
            ),
        )
        return context

    def years(self, request=None):
        """The years that have articles, newest first: one query (a DISTINCT over every article),
        made once per cache generation and kept in process (core.sitewide)."""

        def load(_site):
            articles = NewsArticlePage.objects.visible(request).under(self, request)
            return [day.year for day in articles.dates("date", "year", order="DESC")]

        return sitewide(f"news years:{self.pk}", load, request, per_site=False)

    def feed_links(self, category=None, region=None):
        """Feeds for the head and the page: all news, and the category or region in view."""
        rss, atom = self.reverse_subpage("feed_rss"), self.reverse_subpage("feed_atom")
        base = self.url or ""
        links = [
            {"title": _("All news (RSS)"), "type": "application/rss+xml", "url": f"{base}{rss}"},
            {"title": _("All news (Atom)"), "type": "application/atom+xml", "url": f"{base}{atom}"},
        ]
        for key, obj in (("category", category), ("region", region)):
            if obj is not None:
                name = getattr(obj, "name", None) or obj.title
                links.append(
                    {
                        "title": _("%(name)s (RSS)") % {"name": name},
                        "type": "application/rss+xml",
                        "url": f"{base}{rss}?{key}={obj.slug}",
                    }
                )
        return links

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from ..feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from ..feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsArticlePage(BasePage):
    # Relations stay with the English category row (translations show its name in their language).
    override_translatable_fields = [SynchronizedField("category")]

    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    author = models.CharField(
        _("byline"), max_length=255, blank=True, help_text=_("Who wrote the article, e.g. “IURC team”.")
    )
    intro = models.TextField(
        _("introduction"), max_length=1000, help_text=_("One short paragraph; also used on cards and feeds.")
    )
    hero_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("hero image caption"), max_length=255, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    category = models.ForeignKey(
        "news.NewsCategory",
        limit_choices_to=source_language_rows,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_(
            "What kind of news this is, one only. Where it happened goes in Regions below, even when "
            "the category is named after a region."
        ),
    )
    regions = ParentalManyToManyField(
        "programmes.RegionPage",
        blank=True,
        related_name="news_articles",
        verbose_name=_("regions"),
        help_text=_(
            "Where it happened: tick every region the article is about. Region pages and the region "
            "filter list articles by these ticks, never by their category."
        ),
    )
    themes = ParentalManyToManyField(
        "programmes.Theme",
        limit_choices_to=source_language_rows,
        blank=True,
        related_name="news_articles",
        verbose_name=_("themes"),
    )
    related_cities = ParentalManyToManyField(
        "programmes.CityPage", blank=True, related_name="news_articles", verbose_name=_("related cities")
    )
    related_pairings = ParentalManyToManyField(
        "programmes.PairingPage", blank=True, related_name="news_articles", verbose_name=_("related pairings")
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("category")],
            heading=_("Publication"),
        ),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_cities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_pairings", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("What the article is about"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
    ]
    summary_source_field = "intro"

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # The listing's order: newest first, then newest page. With it PostgreSQL reads the
        # first page of 10,000 articles in order and stops, instead of sorting them all.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="news_article_listing_idx")]

    def get_listing_image(self):
        return self.listing_image or self.hero_image

    @cached_property
    def reading_time(self):
        """Minutes to read the introduction and body."""
        return reading_minutes(word_count(self.intro, stream_text(self.body)))

    @property
    def published_datetime(self):
        """The article date as an aware datetime, for feeds (which need a time)."""
        first = self.first_published_at
        if first is not None and timezone.localtime(first).date() == self.date:
            return first
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(9, 0)))

    def get_structured_data(self, request=None):
        """A schema.org NewsArticle, for search engines' article results."""
        url = self.get_full_url(request)
        publisher = site_organisation(self, request)
        if not self.author:
            author = publisher
        elif any(word in self.author.lower().split() for word in ORGANISATION_BYLINE_WORDS):
            author = {"@type": "Organization", "name": self.author}
        else:
            author = {"@type": "Person", "name": self.author}
        modified = self.last_published_at or self.published_datetime
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": (self.seo_title or self.title)[:110],
            "description": str(self.get_meta_description()),
            "datePublished": self.published_datetime.isoformat(),
            "dateModified": max(modified, self.published_datetime).isoformat(),
            "author": author,
            "publisher": publisher,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
        }
        image = absolute_image_url(self.get_social_image(), request)
        if image:
            data["image"] = [image]
        if self.category_id:
            data["articleSection"] = self.category.name
        return data

    def related_articles(self, limit=3, regions=None, themes=None, request=None):
        """Other live articles sharing the category, a region or a theme; newest first.

        Sub-selects instead of joins, so no article appears twice and the query count is fixed.
        Pass the article's regions and themes when already loaded."""
        match = Q()
        if self.category_id:
            match |= Q(category_id=self.category_id)
        region_ids = [region.pk for region in (self.regions.all() if regions is None else regions)]
        theme_ids = [theme.pk for theme in (self.themes.all() if themes is None else themes)]
        if region_ids:
            through = NewsArticlePage.regions.through
            match |= Q(
                pk__in=through.objects.filter(regionpage_id__in=region_ids).values("newsarticlepage_id")
            )
        if theme_ids:
            through = NewsArticlePage.themes.through
            match |= Q(pk__in=through.objects.filter(theme_id__in=theme_ids).values("newsarticlepage_id"))
        if not match:
            return []
        queryset = NewsArticlePage.objects.visible(request).filter(match).exclude(pk=self.pk)
        queryset = with_listing_images(queryset.select_related("category")).order_by("-date", "-pk")
        return list(queryset[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        regions, themes = list(self.regions.all()), list(self.themes.all())
        context["related_articles"] = self.related_articles(regions=regions, themes=themes, request=request)
        context["regions"] = visible(regions, request)
        context["themes"] = themes
        context["related_cities"] = visible(self.related_cities.all(), request)
        context["related_pairings"] = visible(self.related_pairings.all(), request)
        # The one news section (loaded with the menu), rather than two queries for this page's parent.
        news_index = section_page(NewsIndexPage, request)
        if news_index is not None and self.path.startswith(news_index.path):
            context["news_index"] = news_index
            context["feed_links"] = news_index.feed_links(category=self.category)
        return context
