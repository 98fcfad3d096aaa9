"""The newsletter's emails: plain text plus HTML, with RFC 8058 one-click unsubscribe headers."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .tokens import make_unsubscribe_token


def base_url():
    return (getattr(settings, "NEWSLETTER_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/") + "/"


def absolute(path):
    return urljoin(base_url(), path.lstrip("/"))


def unsubscribe_url(subscriber):
    return absolute(reverse("newsletter:unsubscribe", args=[make_unsubscribe_token(subscriber.pk)]))


def confirm_url(token, subscriber):
    with translation.override(subscriber_language(subscriber)):
        return absolute(reverse("newsletter:confirm", args=[token]))


def from_email():
    return getattr(settings, "NEWSLETTER_FROM_EMAIL", "") or settings.DEFAULT_FROM_EMAIL


def subscriber_language(subscriber):
    """The language the subscriber signed up in (the sign-up page's), if the portal has it."""
    languages = dict(settings.LANGUAGES)
    return subscriber.locale if subscriber.locale in languages else settings.LANGUAGE_CODE


def build_message(subscriber, template, context):
    """An EmailMultiAlternatives rendered in the subscriber's language, its links to pages in
    that language (/es/newsletter/confirm/...)."""
    with translation.override(subscriber_language(subscriber)):
        return _build_message(subscriber, template, context)


def _build_message(subscriber, template, context):
    one_click = unsubscribe_url(subscriber)
    context = {
        "subscriber": subscriber,
        "unsubscribe_url": one_click,
        "site_url": base_url(),
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", "IURC"),
        **context,
    }
    subject = " ".join(render_to_string(f"newsletter/email/{template}_subject.txt", context).split())
    text = render_to_string(f"newsletter/email/{template}.txt", context)
    html = render_to_string(f"newsletter/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=from_email(),
        to=[subscriber.delivery_address],
        headers={
            "List-Unsubscribe": f"<{one_click}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
