"""Demo content for what the programme does: clusters, calls, activities and resources.

Every record states its source. Activities and calls a source describes are shown as real;
those invented to fill the demo carry `is_example`, and the pages say so. Resource files are
small PDFs generated here as stand-ins (marked as examples) pointing at the originals.
"""

import datetime as dt
import zoneinfo

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from iurc_portal.core.demo import ensure_page

from .models import (
    ActivityIndexPage,
    ActivityPage,
    CallIndexPage,
    CallPage,
    ClusterPage,
    PairingPage,
    ResourceIndexPage,
    ResourcePage,
)
from .tasks import extract_document_text

AA_NEWS = "https://iurc.eu/category/news-from-iurc-central"
AA = "https://www.iurc.eu/asia-australasia/"
AA_2022 = "https://www.iurc.eu/australasia/"
CLUSTER_LAUNCH = "https://www.iurc.eu/?p=77895"
MUFPP_TRAINING = "https://www.milanurbanfoodpolicypact.org/mufpp-iurc-asia-pacific-food-policy-training/"
RENEWAL = "https://www.iurc.eu/thematic-networks/urban-regional-renewal-and-social-cohesion/"

# slug: (title, intro, aims, themes, members, coordinators, years, sources, is_example)
CLUSTERS = {
    "urban-food-policy": (
        "Urban food policy (Asia-Pacific)",
        "Cities in Asia and the Pacific learning food policy from one another, led by Milan and the Milan "
        "Urban Food Policy Pact secretariat.",
        "<p>Promote food policies in Asia and the Pacific through peer learning along the six categories of "
        "the Milan Urban Food Policy Pact.</p>",
        ["food-systems"],
        ["milan", "bangkok"],
        "City of Milan\nMilan Urban Food Policy Pact (MUFPP) Secretariat",
        (2022, 2023),
        [("MUFPP & IURC Asia Pacific Food Policy Training", "MUFPP", MUFPP_TRAINING)],
        False,
    ),
    "mobility-and-transport": (
        "Mobility and transport",
        "One of the thematic clusters of the current IURC phase with Asia and Australasia, grouping cities "
        "by shared interest rather than by geography.",
        "<p>Share solutions for sustainable urban mobility and public transport between EU cities and "
        "regions and their partners in Asia and Australasia.</p>",
        ["urban-mobility"],
        [],
        "IURC Asia & Australasia team",
        (2025, 2027),
        [
            (
                "Launch of the Global Thematic Clusters Webinar Series – EU-Asia-Australasia",
                "IURC",
                CLUSTER_LAUNCH,
            ),
            ("News from IURC", "IURC", AA_NEWS),
        ],
        False,
    ),
    "circular-economy": (
        "Circular economy",
        "A focus area of the thematic clusters of the current IURC phase with Asia and Australasia.",
        "<p>Help cities keep materials in use: waste prevention, reuse and recycling.</p>",
        ["circular-economy"],
        [],
        "IURC Asia & Australasia team",
        (2025, 2027),
        [
            (
                "Launch of the Global Thematic Clusters Webinar Series – EU-Asia-Australasia",
                "IURC",
                CLUSTER_LAUNCH,
            )
        ],
        False,
    ),
    "urban-regional-renewal-social-cohesion": (
        "Urban and regional renewal and social cohesion",
        "One of the three IURC thematic networks of the second phase.",
        "<p>Urban renewal, integration of port and city, and social inclusion.</p>",
        ["nature-cultural-heritage"],
        ["almeria", "barcelona"],
        "",
        (2021, 2023),
        [("Urban & regional renewal and social cohesion", "IURC", RENEWAL)],
        False,
    ),
}

