"""One key per mailbox: how a typed address becomes `Subscriber.email_normalized`.

Decisions (see docs/architecture.md):
- Surrounding whitespace is trimmed; anything else odd (control or format characters,
  null bytes, line breaks) is rejected rather than silently removed.
- The domain is converted with the `idna` package (IDNA 2008 with UTS #46 mapping), not
  Python's built-in codec, which implements the older IDNA 2003 rules.
- The local part is lower-cased as well. RFC 5321 allows case-sensitive local parts, but
  no mainstream provider uses them, and "Anna@" and "anna@" must not become two
  subscriptions. Mail still goes to the local part exactly as typed.
- Non-ASCII local parts (SMTPUTF8) are refused: Django's validator and most relays don't
  accept them.
"""

import unicodedata

import idna
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

MAX_EMAIL_LENGTH = 254  # RFC 5321 path limit less the angle brackets

_validate_email = EmailValidator(message=_("Enter a valid email address, like name@example.org."))


def _has_forbidden_characters(value):
    # Cc: control characters (incl. NUL, CR, LF); Cf: invisible format characters such as
    # bidi overrides and zero-width joiners; Zl/Zp: line and paragraph separators.
    return any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"} for ch in value)


def normalize_email(raw):
    """Return the normalised key for an address, or raise ValidationError with a clear message."""
    if not isinstance(raw, str):
        raise ValidationError(_("Enter an email address."), code="required")
    value = raw.strip()
    if not value:
        raise ValidationError(_("Enter an email address."), code="required")
    if len(value) > MAX_EMAIL_LENGTH:
        raise ValidationError(
            _("An email address can have at most %(max)d characters."),
            code="max_length",
            params={"max": MAX_EMAIL_LENGTH},
        )
    if _has_forbidden_characters(value) or any(ch.isspace() for ch in value):
        raise ValidationError(
            _("The email address contains spaces or invisible characters. Please type it again."),
            code="invalid_characters",
        )
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        raise ValidationError(_("Enter a valid email address, like name@example.org."), code="invalid")
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
    except (UnicodeError, ValueError) as exc:
        raise ValidationError(
            _("The part after “@” is not a valid domain name."), code="invalid_domain"
        ) from exc
    if "." not in ascii_domain.strip("."):
        # a@localhost and a@intranet name no domain mail can be delivered to from outside.
        raise ValidationError(
            _("The part after “@” must be a full domain name, like example.org."), code="invalid_domain"
        )
    normalized = f"{local.lower()}@{ascii_domain.lower()}"
    if len(normalized) > MAX_EMAIL_LENGTH:
        raise ValidationError(
            _("This email address is too long once its domain is encoded for sending."),
            code="max_length",
        )
    _validate_email(normalized)
    return normalized
