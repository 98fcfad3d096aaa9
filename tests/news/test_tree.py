import pytest
from wagtail.test.utils import WagtailPageTestCase

from iurc_portal.core.models import HomePage, StandardPage
from news.models import EventIndexPage, EventPage, NewsArticlePage, NewsIndexPage
from programmes.models import RegionPage

pytestmark = pytest.mark.django_db


class TestNewsTree(WagtailPageTestCase):
    def test_index_pages_live_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)
        self.assertCanNotCreateAt(StandardPage, EventIndexPage)
        self.assertCanNotCreateAt(NewsIndexPage, NewsIndexPage)

    def test_articles_only_under_the_news_index(self):
        self.assertCanCreateAt(NewsIndexPage, NewsArticlePage)
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanNotCreateAt(EventIndexPage, NewsArticlePage)
        self.assertCanNotCreateAt(RegionPage, NewsArticlePage)
        self.assertCanNotCreateAt(NewsArticlePage, NewsArticlePage)

    def test_events_only_under_the_event_index(self):
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(NewsIndexPage, EventPage)
        self.assertCanNotCreateAt(EventPage, EventPage)
        self.assertCanNotCreateAt(EventIndexPage, NewsArticlePage)


def test_a_second_news_or_events_index_cannot_be_created(news_index, event_index, home_page):
    assert not NewsIndexPage.can_create_at(home_page)
    assert not EventIndexPage.can_create_at(home_page)
