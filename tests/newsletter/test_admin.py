"""Only newsletter managers (and superusers) see, export or erase subscribers."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from iurc_portal.core.factories import UserFactory
from newsletter.defaults import MANAGERS_GROUP, grant_managers_permissions
from newsletter.factories import SubscriberFactory
from newsletter.models import ConsentEvent, Subscriber, Suppression
from newsletter.services import subscribe
from programmes.factories import RegionPageFactory, ThemeFactory

INDEX = "/admin/newsletter_subscriber/"


@pytest.fixture
def managers_group(db):
    group, _created = Group.objects.get_or_create(name=MANAGERS_GROUP)
    grant_managers_permissions(group, Permission)
    return group


@pytest.fixture
def manager(client, managers_group):
    user = UserFactory(username="manager")
    user.groups.add(managers_group)
    client.force_login(user)
    return user


@pytest.fixture
def editor(client, db):
    """Someone with admin access but no newsletter permissions."""
    user = UserFactory(username="editor")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


@pytest.fixture
def people(home_page, consent_text):
    asia = RegionPageFactory(title="Asia and Australasia")
    climate = ThemeFactory(name="Climate action")
    anna = SubscriberFactory(email="anna@example.org", status="confirmed", regions=[asia])
    ben = SubscriberFactory(email="ben@example.net", status="pending", themes=[climate])
    eve = SubscriberFactory(email="=1+2@example.org", status="unsubscribed")
    Subscriber.objects.filter(pk=eve.pk).update(created_at=timezone.now() - timedelta(days=400))
    ConsentEvent.objects.create(
        subscriber=anna, event="subscribed", consent_text=consent_text, source="/news/"
    )
    ConsentEvent.objects.create(subscriber=anna, event="confirmed", consent_text=consent_text)
    return {"anna": anna, "ben": ben, "eve": eve, "asia": asia, "climate": climate}


def urls(people):
    pk = people["anna"].pk
    return [
        INDEX,
        INDEX + "?export=csv",
        f"{INDEX}inspect/{pk}/",
        f"{INDEX}export/{pk}/",
        f"{INDEX}erase/{pk}/",
    ]


def test_anonymous_visitors_are_sent_to_the_login(client, people):
    for url in urls(people):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_other_admin_users_neither_see_the_menu_nor_reach_the_views(client, editor, people):
    dashboard = client.get("/admin/").content.decode()
    assert INDEX not in dashboard
    for url in urls(people):
        assert client.get(url).status_code in (302, 403), url
    assert client.post(f"{INDEX}erase/{people['anna'].pk}/").status_code in (302, 403)
    assert Subscriber.objects.get(pk=people["anna"].pk).email == "anna@example.org"


def test_managers_see_the_menu_and_the_listing(client, manager, people):
    assert INDEX in client.get("/admin/").content.decode()
    html = client.get(INDEX).content.decode()
    assert "anna@example.org" in html and "ben@example.net" in html
    assert "Asia and Australasia" in html and "Climate action" in html
    assert "/admin/newsletter_subscriber/new/" not in html  # nobody adds subscribers by hand


def test_superusers_see_everything_too(client, people):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    assert client.get(INDEX).status_code == 200
    assert client.get(f"{INDEX}export/{people['anna'].pk}/").status_code == 200


def test_listing_search_and_filters(client, manager, people):
    def emails(query):
        html = client.get(INDEX + query).content.decode()
        return {
            email for email in ("anna@example.org", "ben@example.net", "=1+2@example.org") if email in html
        }

    assert emails("?q=example.net") == {"ben@example.net"}
    assert emails("?status=confirmed") == {"anna@example.org"}
    assert emails(f"?regions={people['asia'].pk}") == {"anna@example.org"}
    assert emails(f"?themes={people['climate'].pk}") == {"ben@example.net"}
    since = (timezone.now() - timedelta(days=30)).date().isoformat()
    assert emails(f"?created_at_from={since}") == {"anna@example.org", "ben@example.net"}


def test_csv_export_lists_the_filtered_subscribers_and_defuses_formulas(client, manager, people):
    response = client.get(INDEX + "?export=csv&status=confirmed")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="newsletter-subscribers.csv"' in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()
    assert "anna@example.org" in body and "Asia and Australasia" in body
    assert "ben@example.net" not in body

    everything = b"".join(client.get(INDEX + "?export=csv").streaming_content).decode()
    assert "'=1+2@example.org" in everything
    assert "\n=1+2" not in everything


def test_inspect_view_shows_the_consent_log(client, manager, people, consent_text):
    html = client.get(f"{INDEX}inspect/{people['anna'].pk}/").content.decode()
    assert "Consent log" in html
    assert "/news/" in html
    assert consent_text.text_hash[:14] in html
    assert html.count("<td>Subscribed</td>") == 1 and html.count("<td>Confirmed</td>") == 1


def test_gdpr_export_is_a_json_download_of_everything_stored(client, manager, people, consent_text):
    response = client.get(f"{INDEX}export/{people['anna'].pk}/")
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["email"] == "anna@example.org"
    assert data["interests"]["regions"] == ["Asia and Australasia"]
    assert [event["event"] for event in data["consent_log"]] == ["subscribed", "confirmed"]
    assert data["consent_log"][0]["consent_statement"] == consent_text.text
    assert data["consent_log"][0]["consent_sha256"] == consent_text.text_hash


def test_erasure_anonymises_keeps_the_log_and_a_suppression_entry(client, manager, people, consent_text):
    anna = people["anna"]
    url = f"{INDEX}erase/{anna.pk}/"
    assert "Yes, erase" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302

    anna.refresh_from_db()
    assert anna.status == Subscriber.Status.ERASED
    assert "anna" not in anna.email and "anna" not in anna.email_normalized
    assert anna.regions.count() == 0 and anna.locale == ""
    assert list(anna.consent_events.values_list("event", flat=True)) == ["subscribed", "confirmed", "erased"]
    assert Suppression.is_suppressed("anna@example.org")
    export = client.get(f"{INDEX}export/{anna.pk}/").content.decode()
    assert "anna@example.org" not in export

    # The address can come back only through a new double opt-in, which lifts the suppression.
    again = subscribe(
        email="anna@example.org", email_normalized="anna@example.org", consent_text=consent_text
    )
    assert again.pk != anna.pk and again.status == Subscriber.Status.PENDING
    assert Suppression.is_suppressed("anna@example.org")


def test_there_is_no_way_to_add_or_edit_subscribers_in_the_admin(client, manager, people):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    pk = people["anna"].pk
    for url in (f"{INDEX}new/", f"{INDEX}edit/{pk}/", f"{INDEX}delete/{pk}/"):
        assert client.get(url).status_code == 404, url


def test_managers_can_add_a_consent_statement_version(client, manager, consent_text):
    response = client.post(
        "/admin/newsletter_consent_text/new/",
        {"version": "2", "language": "en", "text": "Updated statement."},
    )
    assert response.status_code == 302
    from newsletter.models import ConsentText

    assert ConsentText.current().version == "2"
    assert client.get("/admin/newsletter_consent_text/").status_code == 200
