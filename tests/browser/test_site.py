"""What a visitor sees and does in a real browser."""

import pytest

from .conftest import VIEWPORTS, assert_accessible, save_screenshots


def test_home_page_is_accessible_and_tells_the_story(page, browser, live_site):
    page.goto("/")
    assert page.locator("h1").count() == 1
    assert "Rudolf Niessler" in page.locator("main").inner_text()
    assert_accessible(page)
    save_screenshots(browser, live_site, "/", "home", desktop=page)


@pytest.mark.parametrize("path, language", [("/es/", "es"), ("/zh-hans/", "zh-hans"), ("/fr/", "fr")])
def test_home_page_in_other_languages_is_accessible(page, browser, live_site, path, language):
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    save_screenshots(browser, live_site, path, f"home-{language}", desktop=page)


def test_language_switcher_keeps_the_visitor_on_the_same_page(page):
    page.goto("/news/from-iuc-lac-to-iurc/")
    switcher = page.locator("nav.language-switcher")
    switcher.locator("summary").click()
    switcher.locator("a[lang='es']").click()
    page.wait_for_url("**/es/news/**")
    assert page.locator("html").get_attribute("lang") == "es"
    assert "IUC-LAC" in page.locator("h1").inner_text()
    # A language the article is not translated into: its home page, and the list says so.
    page.locator("nav.language-switcher summary").click()
    korean = page.locator("nav.language-switcher li", has=page.locator("a[lang='ko']"))
    assert korean.locator("a").get_attribute("href") == "/ko/"
    assert (
        korean.locator(".language-switcher__note").inner_text()
        == "página de inicio: esta página no está traducida"
    )


@pytest.mark.parametrize("path", ["/about/", "/privacy/", "/accessibility/"])
def test_standard_pages_are_accessible(page, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_search_results_are_accessible(page, browser, live_site):
    page.goto("/")
    page.goto("/search/?q=programme")
    assert page.locator(".result").count() >= 1
    assert_accessible(page)
    page.goto("/search/?q=zzzznotfound")
    assert "No results" in page.locator("main").inner_text()
    assert_accessible(page)
    save_screenshots(browser, live_site, "/search/?q=cooperation", "search")


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto("/about/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.locator(".skip-link").is_visible()  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def tab_to(page, selector, limit=30):
    """Press Tab until the element matching `selector` has the focus; the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return presses
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab")


def test_main_menu_works_with_the_keyboard_alone(page):
    page.goto("/")
    first_item = page.locator(".main-nav__list a").first
    target = first_item.get_attribute("href")
    tab_to(page, f".main-nav__list a[href='{target}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    assert page.locator(".main-nav__list a[aria-current='page']").get_attribute("href") == target


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_keyboard_reaches_search_and_cities_from_any_page(browser, live_site, viewport):
    context = browser.new_context(base_url=live_site, viewport=VIEWPORTS[viewport], locale="en-GB")
    page = context.new_page()
    page.goto("/news/circular-economy-in-cities/")
    # Search first: a few presses of Tab from the top of the page.
    assert tab_to(page, "header input[type='search']") <= 4
    page.keyboard.type("Rotterdam")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Rotterdam")
    assert page.locator(".result").count() >= 1
    # Then the cities, from the menu.
    tab_to(page, "nav[aria-label='Main'] a[href='/cities/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cities/")
    assert page.locator("h1").inner_text() == "Cities and regions"
    context.close()


def test_both_programme_phases_are_in_the_menu_and_open_with_the_keyboard(page):
    page.goto("/about/")
    group = page.locator("nav[aria-label='Main'] details")
    assert group.locator("summary").inner_text() == "Programmes"
    assert not page.locator("nav[aria-label='Main'] a[href='/iuc/']").is_visible()
    tab_to(page, "nav[aria-label='Main'] summary")
    page.keyboard.press("Enter")
    phase_one = page.locator("nav[aria-label='Main'] a[href='/iuc/']")
    assert phase_one.is_visible() and "Phase I" in phase_one.inner_text()
    page.keyboard.press("Escape")  # closes the open group, like any drop-down
    assert not phase_one.is_visible()
    tab_to(page, "nav[aria-label='Main'] summary")
    page.keyboard.press("Enter")
    tab_to(page, "nav[aria-label='Main'] a[href='/iuc/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/iuc/")
    summary = page.locator("nav[aria-label='Main'] summary")
    assert summary.get_attribute("class") == "main-nav__summary--active"


def test_site_works_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    assert page.locator(".main-nav__list a").first.is_visible()
    page.locator("nav[aria-label='Main'] summary").click()  # the programmes open without a script
    assert page.locator("nav[aria-label='Main'] a[href='/iuc/']").is_visible()
    page.goto("/about/")
    page.fill("header input[type='search']", "pairings")
    page.locator("header button[type='submit']").click()
    page.wait_for_url("**/search/?q=pairings")
    page.goto("/search/?q=IURC")
    assert page.locator(".result").count() >= 1
    context.close()


def test_accessibility_check_catches_a_real_violation(page):
    # Guards the guard: if axe were not running, every check above would pass vacuously.
    from axe_playwright_python.sync_playwright import Axe

    page.goto("/about/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')")
    assert Axe().run(page).violations_count >= 1
