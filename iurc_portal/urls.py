from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from iurc_portal.core import views as core_views
from iurc_portal.core.sitemap import PortalSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
]

# What visitors read carries its language in the URL (/es/news/...); English, the source
# language, has no prefix, so its addresses are the ones the portal always had.
urlpatterns += i18n_patterns(
    # No "" pattern inside: /newsletter/ itself falls through to the Wagtail NewsletterPage.
    path("newsletter/", include("newsletter.urls")),
    # <events index>/calendar.ics: page URLs cannot hold a dot, so a plain view serves it.
    path("", include("news.urls")),
    path("search/", core_views.search, name="search"),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving catches every remaining path, so it comes last: Wagtail's own routes
# (password-protected pages, front-end login), then core.views.serve in place of Wagtail's serve
# (the same pages, two queries fewer; tests/core/test_routing.py compares the two).
wagtail_routes = [
    route for route in wagtail_urls.urlpatterns if getattr(route, "name", "") != "wagtail_serve"
]
urlpatterns += i18n_patterns(
    *wagtail_routes,
    re_path(wagtail_urls.serve_pattern, core_views.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
