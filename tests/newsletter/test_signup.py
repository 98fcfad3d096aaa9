import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from iurc_portal.core.factories import StandardPageFactory
from iurc_portal.core.models import SiteSettings
from newsletter.models import ConsentEvent, ConsentText, Subscriber
from programmes.factories import RegionPageFactory, ThemeFactory

from .conftest import signup_data

THANKS = "we have sent you a link to confirm your subscription"


def follow(client, response):
    return client.get(response["Location"])


# --- the form on every page --------------------------------------------------------------


def test_every_page_has_the_sign_up_form_in_its_footer(client, home_page, consent_text):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    for url in ("/", about.url):
        html = client.get(url).content.decode()
        assert 'action="/newsletter/subscribe/"' in html
        assert consent_text.text in html
        assert f'name="source" value="{url}"' in html
        assert 'name="nl_hp"' in html and 'name="nl_ts"' in html


def test_consent_statement_links_to_the_privacy_notice_from_site_settings(client, home_page, consent_text):
    privacy = StandardPageFactory(parent=home_page, title="Privacy notice", slug="privacy")
    settings_row = SiteSettings.for_site(home_page.get_site())
    settings_row.privacy_page = privacy
    settings_row.save()
    html = client.get("/").content.decode()
    assert '<a href="/privacy/">How we handle your data: privacy notice</a>' in html


def test_sign_up_page_shows_the_full_form_with_interests_and_not_a_second_footer_form(
    client, newsletter_page, consent_text
):
    region = RegionPageFactory(title="Latin America and the Caribbean")
    theme = ThemeFactory(name="Circular economy")
    html = client.get("/newsletter/").content.decode()
    assert html.count('action="/newsletter/subscribe/"') == 1
    assert "<h1>Stay in the loop</h1>" in html
    assert f'value="{region.pk}"' in html and "Latin America and the Caribbean" in html
    assert f'value="{theme.pk}"' in html and "Circular economy" in html
    assert "<legend>Regions</legend>" in html and "<legend>Themes</legend>" in html


def test_sign_up_form_costs_the_same_queries_for_5_and_50_interests(client, newsletter_page, consent_text):
    def count():
        client.get("/newsletter/")  # warm up: sessions, site root paths
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/newsletter/")
        assert response.status_code == 200
        return len(queries)

    ThemeFactory.create_batch(5)
    five = count()
    ThemeFactory.create_batch(45)
    fifty = count()
    assert five == fifty
    html = client.get("/newsletter/").content.decode()
    assert html.count('name="themes"') == 50


def test_footer_form_is_short_and_links_to_the_choice_of_interests(client, newsletter_page, consent_text):
    from iurc_portal.core.models import StandardPage

    newsletter_page.get_parent().add_child(instance=StandardPage(title="About", slug="about"))
    ThemeFactory.create_batch(3)
    html = client.get("/about/").content.decode()
    footer = html[html.index('id="nl-footer-heading"') :]
    assert 'name="email"' in footer and 'name="consent"' in footer
    assert 'name="themes"' not in footer
    assert '<a href="/newsletter/">Choose regions and themes on the sign-up page (optional)</a>' in footer


# --- a successful sign-up ----------------------------------------------------------------


def test_sign_up_stores_a_pending_subscriber_logs_consent_and_sends_a_confirmation(
    client, signup, home_page, consent_text
):
    region = RegionPageFactory()
    theme = ThemeFactory()
    response = signup(" Reader@Example.ORG ", regions=[region.pk], themes=[theme.pk], source="/about/")

    assert response.status_code == 302
    assert response["Location"] == "/about/#newsletter-status"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Reader@Example.ORG"
    assert subscriber.email_normalized == "reader@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert list(subscriber.regions.all()) == [region]
    assert list(subscriber.themes.all()) == [theme]

    event = ConsentEvent.objects.get()
    assert event.event == ConsentEvent.Event.SUBSCRIBED
    assert event.consent_version == consent_text.version
    assert event.consent_hash == consent_text.text_hash
    assert len(event.consent_hash) == 64
    assert event.source == "/about/"
    assert event.locale == "en"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Reader@example.org"]
    assert "/newsletter/confirm/" in message.body
    assert message.alternatives[0][1] == "text/html"

    page = follow(client, response).content.decode()
    assert THANKS in page
    assert 'id="newsletter-status"' in page


