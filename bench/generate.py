#!/usr/bin/env python
"""Add N news articles, cities, pairings, activities and resources to DATABASE_URL (for benchmarks).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/iurc_bench \
        .venv/bin/python bench/generate.py --articles 10000 --cities 1000 --pairings 500 \
        --activities 10000 --resources 5000

Runs on top of the demo content (loaded first if missing). Pages are created live, without
revisions, and the search index is rebuilt once at the end instead of page by page.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iurc_portal.settings.dev")

WORDS = [
    "city",
    "region",
    "cooperation",
    "urban",
    "mobility",
    "circular",
    "economy",
    "air",
    "quality",
    "water",
    "sanitation",
    "heritage",
    "nature",
    "digital",
    "transition",
    "innovation",
    "climate",
    "energy",
    "housing",
    "green",
    "public",
    "transport",
    "pilot",
    "study",
    "visit",
    "action",
    "plan",
    "partners",
    "exchange",
    "knowledge",
    "mayor",
    "citizens",
    "resilience",
    "waste",
    "data",
    "smart",
    "port",
]


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def progress(label, done, total, started):
    if done == total or done % max(1, total // 20) == 0:
        rate = done / max(time.monotonic() - started, 1e-6)
        print(f"  {label}: {done}/{total} ({rate:.0f}/s)", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--cities", type=int, default=50)
    parser.add_argument("--pairings", type=int, default=25)
    parser.add_argument("--activities", type=int, default=100)
    parser.add_argument("--resources", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    from iurc_portal.core.demo import search_index_deferred

    # One index rebuild at the end is far cheaper than one update per page.
    with search_index_deferred():
        generate(args)
    print("Rebuilding the search index", flush=True)
    call_command("update_index", verbosity=0)
    print("Done.", flush=True)


def generate(args):
    """The demo content, then the articles, cities, pairings, activities and resources asked for."""
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
    from programmes.models import (
        CityIndexPage,
        CityPage,
        Country,
        PairingIndexPage,
        PairingMember,
        PairingPage,
        ProgrammePage,
        RegionPage,
        Theme,
    )

    call_command("load_demo_content", verbosity=0)
    rng = random.Random(args.seed)
    now = timezone.now()
    regions = list(RegionPage.objects.filter(locale__language_code="en"))
    themes = list(Theme.objects.filter(locale__language_code="en"))
    categories = list(NewsCategory.objects.filter(locale__language_code="en"))
    countries = list(Country.objects.filter(locale__language_code="en"))
    programme = ProgrammePage.objects.order_by("depth", "path").first()

    news_index = NewsIndexPage.objects.get(locale__language_code="en")
    started = time.monotonic()
    print(f"Articles: {args.articles}", flush=True)
    for number in range(1, args.articles + 1):
        with transaction.atomic():
            article = NewsArticlePage(
                title=f"{sentence(rng, 6)[:-1]} ({number})",
                slug=f"bench-article-{number}",
                date=(now - timedelta(hours=number)).date(),
                author="IURC team",
                intro=sentence(rng, 30),
                body=[("paragraph", "".join(f"<p>{sentence(rng, 40)}</p>" for _ in range(6)))],
                category=rng.choice(categories) if categories else None,
                live=True,
                first_published_at=now - timedelta(hours=number),
                last_published_at=now - timedelta(hours=number),
            )
            if regions:
                article.regions = rng.sample(regions, k=min(2, len(regions)))
            if themes:
                article.themes = rng.sample(themes, k=min(2, len(themes)))
            news_index.add_child(instance=article)
        progress("articles", number, args.articles, started)

    city_index = CityIndexPage.objects.get(locale__language_code="en")
    cities = []
    started = time.monotonic()
    print(f"Cities: {args.cities}", flush=True)
    for number in range(1, args.cities + 1):
        city = CityPage(
            title=f"Bench city {number}",
            slug=f"bench-city-{number}",
            country=rng.choice(countries),
            intro=sentence(rng, 20),
            latitude=Decimal(f"{rng.uniform(-50, 65):.5f}"),
            longitude=Decimal(f"{rng.uniform(-170, 170):.5f}"),
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        if themes:
            city.themes = rng.sample(themes, k=min(2, len(themes)))
        city_index.add_child(instance=city)
        cities.append(city)
        progress("cities", number, args.cities, started)

    pairing_index = PairingIndexPage.objects.get(locale__language_code="en")
    started = time.monotonic()
    print(f"Pairings: {args.pairings}", flush=True)
    for number in range(1, args.pairings + 1):
        eu, partner = rng.sample(cities, 2) if len(cities) >= 2 else (None, None)
        pairing = PairingPage(
            title=f"Bench pairing {number}",
            slug=f"bench-pairing-{number}",
            intro=sentence(rng, 20),
            programme=programme,
            region=rng.choice(regions) if regions else None,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        if themes:
            pairing.themes = rng.sample(themes, k=min(2, len(themes)))
        if eu is not None:
            pairing.members = [PairingMember(city=eu, side="eu"), PairingMember(city=partner, side="partner")]
        pairing_index.add_child(instance=pairing)
        progress("pairings", number, args.pairings, started)

    generate_work(rng, args, now, regions, themes)


def generate_work(rng, args, now, regions, themes):
    """Activities and resources under the demo's listings; the resources share one small PDF."""
    from datetime import date

    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from programmes.demo_work import pdf_bytes
    from programmes.models import (
        ActivityIndexPage,
        ActivityPage,
        ActivityType,
        ResourceIndexPage,
        ResourcePage,
        ResourceType,
    )

    activity_index = ActivityIndexPage.objects.get(locale__language_code="en")
    kinds = [choice for choice, _label in ActivityType.choices]
    started = time.monotonic()
    print(f"Activities: {args.activities}", flush=True)
    for number in range(1, args.activities + 1):
        activity = ActivityPage(
            title=f"{sentence(rng, 5)[:-1]} ({number})",
            slug=f"bench-activity-{number}",
            activity_type=rng.choice(kinds),
            start_date=date(2017 + number % 10, 1 + number % 12, 1 + number % 28),
            intro=sentence(rng, 20),
            online=bool(number % 2),
            is_example=True,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        activity.regions = rng.sample(regions, k=min(1, len(regions)))
        activity.themes = rng.sample(themes, k=min(2, len(themes)))
        activity_index.add_child(instance=activity)
        progress("activities", number, args.activities, started)

    Document = get_document_model()
    document = Document(title="Bench resource")
    document.file.save(
        "bench-resource.pdf", ContentFile(pdf_bytes("Bench resource", ["A stand-in."])), save=False
    )
    document.save()
    resource_index = ResourceIndexPage.objects.get(locale__language_code="en")
    types = [choice for choice, _label in ResourceType.choices]
    started = time.monotonic()
    print(f"Resources: {args.resources}", flush=True)
    for number in range(1, args.resources + 1):
        resource = ResourcePage(
            title=f"{sentence(rng, 5)[:-1]} ({number})",
            slug=f"bench-resource-{number}",
            document=document,
            resource_type=rng.choice(types),
            language=rng.choice(["en", "es", "pt", "fr"]),
            year=2017 + number % 10,
            intro=sentence(rng, 20),
            is_example=True,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        resource.regions = rng.sample(regions, k=min(1, len(regions)))
        resource.themes = rng.sample(themes, k=min(2, len(themes)))
        resource_index.add_child(instance=resource)
        progress("resources", number, args.resources, started)


if __name__ == "__main__":
    main()
