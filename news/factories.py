"""Test and benchmark factories for news and events (factory_boy + wagtail-factories, dev dependencies)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from iurc_portal.core.factories import home_page, index_page, parental_many_to_many

from .models import AttendanceMode, EventIndexPage, EventPage, NewsArticlePage, NewsCategory, NewsIndexPage


def news_index():
    return index_page(NewsIndexPage, "News", "news")


def event_index():
    return index_page(EventIndexPage, "Events", "events")


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = NewsCategory
        django_get_or_create = ("slug",)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    intro = "What happened, in one paragraph."
    author = "IURC team"
    date = factory.LazyFunction(timezone.localdate)
    parent = factory.LazyFunction(news_index)

    class Meta:
        model = NewsArticlePage
        skip_postgeneration_save = True

    regions = parental_many_to_many("regions")

    themes = parental_many_to_many("themes")

    related_cities = parental_many_to_many("related_cities")

    related_pairings = parental_many_to_many("related_pairings")


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    intro = "A meeting of the programme's cities."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    time_zone = "Europe/Brussels"
    attendance = AttendanceMode.ONLINE
    parent = factory.LazyFunction(event_index)

    class Meta:
        model = EventPage
