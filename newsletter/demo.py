"""Demo content: the "Stay in the loop" page, the consent statement, the managers group and,
when the site has none yet, a privacy notice for the sign-up form to link to.

No subscribers are made up: every row in that table must come from a real opt-in."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from iurc_portal.core.demo import ensure_page, get_home_page
from iurc_portal.core.models import SiteSettings, StandardPage

from .defaults import CONSENT_TEXT, CONSENT_VERSION, MANAGERS_GROUP, grant_managers_permissions
from .models import ConsentText, NewsletterPage

NEWSLETTER_INTRO = (
    "Hear first about what the IURC programme is doing: news from cities and regions working "
    "together, events you can join and new opportunities to take part. Choose the regions and "
    "themes you care about, or leave them empty to hear about everything."
)

PRIVACY_INTRO = "What personal data this website collects, why, and how you stay in control of it."

PRIVACY_BODY = [
    ("heading", {"text": "Newsletter sign-ups", "level": "h2"}),
    (
        "paragraph",
        "<p>When you subscribe to email updates we store your email address, the regions and themes you "
        "chose, the language of the page, and a record of your consent: which version of the consent "
        "statement you saw, on which page and when. We do not store your IP address.</p>"
        "<p>We send a confirmation email first and nothing else until you confirm. Every email has an "
        "unsubscribe link that works with a single click. When you unsubscribe we also remove your choice "
        "of regions and themes.</p>"
        "<p>You can ask us for a copy of the data we hold about you, or ask us to erase it. After erasure "
        "only the consent record remains, without your address, together with a one-way hash of the "
        "address so that it cannot be added again without your new confirmation.</p>",
    ),
    ("heading", {"text": "No tracking", "level": "h2"}),
    (
        "paragraph",
        "<p>This website loads no fonts, scripts, maps or analytics from other companies. Videos from "
        "YouTube or Vimeo load only after you press the play button.</p>",
    ),
]


@transaction.atomic
def load(ctx):
    ctx.log("Newsletter: sign-up page, consent statement, managers group")
    home = get_home_page()
    if home is None:
        ctx.log("  no home page yet: run the core loader first")
        return

    ensure_page(
        ctx,
        home,
        NewsletterPage,
        "newsletter",
        title="Stay in the loop",
        intro=NEWSLETTER_INTRO,
        search_description="Subscribe to email updates from the IURC programme: news, events and opportunities.",
    )

    if ConsentText.current() is None:
        ConsentText.objects.create(version=CONSENT_VERSION, text=CONSENT_TEXT)
        ctx.record("consent statement", created=True)
    else:
        ctx.record("consent statement", created=False)

    group, created = Group.objects.get_or_create(name=MANAGERS_GROUP)
    if created:
        grant_managers_permissions(group, Permission)
    ctx.record(f"group “{MANAGERS_GROUP}”", created=created)

    site_settings = SiteSettings.for_site(home.get_site())
    if site_settings.privacy_page_id is None:
        privacy = ensure_page(
            ctx,
            home,
            StandardPage,
            "privacy",
            title="Privacy notice",
            intro=PRIVACY_INTRO,
            body=PRIVACY_BODY,
        )
        site_settings.privacy_page = privacy
        site_settings.save(update_fields=["privacy_page"])
        ctx.record("privacy notice in the site settings", created=True)
    else:
        ctx.record("privacy notice in the site settings", created=False)
