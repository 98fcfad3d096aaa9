"""Test and benchmark factories for the site-wide models (factory_boy, dev dependency)."""

import factory
import wagtail_factories
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from .models import CustomImage, HomePage, Licence, StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    credit = "Jane Doe"
    licence = Licence.CC_BY

    class Meta:
        model = CustomImage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "International Urban and Regional Cooperation"
    slug = "home"
    intro = "Cities and regions cooperating."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An introduction."

    class Meta:
        model = StandardPage


def make_site_with_home(**kwargs):
    """A default site whose root is a fresh HomePage (Wagtail's placeholder page is removed)."""
    root = Page.get_first_root_node()
    if root is None:
        # A transactional test before this one emptied every table, data migrations' rows too.
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    Page.objects.filter(depth=2).exclude(content_type__model="homepage").delete()
    if "slug" not in kwargs and Page.objects.filter(depth=2, slug="home").exists():
        # Rows a test module shares (tests/conftest.py, shared_rows) have a home page already; the
        # new one becomes the site's root beside it.
        kwargs["slug"] = f"home-{Page.objects.filter(depth=2).count() + 1}"
    home = HomePageFactory(parent=root, **kwargs)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="IURC"
    )
    return home


def home_page():
    """The site's home page, creating the site if the test has none yet."""
    return HomePage.objects.first() or make_site_with_home()


def index_page(model, title, slug):
    """The one page of an index type (max_count=1) under the home page, created if missing."""
    existing = model.objects.first()
    if existing is not None:
        return existing
    page = model(title=title, slug=slug)
    home_page().add_child(instance=page)
    return page


def parental_many_to_many(field_name):
    """A post-generation hook for a ParentalManyToManyField: `Factory(themes=[...])`."""

    @factory.post_generation
    def hook(self, create, extracted, **kwargs):
        if extracted:
            getattr(self, field_name).set(extracted)
            if create:
                self.save()

    return hook
