"""Demo content: the "Stay in the loop" page, the consent statement and the managers group.

The privacy notice the sign-up form links to is a core page (core.demo), set in the site settings.

No subscribers are made up: every row in that table must come from a real opt-in."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from iurc_portal.core.demo import ensure_page, get_home_page

from .defaults import CONSENT_TEXT, CONSENT_VERSION, MANAGERS_GROUP, grant_managers_permissions
from .models import ConsentText, NewsletterPage

NEWSLETTER_INTRO = (
    "Hear first about what the IURC programme is doing: news from cities and regions working "
    "together, events you can join and new opportunities to take part. Choose the regions and "
    "themes you care about, or leave them empty to hear about everything."
)


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
