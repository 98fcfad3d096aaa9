"""What a visitor sees and does in a real browser."""

import pytest

from .conftest import assert_accessible, save_screenshots


def test_home_page_is_accessible_and_tells_the_story(page, browser, live_site):
    page.goto("/")
    assert page.locator("h1").count() == 1
    assert "Rudolf Niessler" in page.locator("main").inner_text()
    assert_accessible(page)
    save_screenshots(browser, live_site, "/", "home")


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


def test_main_menu_works_with_the_keyboard_alone(page):
    page.goto("/")
    # Tab past the skip link and the logo into the menu, then follow the first item with Enter.
    for _ in range(3):
        page.keyboard.press("Tab")
    first_item = page.locator(".main-nav__list a").first
    target = first_item.get_attribute("href")
    assert page.evaluate("document.activeElement.getAttribute('href')") == target
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    assert page.locator(".main-nav__list a[aria-current='page']").get_attribute("href") == target


def test_phone_menu_opens_and_closes_with_the_keyboard(phone_page):
    page = phone_page
    page.goto("/")
    toggle = page.locator("[data-menu-toggle]")
    menu = page.locator("#main-nav-list")
    assert toggle.is_visible() and not menu.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true" and menu.is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-menu-toggle')")


def test_site_works_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    assert page.locator(".main-nav__list a").first.is_visible()
    page.goto("/search/?q=IURC")
    assert page.locator(".result").count() >= 1
    context.close()


def test_accessibility_check_catches_a_real_violation(page):
    # Guards the guard: if axe were not running, every check above would pass vacuously.
    from axe_playwright_python.sync_playwright import Axe

    page.goto("/about/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')")
    assert Axe().run(page).violations_count >= 1
