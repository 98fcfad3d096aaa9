"""The pages every benchmark measures (one of each kind a visitor opens)."""


def benchmark_paths():
    from news.models import NewsArticlePage
    from programmes.models import ActivityIndexPage, CityPage, RegionPage, ResourceIndexPage

    # English pages (the source language; translations are measured as such where present).
    english = {"locale__language_code": "en"}
    article = NewsArticlePage.objects.live().filter(**english).order_by("-date", "-pk").first()
    region = RegionPage.objects.live().filter(**english).order_by("path").first()
    city = (
        CityPage.objects.live().filter(**english).exclude(slug__startswith="bench-").order_by("path").first()
    )
    return {
        "home": "/",
        "news listing": "/news/",
        "article": article.url,
        "region": region.url,
        "city": city.url,
        "pairings directory": "/pairings/",
        "activities listing": ActivityIndexPage.objects.live().filter(**english).get().url,
        "resource library": ResourceIndexPage.objects.live().filter(**english).get().url,
        # A word in nearly every generated article (every result ranked), and a rare one.
        "search": "/search/?q=cooperation",
        "search (rare word)": "/search/?q=Rotterdam",
    }
