"""Property-based: whatever is posted or put in a link, the answer is a page, never a 500."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsletter.models import ConsentEvent, Subscriber

from .conftest import signup_data

# No lone surrogates: a browser can't send them, and the test client can't encode them.
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
fuzz_settings = settings(
    max_examples=60,
    deadline=None,
    database=None,  # no .hypothesis folder in the work tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def lenient_limits(settings):
    settings.NEWSLETTER_RATE_LIMITS = {"ip": (1_000_000, 3600)}


@fuzz_settings
@given(
    email=st.one_of(st.emails(), text),
    regions=st.lists(st.one_of(text, st.integers().map(str)), max_size=3),
    themes=st.lists(st.one_of(text, st.integers().map(str)), max_size=3),
    consent=st.sampled_from(["on", "", "yes", "false", "\x00"]),
    consent_version=st.one_of(st.just("1"), text),
    source=text,
    extra=st.dictionaries(text, text, max_size=3),
)
def test_sign_up_never_fails_with_a_server_error(
    client,
    newsletter_page,
    consent_text,
    lenient_limits,
    email,
    regions,
    themes,
    consent,
    consent_version,
    source,
    extra,
):
    data = {**extra, **signup_data(email, consent=consent, consent_version=consent_version, source=source)}
    data.update({"regions": regions, "themes": themes})
    before = (Subscriber.objects.count(), ConsentEvent.objects.count())
    response = client.post("/newsletter/subscribe/", data)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert (Subscriber.objects.count(), ConsentEvent.objects.count()) == before


@fuzz_settings
@given(token=text.filter(lambda t: t not in ("", ".", "..")))
def test_email_links_never_fail_with_a_server_error(client, home_page, consent_text, token):
    quoted = quote(token, safe="")
    for url in (f"/newsletter/confirm/{quoted}/", f"/newsletter/unsubscribe/{quoted}/"):
        assert client.get(url).status_code in (200, 400, 404)
        assert client.post(url).status_code in (200, 400, 404)
