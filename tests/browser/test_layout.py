"""Every page type fits a phone: nothing scrolls sideways, with images or without them."""

import pytest

from .conftest import watched_page

# One page of each type in the demo content.
PAGE_TYPES = {
    "home": "/",
    "standard": "/about/",
    "programme": "/iurc/",
    "programme strand": "/iuc/iuc-asia/",
    "region index": "/regions/",
    "region": "/regions/china/",
    "city index": "/cities/",
    "city": "/cities/rotterdam/",
    "pairing directory": "/pairings/",
    "pairing directory, searched": "/pairings/?q=Rotterdam",
    "pairing": "/pairings/milan-bangkok/",
    "news index": "/news/",
    "news article": "/news/circular-economy-in-cities/",
    "event index": "/events/",
    "event": "/events/iurc-online-info-session/",
    "newsletter": "/newsletter/",
    "search": "/search/?q=cooperation",
}

# The page's width beyond the window, and any box that hides a cut-off table or list behind its
# own scroll bar (a table in an overflow box "fits" the page but is cut off all the same).
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const boxes = [...document.querySelectorAll('main *, header *, footer *')]
        .filter(el => !el.closest('svg') && el.scrollWidth > el.clientWidth + 1
                && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
        .map(el => el.className || el.tagName);
    return {page: document.documentElement.scrollWidth - width, boxes};
}"""


def _images_fail(route):
    if route.request.resource_type == "image":
        route.abort()
    else:
        route.continue_()


@pytest.mark.parametrize("images", [True, False], ids=["images", "images-blocked"])
def test_no_page_scrolls_sideways_on_a_phone(browser, live_site, images):
    # Each page is loaded at 390 px, then the window narrowed to 320 px: the layout is computed
    # again for the new width, as on a phone turned or resized, without loading the page twice.
    context = browser.new_context(
        base_url=live_site, viewport={"width": 390, "height": 800}, is_mobile=True, locale="en-GB"
    )
    if not images:
        context.route("**/*", _images_fail)
    page = watched_page(context, live_site)
    problems = {}
    for name, path in PAGE_TYPES.items():
        page.set_viewport_size({"width": 390, "height": 800})
        response = page.goto(path)
        assert response is not None and response.ok, path
        for width in (390, 320):
            page.set_viewport_size({"width": width, "height": 800})
            overflow = page.evaluate(OVERFLOW)
            if overflow["page"] > 0 or overflow["boxes"]:
                problems[f"{name} at {width} px"] = overflow
    context.close()
    assert problems == {}


def test_the_overflow_check_sees_a_page_that_is_too_wide(browser, live_site):
    # Guards the guard: a wide element makes the check fail.
    context = browser.new_context(base_url=live_site, viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto("/about/")
    page.evaluate("document.querySelector('main p').style.width = '600px'")
    assert page.evaluate(OVERFLOW)["page"] > 0
    context.close()


def test_directory_rows_are_cards_on_a_phone(phone_page):
    page = phone_page
    page.goto("/pairings/")
    row = page.locator("main table tbody tr").first
    # Every column's name is shown next to its value, and the whole row fits the screen.
    labels = row.locator("td").evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)")
    assert '"EU side"' in labels and '"Partner side"' in labels and '"Region"' in labels
    box = row.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
