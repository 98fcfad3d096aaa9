"""Browser suite: a real Chromium (Debian's package) driven by Playwright against a live server.

The server is a separate process (`manage.py runserver`) on its own copy of the run's demo database
(tests.prepared), so the browser sees exactly what a visitor would after `make run`.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests import prepared

BASE_DIR = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = BASE_DIR / "tests" / "browser" / "screenshots"
# Debian's headless shell (package chromium-headless-shell) is the Chromium build Playwright itself
# runs headless: the same Blink engine without the desktop browser around it, half the CPU of
# `chromium --headless` for this suite. The full browser is the fallback.
CHROMIUM = (
    os.environ.get("CHROMIUM_PATH")
    or shutil.which("chromium-headless-shell")
    or shutil.which("chromium")
    or "/usr/bin/chromium"
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EDITOR = ("browser-editor", "a-long-random-test-password-4821")
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


# First: xdist reads the groups in its own hook of the same name.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    missing = not Path(CHROMIUM).exists()
    if missing and os.environ.get("REQUIRE_BROWSER"):
        raise pytest.UsageError(f"REQUIRE_BROWSER is set but Chromium was not found at {CHROMIUM}")
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            # Under xdist (`make test`) one worker runs them all, so the live site is built once.
            item.add_marker(pytest.mark.xdist_group("browser"))
            if missing:
                item.add_marker(
                    pytest.mark.skip(
                        reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium-headless-shell)"
                    )
                )


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, demo_sqlite_file):
    """Base URL of a running portal with the demo content."""
    workdir = tmp_path_factory.mktemp("live_site")
    shutil.copyfile(demo_sqlite_file, workdir / "browser.sqlite3")
    shutil.copytree(prepared.demo_media(), workdir / "media")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iurc_portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'browser.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "WAGTAILADMIN_BASE_URL": base_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONUNBUFFERED": "1",
    }
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    # The site's address, as `make run` sets it, and the editor's account (its password hashed
    # with this server's settings), in one process: each start of Django costs seconds.
    setup = (
        "from django.core.management import call_command; "
        "from django.contrib.auth import get_user_model; "
        "call_command('sync_site_address'); "
        f"get_user_model().objects.create_superuser({EDITOR[0]!r}, 'editor@example.org', {EDITOR[1]!r})"
    )
    subprocess.run(manage + ["shell", "-c", setup], env=env, cwd=BASE_DIR, check=True, timeout=600)
    log = open(workdir / "server.log", "w")  # noqa: SIM115 - closed after the server stops
    server = subprocess.Popen(
        manage + ["runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base_url + "/robots.txt", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"live server did not start; see {workdir / 'server.log'}") from None
                time.sleep(0.3)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser():
    # Module scope: Playwright's sync API keeps an event loop around while it lives, which would make
    # Django refuse database access in the non-browser tests that run after this module.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def watched_page(context, live_site):
    """A page that records Content Security Policy violations and requests to other hosts."""
    page = context.new_page()
    page.csp_violations = []
    page.external_requests = []
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            page.external_requests.append(request.url)
            if not request.url.startswith((live_site, "data:", "blob:"))
            else None
        ),
    )
    return page


def assert_clean(page):
    assert page.csp_violations == [], page.csp_violations
    assert page.external_requests == [], f"third-party requests: {page.external_requests}"


@pytest.fixture
def page(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport=VIEWPORTS["desktop"], locale="en-GB")
    page = watched_page(context, live_site)
    yield page
    assert_clean(page)
    context.close()


@pytest.fixture
def phone_page(browser, live_site):
    context = browser.new_context(
        base_url=live_site, viewport=VIEWPORTS["phone"], is_mobile=True, has_touch=True, locale="en-GB"
    )
    page = watched_page(context, live_site)
    yield page
    assert_clean(page)
    context.close()


def assert_accessible(page):
    """axe-core (shipped inside axe-playwright-python) finds no WCAG 2.1 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}},
    )
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def save_screenshots(browser, live_site, path, name, desktop=None):
    """Full-page screenshots at desktop and phone widths, for review (git-ignored folder).

    Each width is also checked: the page loads, and has no CSP violation or third-party request.
    `desktop`: the test's own desktop `page`, already showing `path`, photographed as it is rather
    than loaded again (the `page` fixture checks it for CSP violations and third-party requests)."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for label, viewport in VIEWPORTS.items():
        if desktop is not None and label == "desktop":
            desktop.screenshot(path=str(SCREENSHOT_DIR / f"{name}-{label}.png"), full_page=True)
            continue
        context = browser.new_context(base_url=live_site, viewport=viewport, locale="en-GB")
        shot = watched_page(context, live_site)
        response = shot.goto(path)
        assert response is not None and response.ok, f"{path} at {label} width"
        shot.screenshot(path=str(SCREENSHOT_DIR / f"{name}-{label}.png"), full_page=True)
        assert_clean(shot)
        context.close()
