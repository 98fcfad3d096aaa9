from django.urls import re_path

from . import views

app_name = "news"

urlpatterns = [
    # Same path shape as Wagtail's pages (slugs ending in "/"), then the file name.
    re_path(r"^(?P<path>(?:[\w\-]+/)+)calendar\.ics$", views.events_calendar, name="events_calendar"),
]
