from .categories import NewsCategory
from .events import AttendanceMode, EventIndexPage, EventPage
from .news import NewsArticlePage, NewsIndexPage

__all__ = [
    "AttendanceMode",
    "EventIndexPage",
    "EventPage",
    "NewsArticlePage",
    "NewsCategory",
    "NewsIndexPage",
]
