"""Demo news, events and the editorial workflow, in the portal's own words from public facts.

Runs after the programmes loader, so regions, themes and cities can be linked; any that are
missing are simply not linked. The articles explain the programme and its topics without
reporting dated happenings, so their dates are set relative to the day of the first load; so
are the events, generic online sessions, which stay upcoming for months. A later run never moves
or rewrites them."""

import datetime
import secrets
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from iurc_portal.core.demo import demo_image, ensure_page, get_home_page
from programmes.models import CityPage, RegionPage, Theme

from .management.commands.setup_editorial_workflow import EDITORS, MODERATORS, setup_editorial_workflow
from .models import AttendanceMode, EventIndexPage, EventPage, NewsArticlePage, NewsCategory, NewsIndexPage

IURC_NEWS = "News from IURC"

# (category name, slug, words that find the region page by title, image colours)
CATEGORIES = [
    (IURC_NEWS, "iurc", None, ("#003399", "#ffcc00")),
    ("News from Asia and Australasia", "asia-australasia", ["Asia"], ("#0b5563", "#f2c14e")),
    ("News from China", "china", ["China"], ("#8c1c13", "#f2c14e")),
    (
        "News from Latin America and the Caribbean",
        "latin-america-caribbean",
        ["Latin"],
        ("#1d6b33", "#ffcc00"),
    ),
    ("News from North America", "north-america", ["North America"], ("#2b2d42", "#8ecae6")),
]


