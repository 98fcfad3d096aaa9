"""Demo content: programmes, regions, countries, themes, and real pairings with their cities.

Facts come from the programmes' public pages (iuc.eu, iurc.eu and the European Commission's
announcements). Where a figure is not known for sure (population, area, years) it is left blank.
Coordinates are the cities' centres.
"""

from django.db import transaction

from iurc_portal.core.demo import demo_image, ensure_page, get_home_page

from .models import (
    SDG,
    CityIndexPage,
    CityKind,
    CityPage,
    Country,
    PairingIndexPage,
    PairingMember,
    PairingPage,
    PairingStatus,
    ProgrammePage,
    RegionIndexPage,
    RegionPage,
    Theme,
    WorldRegion,
)

E = WorldRegion

# ISO code: (name, world region, EU member state today)
COUNTRIES = {
    "AR": ("Argentina", E.LATIN_AMERICA, False),
    "AU": ("Australia", E.OCEANIA, False),
    "BG": ("Bulgaria", E.EUROPE, True),
    "BR": ("Brazil", E.LATIN_AMERICA, False),
    "CA": ("Canada", E.NORTH_AMERICA, False),
    "CL": ("Chile", E.LATIN_AMERICA, False),
    "CN": ("China", E.ASIA, False),
    "CO": ("Colombia", E.LATIN_AMERICA, False),
    "DE": ("Germany", E.EUROPE, True),
    "ES": ("Spain", E.EUROPE, True),
    "FR": ("France", E.EUROPE, True),
    "GB": ("United Kingdom", E.EUROPE, False),
    "HR": ("Croatia", E.EUROPE, True),
    "ID": ("Indonesia", E.ASIA, False),
    "IE": ("Ireland", E.EUROPE, True),
    "IN": ("India", E.ASIA, False),
    "IT": ("Italy", E.EUROPE, True),
    "JP": ("Japan", E.ASIA, False),
    "KR": ("Republic of Korea", E.ASIA, False),
    "LT": ("Lithuania", E.EUROPE, True),
    "MX": ("Mexico", E.LATIN_AMERICA, False),
    "MY": ("Malaysia", E.ASIA, False),
    "NL": ("Netherlands", E.EUROPE, True),
    "NZ": ("New Zealand", E.OCEANIA, False),
    "PE": ("Peru", E.LATIN_AMERICA, False),
    "PT": ("Portugal", E.EUROPE, True),
    "TH": ("Thailand", E.ASIA, False),
    "US": ("United States", E.NORTH_AMERICA, False),
    "VN": ("Vietnam", E.ASIA, False),
}

THEMES = [
    ("air-quality", "Air quality", "Cleaner air through monitoring, traffic measures and cleaner energy."),
    (
        "circular-economy",
        "Circular economy",
        "Keeping materials in use: waste prevention, reuse, repair and recycling.",
    ),
    (
        "food-systems",
        "Food systems and urban food policy",
        "How a city feeds itself: food policy, school meals, food loss and waste.",
    ),
    ("digital-transition", "Digital transition", "Digital public services, open data and connectivity."),
    (
        "nature-cultural-heritage",
        "Nature and cultural heritage",
        "Green spaces, biodiversity and the historic fabric of cities.",
    ),
    (
        "smart-cities",
        "Smart cities and urban innovation",
        "Technology and new ways of working that make cities more liveable and competitive.",
    ),
    ("urban-mobility", "Urban mobility", "Public transport, walking, cycling and cleaner vehicles."),
    (
        "water-sanitation",
        "Water and sanitation",
        "Drinking water, wastewater, flood protection and waste management.",
    ),
]