def test_the_response_is_the_same_whatever_the_address_state(client, signup, home_page, consent_text):
    """No enumeration: new, pending, confirmed and unsubscribed addresses look alike."""
    Subscriber.objects.create(email="c@example.org", email_normalized="c@example.org", status="confirmed")
    Subscriber.objects.create(email="u@example.org", email_normalized="u@example.org", status="unsubscribed")
    signup("p@example.org")
    pages = []
    for email in ("new@example.org", "p@example.org", "c@example.org", "u@example.org"):
        fresh = Client()
        response = signup(email, client=fresh)
        assert (response.status_code, response["Location"]) == (302, "/#newsletter-status")
        html = follow(fresh, response).content.decode()
        start = html.index('id="newsletter-status"')
        pages.append(html[start : html.index("</div>", start)])
    assert len(set(pages)) == 1
    assert THANKS in pages[0]


def test_a_confirmed_subscriber_signing_up_again_changes_nothing(signup, home_page, consent_text):
    theme = ThemeFactory()
    subscriber = Subscriber.objects.create(
        email="c@example.org", email_normalized="c@example.org", status="confirmed"
    )
    signup("C@Example.org", themes=[theme.pk])
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.themes.count() == 0  # a stranger can't change someone's interests
    assert mail.outbox == []


def test_re_sending_the_confirmation_is_throttled_silently(signup, home_page, consent_text):
    first = signup("reader@example.org")
    second = signup("READER@example.org ")
    assert first["Location"] == second["Location"]
    assert Subscriber.objects.count() == 1
    assert len(mail.outbox) == 1
    assert ConsentEvent.objects.filter(event="subscribed").count() == 2


def test_an_unsubscribed_address_needs_a_new_opt_in(signup, home_page, consent_text):
    subscriber = Subscriber.objects.create(
        email="u@example.org", email_normalized="u@example.org", status="unsubscribed"
    )
    signup("u@example.org")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert len(mail.outbox) == 1 and "/newsletter/confirm/" in mail.outbox[0].body


def test_get_on_the_endpoint_leads_to_the_sign_up_page(client, newsletter_page):
    response = client.get("/newsletter/subscribe/")
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/"


@pytest.mark.parametrize(
    "source", ["//evil.example/", "https://evil.example/", "javascript:alert(1)", "/x\x00y"]
)
def test_redirect_never_leaves_the_site(signup, newsletter_page, source):
    response = signup(source=source)
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert response["Location"] == "/newsletter/#newsletter-status"


# --- bots --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "trap",
    [
        {"nl_hp": "http://spam.example"},
        {"seconds_ago": 0},  # sent back instantly
        {"nl_ts": ""},
        {"nl_ts": "MTcwMDAwMDAwMA:forged:signature"},
    ],
)
def test_bots_are_silently_accepted_and_nothing_is_stored_or_sent(client, signup, home_page, trap):
    response = signup("bot@example.org", **trap)
    assert response.status_code == 302
    assert THANKS in follow(client, response).content.decode()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.fixture(params=["local memory", "redis"])
def any_cache(request):
    """The rate limits run as add/incr on most caches and as Lua scripts on Redis."""
    if request.param == "redis":
        return request.getfixturevalue("redis_cache")
    from django.core.cache import cache

    return cache


def test_too_many_sign_ups_from_one_ip_get_a_clear_429(signup, home_page, settings, any_cache):
    settings.NEWSLETTER_RATE_LIMITS = {"ip": (3, 3600)}
    for n in range(3):
        assert signup(f"reader{n}@example.org").status_code == 302
    response = signup("reader9@example.org")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not Subscriber.objects.filter(email="reader9@example.org").exists()


def test_per_address_limit_stops_emails_but_not_the_same_answer(signup, home_page, settings, any_cache):
    settings.NEWSLETTER_RATE_LIMITS = {"resend_interval": (1, 0.001), "address": (2, 3600)}
    import time

    for _n in range(4):
        assert signup("reader@example.org").status_code == 302
        time.sleep(0.01)
    assert len(mail.outbox) == 2


def test_a_resend_waits_for_the_interval(signup, home_page, settings, any_cache):
    settings.NEWSLETTER_RATE_LIMITS = {"resend_interval": (1, 600), "address": (5, 3600)}
    for _n in range(3):
        assert signup("reader@example.org").status_code == 302
    assert len(mail.outbox) == 1  # same answer each time, one email


