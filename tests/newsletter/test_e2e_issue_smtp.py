"""An issue sent through a real SMTP server on loopback (aiosmtpd) by the worker's own code.

Three segments of subscribers in mixed states: exactly the right addresses get the issue, each
once, with the list headers; the one-click unsubscribe from the issue's header works, and the
next issue does not go to that address."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from newsletter import mailing
from newsletter.factories import SubscriberFactory
from newsletter.models import Subscriber
from programmes.factories import RegionPageFactory, ThemeFactory

from .conftest import start_send

pytestmark = pytest.mark.django_db

Status = Subscriber.Status


@pytest.fixture
def segments(home_page):
    asia, latam = RegionPageFactory(title="Asia"), RegionPageFactory(title="Latin America")
    climate = ThemeFactory(name="Climate")
    make = SubscriberFactory
    return {
        "asia": asia,
        "climate": climate,
        # Segment 1: interested in Asia.
        "asia_yes": [
            make(email="a1@example.org", regions=[asia]),
            make(email="A2@Example.org", regions=[asia]),
        ],
        "asia_no": [
            make(email="a3@example.org", regions=[asia], status=Status.PENDING),
            make(email="a4@example.org", regions=[asia], status=Status.UNSUBSCRIBED),
        ],
        # Segment 2: Latin America (and climate).
        "latam_yes": [make(email="l1@example.org", regions=[latam], themes=[climate])],
        "latam_no": [
            make(email="l2@example.org", regions=[latam], suppressed_at=timezone.now()),
            make(email="l3@example.org", regions=[latam], status=Status.PENDING),
        ],
        # Segment 3: chose nothing, so everything.
        "all_yes": [make(email="e1@example.org"), make(email="e2@example.org")],
        "all_no": [make(email="erased-9@erased.invalid", status=Status.ERASED)],
    }


def addresses(subscribers):
    return sorted(s.delivery_address for s in subscribers)


def received(inbox, since=0):
    return sorted(m["To"] for m in inbox.messages[since:])


def test_each_segment_gets_exactly_its_issue_once_with_list_headers(
    smtp_server, segments, make_issue, settings
):
    settings.NEWSLETTER_SEND_RATE = 0
    settings.NEWSLETTER_MESSAGES_PER_CONNECTION = 2  # several connections, one per batch

    asia_issue = make_issue(title="Asia issue", subject="Asia: partners meet", regions=[segments["asia"]])
    start_send(asia_issue)
    mailing.run(once=True)
    expected = addresses(segments["asia_yes"] + segments["all_yes"])
    assert received(smtp_server) == expected  # each once, nobody else

    message = smtp_server.messages[0]
    assert message["Subject"] == "Asia: partners meet"
    assert message["List-Id"] == "Stay in the loop <stay-in-the-loop.testserver>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(
        r"<http://testserver/newsletter/unsubscribe/[^>]+/>", message["List-Unsubscribe"].strip()
    )
    assert message["Precedence"] == "bulk"
    assert len({m["Message-ID"] for m in smtp_server.messages}) == len(expected)
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    web = asia_issue.get_full_url()
    assert web in text and web in html
    # Every recipient's link is their own.
    links = {m["List-Unsubscribe"] for m in smtp_server.messages}
    assert len(links) == len(expected)

    climate_issue = make_issue(title="Climate issue", themes=[segments["climate"]])
    start_send(climate_issue)
    mailing.run(once=True)
    first = len(expected)
    assert received(smtp_server, first) == addresses(
        segments["asia_yes"] + segments["latam_yes"] + segments["all_yes"]
    )

    # One click from the mail program: a POST without cookies or CSRF token.
    leaving = next(m for m in smtp_server.messages if m["To"] == "e1@example.org")
    one_click = re.fullmatch(r"<(http://testserver[^>]+)>", leaving["List-Unsubscribe"].strip()).group(1)
    provider = Client(enforce_csrf_checks=True)
    for _ in range(2):  # and again: nothing changes, no error
        response = provider.post(
            one_click.removeprefix("http://testserver"),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 200
    assert Subscriber.objects.get(email="e1@example.org").status == Status.UNSUBSCRIBED

    before = len(smtp_server.messages)
    start_send(make_issue(title="Everyone issue"))
    mailing.run(once=True)
    everyone = segments["asia_yes"] + segments["latam_yes"] + [segments["all_yes"][1]]
    assert received(smtp_server, before) == addresses(everyone)
