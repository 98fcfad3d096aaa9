"""Tokens in newsletter links.

Confirmation: a random token whose SHA-256 alone is stored, expiring and single use, so a
database leak gives nobody a working link.
Unsubscribe: a signed subscriber id, so every email can carry a working link without
storing anything; it does not expire because people unsubscribe from old emails.
"""

import hashlib
import re
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

CONFIRM_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{40,64}$")
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
FORM_TIME_SALT = "newsletter.form-time"


def hash_token(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def new_confirmation_token():
    """(token for the email, hash for the database, expiry)."""
    token = secrets.token_urlsafe(32)
    hours = getattr(settings, "NEWSLETTER_CONFIRMATION_HOURS", 72)
    return token, hash_token(token), timezone.now() + timedelta(hours=hours)


def is_well_formed_confirmation_token(token):
    return isinstance(token, str) and bool(CONFIRM_TOKEN_RE.match(token))


def make_unsubscribe_token(subscriber_id):
    return signing.dumps(subscriber_id, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """The subscriber id in a valid token, else None."""
    if not isinstance(token, str) or len(token) > 200:
        return None
    try:
        value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def make_form_time_token(now=None):
    """A signed "form shown at" time for the sign-up form's time trap."""
    return signing.dumps(int(now if now is not None else time.time()), salt=FORM_TIME_SALT)


def read_form_time_token(token):
    """Seconds since the form was shown, or None if the token is missing or forged."""
    if not isinstance(token, str) or not token or len(token) > 100:
        return None
    try:
        shown_at = signing.loads(token, salt=FORM_TIME_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(shown_at, int) or isinstance(shown_at, bool):
        return None
    return time.time() - shown_at