# (title, type, start, end, place, online, participants, outcome, pairings, clusters, cities, themes,
#  regions, source (title, url) or None for an example)
ACTIVITIES = [
    (
        "Landing IURC: how to join the programme",
        "webinar",
        "2021-04-14",
        None,
        "",
        True,
        "",
        "",
        [],
        [],
        [],
        [],
        [],
        (
            "Landing IURC – International Urban and Regional Cooperation",
            "https://covenantofmayors.net/news-and-events/events/upcoming-events/2530-landing-iurc-%E2%80%93-international-urban-and-regional-cooperation.html",
        ),
    ),
    (
        "Sejong meets Sofia and Rotterdam on urban mobility",
        "meeting",
        "2021-12-15",
        None,
        "",
        True,
        "",
        "",
        [],
        [],
        ["sofia", "rotterdam"],
        ["urban-mobility"],
        ["asia-australasia"],
        ("Discover Asia & Australasia", AA_2022),
    ),
    (
        "First bilateral meeting of Semarang and Sofia",
        "meeting",
        "2022-01-13",
        None,
        "",
        True,
        "",
        "Agreed to focus the cooperation on urban mobility.",
        ["sofia-semarang"],
        [],
        ["sofia", "semarang"],
        ["urban-mobility"],
        ["asia-australasia"],
        ("Discover Asia & Australasia", AA_2022),
    ),
    (
        "Kick-off of the Bangkok–Milan cooperation",
        "meeting",
        "2022-02-22",
        None,
        "",
        True,
        "Officials of both cities; the EU and Italian ambassadors to Thailand",
        "Urban food policy chosen as the focus.",
        ["milan-bangkok"],
        ["urban-food-policy"],
        ["milan", "bangkok"],
        ["food-systems"],
        ["asia-australasia"],
        (
            "Bangkok to cooperate with Milan to make urban food systems more sustainable",
            "https://www.iurc.eu/2022/02/24/bangkok-milan-urban-food-policy/",
        ),
    ),
    (
        "Asia Pacific Food Policy Training: introductory webinar",
        "webinar",
        "2022-03-02",
        None,
        "",
        True,
        "",
        "",
        [],
        ["urban-food-policy"],
        ["milan"],
        ["food-systems"],
        ["asia-australasia"],
        ("MUFPP & IURC Asia Pacific Food Policy Training", MUFPP_TRAINING),
    ),
    (
        "Sofia study visit to Semarang",
        "study-visit",
        "2022-06-28",
        "2022-07-01",
        "Semarang, Indonesia",
        False,
        "Three officials from Sofia",
        "",
        ["sofia-semarang"],
        [],
        ["sofia", "semarang"],
        ["urban-mobility"],
        ["asia-australasia"],
        ("Sofia and Semarang work on urban mobility systems", AA_2022),
    ),
    (
        "Rotterdam visits Busan and Sejong",
        "study-visit",
        "2022-07-04",
        "2022-07-08",
        "Busan and Sejong, Republic of Korea",
        False,
        "",
        "",
        [],
        [],
        ["rotterdam"],
        ["urban-mobility"],
        ["asia-australasia"],
        (
            "Rotterdam visits Busan and Sejong as the first study visit of the IURC EU-Korea partnerships",
            AA_2022,
        ),
    ),
    (
        "Milan and MUFPP delegates visit Bangkok and Chiang Mai",
        "mission",
        "2022-08-08",
        "2022-08-11",
        "Bangkok and Chiang Mai, Thailand",
        False,
        "",
        "",
        ["milan-bangkok"],
        ["urban-food-policy"],
        ["milan", "bangkok"],
        ["food-systems"],
        ["asia-australasia"],
        (
            "Team Europe and Thai cities commit to sustainable food systems",
            "https://www.iurc.eu/2022/08/29/team-europe-and-thai-cities-commit-to-sustainable-food-systems/",
        ),
    ),
    (
        "IURC Global and Regional Events",
        "conference",
        "2022-11-07",
        "2022-11-08",
        "Brussels, Belgium",
        False,
        "Representatives of Asian, Australasian and European pilot cities",
        "",
        [],
        [],
        [],
        [],
        ["asia-australasia"],
        ("Discover Asia & Australasia", AA),
    ),
    (
        "Capacity building on regenerative design",
        "workshop",
        "2023-03-07",
        None,
        "",
        True,
        "More than 75 participants",
        "Pairings, including Rotterdam and Surat, presented joint projects and their financing.",
        ["rotterdam-surat"],
        [],
        ["rotterdam", "surat"],
        [],
        [],
        (
            "Capacity Building on Regenerative Design by ACCIONA",
            "https://iurc.eu/event-calendar-plugin-test-php-8-0-23/?date=2023-3-14&t=mini",
        ),
    ),
    (
        "Canberra study visit to Hamburg",
        "study-visit",
        "2023-03-12",
        "2023-03-14",
        "Hamburg, Germany",
        False,
        "A delegation of three from the ACT Government",
        "",
        [],
        [],
        ["hamburg", "canberra"],
        [],
        ["asia-australasia"],
        ("Study visit of Canberra to Hamburg from March 12-14, 2023", AA),
    ),
    (
        "Semarang study visit to Sofia",
        "study-visit",
        "2023-03-13",
        "2023-03-16",
        "Sofia, Bulgaria",
        False,
        "",
        "",
        ["sofia-semarang"],
        [],
        ["sofia", "semarang"],
        ["urban-mobility"],
        ["asia-australasia"],
        ("Study visit of Semarang, Indonesia to Sofia, Bulgaria", AA),
    ),
    (
        "Málaga experts at the Christchurch Innovation Expo",
        "mission",
        "2023-09-10",
        "2023-09-11",
        "Christchurch, New Zealand",
        False,
        "Three delegates from Málaga",
        "",
        ["malaga-christchurch"],
        [],
        ["malaga", "christchurch"],
        ["smart-cities"],
        ["asia-australasia"],
        ("EU-NZ Pilot Action: Malaga Experts visit Christchurch Innovation Expo 2023", AA),
    ),
    (
        "Bangkok Food Policy 2023-2027 launched",
        "conference",
        "2023-12-12",
        None,
        "Bangkok, Thailand",
        False,
        "",
        "Bangkok's first food policy, written with technical support from Milan.",
        ["milan-bangkok"],
        ["urban-food-policy"],
        ["milan", "bangkok"],
        ["food-systems"],
        ["asia-australasia"],
        (
            "Bangkok launches first food policy in cooperation with Milan and the European Union",
            "https://www.iurc.eu/2023/12/12/bangkok-launches-first-food-policy-in-cooperation-with-milan-and-the-european-union/",
        ),
    ),
    (
        "IURC North America: defining the thematic networks",
        "webinar",
        "2024-01-17",
        None,
        "",
        True,
        "",
        "Cities proposed the themes of the IURC NA thematic networks for 2024-2025.",
        [],
        [],
        [],
        ["circular-economy", "urban-mobility"],
        ["north-america"],
        (
            "Shaping the Future of Sustainable and Resilient Cities Through International Cooperation",
            "https://www.iurc.eu/2024/01/17/shaping-the-future-of-sustainable-and-resilient-cities-through-international-cooperation/",
        ),
    ),
    (
        "Mobility and transport deep dive",
        "webinar",
        "2025-09-15",
        None,
        "",
        True,
        "43 participants",
        "",
        [],
        ["mobility-and-transport"],
        [],
        ["urban-mobility"],
        ["asia-australasia"],
        ("News from IURC", AA_NEWS),
    ),
    (
        "Rome and Yantai meet in Zhengzhou",
        "meeting",
        "2018-07-01",
        None,
        "Zhengzhou, China",
        False,
        "",
        "First contact at the EU-China Regional Policy Seminar.",
        ["rome-yantai"],
        [],
        ["rome", "yantai"],
        [],
        ["china"],
        (
            "IUC city pairings: Rome – Yantai",
            "https://iuc.eu/india-hi/city-pairings/?c=search&pairing_id=lvud6mfv",
        ),
    ),
    (
        "Rome delegation's working mission to Yantai",
        "mission",
        "2018-11-01",
        None,
        "Yantai, China",
        False,
        "Rome city council and business representatives",
        "",
        ["rome-yantai"],
        [],
        ["rome", "yantai"],
        ["smart-cities"],
        ["china"],
        (
            "IUC city pairings: Rome – Yantai",
            "https://iuc.eu/india-hi/city-pairings/?c=search&pairing_id=lvud6mfv",
        ),
    ),
    (
        "Fourth annual IUC City-to-City event",
        "conference",
        "2020-12-03",
        None,
        "",
        True,
        "",
        "",
        [],
        [],
        [],
        [],
        [],
        (
            "Learn from IUC cities at the fourth annual IUC City-to-City event",
            "https://iuc.eu/index.php?id=686",
        ),
    ),
]
# Invented to fill the demo; every one is marked as an example on its page.
EXAMPLE_ACTIVITIES = [
    (
        "Example: circular economy cluster webinar",
        "webinar",
        "2026-02-10",
        None,
        "",
        True,
        ["circular-economy"],
        ["circular-economy"],
    ),
    (
        "Example: food loss and waste workshop",
        "workshop",
        "2026-03-05",
        None,
        "Milan, Italy",
        False,
        ["urban-food-policy"],
        ["food-systems"],
    ),
    (
        "Example: mobility cluster study visit",
        "study-visit",
        "2026-04-20",
        "2026-04-23",
        "Seoul, Republic of Korea",
        False,
        ["mobility-and-transport"],
        ["urban-mobility"],
    ),
    ("Example: water management webinar", "webinar", "2026-05-12", None, "", True, [], ["water-sanitation"]),
    (
        "Example: smart city workshop",
        "workshop",
        "2026-06-09",
        None,
        "Málaga, Spain",
        True,
        [],
        ["smart-cities"],
    ),
    (
        "Example: urban renewal network meeting",
        "conference",
        "2026-09-22",
        "2026-09-23",
        "Barcelona, Spain",
        False,
        ["urban-regional-renewal-social-cohesion"],
        ["nature-cultural-heritage"],
    ),
]

