import pytest

from news.factories import EventIndexPageFactory, NewsIndexPageFactory


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)