IURC_ABOUT = ("About IURC", "IURC", "https://www.iurc.eu/about/")
IURC_AA = ("Discover Asia & Australasia", "IURC", "https://www.iurc.eu/asia-australasia/")
IURC_AA_2022 = ("Discover Asia & Australasia (2022 news)", "IURC", "https://www.iurc.eu/australasia/")
IURC_LAC_2025 = (
    "International urban and regional cooperation - Latin America and the Caribbean",
    "Spatial Foresight",
    "https://www.spatialforesight.eu/transnational-projects/articles/Transnational_Project_2024-304.html",
)
IUC_PAIRINGS = ("City-to-city pairings", "IUC", "http://iuc.eu/city-pairings/")
IUC_CALL_2019 = (
    "IUC programme invites EU cities to take part in international pairing",
    "IUC",
    "http://www.iuc.eu/news/34-iuc-call-for-cities-2019/",
)

PROGRAMMES = [
    {
        "slug": "iurc",
        "title": "International Urban and Regional Cooperation (IURC)",
        "acronym": "IURC",
        "intro": "The EU's urban and regional cooperation programme after IUC: a second phase (2021-2023) "
        "with Asia and Australasia, China, Latin America and North America, followed by later phases "
        "that run to 2027 (North America 2024-2025, Latin America and the Caribbean 2025-2027).",
        "start_year": 2021,
        "end_year": 2027,
        "frameworks": ("nua", "2030", "uaeu", "cohesion"),
        "website": "https://www.iurc.eu/",
        "sources": [IURC_ABOUT, IURC_AA, IURC_LAC_2025],
        "strands": [],
    },
    {
        "slug": "iuc",
        "title": "International Urban Cooperation (IUC), Phase I",
        "acronym": "IUC",
        "intro": "The first phase (2016-2020): more than 60 pairings between European cities and cities in "
        "Asia, Latin America and the Caribbean, and North America.",
        "start_year": 2016,
        "end_year": 2020,
        "frameworks": ("nua", "2030"),
        "website": "https://www.iuc.eu/",
        "sources": [IURC_ABOUT, IUC_CALL_2019, IUC_PAIRINGS],
        "strands": [
            (
                "iuc-asia",
                "IUC Asia",
                "IUC Asia",
                "The Asian strand of Phase I, pairing European cities with cities in China.",
                "https://www.iuc-asia.eu/",
            ),
            (
                "iuc-lac",
                "IUC Latin America and the Caribbean",
                "IUC-LAC",
                "The Latin American and Caribbean strand of Phase I.",
                "https://iuc-la.eu/",
            ),
            (
                "iuc-north-america",
                "IUC North America",
                "IUC NA",
                "The North American strand of Phase I, pairing European cities with cities in Canada, "
                "the United States and Mexico.",
                "https://www.iuc.eu/na/",
            ),
        ],
    },
]

FRAMEWORK_FIELDS = {
    "nua": "serves_new_urban_agenda",
    "2030": "serves_agenda_2030",
    "uaeu": "serves_urban_agenda_eu",
    "cohesion": "serves_cohesion_policy",
}

IMPLEMENTING_BODIES = (
    "European Commission, Service for Foreign Policy Instruments (FPI)\n"
    "European Commission, Directorate-General for Regional and Urban Policy (DG REGIO)"
)

REGIONS = [
    (
        "asia-australasia",
        "Asia and Australasia",
        "European cities and regions cooperating with partners in India, Indonesia, Japan, Malaysia, "
        "the Republic of Korea, Thailand, Vietnam, Australia and New Zealand.",
        ["AU", "IN", "ID", "JP", "MY", "NZ", "KR", "TH", "VN"],
    ),
    (
        "china",
        "China",
        "City-to-city and region-to-region cooperation between the EU and China, building on the EU-China "
        "dialogue on regional and urban policy.",
        ["CN"],
    ),
    (
        "latin-america-caribbean",
        "Latin America and the Caribbean",
        "Pairings between European cities and regions and their partners across Latin America and the Caribbean.",
        ["AR", "BR", "CL", "CO", "MX", "PE"],
    ),
    (
        "north-america",
        "North America",
        "Cooperation between European cities and cities in Canada and the United States.",
        ["CA", "US"],
    ),
]