# (title, type, language, year, source url, themes, regions, pairings, text inside the stand-in PDF)
RESOURCES = [
    (
        "IURC brochure",
        "brochure",
        "en",
        2021,
        "https://www.iurc.eu/",
        [],
        [],
        [],
        "International Urban and Regional Cooperation: sustainable and innovative cities and regions.",
    ),
    (
        "IURC North America 2021-2023 final publication",
        "report",
        "en",
        2024,
        "https://cdn.iurc.eu/",
        ["circular-economy", "urban-mobility"],
        ["north-america"],
        [],
        "Eight city-to-city cooperation pairings and trios in North America.",
    ),
    (
        "IURC final publication: case studies and insights",
        "case-study",
        "en",
        2024,
        "https://cdn.iurc.eu/",
        [],
        [],
        [],
        "Case studies from city pairings across the globe and contributions to the SDGs and the "
        "New Urban Agenda.",
    ),
    (
        "Bangkok Food Policy 2023-2027",
        "action-plan",
        "th",
        2023,
        "https://www.iurc.eu/2023/12/12/bangkok-launches-first-food-policy-in-cooperation-with-milan-and-the-european-union/",
        ["food-systems"],
        ["asia-australasia"],
        ["milan-bangkok"],
        "Food production, food access for all, food safety, food loss and waste, food education.",
    ),
    (
        "Bangkok Food Policy 2023-2027 (English summary)",
        "action-plan",
        "en",
        2023,
        "https://www.iurc.eu/2023/12/12/bangkok-launches-first-food-policy-in-cooperation-with-milan-and-the-european-union/",
        ["food-systems"],
        ["asia-australasia"],
        ["milan-bangkok"],
        "The city of food with sustainability, equity and quality.",
    ),
    (
        "Asia Pacific food policy training: introductory webinar",
        "presentation",
        "en",
        2022,
        MUFPP_TRAINING,
        ["food-systems"],
        ["asia-australasia"],
        [],
        "The six categories of the Milan Urban Food Policy Pact; peer learning between mentor and "
        "mentee cities.",
    ),
    (
        "Rotterdam and Surat: urban water management",
        "case-study",
        "en",
        2019,
        "https://iuc.eu/index.php?id=277",
        ["water-sanitation"],
        ["asia-australasia"],
        ["rotterdam-surat"],
        "Flood forecasting, water quantity monitoring, water quality monitoring and rooftop water "
        "storage in Surat.",
    ),
    (
        "Rome and Yantai: areas of cooperation",
        "action-plan",
        "en",
        2019,
        "https://iuc.eu/india-hi/city-pairings/?c=search&pairing_id=lvud6mfv",
        ["smart-cities", "circular-economy"],
        ["china"],
        ["rome-yantai"],
        "Vocational school exchange, smart tourism, circular economy and renewable energy, ocean "
        "technology transfer.",
    ),
    (
        "Bologna and Guangzhou: cluster action plan",
        "action-plan",
        "en",
        2019,
        "http://www.iuc.eu/city-pairings/?c=search&pairing_id=z86r274o",
        ["circular-economy", "urban-mobility"],
        ["china"],
        ["bologna-metropolitan-city-guangzhou"],
        "Urban Cooperation Action Plans of IUC Asia may refer to a group of cooperating cities.",
    ),
    (
        "Seville and Vitória: smart city action plan",
        "action-plan",
        "en",
        2019,
        "https://iuc.eu/city-pairings?c=search&pairing_id=uiix1kbi",
        ["smart-cities"],
        ["latin-america-caribbean"],
        ["seville-vitoria"],
        "Smart, green, technological and entrepreneurial cities, including tourism and the creative sectors.",
    ),
    (
        "Sevilla y Vitória: plan de acción",
        "action-plan",
        "es",
        2019,
        "https://iuc.eu/city-pairings?c=search&pairing_id=uiix1kbi",
        ["smart-cities"],
        ["latin-america-caribbean"],
        ["seville-vitoria"],
        "Ciudades inteligentes, verdes y emprendedoras.",
    ),
    (
        "Toyota and Grenoble-Alpes: smart city solutions",
        "case-study",
        "en",
        2021,
        "https://www.iurc.eu/",
        ["smart-cities"],
        ["asia-australasia"],
        ["grenoble-alpes-toyota"],
        "Smart city solutions for people, industry and the environment.",
    ),
    (
        "Sofia and Semarang: urban mobility systems",
        "case-study",
        "en",
        2022,
        AA_2022,
        ["urban-mobility"],
        ["asia-australasia"],
        ["sofia-semarang"],
        "Study visit of Sofia delegates to Semarang on urban mobility systems.",
    ),
    (
        "Dublin and Seoul: micro-mobility, walking and cycling",
        "presentation",
        "en",
        2022,
        AA_2022,
        ["urban-mobility"],
        ["asia-australasia"],
        ["dublin-seoul"],
        "Bilateral meetings on micro-mobility, walking and cycling.",
    ),
    (
        "Regenerative design: capacity building",
        "presentation",
        "en",
        2023,
        "https://iurc.eu/event-calendar-plugin-test-php-8-0-23/?date=2023-3-14&t=mini",
        [],
        [],
        ["rotterdam-surat"],
        "Regenerative design, the New European Bauhaus and project financing for pairings.",
    ),
    (
        "Global Thematic Clusters: launch presentation",
        "presentation",
        "en",
        2025,
        CLUSTER_LAUNCH,
        ["urban-mobility", "circular-economy"],
        ["asia-australasia"],
        [],
        "Urban innovation, circular economy, mobility, climate adaptation, industrial modernisation, "
        "energy transition, agri-food systems and the blue economy.",
    ),
    (
        "Mobility and transport deep dive: summary",
        "report",
        "en",
        2025,
        AA_NEWS,
        ["urban-mobility"],
        ["asia-australasia"],
        [],
        "Optimising public transportation, digital city management and community engagement.",
    ),
    (
        "IUC call for cities 2019",
        "brochure",
        "en",
        2019,
        "http://www.iuc.eu/news/34-iuc-call-for-cities-2019/",
        [],
        [],
        [],
        "Cities with more than 100,000 inhabitants; cooperation for at least 18 months; an Urban "
        "Cooperation Action Plan.",
    ),
    (
        "IURC call for cities and regions 2021",
        "brochure",
        "it",
        2021,
        "http://europa.formez.it/content/programma-europeo-iurc-bando-favorire-cooperazione-urbana-e-regionale-mondo-tema",
        [],
        [],
        [],
        "Regioni e città con più di 100 mila abitanti; candidature entro il 31 maggio 2021.",
    ),
    (
        "Urban and regional renewal and social cohesion: network members",
        "toolkit",
        "en",
        2022,
        RENEWAL,
        ["nature-cultural-heritage"],
        [],
        [],
        "Almería water efficiency; port and city integration; urban renewal.",
    ),
]


