"""Browser tests: Playwright drives headless Chromium against a live server; every page
visited is scanned by axe-core (WCAG 2.1 A/AA rules, which RGAA 4.1 builds on)."""

import os

import pytest

from devtools.browser import LAUNCH_ARGS, executable_path

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=executable_path(), headless=True, args=LAUNCH_ARGS)
        yield instance
        instance.close()


class Visit:
    """Wraps a page: every URL the page lands on must be scanned by axe before the test ends,
    and no Content-Security-Policy violation may be reported by the browser."""

    def __init__(self, page, base_url):
        from axe_playwright_python.sync_playwright import Axe

        self.page = page
        self.base_url = base_url
        self.axe = Axe()
        self.visited: set[str] = set()
        self.scanned: set[str] = set()
        self.console_errors: list[str] = []
        page.on("framenavigated", lambda frame: frame == page.main_frame and self.visited.add(self._key(frame.url)))
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))

    @staticmethod
    def _key(url):
        return url.split("#")[0]

    def goto(self, path):
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def check(self, context=None):
        """Scan the current page with axe-core and fail on any violation."""
        self.page.wait_for_load_state("load")
        results = self.axe.run(self.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        assert results.violations_count == 0, (
            f"axe-core: {results.violations_count} violation(s) on {self.page.url}\n"
            + results.generate_report()
        )
        self.scanned.add(self._key(self.page.url))

    def finish(self):
        missing = self.visited - self.scanned - {"about:blank"}
        assert not missing, f"Pages visited but not scanned by axe-core: {sorted(missing)}"
        csp = [e for e in self.console_errors if "Content Security Policy" in e]
        assert not csp, f"CSP violations: {csp}"


@pytest.fixture
def new_visit(browser, live_server):
    """new_visit() -> a fresh browser context (another person), checked at teardown."""
    opened = []

    def make():
        context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15000)
        helper = Visit(page, live_server.url)
        opened.append((context, helper))
        return helper

    yield make
    try:
        for _, helper in opened:
            helper.finish()
    finally:
        for context, _ in opened:
            context.close()


@pytest.fixture
def visit(new_visit):
    return new_visit()


def login(visit, email, password):
    visit.goto("/compte/connexion/")
    visit.page.get_by_label("Adresse e-mail").fill(email)
    visit.page.get_by_label("Mot de passe").fill(password)
    visit.page.get_by_role("button", name="Se connecter", exact=True).click()
    visit.check()