# slug: (name, ISO code, kind, latitude, longitude, extra facts). Only cities and regions that
# take part in a pairing, cluster or activity below: a city page is about what it did here.
CITIES = {
    "almeria": ("Almería", "ES", CityKind.CITY, "36.8340", "-2.4637", {}),
    "bangkok": ("Bangkok", "TH", CityKind.CITY, "13.7563", "100.5018", {}),
    "barcelona": ("Barcelona", "ES", CityKind.CITY, "41.3874", "2.1686", {}),
    "bologna-metropolitan-city": (
        "Metropolitan City of Bologna",
        "IT",
        CityKind.METRO,
        "44.4949",
        "11.3426",
        {},
    ),
    "canberra": ("Canberra", "AU", CityKind.CITY, "-35.2809", "149.1300", {}),
    "christchurch": ("Christchurch", "NZ", CityKind.CITY, "-43.5321", "172.6362", {}),
    "dublin": ("Dublin", "IE", CityKind.CITY, "53.3498", "-6.2603", {}),
    "grenoble-alpes": ("Grenoble-Alpes Métropole", "FR", CityKind.METRO, "45.1885", "5.7245", {}),
    # Areas as published on the IUC programme's pairing page; no population, as its reference year is not given.
    "guangzhou": (
        "Guangzhou",
        "CN",
        CityKind.CITY,
        "23.1291",
        "113.2644",
        {
            "area_km2": "7434.4",
            "figures_source": "http://www.iuc.eu/city-pairings/?c=search&pairing_id=z86r274o",
        },
    ),
    "hamburg": ("Hamburg", "DE", CityKind.CITY, "53.5511", "9.9937", {}),
    "malaga": ("Málaga", "ES", CityKind.CITY, "36.7213", "-4.4214", {}),
    "milan": ("Milan", "IT", CityKind.CITY, "45.4642", "9.1900", {}),
    "rome": ("Rome", "IT", CityKind.CITY, "41.9028", "12.4964", {}),
    "rotterdam": ("Rotterdam", "NL", CityKind.CITY, "51.9244", "4.4777", {}),
    "semarang": ("Semarang", "ID", CityKind.CITY, "-6.9667", "110.4167", {}),
    "seoul": ("Seoul", "KR", CityKind.CITY, "37.5665", "126.9780", {}),
    "seville": (
        "Seville",
        "ES",
        CityKind.CITY,
        "37.3891",
        "-5.9845",
        {"area_km2": "140", "figures_source": "https://iuc.eu/city-pairings?c=search&pairing_id=uiix1kbi"},
    ),
    "sofia": ("Sofia", "BG", CityKind.CITY, "42.6977", "23.3219", {}),
    "surat": ("Surat", "IN", CityKind.CITY, "21.1702", "72.8311", {}),
    "toyota": ("Toyota", "JP", CityKind.CITY, "35.0833", "137.1563", {}),
    "vitoria": (
        "Vitória",
        "BR",
        CityKind.CITY,
        "-20.3155",
        "-40.3128",
        {"area_km2": "96.5", "figures_source": "https://iuc.eu/city-pairings?c=search&pairing_id=uiix1kbi"},
    ),
    "yantai": ("Yantai", "CN", CityKind.CITY, "37.4638", "121.4479", {}),
}

