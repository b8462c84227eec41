"""Fixtures for the web app's browser tests: a headless Chromium per test, API helpers and console checks.

The server is started by scripts/web-test.sh, which passes its address in COPILOTO_WEB_URL and the screenshot
folder in COPILOTO_TEST_OUTPUT.
"""
import json
import os
import pathlib
import urllib.error
import urllib.request

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ.get("COPILOTO_WEB_URL", "http://127.0.0.1:18080").rstrip("/")
OUTPUT = pathlib.Path(os.environ.get("COPILOTO_TEST_OUTPUT", ".build/test-output/web"))
PASSWORD = "demo1234"

# Endpoints the web app probes and hides when the server answers 404 (they are being added in parallel).
# Chrome logs every 404 response as a console error; these, and only these, are not counted as app errors.
OPTIONAL_ENDPOINTS = ("/v1/mentions", "/v1/assistant/suggestions", "/v1/usage", "/v1/assistant/quick")


def api(method, path, token=None, body=None, lang="pt-BR"):
    """Calls the JSON API directly; returns (status, parsed body)."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Accept-Language", lang)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=15) as res:
            text = res.read().decode()
            return res.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as err:
        text = err.read().decode()
        return err.code, (json.loads(text) if text.startswith("{") else text)


def token_for(email):
    status, body = api("POST", "/v1/auth/login", body={"email": email, "password": PASSWORD})
    assert status == 200, body
    return body["token"]


def make_driver(width=1440, height=900):
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}",
                "--lang=pt-BR", "--force-device-scale-factor=1"):
        opts.add_argument(arg)
    opts.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")), options=opts)
    # The exact viewport (a window size would include the browser's own frame).
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    return driver


class Browser:
    """A driver plus the helpers the tests share."""

    def __init__(self, driver):
        self.d = driver
        self.console = []

    def wait(self, timeout=15):
        return WebDriverWait(self.d, timeout, ignored_exceptions=[StaleElementReferenceException])

    def css(self, selector):
        return self.d.find_element(By.CSS_SELECTOR, selector)

    def all(self, selector):
        return self.d.find_elements(By.CSS_SELECTOR, selector)

    def until_css(self, selector, timeout=15, visible=True):
        cond = EC.visibility_of_element_located if visible else EC.presence_of_element_located
        return self.wait(timeout).until(cond((By.CSS_SELECTOR, selector)))

    def sign_in(self, email, route="#/"):
        """Signs in through the API and hands the token to the app (sessionStorage), then opens `route`."""
        token = token_for(email)
        # Set the token from a page of the same origin that is not the app, so the app only ever boots with the new
        # user (switching inside a running app would let its pages fetch with one user's state and another's token).
        self.d.get(BASE + "/healthz")
        self.d.execute_script("sessionStorage.setItem('copiloto.token', arguments[0]);"
                              "localStorage.removeItem('copiloto.lang');", token)
        self.d.get(BASE + "/" + route)
        self.until_css("cp-app-header [data-user-name]", visible=False)
        return token

    def shot(self, name):
        OUTPUT.mkdir(parents=True, exist_ok=True)
        self.d.save_screenshot(str(OUTPUT / f"{name}.png"))

    def open_copilot(self):
        self.css("cp-copilot-fab button").click()
        return self.until_css("cp-copilot .copilot [data-composer-input]")

    def say(self, text):
        box = self.until_css("[data-composer-input]")
        box.send_keys(text)
        box.send_keys("\n")

    def wait_reply_done(self, timeout=20):
        """Waits until the newest assistant reply finished streaming (the send button is back)."""
        self.wait(timeout).until(lambda d: not d.execute_script(
            "return document.querySelector('cp-chat-log')?.hasAttribute('aria-busy')"))

    def record_requests(self):
        """Wraps window.fetch so the test can read the JSON bodies the app POSTs."""
        self.d.execute_script("""
          if (window.__sent) return;
          window.__sent = [];
          const original = window.fetch;
          window.fetch = (url, init = {}) => {
            if (init.body) { try { window.__sent.push({ url: String(url), body: JSON.parse(init.body) }); } catch (e) {} }
            return original(url, init);
          };""")

    def sent(self, fragment):
        return [r["body"] for r in self.d.execute_script("return window.__sent || []") if fragment in r["url"]]

    def app_errors(self):
        """Console errors other than the expected 404s of optional endpoints."""
        self.console += self.d.get_log("browser")
        return [e for e in self.console if e["level"] == "SEVERE"
                and not any(p in e["message"] and "404" in e["message"] for p in OPTIONAL_ENDPOINTS)]


@pytest.fixture
def browser(request):
    b = Browser(make_driver())
    yield b
    try:
        if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
            b.shot(f"FAILED-{request.node.name}")
    finally:
        b.d.quit()


@pytest.fixture
def phone():
    b = Browser(make_driver(375, 812))
    yield b
    b.d.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)
