"""Issues as pages: tree rules, the archive of sent issues only, audience, email rendering."""

import pytest
from django.core import mail

from newsletter import mailing
from newsletter.audience import audience
from newsletter.factories import SubscriberFactory
from newsletter.models import NewsletterIssuePage, Subscriber
from newsletter.rendering import RenderedIssue
from programmes.factories import RegionPageFactory, ThemeFactory

from .conftest import start_send

pytestmark = pytest.mark.django_db


def test_a_published_issue_is_public_only_once_it_is_sent(make_issue, archive_page, client):
    issue = make_issue(title="October issue")
    assert client.get(issue.url).status_code == 404
    archive = client.get(archive_page.url).content.decode()
    assert "October issue" not in archive
    assert "No issues have been sent yet" in archive

    start_send(issue)
    page = client.get(issue.url)
    assert page.status_code == 200
    assert "October issue" in page.content.decode()
    assert "Sent on" in page.content.decode()
    assert "October issue" in client.get(archive_page.url).content.decode()


def test_sent_issues_are_found_by_site_search_and_unsent_ones_are_not(make_issue, client, search_index):
    sent = make_issue(title="Sent issue", intro="Cooperation on zebrafish ponds")
    make_issue(title="Draft issue", intro="Cooperation on zebrafish lakes")
    from wagtail.search.backends import get_search_backend  # noqa: F401
    from wagtail.search.index import insert_or_update_object

    start_send(sent)
    for page in NewsletterIssuePage.objects.all():
        insert_or_update_object(page)
    body = client.get("/search/", {"q": "zebrafish"}).content.decode()
    assert "Sent issue" in body
    assert "Draft issue" not in body