def p(*paragraphs):
    return [("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))]


def h(text):
    return [("heading", {"text": text, "level": "h2"})]


# slug, title, category slug, days before the first load, intro, body, theme words, city words
ARTICLES = [
    (
        "iurc-builds-on-international-urban-cooperation",
        "IURC builds on four years of International Urban Cooperation",
        "iurc",
        6,
        "The second phase of the EU's city-to-city programme keeps what worked in 2016-2020 and extends "
        "cooperation from cities to regions.",
        h("From cities to regions")
        + p(
            "International Urban Cooperation (IUC) ran from 2016 to 2020. It paired European cities with "
            "cities in Asia, the Americas and beyond, and showed that practical, project-based cooperation "
            "between local governments works.",
            "International Urban and Regional Cooperation (IURC) is its second phase. It keeps the "
            "partnerships that delivered, learns from those that struggled and adds cooperation between "
            "regions on innovation.",
        )
        + h("Who is behind it")
        + p(
            "IURC is financed by the European Union and implemented by the European Commission's Service for "
            "Foreign Policy Instruments together with its Directorate-General for Regional and Urban Policy."
        ),
        ["innovation"],
        [],
    ),
    (
        "why-cities-cooperate-across-continents",
        "Why cities and regions cooperate across continents",
        "iurc",
        27,
        "Cities on different continents face the same questions on climate, mobility and housing. "
        "Working together shortens the way to answers.",
        p(
            "Many urban challenges do not stop at borders: adapting to a changing climate, moving people "
            "cleanly, using resources more than once, keeping neighbourhoods inclusive. A city that has "
            "tried an approach can save another city years of trial and error.",
            "City-to-city cooperation turns that exchange into joint work. Partners agree on concrete "
            "actions, visit each other, involve businesses and universities, and report what changed.",
        ),
        ["mobility", "circular"],
        [],
    ),
    (
        "global-agendas-local-action",
        "Global agendas, local action: the frame for every pairing",
        "iurc",
        61,
        "The 2030 Agenda, the New Urban Agenda and the Urban Agenda for the EU give pairings a shared "
        "vocabulary for what they want to achieve.",
        p(
            "The 2030 Agenda for Sustainable Development sets seventeen Sustainable Development Goals. "
            "Goal 11 asks for inclusive, safe, resilient and sustainable cities, but almost every goal "
            "has a local side.",
            "The New Urban Agenda, adopted at the Habitat III conference in Quito in 2016, describes how "
            "cities can be planned and managed to get there. The Urban Agenda for the EU brings cities, "
            "member states and the European Commission together on the same questions inside the Union.",
            "IURC pairings link their action plans to these agendas, which makes results comparable and "
            "easier to share.",
        ),
        [],
        [],
    ),
    (
        "what-a-study-visit-is-for",
        "What a study visit is for",
        "asia-australasia",
        12,
        "Study visits let partners see each other's projects on the ground and meet the people who run "
        "them. Here is how a pairing prepares one.",
        h("Before the visit")
        + p(
            "A good study visit starts from a question the visitors want answered: how a bus network was "
            "redesigned, how a brownfield site was cleaned up, how residents were involved in a plan. "
            "Hosts then choose the sites and the people to meet."
        )
        + h("After the visit")
        + p(
            "What the visitors saw feeds into the pairing's local action plan: which ideas to test at home, "
            "with whom, and what support is needed."
        ),
        ["mobility"],
        [],
    ),
    (
        "smart-specialisation-as-a-common-language",
        "Smart specialisation as a common language for regional innovation",
        "asia-australasia",
        88,
        "Regional innovation cooperation builds on smart specialisation: each region invests in the "
        "strengths that set it apart.",
        p(
            "Smart specialisation strategies are how EU regions choose their research and innovation "
            "priorities, together with businesses, universities and civil society. The method asks what "
            "a region is already good at and where it can grow.",
            "Partner regions outside Europe use comparable approaches under other names. Comparing them "
            "helps regions find partners whose strengths complement their own.",
        ),
        ["innovation"],
        [],
    ),
    (
        "sustainable-urbanisation-with-chinese-cities",
        "Sustainable urbanisation: cooperation with Chinese cities",
        "china",
        19,
        "Cooperation with Chinese cities continues the EU-China Partnership on Urbanisation launched in 2012.",
        p(
            "The EU-China Partnership on Urbanisation, launched in 2012, made sustainable urban development "
            "a shared topic of the two sides. City cooperation gives it a practical form: pairs of cities "
            "working on low-carbon development, clean transport and liveable neighbourhoods.",
            "Exchanges between European and Chinese cities cover planning, energy efficiency in buildings "
            "and the management of urban growth.",
        ),
        ["mobility", "air quality"],
        [],
    ),
    (
        "circular-economy-in-cities",
        "Circular economy: keeping materials in use",
        "china",
        134,
        "Cities are where most materials are used and thrown away, so they are also where the circular "
        "economy can make the greatest difference.",
        p(
            "A circular economy keeps products and materials in use for as long as possible: repairing, "
            "reusing, remanufacturing and recycling before anything becomes waste.",
            "Cities shape it through public procurement, waste collection, construction rules and support "
            "for local repair and reuse businesses. Pairings compare what works and adapt it to their own "
            "context.",
        ),
        ["circular"],
        [],
    ),
    (
        "from-iuc-lac-to-iurc",
        "Latin America and the Caribbean: from IUC-LAC to IURC",
        "latin-america-caribbean",
        40,
        "The Latin American and Caribbean strand of the first phase paired cities and, through regional "
        "innovation cooperation, regions. IURC takes that work further.",
        p(
            "IUC-LAC, the Latin American and Caribbean strand of International Urban Cooperation, brought "
            "together European cities and regions with partners across the region.",
            "Its regional innovation cooperation showed that regions can learn from each other how to "
            "connect research, business and public authorities. IURC continues this alongside city "
            "pairings.",
        ),
        ["innovation"],
        [],
    ),
    (
        "nature-based-solutions",
        "Nature-based solutions for greener, cooler cities",
        "latin-america-caribbean",
        160,
        "Parks, green roofs, restored rivers and street trees cool cities, hold rainwater and give people "
        "space to meet.",
        p(
            "Nature-based solutions use natural processes to meet urban challenges. A restored river bank "
            "can reduce flooding; trees shade streets during heat waves; green spaces improve health and "
            "wellbeing.",
            "Because they bring several benefits at once, they fit well into cooperation between cities "
            "that face different problems but share an interest in greener urban space.",
        ),
        ["nature", "water"],
        [],
    ),
    (
        "transatlantic-cooperation-on-climate-action",
        "Transatlantic cooperation on local climate action",
        "north-america",
        54,
        "European and North American cities compare how they cut emissions and prepare for climate impacts.",
        p(
            "Cities in Europe, the United States and Canada have set their own climate targets and many "
            "report on them publicly. Their experience with building renovation, clean transport and "
            "climate adaptation is a rich source for partners on both sides of the Atlantic.",
        ),
        ["air quality"],
        [],
    ),
    (
        "local-action-plans",
        "Local action plans: from exchange to implementation",
        "north-america",
        210,
        "Each pairing turns what it learns into a local action plan, so cooperation leaves results at home.",
        p(
            "A local action plan sets out what a city or region will do with what it learned: the actions, "
            "who is responsible, the timetable and how progress will be measured.",
            "Writing the plan together with the partner city keeps both sides accountable and makes it "
            "easier to continue the cooperation after the programme's support ends.",
        ),
        [],
        [],
    ),
    (
        "global-covenant-of-mayors",
        "Cities and the Global Covenant of Mayors for Climate and Energy",
        "iurc",
        380,
        "The first phase of the programme also supported cities joining the Global Covenant of Mayors "
        "for Climate and Energy.",
        p(
            "The Global Covenant of Mayors for Climate and Energy is an alliance of cities and local "
            "governments committed to climate action. Signatories set targets, build an emissions "
            "inventory and adopt a climate action plan.",
            "International Urban Cooperation supported cities in its partner regions on this path, a link "
            "between city cooperation and global climate commitments that IURC keeps in view.",
        ),
        ["climate", "energy"],
        [],
    ),
]

# Only generic, recurring programme activities, all online: no invented venues, speakers or
# outcomes, and no past events presented as if they had taken place.
# slug, title, days from the first load, local start time, hours long, zone, intro
EVENTS = [
    (
        "iurc-online-info-session",
        "Example: IURC online info session",
        45,
        "10:00",
        1,
        "Europe/Brussels",
        "An introduction to the programme for cities and regions that want to know how its "
        "cooperation works, with time for questions.",
    ),
    (
        "webinar-circular-economy",
        "Example webinar: the circular economy in cities",
        110,
        "10:00",
        2,
        "Europe/Brussels",
        "An online exchange on how cities use procurement, waste services and support for repair "
        "businesses to keep materials in use.",
    ),
    (
        "webinar-climate-adaptation-latin-america",
        "Example webinar: climate adaptation in Latin American and European cities",
        160,
        "09:00",
        2,
        "America/Mexico_City",
        "An online exchange on preparing cities for heat, drought and heavy rain. Times are shown in "
        "Mexico City time.",
    ),
]


def _first_match(queryset, field, words):
    for word in words or []:
        found = queryset.filter(**{f"{field}__icontains": word}).first()
        if found is not None:
            return found
    return None


def _categories(ctx):
    categories = {}
    regions = RegionPage.objects.all()
    for seed, (name, slug, region_words, colours) in enumerate(CATEGORIES):
        category = NewsCategory.objects.filter(slug=slug, locale__language_code="en").first()
        created = category is None
        if created:
            category = NewsCategory.objects.create(
                name=name, slug=slug, region=_first_match(regions, "title", region_words)
            )
        ctx.record(f"news category “{name}”", created)
        image = demo_image(ctx, f"News: {name}", colours=colours, seed=seed + 3)
        categories[slug] = (category, image)
    return categories


def _articles(ctx, news_index, categories):
    today = timezone.localdate()
    themes = Theme.objects.filter(locale__language_code="en")
    cities = CityPage.objects.live()
    total = len(ARTICLES)
    for number, (slug, title, category_slug, days_ago, intro, body, theme_words, city_words) in enumerate(
        ARTICLES, start=1
    ):
        category, image = categories[category_slug]
        region = category.region
        ensure_page(
            ctx,
            news_index,
            NewsArticlePage,
            slug,
            title=title,
            date=today - datetime.timedelta(days=days_ago),
            author="IURC team",
            intro=intro,
            body=body,
            category=category,
            hero_image=image,
            regions=[region] if region else [],
            themes=[t for t in (_first_match(themes, "name", [w]) for w in theme_words) if t],
            related_cities=[c for c in (_first_match(cities, "title", [w]) for w in city_words) if c],
        )
        ctx.progress(number, total, "news articles")


def _events(ctx, event_index):
    now = timezone.now()
    for slug, title, days, local_start, hours, zone_name, intro in EVENTS:
        zone = zoneinfo.ZoneInfo(zone_name)
        day = (now + datetime.timedelta(days=days)).astimezone(zone).date()
        start = datetime.datetime.combine(day, datetime.time.fromisoformat(local_start), tzinfo=zone)
        ensure_page(
            ctx,
            event_index,
            EventPage,
            slug,
            title=title,
            intro=intro,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            time_zone=zone_name,
            attendance=AttendanceMode.ONLINE,
            # No source announces these sessions: the page says they are examples, and they stay
            # out of the calendar feed and of search engines' event results.
            is_example=True,
        )


def _demo_accounts(ctx):
    """One editor and one moderator to try the workflow; development only, random passwords."""
    if not settings.DEBUG:
        ctx.log("  (editor and moderator demo accounts are only created when DEBUG is on)")
        return
    User = get_user_model()
    for username, group_name in (("editor", EDITORS), ("moderator", MODERATORS)):
        user = User.objects.filter(username=username).first()
        if user is not None:
            ctx.record(f"demo account “{username}”", created=False)
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username, email=f"{username}@iurc.localhost", password=password, is_staff=False
        )
        user.groups.add(Group.objects.get(name=group_name))
        ctx.record(f"demo account “{username}” ({group_name})", created=True)
        ctx.log(f"    log in at /admin/ as {username} with password {password}")
        ctx.log(f"    (shown once; reset with: manage.py changepassword {username})")


@transaction.atomic
def load(ctx):
    ctx.log("News and events")
    home = get_home_page()
    if home is None:
        ctx.log("  no home page: run the core loader first")
        return
    news_index = ensure_page(
        ctx,
        home,
        NewsIndexPage,
        "news",
        title="News",
        intro="What the programme's cities and regions are doing, and what the programme is learning.",
        show_in_menus=True,
    )
    event_index = ensure_page(
        ctx,
        home,
        EventIndexPage,
        "events",
        title="Events",
        intro="Webinars, study visits and meetings of the programme, with agendas and recordings.",
        show_in_menus=True,
    )
    categories = _categories(ctx)
    _articles(ctx, news_index, categories)
    _events(ctx, event_index)
    setup_editorial_workflow(report=ctx.record)
    _demo_accounts(ctx)
