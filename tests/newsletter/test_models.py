import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.test.utils import WagtailPageTestCase

from iurc_portal.core.models import HomePage, StandardPage
from newsletter.models import (
    ConsentEvent,
    ConsentText,
    NewsletterArchivePage,
    NewsletterIssuePage,
    NewsletterPage,
    Subscriber,
    sha256_hex,
)


@pytest.fixture
def subscriber(db):
    return Subscriber.objects.create(email="a@example.org", email_normalized="a@example.org")


def test_consent_events_cannot_be_changed_or_deleted(subscriber, consent_text):
    event = ConsentEvent.objects.create(subscriber=subscriber, event="subscribed", consent_text=consent_text)
    assert event.consent_version == consent_text.version
    assert event.consent_hash == sha256_hex(consent_text.text)
    event.source = "/forged/"
    with pytest.raises(TypeError, match="append-only"):
        event.save()
    with pytest.raises(TypeError, match="append-only"):
        event.delete()
    with pytest.raises(TypeError, match="append-only"):
        ConsentEvent.objects.filter(pk=event.pk).update(event="confirmed")
    with pytest.raises(TypeError, match="append-only"):
        ConsentEvent.objects.all().delete()
    event.refresh_from_db()
    assert (event.event, event.source) == ("subscribed", "")


def test_a_subscriber_with_a_consent_log_cannot_be_deleted(subscriber):
    ConsentEvent.objects.create(subscriber=subscriber, event="subscribed")
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        subscriber.delete()


def test_an_agreed_consent_statement_is_frozen_but_a_new_version_can_be_added(subscriber, consent_text):
    ConsentEvent.objects.create(subscriber=subscriber, event="subscribed", consent_text=consent_text)
    consent_text.text = "Quietly different words."
    with pytest.raises(ValidationError, match="Add a new version"):
        consent_text.full_clean()
    newer = ConsentText(version="2", text="Quietly different words.")
    newer.full_clean()
    newer.save()
    assert ConsentText.current() == newer
    assert newer.text_hash == sha256_hex("Quietly different words.")


def test_unused_consent_statement_can_still_be_corrected(db):
    draft = ConsentText.objects.create(version="draft", text="Tpyo.")
    draft.text = "Typo."
    draft.full_clean()
    draft.save()
    assert draft.text_hash == sha256_hex("Typo.")


def test_one_row_per_normalised_address(subscriber):
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscriber.objects.create(email="A@example.org", email_normalized="a@example.org")


def test_mail_goes_to_the_local_part_as_typed_and_the_encoded_domain(db):
    subscriber = Subscriber(
        email="Jane.Doe@Bücher.example", email_normalized="jane.doe@xn--bcher-kva.example"
    )
    assert subscriber.delivery_address == "Jane.Doe@xn--bcher-kva.example"


class TestNewsletterPageTree(WagtailPageTestCase):
    def test_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(NewsletterPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsletterPage, {NewsletterArchivePage})
        self.assertCanCreateAt(HomePage, NewsletterPage)
        self.assertCanNotCreateAt(StandardPage, NewsletterPage)
        self.assertCanNotCreateAt(NewsletterPage, StandardPage)
        assert NewsletterPage.max_count == 1

    def test_issues_live_in_the_archive_only(self):
        self.assertAllowedParentPageTypes(NewsletterArchivePage, {NewsletterPage})
        self.assertAllowedSubpageTypes(NewsletterArchivePage, {NewsletterIssuePage})
        self.assertAllowedParentPageTypes(NewsletterIssuePage, {NewsletterArchivePage})
        self.assertAllowedSubpageTypes(NewsletterIssuePage, {})
        self.assertCanNotCreateAt(HomePage, NewsletterIssuePage)
        assert NewsletterArchivePage.max_count == 1
