"""The pages in a real browser: Playwright for Python driving Debian's Chromium (never `playwright install`: its own
browser download is not reachable), axe-core from the npm registry injected into every page checked, and screenshots
of every page at 360 and 1,280 px under screenshots/ (kept out of git).

One Chromium serves every browser test (they live in test_browser.py); each test has a fresh context (cookies,
storage), which costs milliseconds. While Playwright runs, its event loop counts as running in this thread, so
Django would refuse the tests' own ORM calls as if they came from async code: DJANGO_ALLOW_ASYNC_UNSAFE is set for
as long as the browser is open, and only then.
"""

import os
import subprocess

import pytest

from tests.conftest import CHROMIUM, ROOT

AXE_CORE_VERSION = "4.14.1"
AXE_DIR = ROOT / ".cache" / f"axe-core-{AXE_CORE_VERSION}"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "screenshots"
WIDTHS = (360, 1280)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def axe_source() -> str:
    """axe-core's script, fetched once from the npm registry into .cache/ (pinned to AXE_CORE_VERSION)."""
    if not AXE_JS.exists():
        subprocess.run(["npm", "install", "--prefix", str(AXE_DIR), "--no-save", "--no-package-lock", "--no-audit",
                        "--no-fund", "--loglevel=error", f"axe-core@{AXE_CORE_VERSION}"],
                       check=True, timeout=300, capture_output=True)
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            # In Vietnamese, as the province's devices are: the browser draws its own controls (a date input's
            # dd/mm/yyyy, a file input's words) in its UI language, which headless Chromium takes from LANGUAGE
            # (with Debian's chromium-l10n; without it, English).
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, "--lang=vi"],
                                                  env={**os.environ, "LANGUAGE": "vi"})
            yield chromium
            chromium.close()


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


class Pages:
    """A browser tab on the live server, and the checks every page passes: a title, the page's language, no
    horizontal overflow, no serious or critical axe-core violation, no CSP violation, at 360 and 1,280 px; a
    full-page screenshot at each width."""

    def __init__(self, page, base_url: str, axe: str):
        self.page, self.base_url, self.axe = page, base_url, axe
        self.console_errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        self.shots: list[str] = []

    def go(self, path: str):
        return self.page.goto(self.base_url + path)

    def check(self, name: str) -> None:
        page = self.page
        problems = []
        assert page.title().strip(), f"{name}: the page has no title"
        assert page.get_attribute("html", "lang") in ("vi", "en"), f"{name}: no language on <html>"
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                problems.append(f"{width}px: the page is {overflow}px wider than the screen")
            for violation in self._axe():
                problems.append(f"{width}px: axe {violation['impact']} {violation['id']}: {violation['help']} "
                                f"at {violation['nodes']}")
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        csp = [text for text in self.console_errors if "Content Security Policy" in text]
        problems.extend(f"CSP: {text}" for text in csp)
        self.shots.append(name)
        assert not problems, f"{name}: " + "\n".join(problems)

    def _axe(self) -> list[dict]:
        # Evaluated through the DevTools protocol, which the page's CSP does not govern: the pages keep their CSP.
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(self.axe)
        return self.page.evaluate("""async () => {
            const results = await axe.run(document, {resultTypes: ['violations']});
            return results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }""")


@pytest.fixture
def pages(request, browser, axe, live_server):
    """A fresh browser context (no cookies) set up as the province's tablets and phones are, in Vietnamese (date
    inputs show dd/mm/yyyy, file inputs their Vietnamese words); `@pytest.mark.browser_locale("en-US")` gives a
    browser that prefers English, to show the pages still answer in Vietnamese until the visitor chooses."""
    marker = request.node.get_closest_marker("browser_locale")
    locale = marker.args[0] if marker else "vi-VN"
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = Pages(context.new_page(), live_server.url, axe)
    yield tab
    context.close()


def totp_code(key: bytes) -> str:
    """The code an authenticator app shows now for this secret (RFC 6238: 30-second steps, 6 digits)."""
    from django_otp.oath import totp

    return f"{totp(key):06d}"

