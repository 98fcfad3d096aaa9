"""A visitor's main journeys through the portal, in a real browser."""

import re
import time

import pytest

from .conftest import assert_accessible, save_screenshots


def follow(page, selector):
    """Click the first visible link matching `selector` inside <main> and wait for the new page."""
    link = page.locator(f"main {selector}").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")
    return href


def test_home_to_region_to_city_to_pairing_to_article(page, browser, live_site):
    page.goto("/")
    region = follow(page, "a[href^='/regions/']:not([href='/regions/'])")
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    save_screenshots(browser, live_site, region, "region", desktop=page)

    city = follow(page, "a[href^='/cities/']:not([href='/cities/'])")
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    save_screenshots(browser, live_site, city, "city", desktop=page)

    pairing = follow(page, "a[href^='/pairings/']:not([href^='/pairings/?']):not([href='/pairings/'])")
    # Every member city of the pairing is linked from its page.
    assert page.locator("main a[href^='/cities/']").count() >= 2
    assert_accessible(page)
    save_screenshots(browser, live_site, pairing, "pairing", desktop=page)

    page.locator("nav[aria-label='Main'] a", has_text="News").first.click()
    page.wait_for_url("**/news/")
    assert_accessible(page)
    save_screenshots(browser, live_site, "/news/", "news-listing", desktop=page)
    article = follow(page, "a[href^='/news/']:not([href^='/news/?']):not([href^='/news/feed'])")
    assert re.search(r"\d+ minutes? read", page.locator("main").inner_text())
    assert_accessible(page)
    save_screenshots(browser, live_site, article, "article", desktop=page)


@pytest.mark.parametrize(
    "path",
    ["/regions/", "/cities/", "/pairings/", "/pairings/?q=Rotterdam", "/events/", "/newsletter/", "/about/"],
)
def test_listing_and_sign_up_pages_are_accessible(page, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    # Open disclosure widgets (map tables) so their content is checked too.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert_accessible(page)


def test_pairings_directory_filters_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, java_script_enabled=False)
    page = context.new_page()
    page.goto("/pairings/")
    total = page.locator("main table tbody tr").count()
    assert total >= 10
    page.fill("main input[name='q']", "Rotterdam")
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_url("**/pairings/?*q=Rotterdam*")
    rows = page.locator("main table tbody tr")
    assert 1 <= rows.count() < total
    assert "Rotterdam" in rows.first.inner_text()
    context.close()


def test_sign_up_through_the_footer_form(page):
    page.goto("/about/")
    footer = page.locator("footer")
    footer.locator("input[type='email']").fill("browser.reader@example.org")
    consent = footer.locator("input[name='consent']")
    if consent.count():
        consent.check()
    time.sleep(2.2)  # the form's time trap refuses anything sent faster than a person could
    footer.locator("button[type='submit']").first.click()
    page.wait_for_load_state()
    assert "check your inbox" in page.content().lower()
    assert page.url.split("#")[0].endswith("/about/")
    assert_accessible(page)


def test_desktop_and_phone_screenshots_of_busy_pages_load_cleanly(browser, live_site):
    for path, name in [("/pairings/", "pairings"), ("/events/", "events"), ("/newsletter/", "newsletter")]:
        save_screenshots(browser, live_site, path, name)