# (EU side, partner side, programme slug, region slug, theme slugs, description, start, end, sources)
# Only pairings a public source names, with the themes and years the source gives. Years not
# given by a source are left blank (the first phase ran 2016-2020, the second 2021-2023).
PAIRINGS = [
    (
        ["dublin"],
        ["seoul"],
        "iurc",
        "asia-australasia",
        ["urban-mobility"],
        "An IURC pairing of two capitals; with Sofia and Sejong they began 2022 with bilateral meetings "
        "on micro-mobility, walking and cycling.",
        2021,
        2023,
        [IURC_AA, IURC_AA_2022],
    ),
    (
        ["sofia"],
        ["semarang"],
        "iurc",
        "asia-australasia",
        ["urban-mobility"],
        "Sofia and Semarang cooperated on urban mobility systems, with study visits in both directions "
        "in 2022 and 2023.",
        2021,
        2023,
        [IURC_AA, IURC_AA_2022],
    ),
    (
        ["milan"],
        ["bangkok"],
        "iurc",
        "asia-australasia",
        ["food-systems"],
        "Milan, home of the Milan Urban Food Policy Pact, supported Bangkok in writing its first food "
        "policy, the Bangkok Food Policy 2023-2027.",
        2022,
        2023,
        [
            (
                "Bangkok to cooperate with Milan to make urban food systems more sustainable",
                "IURC",
                "https://www.iurc.eu/2022/02/24/bangkok-milan-urban-food-policy/",
            ),
            (
                "Bangkok launches first food policy in cooperation with Milan and the European Union",
                "IURC",
                "https://www.iurc.eu/2023/12/12/bangkok-launches-first-food-policy-in-cooperation-with-milan-and-the-european-union/",
            ),
        ],
    ),
    (
        ["malaga"],
        ["christchurch"],
        "iurc",
        "asia-australasia",
        ["smart-cities"],
        "An EU-New Zealand pilot action: experts from Málaga took part in Christchurch's Innovation Expo "
        "in September 2023.",
        2021,
        2023,
        [IURC_AA],
    ),
    (
        ["rotterdam"],
        ["surat"],
        "iuc",
        "asia-australasia",
        ["water-sanitation"],
        "Rotterdam works with Surat Municipal Corporation on urban water management: flood risk, urban "
        "drainage and wastewater. The pairing was still presenting joint projects in IURC in 2023.",
        None,
        2023,
        [
            (
                "Rotterdam and Surat to cooperate on urban water management",
                "IUC",
                "https://iuc.eu/index.php?id=277",
            ),
            IUC_CALL_2019,
        ],
    ),
    (
        ["grenoble-alpes"],
        ["toyota"],
        "iuc",
        "asia-australasia",
        ["smart-cities"],
        "Toyota and Grenoble-Alpes Métropole developed smart city solutions for people, industry and the "
        "environment in their IUC cooperation.",
        None,
        2020,
        [("Toyota, Japan & Grenoble-Alpes Metropole, France", "IURC", "https://www.iurc.eu/")],
    ),
    (
        ["rome"],
        ["yantai"],
        "iuc-asia",
        "china",
        ["air-quality", "circular-economy", "digital-transition", "smart-cities", "water-sanitation"],
        "Yantai and Rome share strengths in efficient agriculture and electronics; they first met at the "
        "EU-China Regional Policy Seminar in Zhengzhou in July 2018 and explored smart tourism, the "
        "circular economy, renewable energy and innovation.",
        2018,
        2020,
        [
            (
                "IUC city pairings: Rome – Yantai",
                "IUC",
                "https://iuc.eu/india-hi/city-pairings/?c=search&pairing_id=lvud6mfv",
            )
        ],
    ),
    (
        ["bologna-metropolitan-city"],
        ["guangzhou"],
        "iuc-asia",
        "china",
        ["circular-economy", "smart-cities", "urban-mobility"],
        "Part of IUC Asia's cluster approach, in which groups of cities share one urban cooperation action plan.",
        None,
        2020,
        [
            (
                "IUC city pairings: Bologna (Metropolitan) – Guangzhou",
                "IUC",
                "http://www.iuc.eu/city-pairings/?c=search&pairing_id=z86r274o",
            )
        ],
    ),
    (
        ["seville"],
        ["vitoria"],
        "iuc-lac",
        "latin-america-caribbean",
        ["smart-cities", "water-sanitation"],
        "Seville and Vitória worked on smart, green and entrepreneurial cities, including tourism and the creative sectors.",
        None,
        2020,
        [
            (
                "IUC city pairings: Seville – Vitória",
                "IUC",
                "https://iuc.eu/city-pairings?c=search&pairing_id=uiix1kbi",
            )
        ],
    ),
]