def pdf_bytes(title, lines):
    """A one-page PDF with `title` and `lines` in Helvetica, written by hand (no dependency)."""

    def escape(text):
        text = text.encode("latin-1", "replace").decode("latin-1")
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    rows = [f"BT /F1 16 Tf 56 780 Td ({escape(title)}) Tj ET"]
    for number, line in enumerate(lines):
        rows.append(f"BT /F1 10 Tf 56 {750 - 16 * number} Td ({escape(line)}) Tj ET")
    stream = "\n".join(rows).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def source(title, url, publisher="IURC"):
    return [("source", {"title": title, "publisher": publisher, "url": url})]


def by_slug(model, slugs):
    found = {page.slug: page for page in model.objects.filter(slug__in=slugs)}
    return [found[slug] for slug in slugs if slug in found]


def load_clusters(ctx, programme, themes, cities):
    clusters = {}
    for slug, (
        title,
        intro,
        aims,
        theme_slugs,
        members,
        coordinators,
        years,
        sources,
        example,
    ) in CLUSTERS.items():
        clusters[slug] = ensure_page(
            ctx,
            programme,
            ClusterPage,
            slug,
            title=title,
            intro=intro,
            aims=aims,
            themes=[themes[t] for t in theme_slugs],
            members=[cities[c] for c in members],
            coordinators=coordinators,
            start_year=years[0],
            end_year=years[1],
            is_example=example,
            sources=[("source", {"title": t, "publisher": p, "url": u}) for t, p, u in sources],
        )
    return clusters


