"""Fixtures for the newsletter tests: email tasks run immediately, a clean cache, helpers."""

import email
import email.policy
import socket
import time

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
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


@pytest.fixture
def archive_page(newsletter_page):
    from newsletter.factories import NewsletterArchivePageFactory

    return NewsletterArchivePageFactory(parent=newsletter_page)


@pytest.fixture
def make_issue(archive_page):
    from newsletter.factories import NewsletterIssuePageFactory

    def make(**kwargs):
        return NewsletterIssuePageFactory(parent=archive_page, **kwargs)

    return make


def start_send(issue, user=None):
    """What "send now" does, then the worker's first step: delivery rows and the snapshot."""
    from newsletter import mailing
    from newsletter.models import IssueSend

    IssueSend.objects.create(issue=issue, requested_by=user)
    [send] = mailing.start_due_sends()
    return send


class Inbox(Message):
    def __init__(self):
        super().__init__(message_class=lambda: email.message.EmailMessage(policy=email.policy.default))
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def free_port():
    with socket.socket() as probe:  # a free loopback port
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    port = free_port()
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.port = port
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()
