"""Demo content: the "Stay in the loop" page, its archive with one example issue (marked as an
example, sent to nobody), the consent statement and the managers group.

The privacy notice the sign-up form links to is a core page (core.demo), set in the site settings.

No subscribers are made up: every row in that table must come from a real opt-in."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.rich_text import RichText
from wagtail.search import index

from iurc_portal.core.demo import ensure_page, get_home_page

from .defaults import CONSENT_TEXT, CONSENT_VERSION, MANAGERS_GROUP, grant_managers_permissions
from .models import ConsentText, IssueSend, NewsletterArchivePage, NewsletterIssuePage, NewsletterPage

NEWSLETTER_INTRO = (
    "Hear first about what the IURC programme is doing: news from cities and regions working "
    "together, events you can join and new opportunities to take part. Choose the regions and "
    "themes you care about, or leave them empty to hear about everything."
)

EXAMPLE_ISSUE = {
    "title": "Stay in the loop: an example issue",
    "subject": "Stay in the loop: news and events from the IURC programme (example)",
    "preheader": "An example of what subscribers receive: the latest news and upcoming events.",
    "intro": (
        "This is an example issue, written to show what the newsletter looks like. The news and "
        "events below are the ones published on this portal when the issue was sent."
    ),
    "is_example": True,
    "body": [
        ("heading", "Dear readers"),
        (
            "text",
            RichText(
                "<p>Each issue brings the programme's latest news and the events coming up, chosen for "
                "the regions and themes you follow. You can change your choice or unsubscribe with the "
                "link at the bottom of every email.</p>"
            ),
        ),
        ("latest_news", {"heading": "Latest news", "count": 3}),
        ("upcoming_events", {"heading": "Coming up", "count": 3}),
    ],
}


@transaction.atomic
def load(ctx):
    ctx.log("Newsletter: sign-up page, consent statement, managers group")
    home = get_home_page()
    if home is None:
        ctx.log("  no home page yet: run the core loader first")
        return

    newsletter = ensure_page(
        ctx,
        home,
        NewsletterPage,
        "newsletter",
        title="Stay in the loop",
        intro=NEWSLETTER_INTRO,
        search_description="Subscribe to email updates from the IURC programme: news, events and opportunities.",
    )

    archive = ensure_page(
        ctx,
        newsletter,
        NewsletterArchivePage,
        "issues",
        title="Past issues",
        intro="Every issue of “Stay in the loop” that has been sent, as it went out.",
    )
    issue = ensure_page(ctx, archive, NewsletterIssuePage, "example-issue", **EXAMPLE_ISSUE)
    if not IssueSend.objects.filter(issue=issue).exists():
        now = timezone.now()
        # Marked as sent so that the archive shows it; there are no subscribers, so no deliveries.
        IssueSend.objects.create(
            issue=issue,
            status=IssueSend.Status.DONE,
            send_at=now,
            started_at=now,
            finished_at=now,
            subject=issue.subject,
        )
        index.insert_or_update_object(issue)
        ctx.record("example issue marked as sent", created=True)

    if ConsentText.current() is None:
        ConsentText.objects.create(version=CONSENT_VERSION, text=CONSENT_TEXT)
        ctx.record("consent statement", created=True)
    else:
        ctx.record("consent statement", created=False)

    group, created = Group.objects.get_or_create(name=MANAGERS_GROUP)
    if created:
        grant_managers_permissions(group, Permission)
    ctx.record(f"group “{MANAGERS_GROUP}”", created=created)