def load_calls(ctx, programme):
    index = ensure_page(
        ctx,
        programme,
        CallIndexPage,
        "calls",
        title="Calls for cities and regions",
        intro="How cities and regions join the programme: open, upcoming and past calls.",
    )
    brussels = zoneinfo.ZoneInfo("Europe/Brussels")
    ensure_page(
        ctx,
        index,
        CallPage,
        "iuc-call-for-cities-2019",
        title="IUC call for EU cities (2019)",
        intro="EU cities invited to pair with a city facing similar challenges in Japan, China or "
        "the Americas.",
        closes_at=dt.datetime(2019, 3, 8, 23, 59, tzinfo=brussels),
        time_zone="Europe/Brussels",
        eligibility="<p>Cities with more than 100,000 inhabitants; groups of municipalities whose total "
        "population exceeds 100,000.</p>",
        how_to_apply="<p>Fill in the online form. Chosen cities cooperate with their partner city for "
        "at least "
        "18 months and develop an Urban Cooperation Action Plan.</p>",
        sources=source(
            "IUC programme invites EU cities to take part in international pairing",
            "http://www.iuc.eu/news/34-iuc-call-for-cities-2019/",
            "IUC",
        ),
    )
    # Invented: it stays open until well after the demo is loaded, and says it is an example.
    ensure_page(
        ctx,
        index,
        CallPage,
        "example-call-thematic-clusters",
        title="Example: call for cities to join a thematic cluster",
        intro="An example of an open call, to show how calls appear on the portal.",
        opens_at=dt.datetime(2026, 11, 1, 9, 0, tzinfo=brussels),
        closes_at=dt.datetime(2027, 3, 31, 17, 0, tzinfo=brussels),
        time_zone="Europe/Brussels",
        eligibility="<p>Example text: EU cities and regions.</p>",
        how_to_apply="<p>Example text: this call is not real; do not apply.</p>",
        faq=[("faq", {"question": "Is this call real?", "answer": "<p>No. It is an example.</p>"})],
        is_example=True,
    )