# SDGs a source names for a pairing: the Bangkok Food Policy article links it to goals 2, 3 and 12.
PAIRING_SDGS = {"milan-bangkok": [2, 3, 12]}


def source_blocks(sources):
    return [
        ("source", {"title": title, "publisher": publisher, "url": url}) for title, publisher, url in sources
    ]


def slug_for(eu, partners):
    return "-".join(eu + partners)


def title_for(eu, partners):
    return " – ".join(CITIES[slug][0] for slug in eu + partners)


def load_taxonomies(ctx):
    countries = {}
    for code, (name, world_region, is_eu) in COUNTRIES.items():
        country, created = Country.objects.get_or_create(
            iso_code=code,
            locale__language_code="en",
            defaults={"name": name, "world_region": world_region, "is_eu": is_eu},
        )
        ctx.record(f"country “{country.name}”", created)
        countries[code] = country
    themes = {}
    for slug, name, description in THEMES:
        theme, created = Theme.objects.get_or_create(
            slug=slug, locale__language_code="en", defaults={"name": name, "description": description}
        )
        ctx.record(f"theme “{theme.name}”", created)
        themes[slug] = theme
    return countries, themes


def load_programmes(ctx, home):
    programmes = {}
    for spec in PROGRAMMES:
        flags = {field: key in spec["frameworks"] for key, field in FRAMEWORK_FIELDS.items()}
        parent = ensure_page(
            ctx,
            home,
            ProgrammePage,
            spec["slug"],
            title=spec["title"],
            acronym=spec["acronym"],
            intro=spec["intro"],
            start_year=spec["start_year"],
            end_year=spec["end_year"],
            funding_instrument="Partnership Instrument",
            implementing_bodies=IMPLEMENTING_BODIES,
            website=spec["website"],
            sources=source_blocks(spec["sources"]),
            show_in_menus=True,
            **flags,
        )
        programmes[spec["slug"]] = parent
        for slug, title, acronym, intro, website in spec["strands"]:
            programmes[slug] = ensure_page(
                ctx,
                parent,
                ProgrammePage,
                slug,
                title=title,
                acronym=acronym,
                intro=intro,
                start_year=spec["start_year"],
                end_year=spec["end_year"],
                funding_instrument="Partnership Instrument",
                implementing_bodies=IMPLEMENTING_BODIES,
                website=website,
                **flags,
            )
    return programmes


def load_regions(ctx, home, countries):
    index = ensure_page(
        ctx,
        home,
        RegionIndexPage,
        "regions",
        title="Regions",
        intro="The world regions where European cities and regions cooperate with partners.",
        show_in_menus=True,
    )
    regions = {}
    colours = [("#003399", "#ffcc00"), ("#8a1538", "#ffcc00"), ("#1d6b33", "#ffffff"), ("#002266", "#e8eef9")]
    for number, (slug, title, intro, codes) in enumerate(REGIONS):
        existing = index.get_children().filter(slug=slug).first()
        image = (
            None
            if existing
            else demo_image(ctx, f"Region: {title}", colours=colours[number], seed=number + 3)
        )
        regions[slug] = ensure_page(
            ctx,
            index,
            RegionPage,
            slug,
            title=title,
            intro=intro,
            countries=[countries[code] for code in codes],
            listing_image=image,
        )
    return regions


