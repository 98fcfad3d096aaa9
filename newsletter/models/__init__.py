"""The newsletter's models, by what they hold: subscribers and consent, pages, sending."""

from .pages import NewsletterArchivePage, NewsletterIssuePage, NewsletterPage
from .sending import Delivery, IssueSend
from .subscribers import ConsentEvent, ConsentText, Subscriber, SuppressedReason, Suppression, sha256_hex

__all__ = [
    "ConsentEvent",
    "ConsentText",
    "Delivery",
    "IssueSend",
    "NewsletterArchivePage",
    "NewsletterIssuePage",
    "NewsletterPage",
    "Subscriber",
    "SuppressedReason",
    "Suppression",
    "sha256_hex",
]