def load_activities(ctx, programme, themes, clusters):
    index = ensure_page(
        ctx,
        programme,
        ActivityIndexPage,
        "activities",
        title="Activities",
        intro="Study visits, workshops, webinars, conferences and missions of the programme.",
    )
    from .models import CityPage, RegionPage

    for spec in ACTIVITIES:
        (
            title,
            kind,
            start,
            end,
            place,
            online,
            participants,
            outcome,
            pairings,
            cluster_slugs,
            city_slugs,
            theme_slugs,
            region_slugs,
            (source_title, source_url),
        ) = spec
        ensure_page(
            ctx,
            index,
            ActivityPage,
            slug_of(title, start),
            title=title,
            activity_type=kind,
            start_date=start,
            end_date=end,
            place=place,
            online=online,
            participants=participants,
            outcome=outcome,
            pairings=by_slug(PairingPage, pairings),
            clusters=[clusters[c] for c in cluster_slugs],
            cities=by_slug(CityPage, city_slugs),
            themes=[themes[t] for t in theme_slugs],
            regions=by_slug(RegionPage, region_slugs),
            sources=source(source_title, source_url),
        )
    for title, kind, start, end, place, online, cluster_slugs, theme_slugs in EXAMPLE_ACTIVITIES:
        ensure_page(
            ctx,
            index,
            ActivityPage,
            slug_of(title, start),
            title=title,
            activity_type=kind,
            start_date=start,
            end_date=end,
            place=place,
            online=online,
            clusters=[clusters[c] for c in cluster_slugs],
            themes=[themes[t] for t in theme_slugs],
            is_example=True,
        )


