"""Test factories for the newsletter (factory_boy + wagtail-factories, dev dependencies)."""

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from iurc_portal.core.factories import parental_many_to_many

from .defaults import CONSENT_TEXT, CONSENT_VERSION
from .models import ConsentText, NewsletterArchivePage, NewsletterIssuePage, NewsletterPage, Subscriber
from .normalization import normalize_email


class ConsentTextFactory(factory.django.DjangoModelFactory):
    version = CONSENT_VERSION
    text = CONSENT_TEXT

    class Meta:
        model = ConsentText
        django_get_or_create = ("version",)


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    email_normalized = factory.LazyAttribute(lambda o: normalize_email(o.email))
    status = Subscriber.Status.CONFIRMED
    locale = "en"

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class NewsletterPageFactory(wagtail_factories.PageFactory):
    title = "Stay in the loop"
    slug = "newsletter"
    intro = "News, events and opportunities from the programme."

    class Meta:
        model = NewsletterPage


class NewsletterArchivePageFactory(wagtail_factories.PageFactory):
    title = "Past issues"
    slug = "issues"

    class Meta:
        model = NewsletterArchivePage


class NewsletterIssuePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Stay in the loop #{n}")
    slug = factory.Sequence(lambda n: f"issue-{n}")
    subject = factory.LazyAttribute(lambda o: f"{o.title}: news from the programme")
    preheader = "Cities working together, events to join."
    intro = "What happened this month in the programme."
    body = factory.LazyFunction(
        lambda: [("heading", "Dear readers"), ("text", RichText("<p>Welcome to this issue.</p>"))]
    )

    class Meta:
        model = NewsletterIssuePage
        skip_postgeneration_save = True

    regions = parental_many_to_many("regions")
    themes = parental_many_to_many("themes")
