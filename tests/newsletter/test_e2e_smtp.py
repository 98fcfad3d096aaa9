"""The whole journey through a real SMTP server on loopback (aiosmtpd).

Sign up, read the email the server received, open the link, press confirm, then
unsubscribe with the RFC 8058 one-click POST taken from the welcome email's headers."""

import re

from django.test import Client

from newsletter.models import Subscriber

from .conftest import signup_data


def parts(message):
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def test_sign_up_confirm_and_one_click_unsubscribe_through_real_smtp(
    smtp_server, newsletter_page, consent_text, django_capture_on_commit_callbacks
):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/newsletter/").content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            "/newsletter/subscribe/", {**signup_data(" Reader@Example.org"), "csrfmiddlewaretoken": csrf}
        )
    assert response.status_code == 302

    [confirmation] = smtp_server.messages
    assert confirmation["To"] == "Reader@example.org"
    assert confirmation["Subject"] == "Please confirm your subscription to IURC news"
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = parts(confirmation)
    link = re.search(r"http://testserver(/newsletter/confirm/[\w-]+/)", text).group(1)
    assert f"http://testserver{link}" in html

    # Following the link (as a mail scanner would) confirms nothing...
    confirm_page = browser.get(link).content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    # ...pressing the button on the page does.
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', confirm_page).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = browser.post(link, {"csrfmiddlewaretoken": csrf})
    assert confirmed.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

    welcome = smtp_server.messages[1]
    assert welcome["Subject"] == "Welcome to IURC news"
    header = welcome["List-Unsubscribe"]
    assert welcome["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Long header lines are folded in transit; the unfolded value is the one address.
    one_click = re.fullmatch(r"<(https?://[^>]+)>", header.strip()).group(1)
    text, html = parts(welcome)
    assert one_click in text and one_click in html

    # The mail provider POSTs to the header's address: no cookie, no CSRF token.
    provider = Client(enforce_csrf_checks=True)
    done = provider.post(
        one_click.removeprefix("http://testserver"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert done.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert list(subscriber.consent_events.values_list("event", flat=True)) == [
        "subscribed",
        "confirmed",
        "unsubscribed",
    ]
    assert len(smtp_server.messages) == 2
