"""Fixtures for the newsletter tests: email tasks run immediately, a clean cache, helpers."""

import time

import pytest
from django.core.cache import cache

from newsletter.defaults import CONSENT_VERSION
from newsletter.factories import ConsentTextFactory, NewsletterPageFactory
from newsletter.tokens import make_form_time_token

IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


@pytest.fixture(autouse=True)
def _immediate_email_tasks(settings):
    settings.TASKS = {"default": IMMEDIATE, "email": IMMEDIATE}


@pytest.fixture(autouse=True)
def _clean_cache():
    # Rate limits and the cached form choices must not leak between tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consent_text(db):
    # The data migration makes it; transactional tests elsewhere may have flushed it.
    return ConsentTextFactory()


@pytest.fixture
def newsletter_page(home_page):
    return NewsletterPageFactory(parent=home_page)


def signup_data(email="reader@example.org", *, seconds_ago=30, **extra):
    """What the form posts when a person fills it in (time trap passed, honeypot empty)."""
    data = {
        "email": email,
        "consent": "on",
        "consent_version": CONSENT_VERSION,
        "source": "/",
        "nl_ts": make_form_time_token(time.time() - seconds_ago),
        "nl_hp": "",
    }
    data.update(extra)
    return data


@pytest.fixture
def signup(client, consent_text, django_capture_on_commit_callbacks):
    """POST the sign-up form and run what waits for the commit (the email task)."""

    def post(email="reader@example.org", client=client, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/newsletter/subscribe/", signup_data(email, **extra))

    return post


def confirm_link(message):
    import re

    match = re.search(r"http://testserver(/newsletter/confirm/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)