# slug: (introduction, source title, source URL), in the portal's words from the source.
CITY_STORIES = {
    "almeria": (
        "A city in south-east Spain between an arid landscape and a Mediterranean coast; its economy rests "
        "on greenhouse agriculture, tourism and services, and it has long experience in water efficiency.",
        "Urban & regional renewal and social cohesion",
        "https://www.iurc.eu/thematic-networks/urban-regional-renewal-and-social-cohesion/",
    ),
    "surat": (
        "A fast-growing Indian city of more than six million people that asked Rotterdam for help with its "
        "water challenges.",
        "Rotterdam and Surat to cooperate on urban water management",
        "https://iuc.eu/index.php?id=277",
    ),
    "bangkok": (
        "Thailand's capital, governed by the Bangkok Metropolitan Administration, which signed the Milan "
        "Urban Food Policy Pact in 2021 and adopted the Bangkok Food Policy 2023-2027.",
        "Team Europe and Thai cities commit to sustainable food systems",
        "https://www.iurc.eu/2022/08/29/team-europe-and-thai-cities-commit-to-sustainable-food-systems/",
    ),
    "milan": (
        "An Italian city known worldwide for urban food policy; it hosts the secretariat of the Milan Urban "
        "Food Policy Pact.",
        "Bangkok launches first food policy in cooperation with Milan and the European Union",
        "https://www.iurc.eu/2023/12/12/bangkok-launches-first-food-policy-in-cooperation-with-milan-and-the-european-union/",
    ),
}


def city_story(slug):
    if slug not in CITY_STORIES:
        return {}
    intro, title, url = CITY_STORIES[slug]
    return {"intro": intro, "sources": source_blocks([(title, "IURC" if "iurc" in url else "IUC", url)])}


def load_cities(ctx, home, countries):
    index = ensure_page(
        ctx,
        home,
        CityIndexPage,
        "cities",
        title="Cities and regions",
        intro="The European and partner cities and regions taking part in the programme.",
        show_in_menus=True,
    )
    existing = {page.slug: page for page in CityPage.objects.child_of(index)}
    cities = {}
    total = len(CITIES)
    for done, (slug, (name, code, kind, lat, lon, facts)) in enumerate(sorted(CITIES.items()), start=1):
        if slug in existing:
            cities[slug] = existing[slug]
            ctx.record(f"city page “{name}”", created=False)
        else:
            cities[slug] = ensure_page(
                ctx,
                index,
                CityPage,
                slug,
                title=name,
                kind=kind,
                country=countries[code],
                latitude=lat,
                longitude=lon,
                **facts,
                **city_story(slug),
            )
        ctx.progress(done, total, "cities")
    return cities


def load_pairings(ctx, home, programmes, regions, themes, cities):
    index = ensure_page(
        ctx,
        home,
        PairingIndexPage,
        "pairings",
        title="Pairings",
        intro="Search the cooperations between European cities and regions and their partners worldwide.",
        show_in_menus=True,
    )
    total = len(PAIRINGS)
    for done, spec in enumerate(PAIRINGS, start=1):
        eu, partners, programme, region, theme_slugs, description, start, end, sources = spec
        members = [PairingMember(city=cities[slug], side="eu", sort_order=i) for i, slug in enumerate(eu)]
        members += [
            PairingMember(city=cities[slug], side="partner", sort_order=len(eu) + i)
            for i, slug in enumerate(partners)
        ]
        ensure_page(
            ctx,
            index,
            PairingPage,
            slug_for(eu, partners),
            title=title_for(eu, partners),
            intro=description,
            programme=programmes[programme],
            region=regions[region],
            # These pairings belong to phases that have ended (IUC in 2020, IURC's second phase in 2023).
            status=PairingStatus.COMPLETED,
            start_year=start,
            end_year=end,
            sources=source_blocks(sources),
            sdgs=list(SDG.objects.filter(number__in=PAIRING_SDGS.get(slug_for(eu, partners), []))),
            themes=[themes[slug] for slug in theme_slugs],
            members=members,
        )
        ctx.progress(done, total, "pairings")


@transaction.atomic
def load(ctx):
    ctx.log("Programmes, regions, cities and pairings")
    home = get_home_page()
    if home is None:
        ctx.log("  no home page: run the core loader first")
        return
    countries, themes = load_taxonomies(ctx)
    programmes = load_programmes(ctx, home)
    regions = load_regions(ctx, home, countries)
    cities = load_cities(ctx, home, countries)
    load_pairings(ctx, home, programmes, regions, themes, cities)
    from . import demo_work

    demo_work.load(ctx, programmes["iurc"], themes, cities)
