"""Demo content: the site's home page and plain pages, and helpers other apps' loaders use.

Loaders only create what is missing. A page that already exists is left as it is, even
if an editor changed it, so running the command again never overwrites real work.
"""

import io
import math
from urllib.parse import urlparse

from django.conf import settings as django_settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Page, Site

from .models import CustomImage, HomePage, Licence, SiteSettings, SiteText, StandardPage

DEMO_IMAGE_CREDIT = "IURC portal demo graphic"
# Every image's description is its alt text, so demo images carry one too.
DEMO_IMAGE_DESCRIPTION = "Abstract graphic: curved lines and a ring of twelve dots, like the EU flag's stars"


def search_index_deferred(deferred=True):
    """Wagtail's search backends with their per-save updates off (their `AUTO_UPDATE` option),
    for code that saves many items and then runs `update_index` once; `deferred=False` turns
    them back on inside such a block (tests that search)."""
    backends = {
        name: {**params, "AUTO_UPDATE": not deferred}
        for name, params in django_settings.WAGTAILSEARCH_BACKENDS.items()
    }
    return override_settings(WAGTAILSEARCH_BACKENDS=backends)


class DemoContext:
    """Counts and reports what a run creates, so a second run can say it changed nothing."""

    def __init__(self, stdout=None, verbosity=1):
        self.stdout = stdout
        self.verbosity = verbosity
        self.created = 0
        self.existing = 0

    def log(self, message, level=1):
        if self.stdout is not None and self.verbosity >= level:
            self.stdout.write(message)

    def record(self, label, created):
        if created:
            self.created += 1
            self.log(f"  + {label}")
        else:
            self.existing += 1
            self.log(f"  = {label} (already there)", level=2)

    def progress(self, done, total, label):
        """One line per tenth of a long step, so long loads show they are moving."""
        step = max(1, total // 10)
        if done == total or done % step == 0:
            self.log(f"  … {label}: {done}/{total}")


def ensure_page(ctx, parent, model, slug, **fields):
    """Return the child of `parent` with `slug`, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        ctx.record(f"{model._meta.verbose_name} “{existing.title}”", created=False)
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    ctx.record(f"{model._meta.verbose_name} “{page.title}”", created=True)
    return page


def demo_image(ctx, title, colours=("#003399", "#ffcc00"), seed=0, credit=DEMO_IMAGE_CREDIT):
    """An abstract graphic drawn here (no downloads), with its description, credit and licence."""
    image = CustomImage.objects.filter(title=title).first()
    if image is not None:
        ctx.record(f"image “{title}”", created=False)
        return image
    from PIL import Image as PILImage
    from PIL import ImageDraw

    width, height = 1600, 900
    canvas = PILImage.new("RGB", (width, height), colours[0])
    draw = ImageDraw.Draw(canvas)
    # Concentric arcs and a ring of twelve dots: a nod to the EU flag, different per seed.
    for i in range(14):
        radius = 120 + i * 70 + seed * 11
        box = (width * 0.72 - radius, height * 0.5 - radius, width * 0.72 + radius, height * 0.5 + radius)
        draw.arc(box, start=200 + seed * 7, end=340 + seed * 5, fill=colours[1], width=6)
    for k in range(12):
        angle = 2 * math.pi * k / 12
        cx, cy = width * 0.28 + 210 * math.cos(angle), height * 0.5 + 210 * math.sin(angle)
        draw.ellipse((cx - 18, cy - 18, cx + 18, cy + 18), fill=colours[1])
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=82)
    filename = f"{slug_for_file(title)}.jpg"
    image = CustomImage(
        title=title,
        description=DEMO_IMAGE_DESCRIPTION,
        credit=credit,
        licence=Licence.CC0,
        file=ImageFile(buffer, name=filename),
    )
    image.save()
    ctx.record(f"image “{title}”", created=True)
    return image


def slug_for_file(text):
    from django.utils.text import slugify

    return slugify(text)[:80] or "image"


def get_home_page():
    return HomePage.objects.first()


def _rich(text):
    return "".join(f"<p>{para}</p>" for para in text.strip().split("\n\n"))


# The programme story, told in the portal's own words from the programme's public description.
HOME_INTRO = (
    "IURC is the second phase of the EU's International Urban Cooperation programme. It builds "
    "lasting partnerships between European cities and regions and their counterparts in Asia, "
    "Australasia and the Americas, working together on sustainable urban development and innovation."
)

HOME_STORY = """
IURC follows on from International Urban Cooperation (IUC), which ran from 2016 to 2020. Where the first phase showed that city-to-city cooperation works, the second turns it into a practice: decentralised cooperation between cities and regions, in key partner countries, on sustainable urban development and innovation, in line with the external dimension of the Europe 2020 strategy.

The programme starts from what the first phase learned. It keeps the partnerships that delivered, takes the lessons of those that struggled, and focuses on the added value of working across borders. Its ambition is a global network that cities and regions turn to for urban and regional innovation.

IURC is an EU programme financed under the Partnership Instrument. It is implemented jointly by the European Commission's Service for Foreign Policy Instruments (FPI) and its Directorate-General for Regional and Urban Policy (DG REGIO).
"""

HOME_GOALS = """
<p>Through city-to-city diplomacy and joint regional work on shared challenges, IURC contributes to:</p>
<ul><li>the New Urban Agenda;</li><li>the 2030 Agenda for Sustainable Development and its Sustainable Development Goals (SDGs);</li><li>the Urban Agenda for the EU;</li><li>the political objectives of the EU's Cohesion Policy.</li></ul>
"""

QUOTE_NIESSLER = (
    "IUC is about more than signing agreements, is about practical implementation of concrete "
    "focused projects. Is a functional platform of cooperation between stakeholders from business, "
    "governments and research institutions where they get together to implement actions and make a "
    "difference for the future"
)
QUOTE_BRATISLAVA = (
    "This exceptional project has united us, we can have a dialogue with countries on the other side "
    "of the planet. We recognize that, despite geographical and cultural differences, we have common "
    "problems for which we find the same solution: consideration for ourselves, for nature, for the "
    "environment in which we live"
)

PHASE_ONE_SITES = [
    (
        "International Urban Cooperation (IUC)",
        "The first phase of the programme (2016-2020): city pairings in Asia, the Americas and beyond.",
        "https://www.iuc.eu/",
    ),
    (
        "IUC Asia",
        "The Asian strand of Phase I, pairing European cities with cities in China.",
        "https://www.iuc-asia.eu/",
    ),
    (
        "IUC-LAC (Latin America and the Caribbean)",
        "The Latin American and Caribbean strand of Phase I, including its regional cooperation pairings.",
        "https://iuc-la.eu/",
    ),
]


def home_body():
    return [
        ("heading", {"text": "A second phase, built on the first", "level": "h2"}),
        ("paragraph", _rich(HOME_STORY)),
        (
            "quote",
            {
                "quote": QUOTE_NIESSLER,
                "attribution": "Rudolf Niessler",
                "role": "Principal Advisor for International Relations, DG REGIO, European Commission",
            },
        ),
        ("heading", {"text": "What the programme serves", "level": "h2"}),
        ("paragraph", HOME_GOALS.strip()),
        (
            "quote",
            {
                "quote": QUOTE_BRATISLAVA,
                "attribution": "Bratislava",
                "role": "Slovakia, partner city",
            },
        ),
        (
            "link_cards",
            {
                "heading": "Visit the IUC (Phase I) websites",
                "cards": [
                    {
                        "title": title,
                        "text": text,
                        "link": {"page": None, "url": url, "label": "Visit website"},
                    }
                    for title, text, url in PHASE_ONE_SITES
                ],
            },
        ),
    ]


ABOUT_BODY = [
    ("heading", {"text": "Who runs IURC", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "IURC is financed by the European Union under the Partnership Instrument. The Service for "
            "Foreign Policy Instruments and the Directorate-General for Regional and Urban Policy of the "
            "European Commission implement it together.\n\n"
            "The programme works through cooperation between cities and regions: each pairing agrees on "
            "concrete actions, exchanges visits and expertise, and reports what it achieved."
        ),
    ),
    ("heading", {"text": "How it builds on Phase I", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "The International Urban Cooperation programme (IUC, 2016-2020) paired European cities with "
            "cities in Asia, Latin America and the Caribbean, and North America. IURC capitalises on its "
            "results and lessons learned, and extends the cooperation from cities to regions."
        ),
    ),
]


PRIVACY_INTRO = (
    "How this website handles personal data: what the newsletter stores and why, what we do not "
    "collect, and how to exercise your rights."
)

PRIVACY_BODY = [
    ("heading", {"text": "In short", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Reading this website needs no personal data. We use no analytics, no advertising and no "
        "third-party fonts, maps or scripts.</li><li>If you subscribe to “Stay in the loop”, we store your "
        "email address and the interests you chose, only to send you the programme's updates.</li>"
        "<li>You can unsubscribe from every email with one click, and ask us to erase your data at any "
        "time.</li></ul>",
    ),
    ("heading", {"text": "What the newsletter stores", "level": "h2"}),
    (
        "paragraph",
        "<ul><li><b>Your email address</b>, as you typed it, and a normalised form of it used to "
        "recognise the same address written differently.</li><li><b>Your interests</b> (regions and "
        "themes), if you chose any, to send you what is relevant.</li><li><b>Your subscription "
        "status</b> (waiting for confirmation, confirmed, unsubscribed) and when it changed.</li>"
        "<li><b>A record of your consent</b>: when you subscribed, confirmed or unsubscribed, the version "
        "of the consent statement you were shown, the page you subscribed from and the language of "
        "the page. This record proves that we only write to people who asked us to.</li>"
        "<li><b>Which issues we sent you</b> and whether each was delivered, failed or bounced, so that "
        "nobody gets an issue twice and we stop writing to addresses that no longer work.</li></ul>"
        "<p>We do not store your name, your IP address or any free text with your subscription. Your IP "
        "address is only counted for an hour, in memory, to stop automated sign-ups.</p>",
    ),
    ("heading", {"text": "Why, and on what basis", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "We process your address on the basis of your consent, which you give by subscribing and "
            "confirm by pressing the button in the confirmation email (double opt-in). Nobody is "
            "subscribed without that confirmation.\n\n"
            "The programme is an action of the European Union. Personal data processed for it is "
            "protected under Regulation (EU) 2018/1725 on the processing of personal data by the Union "
            "institutions, and under the General Data Protection Regulation (EU) 2016/679 where it applies."
        ),
    ),
    ("heading", {"text": "How long we keep it", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "A subscription that is never confirmed gets nothing but the one confirmation email; its link "
            "expires after 72 hours. A confirmed subscription is kept until you unsubscribe. When you "
            "unsubscribe we stop writing to you at once and remove your choice of regions and themes. When "
            "you ask for erasure we replace your address with a one-way fingerprint, so that it cannot be "
            "subscribed again without a new confirmation, and keep the consent record without your address."
        ),
    ),
    ("heading", {"text": "Who can see it", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "Only the programme's newsletter managers, in the website's administration, and the email "
            "service that delivers the messages. We never sell or share the list."
        ),
    ),
    ("heading", {"text": "No tracking in our emails", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "Our emails contain no tracking pixels and no rewritten links: we do not know whether or when "
            "you open an email or which links you follow. Every link goes straight to the page it names. "
            "If open or click counting were ever added, it would stay off unless switched on, and this "
            "notice would say so first. Every issue can also be read on the website, in the newsletter "
            "archive."
        ),
    ),
    ("heading", {"text": "Cookies", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "Public pages set no tracking cookies. Forms use a security cookie (CSRF protection) that "
            "expires with your browser session or after a year, and editors who log in get a session "
            "cookie. Videos from YouTube or Vimeo are only loaded when you press “Play video here”; from "
            "then on that provider's own privacy policy applies."
        ),
    ),
    ("heading", {"text": "Your rights", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "You may ask to see the data we hold about you, to correct it, to receive it in a portable "
            "form, or to have it erased, and you may withdraw your consent at any time by unsubscribing. "
            "Write to the contact address at the foot of this page. You may also complain to the European "
            "Data Protection Supervisor (edps.europa.eu)."
        ),
    ),
]

ACCESSIBILITY_INTRO = (
    "We want everyone to be able to use this website. This statement says how accessible it is, what "
    "we know does not work yet and how to tell us about a problem."
)

ACCESSIBILITY_BODY = [
    ("heading", {"text": "Compliance status", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "This website aims to conform to the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, "
            "the standard referenced by the European accessibility standard EN 301 549. Every release is "
            "checked with automated tests (axe-core in a real browser) on the main pages, and by keyboard.\n\n"
            "What you can expect: the site works without JavaScript; you can reach everything with a "
            "keyboard, with a visible focus and a “Skip to main content” link; pages use headings and "
            "landmarks; form fields have labels and their errors are announced with the field; text has "
            "enough contrast; images have text alternatives and maps have a table alternative."
        ),
    ),
    ("heading", {"text": "Known limitations", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "Some documents published before this website (such as action plans in PDF) may not be fully "
            "accessible. Ask us for an accessible version and we will provide one. Videos come from the "
            "programme's partners and may lack captions."
        ),
    ),
    ("heading", {"text": "Feedback and contact", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "If you find a barrier on this website, or need information in another format, write to the "
            "contact address at the foot of this page. Tell us the page address and what went wrong; we aim "
            "to reply within 10 working days."
        ),
    ),
    ("heading", {"text": "How this statement was prepared", "level": "h2"}),
    (
        "paragraph",
        _rich(
            "This statement is based on a self-assessment by the website team, supported by automated "
            "testing on every change. It is reviewed with each major release."
        ),
    ),
]


@transaction.atomic
def load(ctx):
    """Home page, About page and the footer's site settings."""
    ctx.log("Site: home page and settings")
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    hero = demo_image(ctx, "IURC: cities and regions cooperating", seed=1)
    if home is None:
        home = HomePage(
            title="International Urban and Regional Cooperation",
            slug="home",
            strapline="City-to-city and region-to-region cooperation for sustainable urban development.",
            intro=HOME_INTRO,
            hero_image=hero,
            body=home_body(),
            search_description=HOME_INTRO,
            listing_image=hero,
        )
        # Wagtail's first migration makes a placeholder "Welcome" page with slug "home"; a
        # root child needs a unique slug, so move the placeholder out of the way first.
        placeholder = root.get_children().filter(slug="home").exclude(content_type__model="homepage").first()
        if placeholder is not None:
            placeholder.slug = "wagtail-welcome"
            placeholder.save(update_fields=["slug"])
        root.add_child(instance=home)
        home.save_revision().publish()
        ctx.record("home page", created=True)
        # The site answers on the address the admin is configured for, so canonical links
        # and the sitemap point where the demo is actually served.
        base = urlparse(django_settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname = base.hostname or "localhost"
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.root_page = home
        site.site_name = "IURC"
        site.save()
        if placeholder is not None and not placeholder.get_children().exists():
            placeholder.delete()
    else:
        ctx.record("home page", created=False)

    about = ensure_page(
        ctx,
        home,
        StandardPage,
        "about",
        title="About IURC",
        intro="What the International Urban and Regional Cooperation programme is, who runs it and how it "
        "builds on the first phase.",
        body=ABOUT_BODY,
        show_in_menus=True,
    )

    privacy = ensure_page(
        ctx,
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        intro=PRIVACY_INTRO,
        body=PRIVACY_BODY,
    )
    accessibility = ensure_page(
        ctx,
        home,
        StandardPage,
        "accessibility",
        title="Accessibility statement",
        intro=ACCESSIBILITY_INTRO,
        body=ACCESSIBILITY_BODY,
    )

    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    if not settings.contact_email:
        settings.privacy_page = privacy
        settings.accessibility_page = accessibility
        settings.contact_email = "iurc-portal@example.org"
        settings.save()
        ctx.record("site settings", created=True)
    else:
        ctx.record("site settings", created=False)

    text = SiteText.objects.filter(locale=home.locale).first() or SiteText(locale=home.locale)
    if not text.funding_statement:
        text.funding_statement = (
            "IURC is financed by the European Union under the Partnership Instrument and implemented by "
            "the European Commission's Service for Foreign Policy Instruments and Directorate-General for "
            "Regional and Urban Policy."
        )
        text.programme_websites = [
            ("link", {"page": None, "url": url, "label": title}) for title, _text, url in PHASE_ONE_SITES
        ]
        text.footer_links = [
            ("link", {"page": page, "url": "", "label": ""}) for page in (about, privacy, accessibility)
        ]
        text.save()
        text.save_revision().publish()
        ctx.record("header and footer text", created=True)
    else:
        ctx.record("header and footer text", created=False)
    return home
