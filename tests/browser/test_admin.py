"""The editors' admin still works under the Content Security Policy."""

from .conftest import EDITOR


def test_editor_can_log_in_and_open_the_page_editor_without_csp_violations(page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    page.goto("/admin/login/")
    page.fill("input[name=username]", EDITOR[0])
    page.fill("input[name=password]", EDITOR[1])
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto("/admin/pages/search/?q=About")
    page.locator("a[href*='/edit/']", has_text="About IURC").first.click()
    page.wait_for_selector("form#page-edit-form")
    page.wait_for_load_state("networkidle")
    # The editor's scripts ran: the StreamField UI rendered its blocks.
    assert page.locator("[data-streamfield-stream-container], .w-panel").count() > 0

    page.goto("/about/")  # a public page with the editors' userbar
    page.wait_for_load_state("networkidle")
    assert page.locator("wagtail-userbar, [data-wagtail-userbar]").count() > 0
    assert violations == []