def test_sign_ups_carry_on_without_limits_while_redis_is_down(signup, home_page, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "iurc_portal.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    settings.NEWSLETTER_RATE_LIMITS = {"ip": (1, 3600)}
    for n in range(3):
        assert signup(f"reader{n}@example.org").status_code == 302
    assert Subscriber.objects.count() == 3
    assert len(mail.outbox) == 3


def test_signing_up_again_keeps_one_row(signup, home_page):
    assert signup("Reader@example.org").status_code == 302
    first = Subscriber.objects.get()
    assert signup("reader@EXAMPLE.org").status_code == 302
    again = Subscriber.objects.get()
    assert again.pk == first.pk and again.email == "reader@EXAMPLE.org"
    assert again.status == Subscriber.Status.PENDING
    assert ConsentEvent.objects.filter(subscriber=again).count() == 2


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"email": ""}, "Enter your email address."),
        ({"email": "not-an-address"}, "Enter a valid email address"),
        ({"email": "a" * 300 + "@example.org"}, "at most 254 characters"),
        ({"email": "zoë@example.org"}, "Enter a valid email address"),
        ({"email": "reader\x00@example.org"}, "Null characters are not allowed."),
        ({"email": "reader@example.org\nBcc: x@example.org"}, "spaces or invisible characters"),
        ({"consent": ""}, "Please tick the box"),
        ({"regions": ["abc"]}, "is not a valid value"),
        ({"regions": ["999999"]}, "Select a valid choice"),
        ({"themes": ["1\x00"]}, "is not a valid value"),
        ({"themes": ["99999999999999999999999"]}, "is not a valid value"),
        ({"regions": ["-1"]}, "is not a valid value"),
        ({"consent_version": "0-gone"}, "consent statement has been updated"),
    ],
)
def test_bad_input_gets_a_400_with_the_reason_and_stores_nothing(
    client, newsletter_page, consent_text, override, message
):
    data = signup_data("reader@example.org")
    data.update(override)
    response = client.post("/newsletter/subscribe/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html.replace("&quot;", '"').replace("&#x27;", "'")
    assert not Subscriber.objects.exists()
    assert not ConsentEvent.objects.exists()
    assert mail.outbox == []


def test_a_form_sent_back_with_an_error_keeps_the_ticked_interests_and_every_option(
    client, newsletter_page, consent_text
):
    asia = RegionPageFactory(title="Asia")
    latin_america = RegionPageFactory(title="Latin America and the Caribbean")
    theme = ThemeFactory(name="Circular economy")
    data = signup_data("reader@example.org", consent="", regions=[asia.pk], themes=[theme.pk])
    response = client.post("/newsletter/subscribe/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please tick the box" in html
    assert "Latin America and the Caribbean" in html  # the options not ticked are still offered
    assert f'value="{latin_america.pk}"' in html
    assert re.search(rf'name="regions" value="{asia.pk}"[^>]* checked>', html)
    assert re.search(rf'name="themes" value="{theme.pk}"[^>]* checked>', html)
    assert not re.search(rf'name="regions" value="{latin_america.pk}"[^>]* checked>', html)
    assert not Subscriber.objects.exists()


def test_field_errors_are_tied_to_their_inputs(client, newsletter_page, consent_text):
    response = client.post("/newsletter/subscribe/", signup_data("nope", consent=""))
    html = response.content.decode()
    assert 'id="id_email-error"' in html
    assert 'aria-describedby="id_email-error"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_consent-error"' in html
    assert 'value="nope"' in html  # what the person typed is kept


def test_missing_csrf_token_is_refused(newsletter_page, consent_text):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/newsletter/subscribe/", signup_data())
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_an_expired_form_asks_to_submit_again(client, newsletter_page, consent_text):
    response = client.post("/newsletter/subscribe/", signup_data(seconds_ago=8 * 24 * 3600))
    assert response.status_code == 400
    assert "open for too long" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_changed_consent_statement_must_be_read_again(client, newsletter_page, consent_text):
    ConsentText.objects.create(version="2", text="A newer statement.")
    response = client.post("/newsletter/subscribe/", signup_data(consent_version="1-old"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "A newer statement." in html
    assert 'name="consent_version" value="2"' in html


def test_new_themes_and_regions_appear_on_the_sign_up_page_at_once(client, newsletter_page, consent_text):
    client.get("/newsletter/")
    ThemeFactory(name="Urban mobility")
    RegionPageFactory(title="North America")
    html = client.get("/newsletter/").content.decode()
    assert "Urban mobility" in html and "North America" in html