def slug_of(title, start):
    from django.utils.text import slugify

    return slugify(f"{start[:7]} {title}")[:80]


def load_resources(ctx, programme, themes):
    index = ensure_page(
        ctx,
        programme,
        ResourceIndexPage,
        "resources",
        title="Resource library",
        intro="Case studies, action plans, brochures, reports, toolkits and presentations.",
    )
    from .models import RegionPage

    Document = get_document_model()
    for title, kind, language, year, url, theme_slugs, region_slugs, pairings, text in RESOURCES:
        from django.utils.text import slugify

        slug = slugify(title)[:80]
        if index.get_children().filter(slug=slug).exists():
            ctx.record(f"resource “{title}”", created=False)
            continue
        document = Document(title=title)
        lines = [
            "Example document: a stand-in made for the IURC portal demo.",
            f"Original: {url}",
            text,
        ]
        document.file.save(f"{slug}.pdf", ContentFile(pdf_bytes(title, lines)), save=False)
        document.save()
        # The demo command runs the extraction itself rather than leave it to a worker.
        extract_document_text.call(document.pk)
        ensure_page(
            ctx,
            index,
            ResourcePage,
            slug,
            title=title,
            document=document,
            resource_type=kind,
            language=language,
            year=year,
            intro=text,
            source_url=url,
            themes=[themes[t] for t in theme_slugs],
            regions=by_slug(RegionPage, region_slugs),
            pairings=by_slug(PairingPage, pairings),
            is_example=True,
        )


def load(ctx, programme, themes, cities):
    ctx.log("Clusters, calls, activities and resources")
    clusters = load_clusters(ctx, programme, themes, cities)
    load_calls(ctx, programme)
    load_activities(ctx, programme, themes, clusters)
    load_resources(ctx, programme, themes)
