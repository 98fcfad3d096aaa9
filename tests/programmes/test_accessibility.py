"""axe-core checks of the programme pages in a real Chromium (Debian's, via Playwright)."""

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]

PAGES = [
    "/pairings/",
    "/pairings/?region=atlantis&theme=circular-economy",
    "/pairings/?region=asia&programme=iuc",
    "/pairings/christchurch-malaga-vitoria-gasteiz/",
    "/regions/",
    "/regions/asia/",
    "/cities/",
    "/cities/christchurch/",
    "/iuc/",
]


@pytest.fixture
def browser_page(monkeypatch):
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright runs an event loop in this thread; Django's async-safety check would refuse the ORM.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        external = []
        page.on(
            "request",
            lambda r: (
                external.append(r.url) if "127.0.0.1" not in r.url and "localhost" not in r.url else None
            ),
        )
        page.external_requests = external
        yield page
        browser.close()


@pytest.mark.django_db(transaction=True)
def test_programme_pages_have_no_axe_violations_and_no_third_party_requests(live_server, world, browser_page):
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    axe = axe_module.Axe()
    for path in PAGES:
        browser_page.goto(live_server.url + path)
        # Open the map's table too, so it is checked.
        browser_page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        violations = axe.run(browser_page).response["violations"]
        assert violations == [], (path, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations])
    assert browser_page.external_requests == []