def test_archive_lists_issues_in_a_fixed_number_of_queries(make_issue, archive_page, client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from newsletter.models import IssueSend

    settings.PAGE_CACHE_SECONDS = 0
    client.get(archive_page.url)  # warm-up: the site and its sections are read once per process

    def queries_for(total):
        while NewsletterIssuePage.objects.count() < total:
            IssueSend.objects.create(issue=make_issue(), status="done", started_at=timezone.now())
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(archive_page.url)
        assert response.status_code == 200
        return len(ctx.captured_queries), response.content.decode().count("<h2><a href=")

    (five, shown_five), (fifty, shown_fifty) = queries_for(5), queries_for(50)
    assert (shown_five, shown_fifty) == (5, 12)
    assert five == fifty


def test_archive_page_past_the_end_is_404(archive_page, client):
    assert client.get(archive_page.url, {"page": "9"}).status_code == 404
    assert client.get(archive_page.url, {"page": "x"}).status_code == 404


def test_audience_matches_interests_per_dimension(make_issue):
    asia, latam = RegionPageFactory(title="Asia"), RegionPageFactory(title="Latin America")
    climate, mobility = ThemeFactory(name="Climate"), ThemeFactory(name="Mobility")
    everything = SubscriberFactory(email="all@example.org")
    asia_only = SubscriberFactory(email="asia@example.org", regions=[asia])
    latam_only = SubscriberFactory(email="latam@example.org", regions=[latam])
    asia_mobility = SubscriberFactory(email="am@example.org", regions=[asia], themes=[mobility])
    climate_any = SubscriberFactory(email="climate@example.org", themes=[climate])
    SubscriberFactory(email="pending@example.org", status=Subscriber.Status.PENDING)
    SubscriberFactory(email="left@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    from django.utils import timezone

    SubscriberFactory(email="bounced@example.org", suppressed_at=timezone.now())

    untargeted = make_issue()
    assert set(audience(untargeted)) == {everything, asia_only, latam_only, asia_mobility, climate_any}

    asia_issue = make_issue(regions=[asia])
    assert set(audience(asia_issue)) == {everything, asia_only, asia_mobility, climate_any}

    asia_climate = make_issue(regions=[asia], themes=[climate])
    assert set(audience(asia_climate)) == {everything, asia_only, climate_any}
    assert audience(asia_climate).count() == 3


def test_the_email_has_inlined_css_a_text_part_and_list_headers(make_issue):
    issue = make_issue(title="November issue", preheader="Three cities, one plan")
    subscriber = SubscriberFactory(email="Reader@example.org")
    send = start_send(issue)
    message = RenderedIssue.from_send(send).message(subscriber, idstring="x")
    html = message.alternatives[0][0]
    assert "<style" not in html  # inlined, then dropped
    assert 'style="' in html and "Three cities, one plan" in html
    assert "Welcome to this issue." in message.body and "<p>" not in message.body
    headers = message.extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in html and unsubscribe in message.body
    assert headers["List-Id"] == "Stay in the loop <stay-in-the-loop.testserver>"
    assert issue.get_full_url() in html and issue.get_full_url() in message.body
    # No tracking: no images at all in this issue, and every link goes straight to its page.
    assert "<img" not in html


def parsed(raw):
    import email
    import email.policy

    return email.message_from_bytes(raw, policy=email.policy.default)


@pytest.mark.parametrize("address", ["reader@example.org", "lea@exemple-été.fr"])
def test_a_recipient_s_message_from_the_template_is_the_message_built_for_them(make_issue, address):
    """The worker puts each recipient's address, link and Message-ID into one pre-written message
    (RenderedIssue.raw_message); what arrives is what Django's own EmailMessage builds for them."""
    issue = make_issue(title="December issue", preheader="A line of text that is long enough " * 4)
    send = start_send(issue)
    rendered = RenderedIssue.from_send(send)
    subscriber = SubscriberFactory(email=address)
    fast = parsed(rendered.raw_message(subscriber, idstring="one"))
    assert rendered._template is not None  # the pre-written message, not the fallback
    built = parsed(rendered.message(subscriber, idstring="one").message().as_bytes(linesep="\r\n"))
    # Header values compared unfolded: where a long line is folded is not part of the value.
    names = ("To", "Subject", "From", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "Precedence")
    for header in names:
        assert str(fast[header]).strip() == str(built[header]).strip(), header
    assert fast["Message-ID"] != built["Message-ID"] and "one@" in fast["Message-ID"]
    for kind in ("plain", "html"):
        part, expected = fast.get_body((kind,)), built.get_body((kind,))
        assert part.get_content() == expected.get_content(), kind
    assert str(built["List-Unsubscribe"]).strip().strip("<>") in fast.get_body(("html",)).get_content()
    other = parsed(rendered.raw_message(SubscriberFactory(email="other@example.org"), idstring="two"))
    assert other["List-Unsubscribe"] != fast["List-Unsubscribe"] and other["To"] == "other@example.org"


def test_latest_news_and_events_blocks_fill_in_from_the_portal(make_issue, home_page):
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.rich_text import RichText  # noqa: F401

    from news.factories import EventPageFactory, NewsArticlePageFactory

    NewsArticlePageFactory(title="Cities agree on a heat plan")
    EventPageFactory(
        title="Webinar on mobility",
        start=timezone.now() + timedelta(days=5),
        end=timezone.now() + timedelta(days=5, hours=2),
    )
    issue = make_issue(
        body=[
            ("latest_news", {"heading": "Latest news", "count": 3}),
            ("upcoming_events", {"heading": "Coming up", "count": 3}),
        ]
    )
    rendered = RenderedIssue.render(issue)
    for part in (rendered.html, rendered.text):
        assert "Cities agree on a heat plan" in part
        assert "Webinar on mobility" in part
    assert "http://testserver/news/" in rendered.text


def test_admin_preview_modes_show_the_email_as_html_and_text(make_issue, rf):
    issue = make_issue(title="Preview me")
    assert [mode for mode, _label in issue.preview_modes] == ["", "email", "text"]
    request = rf.get("/")
    request.is_preview = True
    text = issue.serve_preview(request, "text")
    assert text["Content-Type"].startswith("text/plain")
    assert "Preview me" in text.content.decode() and "Welcome to this issue." in text.content.decode()
    html = issue.serve_preview(request, "email").content.decode()
    assert "<html" in html and 'style="' in html and "<style" not in html
    # The web version can be previewed before the issue is sent (it is a 404 for visitors).
    assert issue.serve_preview(request, "").status_code == 200


def test_worker_sends_each_recipient_once_and_finishes(make_issue, settings):
    settings.NEWSLETTER_SEND_RATE = 0
    SubscriberFactory.create_batch(5)
    send = start_send(make_issue())
    mailing.run(once=True)
    assert len(mail.outbox) == 5
    assert len({m.to[0] for m in mail.outbox}) == 5
    send.refresh_from_db()
    assert send.status == "done"
    assert send.outcome_counts()["sent"] == 5
    mailing.run(once=True)
    assert len(mail.outbox) == 5
