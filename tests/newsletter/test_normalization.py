import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from newsletter.normalization import normalize_email


@pytest.mark.parametrize(
    "typed",
    [
        "anna@example.org",
        "  Anna@Example.ORG ",
        "ANNA@EXAMPLE.ORG",
        "\tanna@example.org\n",
        "anna@EXAMPLE.org",
    ],
)
def test_case_and_whitespace_variants_share_one_key(typed):
    assert normalize_email(typed) == "anna@example.org"


def test_unicode_domain_is_idna_encoded_with_idna_2008_rules():
    assert normalize_email("leser@Bücher.Example") == "leser@xn--bcher-kva.example"
    # IDNA 2008 keeps "ß" (IDNA 2003, Python's built-in codec, would turn it into "ss").
    assert normalize_email("leser@faß.de") == "leser@xn--fa-hia.de"


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("", "Enter an email address"),
        ("   ", "Enter an email address"),
        ("no-at-sign.example.org", "valid email address"),
        ("@example.org", "valid email address"),
        ("anna@", "valid email address"),
        ("anna@exa mple.org", "spaces or invisible characters"),
        ("anna\x00@example.org", "spaces or invisible characters"),
        ("anna@example.org\r\nBcc: x@example.org", "spaces or invisible characters"),
        ("an\u202ena@example.org", "spaces or invisible characters"),  # bidi override
        ("an\u200bna@example.org", "spaces or invisible characters"),  # zero-width space
        ("ännä@example.org", "valid email address"),  # SMTPUTF8 local parts are refused
        ("anna@-example.org", "not a valid domain"),
        ("anna@example..org", "not a valid domain"),
        ("a" * 250 + "@example.org", "at most 254 characters"),
        ("anna@" + "ü" * 60 + ".example", "not a valid domain"),  # label over 63 once encoded
        ("a@localhost", "must be a full domain name"),  # no mail reaches it from outside
        ("anna@intranet.", "must be a full domain name"),
    ],
)
def test_bad_addresses_are_refused_with_a_clear_message(typed, fragment):
    with pytest.raises(ValidationError) as excinfo:
        normalize_email(typed)
    assert fragment in " ".join(excinfo.value.messages)


def test_an_address_too_long_only_once_encoded_is_refused():
    # 201 characters as typed, 273 once the domain labels are Punycode.
    typed = "a" * 60 + "@" + ".".join(["ü" * 10] * 12) + ".example"
    assert len(typed) < 254
    with pytest.raises(ValidationError) as excinfo:
        normalize_email(typed)
    assert "too long once its domain is encoded" in " ".join(excinfo.value.messages)


@settings(max_examples=300, database=None)
@given(st.text(max_size=300))
def test_any_text_either_normalises_to_a_stable_ascii_key_or_is_refused(text):
    try:
        key = normalize_email(text)
    except ValidationError:
        return
    assert key.isascii()
    assert key == key.lower() == key.strip()
    assert len(key) <= 254
    assert normalize_email(key) == key
