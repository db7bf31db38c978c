#!/usr/bin/env python3
"""Browser test of the staff pages (issue 11): Selenium with headless Chromium against a real
`osteodoc serve` on loopback, printing to a real CUPS queue (Debian's cups-pdf).

    python3 scripts/browser_check.py BIN [--screenshots DIR]

BIN is the `osteodoc` program (`BIN serve` runs the server). The script makes a temp data folder
(`serve --init`), sets `secure-cookies = false` (plain http on loopback) and the printers to the
CUPS queue `osteodoc-pdf`, creates one account per role through the JSON API and posts two plans
(the example patient Rossi today, with its outcome; Müller, German-speaking, tomorrow). Then, in
the browser, through the pages' own forms:

  login        each role lands on its page; a wrong password is refused on /login
  axe          axe-core: no serious or critical violation on every page reached
  labels       every visible input and select has a <label for>, every button a name
  keyboard     the first Tab focuses the skip link, which moves the focus to <main>; every element
               the keyboard reaches shows its focus (outline or box-shadow)
  zoom         1280 px at 200 % (640 CSS px): no horizontal scrolling of the page (a table that is
               the only cause is reported, not failed)
  desk         search by family name ("mül"), record number and date (DD/MM/YYYY), posted (the URL
               never holds the search text); today's table
  preview      a PDF, and nothing issued
  print        consent in Italian, then in German, to osteodoc-pdf: the notice names the job; the PDF
               cups-pdf writes has the issued document's page count and, on every page, its QR code
               OSTEODOC:<id>:<page>/<pages>; printing again is a reprint in the history
  download     the preparation sheet through "Scarica PDF"
  scan         a filled-in scan (make-test-scan.py) uploaded through the page reads as complete;
               one missing its last page and holding a page of another document is flagged
  ward         discharge sheet printed → "stampato, da consegnare" → handed over → "consegnato"
  translator   languages with counts and previews, the side-by-side page, no patient's name, 403 on
               the front desk
  admin        an account created through the form; the printer shown as ready
  language     German login page and front desk

Prints one line per check (`browser: ok … [seconds]` / `browser: FAIL …: why`) and a summary line
`browser: N checks, M failed`; exit status 1 when a check failed (then the temp folders and the
files cups-pdf wrote are kept for a look). With --screenshots DIR, full-page PNGs (1280 px wide) of
the main pages: 01-login.png … 08-desk-de.png. Takes about 2.5 minutes on 2 cores, most of it
making and reading the two scans; a run started in the last 3 minutes before midnight in Rome
waits for it to pass (the desk and the ward list "today" by the facility's clock).

Needs: chromium and chromium-driver (CHROMIUM, CHROMEDRIVER override the paths), CUPS running
with the queue osteodoc-pdf (cups-pdf: scripts/cups-test-printers.sh), poppler-utils, zbar-tools,
PyPI selenium, axe-selenium-python, Pillow.
"""
import argparse
import base64
import datetime
import glob
import http.client
import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zoneinfo

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRINTER = "osteodoc-pdf"
ZONE = zoneinfo.ZoneInfo("Europe/Rome")
EXAMPLE = json.load(open(os.path.join(ROOT, "examples/plan.json"), encoding="utf-8"))
ROSSI = EXAMPLE["planId"]
MUELLER = ROSSI + "-B"
MUELLER_MRN = "0004471999"
ACCOUNTS = {  # role: (name, password)
    "front-desk": ("banco.anna", "prova-accettazione-2026"),
    "ward": ("reparto.luca", "prova-reparto-2026-x"),
    "translator": ("traduce.eva", "prova-traduzioni-2026"),
    "administrator": ("capo.sara", "prova-amministra-2026"),
}
HOMES = {"front-desk": "/desk", "ward": "/ward", "translator": "/translations", "administrator": "/admin"}
WIDE = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
# 1280 device pixels at 200 %: a 640 CSS px viewport.
ZOOMED = {"width": 640, "height": 450, "deviceScaleFactor": 2, "mobile": False}


class CheckFailed(Exception):
    pass


def expect(condition, why):
    if not condition:
        raise CheckFailed(why)


class Report:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, what):
        self.count += 1
        print(f"browser: ok {what}", flush=True)

    def fail(self, what, why):
        self.count += 1
        self.failed += 1
        why = " ".join(str(why).split("Stacktrace:")[0].split())  # selenium's messages end in a C++ stack
        print(f"browser: FAIL {what}: {why[:600]}", flush=True)

    def check(self, what, function, *args):
        """Runs one check; its return value (a string) is added to the ok line. Never raises."""
        started = time.time()
        try:
            note = function(*args)
        except CheckFailed as e:
            self.fail(what, e)
            return False
        except Exception as e:  # a check that crashed is a failed check, and the others still run
            self.fail(what, f"{type(e).__name__}: {e}")
            return False
        self.ok(what + (f" ({note})" if note else "") + f" [{time.time() - started:.1f} s]")
        return True


# --- the server (as scripts/server_check.py starts it) -------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`osteodoc serve` on a temp data folder (made by --init) and a loopback port."""

    def __init__(self, binary):
        self.binary = binary
        self.data = tempfile.mkdtemp(prefix="osteodoc-browser-")
        self.port = free_port()
        self.env = dict(os.environ, OSTEODOC_RESOURCES=os.environ.get("OSTEODOC_RESOURCES", ROOT))
        self.process = None
        self.log = open(os.path.join(self.data, "server.log"), "ab")

    def init(self):
        out = subprocess.run([self.binary, "serve", "--init", "--data", self.data], env=self.env,
                             check=True, capture_output=True, text=True).stdout
        self.password = re.search(r"Password \(shown once, write it down\): (\S+)", out).group(1)
        self.token = re.search(r"API token for the planning core .*: (\S+)", out).group(1)
        path = os.path.join(self.data, "osteodoc.toml")
        with open(path, encoding="utf-8") as f:
            toml = f.read()
        toml, n1 = re.subn(r"(?m)^secure-cookies = true$", "secure-cookies = false", toml)
        toml, n2 = re.subn(r'(?m)^# consent = ""$', f'consent = "{PRINTER}"', toml)
        toml, n3 = re.subn(r'(?m)^# discharge = ""$', f'discharge = "{PRINTER}"', toml)
        if (n1, n2, n3) != (1, 1, 1):
            raise SystemExit(f"browser: FAIL set-up: osteodoc.toml made by --init has changed ({n1}, {n2}, {n3})")
        with open(path, "w", encoding="utf-8") as f:
            f.write(toml)
        return self

    def start(self):
        self.process = subprocess.Popen([self.binary, "serve", "--data", self.data, "--port", str(self.port)],
                                        env=self.env, stdout=self.log, stderr=self.log)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if self.request("GET", "/health")[0] == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                raise SystemExit("browser: FAIL set-up: the server exited at start; see " + self.log.name)
            time.sleep(0.1)
        raise SystemExit("browser: FAIL set-up: the server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def request(self, method, path, body=None, headers=None, timeout=60):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        h = dict(headers or {})
        if body is not None and not isinstance(body, bytes):
            body = body.encode("utf-8")
            h.setdefault("Content-Type", "application/json")
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, data, dict(r.getheaders())

    def api_login(self, name, password):
        status, body, headers = self.request("POST", "/api/v1/login", json.dumps({"name": name, "password": password}))
        expect(status == 200, f"API login of {name}: {status} {body[:200]!r}")
        return {"Cookie": headers["Set-Cookie"].split(";")[0], "X-CSRF-Token": json.loads(body)["csrfToken"]}

    def post_plan(self, plan):
        return self.request("POST", "/api/v1/plans", json.dumps(plan), {"Authorization": "Bearer " + self.token})


def moved(timestamp, days):
    """An ISO date-time moved by `days` days, its time and offset kept."""
    return (datetime.datetime.fromisoformat(timestamp) + datetime.timedelta(days=days)).isoformat()


def plans(today):
    """Rossi (the example, outcome and all) on `today`; Müller, German-speaking, without outcome, tomorrow."""
    rossi = json.loads(json.dumps(EXAMPLE))
    shift = (today - datetime.date.fromisoformat(EXAMPLE["procedure"]["scheduledStart"][:10])).days
    rossi["procedure"]["scheduledStart"] = f"{today.isoformat()}T09:30:00+01:00"
    # The outcome moves with the procedure (performed and discharged the same day).
    for key in ("performedStart", "performedEnd", "dischargeAt"):
        rossi["outcome"][key] = moved(rossi["outcome"][key], shift)
    mueller = json.loads(json.dumps(rossi))
    mueller["planId"] = MUELLER
    mueller["patient"].update({"familyName": "Müller", "givenName": "Anna", "mrn": MUELLER_MRN, "language": "de"})
    mueller["patient"].pop("fiscalCode", None)  # Rossi's would not be Anna Müller's
    mueller["procedure"]["scheduledStart"] = f"{(today + datetime.timedelta(days=1)).isoformat()}T09:30:00+01:00"
    del mueller["outcome"]
    return rossi, mueller


# --- PDF oracles (poppler, zbar) -----------------------------------------------------------

def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"(?m)^Pages:\s+(\d+)", out).group(1))


def qr_codes(path, folder):
    """The QR payloads of each page of a PDF, rasterized at 150 dpi (a list per page)."""
    prefix = os.path.join(folder, os.path.basename(path) + "-page")
    subprocess.run(["pdftoppm", "-r", "150", "-png", path, prefix], check=True, capture_output=True)
    pages = sorted(glob.glob(prefix + "-*.png"), key=lambda p: int(re.search(r"-(\d+)\.png$", p).group(1)))
    codes = []
    for page in pages:
        out = subprocess.run(["zbarimg", "--raw", "-q", page], capture_output=True, text=True).stdout
        codes.append([line for line in out.splitlines() if line])
        os.remove(page)
    return codes


JOBS = []  # the print jobs this run sent, whose files it removes at the end


def cups_pdf_patterns(job):
    """Where cups-pdf's `Out ${HOME}/PDF` puts job `<queue>-<n>`: the home in the password database of
    the job's user (the server runs as the user running this script); anonymous jobs: /var/spool/cups-pdf."""
    number = job.rsplit("-", 1)[-1]
    homes = {pwd.getpwuid(os.getuid()).pw_dir, os.path.expanduser("~")}
    return [os.path.join(h, "PDF", f"*job_{number}.pdf") for h in sorted(homes)] + [f"/var/spool/cups-pdf/*/*job_{number}.pdf"]


def remove_cups_pdf_files(since):
    for job in JOBS:
        for pattern in cups_pdf_patterns(job):
            for path in glob.glob(pattern):
                if os.path.getmtime(path) >= since - 1:
                    os.remove(path)


def wait_for_cups_pdf(job, since, timeout=60):
    """The file cups-pdf writes for job `osteodoc-pdf-<n>` (`…job_<n>.pdf` in ~/PDF), once it stopped growing."""
    patterns = cups_pdf_patterns(job)
    pattern = " or ".join(patterns)
    deadline, last = time.time() + timeout, None
    while time.time() < deadline:
        found = [p for g in patterns for p in glob.glob(g) if os.path.getmtime(p) >= since - 1]
        if found:
            size = os.path.getsize(found[0])
            if size > 0 and last == (found[0], size):
                return found[0]
            last = (found[0], size)
        time.sleep(0.5)
    raise CheckFailed(f"cups-pdf wrote no {pattern} within {timeout} s (see /var/log/cups/cups-pdf*_log)")


# --- the browser ---------------------------------------------------------------------------

def driver(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--lang=it-IT", "--force-color-profile=srgb", "--hide-scrollbars", "--font-render-hinting=none"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads, "download.prompt_for_download": False,
        "plugins.always_open_pdf_externally": True, "intl.accept_languages": "it-IT,it"})
    browser = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    browser.set_page_load_timeout(90)
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", WIDE)
    return browser


class Staff:
    """The browser and what the checks do with it."""

    def __init__(self, server, browser, screenshots, work):
        self.server = server
        self.b = browser
        self.base = f"http://127.0.0.1:{server.port}"
        self.screenshots = screenshots
        self.work = work
        self.downloads = os.path.join(work, "downloads")
        self.labels_checked = []

    # navigation
    def get(self, path):
        self.b.get(self.base + path)
        self.ready()
        self.settled()

    def settled(self, timeout=10):
        """Waits until the document stops being replaced: in CI Chromium sometimes swapped the
        document once more just after load, and an element found in between "does not belong to
        the document" when used."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                first = self.b.find_element(By.TAG_NAME, "html").id
                time.sleep(0.15)
                if self.b.find_element(By.TAG_NAME, "html").id == first and \
                        self.b.execute_script("return document.readyState") == "complete":
                    return
            except WebDriverException:
                time.sleep(0.15)

    def ready(self):
        WebDriverWait(self.b, 60).until(lambda b: b.execute_script("return document.readyState") == "complete")

    def path(self):
        return urllib.parse.urlsplit(self.b.current_url).path

    def query(self):
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.b.current_url).query)

    def submit(self, button, timeout=120):
        """Clicks a submit button and waits for the page that answers."""
        page = self.b.find_element(By.TAG_NAME, "html")
        button.click()
        try:
            WebDriverWait(self.b, timeout).until(expected_conditions.staleness_of(page))
        except TimeoutException:
            raise CheckFailed(f"no new page {timeout} s after pressing {button.text!r}")
        self.ready()
        self.settled()

    def one(self, css, within=None):
        found = (within or self.b).find_elements(By.CSS_SELECTOR, css)
        expect(found, f"no element {css!r} on {self.path()}")
        return found[0]

    def all(self, css, within=None):
        return (within or self.b).find_elements(By.CSS_SELECTOR, css)

    def text(self, css="body", within=None):
        """An element's text. A read is safe to repeat: when Chromium replaced the document between
        finding the element and reading it (see `settled`), it is found again in the new one."""
        if within is not None:  # an element of the old document cannot be found again
            return self.one(css, within).text
        return self.read(lambda: self.one(css).text)

    def read(self, function):
        """`function()`, which only reads the page: run again on the new document when Chromium
        replaced the document while it was being read (as `text` does for one element)."""
        for attempt in range(3):
            try:
                return function()
            except WebDriverException as e:
                if attempt == 2 or not replaced_document(e):
                    raise
                self.settled()

    def h1(self):
        return self.text("h1")

    def notice(self):
        return " | ".join(e.text for e in self.all("main .notice"))

    # the session cookie, for urllib
    def cookie(self):
        return "; ".join(f"{c['name']}={c['value']}" for c in self.b.get_cookies())

    def fetch(self, path):
        return self.server.request("GET", path, headers={"Cookie": self.cookie()})

    # sessions
    def login_form(self, name, password):
        def fill():
            self.one("#name").send_keys(name)
            self.one("#password").send_keys(password)
            return self.one('form[action="/login"] button[type=submit]')
        self.submit(fill_in(self, "/login", 3, fill))

    def log_in(self, role, fresh=True):
        if fresh:
            self.b.delete_all_cookies()
        name, password = ACCOUNTS[role]
        self.login_form(name, password)
        expect(self.path() == HOMES[role], f"{name} ({role}) landed on {self.b.current_url}, not {HOMES[role]}")
        expect(name in self.text("header"), "the header does not name the account")

    # the audits made on every page reached
    def axe(self, page):
        axe = Axe(self.b)
        axe.inject()
        results = axe.run()
        bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        notes = []
        for v in [v for v in bad if v["id"] == "dlitem" and self.grouped_dl_items(v)]:
            # axe-core 3.1.1 (bundled with axe-selenium-python 2.1.6) does not know that HTML lets a
            # <div> group a <dt> and its <dd> in a <dl>; axe-core 4 accepts it. Only that is let through.
            bad.remove(v)
            version = self.b.execute_script("return axe.version")
            notes.append(f"dlitem on {len(v['nodes'])} <dl><div><dt|dd> ignored: a false positive of axe-core {version}")
        details = []
        for v in bad:
            targets = ", ".join(" ".join(n.get("target", [])) for n in v["nodes"][:4])
            details.append(f"{v['id']} [{v['impact']}] ({v['help']}) on {len(v['nodes'])} element(s): {targets}")
        expect(not bad, "; ".join(details))
        minor = sorted({f"{v['id']}[{v.get('impact')}]" for v in results["violations"] if v.get("impact") not in ("serious", "critical")})
        return "; ".join([f"{len(results['passes'])} rules passed"] + ([f"minor: {', '.join(minor)}"] if minor else []) + notes)

    def grouped_dl_items(self, violation):
        """Every node of the violation is a <dt> or <dd> in a plain <div> directly in a <dl>."""
        targets = [n["target"][-1] for n in violation["nodes"] if n.get("target")]
        return bool(targets) and len(targets) == len(violation["nodes"]) and self.b.execute_script("""
            return arguments[0].every(css => { const e = document.querySelector(css);
                return e && ['DT', 'DD'].includes(e.tagName) && e.parentElement.tagName === 'DIV'
                    && !e.parentElement.hasAttribute('role') && e.parentElement.parentElement.tagName === 'DL'; });""", targets)

    def unlabelled(self):
        return self.b.execute_script("""
            const out = [];
            const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                                   return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
            for (const e of document.querySelectorAll('input, select, textarea')) {
                if (e.type === 'hidden' || !visible(e)) continue;
                const label = e.id && document.querySelector('label[for="' + CSS.escape(e.id) + '"]');
                if (!label || !label.textContent.trim()) out.push(e.outerHTML.slice(0, 100));
            }
            for (const e of document.querySelectorAll('button, a[href]')) {
                if (!visible(e) && !e.classList.contains('skip')) continue;
                if (!(e.textContent.trim() || e.getAttribute('aria-label'))) out.push(e.outerHTML.slice(0, 100));
            }
            return out;""")

    def overflow(self):
        """At the current viewport: (scrollWidth, innerWidth, the outermost elements sticking out, all in tables?)."""
        return self.b.execute_script("""
            const W = window.innerWidth, sw = document.documentElement.scrollWidth;
            const out = [];
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                              (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
            for (const e of document.body.querySelectorAll('*')) {
                const r = e.getBoundingClientRect();
                if (r.width === 0 || r.right <= W + 1) continue;
                if (e.closest('.visually-hidden, .skip')) continue;
                const p = e.parentElement;
                const pr = p ? p.getBoundingClientRect() : null;
                if (p && p !== document.body && pr.right > W + 1) continue;  // its parent is reported
                const section = e.closest('section[aria-labelledby], article, form');
                out.push({what: (section && section !== e ? name(section) + ' ' : '') + name(e) +
                                ' (' + Math.round(r.right) + ' px)', table: !!e.closest('table')});
            }
            return [sw, W, out];""")

    def zoom(self, page):
        self.b.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", ZOOMED)
        try:
            time.sleep(0.2)
            scroll_width, width, out = self.overflow()
        finally:
            self.b.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", WIDE)
        expect(width == 640, f"the emulated viewport is {width} CSS px, not 640")
        if scroll_width <= width + 1:
            return ""
        culprits = ", ".join(o["what"] for o in out) or "(no single element)"
        expect(out and all(o["table"] for o in out), f"the page scrolls sideways: {scroll_width} > {width} CSS px; caused by {culprits}")
        return f"tables exempt: page {scroll_width} px wide because of {culprits}"

    def audit(self, page, zoom=True, axe=True, layout=True):
        """axe, labels and (on main pages) 200 % zoom of the page in the browser now."""
        if axe:
            report.check(f"axe {page}: no serious or critical violation", self.axe, page)
        bad = self.unlabelled()
        if bad:
            report.fail(f"labels {page}", "controls without a <label for> or a name: " + "; ".join(bad))
        elif not layout:
            self.labels_checked.append(page + " [not the staff layout: no header, no language switch]")
        elif not self.all('header form[action="/language"] select#ui-language[name="lang"]'):
            report.fail(f"language switch {page}", "no interface language switch in the header")
        else:
            self.labels_checked.append(page)
        if zoom:
            report.check(f"zoom 200% {page}: no horizontal scrolling", self.zoom, page)

    def screenshot(self, name):
        if not self.screenshots:
            return
        try:
            metrics = self.b.execute_cdp_cmd("Page.getLayoutMetrics", {})
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            shot = self.b.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": 1280, "height": max(900, int(size["height"])), "scale": 1}})
            with open(os.path.join(self.screenshots, name), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        except Exception as e:
            report.fail(f"screenshot {name}", f"{type(e).__name__}: {e}")


report = Report()


# --- the checks ----------------------------------------------------------------------------

def set_up(server, today):
    server.init().start()
    admin = server.api_login("admin", server.password)
    for role, (name, password) in ACCOUNTS.items():
        status, body, _ = server.request("POST", "/api/v1/accounts",
                                         json.dumps({"name": name, "role": role, "password": password}), admin)
        expect(status in (200, 201), f"account {name}: {status} {body[:200]!r}")
    for plan in plans(today):
        status, body, _ = server.post_plan(plan)
        expect(status in (200, 201), f"plan {plan['planId']}: {status} {body[:300]!r}")
    return f"accounts for {len(ACCOUNTS)} roles, plans {ROSSI} ({today.isoformat()}) and {MUELLER} (tomorrow); port {server.port}"


def check_login_page(s):
    s.b.delete_all_cookies()
    s.get("/login")
    expect(s.h1() == "Accesso", f"the login page's heading is {s.h1()!r}")
    expect(s.b.execute_script("return document.documentElement.lang") == "it", "the login page is not in Italian")
    for css in ("#name", "#password", 'input[type=hidden][name=csrf]', "#ui-language"):
        s.one(css)
    return ""


def check_wrong_password(s):
    s.b.delete_all_cookies()
    s.login_form(ACCOUNTS["front-desk"][0], "not-the-password-at-all")
    expect(s.path() == "/login", f"a wrong password went to {s.b.current_url}")
    expect("errati" in s.notice(), f"no error shown: {s.notice()!r}")
    expect(s.one("main .notice.error").get_attribute("role") == "alert", "the error is not role=alert")
    return f"error shown: {s.notice()!r}"


def check_keyboard(s):
    s.get("/desk")
    s.b.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    actions = ActionChains(s.b)
    actions.send_keys(Keys.TAB).perform()
    first = s.b.switch_to.active_element
    expect(first.text.strip() == "Vai al contenuto" and "skip" in (first.get_attribute("class") or ""),
           f"the first Tab focuses {first.get_attribute('outerHTML')[:120]!r}, not the skip link")
    box = s.b.execute_script("const r = document.activeElement.getBoundingClientRect(); return [r.left, r.top, r.width, r.height];")
    expect(box[0] >= 0 and box[1] >= 0 and box[2] > 0, f"the focused skip link is off screen ({box})")
    actions.send_keys(Keys.ENTER).perform()
    time.sleep(0.2)
    target = s.b.execute_script("return document.activeElement.id")
    expect(target == "main", f"following the skip link focuses #{target}, not #main")
    return "the first Tab focuses the skip link; Enter moves the focus to <main>"


def focus_style_problems(s, path):
    """Tabs through the whole page: every element reached must show its focus."""
    s.get(path)
    s.b.execute_script("document.activeElement && document.activeElement.blur();")
    seen, problems = [], []
    for _ in range(80):
        ActionChains(s.b).send_keys(Keys.TAB).perform()
        info = s.b.execute_script("""
            const e = document.activeElement; if (!e || e === document.body) return null;
            const s = getComputedStyle(e);
            return {key: e.outerHTML.slice(0, 90), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0,
                    shadow: s.boxShadow, tag: e.tagName};""")
        if info is None or (seen and info["key"] == seen[0]):
            break
        seen.append(info["key"])
        visible = (info["outline"] != "none" and info["width"] > 0) or (info["shadow"] not in ("none", ""))
        if not visible:
            problems.append(info["key"])
    return seen, problems


def check_focus_visible(s, path):
    seen, problems = focus_style_problems(s, path)
    expect(len(seen) >= 3, f"Tab reached only {len(seen)} element(s) on {path}")
    expect(not problems, f"focus not visible (no outline, no box-shadow) on: {problems}")
    return f"{len(seen)} elements reached by Tab on {path}, each with a visible focus"


def desk_rows(s, section):
    return s.read(lambda: [(r.find_element(By.CSS_SELECTOR, "th a").text, r.find_element(By.CSS_SELECTOR, "th a").get_attribute("href"))
                           for r in s.all(f'section[aria-labelledby="{section}"] tbody tr')])


def check_desk(s):
    s.get("/desk")
    expect(s.h1() == "Accettazione", f"heading {s.h1()!r}")
    today = [name for name, _ in desk_rows(s, "today")]
    tomorrow = [name for name, _ in desk_rows(s, "tomorrow")]
    expect(any("Rossi" in n for n in today), f"Rossi not in today's table: {today}")
    expect(any("Müller" in n for n in tomorrow), f"Müller not in tomorrow's table: {tomorrow}")
    expect(not any("Müller" in n for n in today), "Müller is listed today")
    return f"today: {today}; tomorrow: {tomorrow}"


def search(s, query):
    def fill():
        field = s.one("#q")
        field.clear()
        field.send_keys(query)
        return s.one('form[action="/desk"] button[type=submit]')
    s.submit(fill_in(s, "/desk", 3, fill))
    # Posted: the family name, record number or date stays out of the URL (history, proxy logs).
    expect(s.path() == "/desk" and not s.query(), f"the search went to {s.b.current_url}")
    expect(urllib.parse.quote(query) not in s.b.current_url and query not in s.b.current_url,
           f"the search text is in the URL {s.b.current_url}")
    expect(s.read(lambda: s.one("#q").get_attribute("value")) == query, "the results page keeps the search text in the field")
    return [name for name, _ in desk_rows(s, "results")]


def check_search(s, query, wanted, unwanted=None):
    found = search(s, query)
    expect(any(wanted in n for n in found), f"{wanted} not found by {query!r}: {found}")
    if unwanted:
        expect(not any(unwanted in n for n in found), f"{unwanted} found by {query!r}: {found}")
    return f"{query!r} → {found}"


def check_open_from_today(s):
    s.get("/desk")
    link = s.one(f'section[aria-labelledby="today"] a[href="/patients/{ROSSI}"]')
    link.click()
    WebDriverWait(s.b, 30).until(lambda b: urllib.parse.urlsplit(b.current_url).path == f"/patients/{ROSSI}")
    s.ready()
    expect("Rossi" in s.h1(), f"the patient page's heading is {s.h1()!r}")
    for kind in ("preparation", "consent", "discharge"):
        s.one(f"#doc-{kind}")
    for css in ("#consent-lang", "#consent-second", "#consent-printer"):
        s.one(css)
    lang = Select(s.one("#consent-lang")).first_selected_option.get_attribute("value")
    expect(lang == "it", f"the consent's language is preset to {lang!r}, not the patient's (it)")
    return "h1 " + repr(s.h1())


def card_form(s, kind):
    return s.one(f'article[aria-labelledby="doc-{kind}"] form.issue')


def new_download(s, before, timeout=60):
    """The PDF that appeared in the download folder (Chromium renames its .crdownload when done); None after `timeout`."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        new = sorted(n for n in set(os.listdir(s.downloads)) - before if n.endswith(".pdf"))
        if new and os.path.getsize(os.path.join(s.downloads, new[0])) > 0:
            return os.path.join(s.downloads, new[0])
        time.sleep(0.3)
    return None


def check_preview(s):
    s.get(f"/patients/{ROSSI}")
    form = card_form(s, "consent")
    button = s.one('button[value="preview"]', form)
    expect(button.get_attribute("formtarget") == "_blank", "the preview does not open in a new tab")
    # What the browser sends for this button (FormData with its submitter), for urllib below.
    query = s.b.execute_script("return new URLSearchParams(new FormData(arguments[0], arguments[1])).toString()", form, button)
    main, before = s.b.current_window_handle, set(s.b.window_handles)
    downloaded = set(os.listdir(s.downloads))
    button.click()
    # Chromium saves the PDF (plugins.always_open_pdf_externally) from the tab it opened.
    got = new_download(s, downloaded)
    for handle in set(s.b.window_handles) - before:
        s.b.switch_to.window(handle)
        s.b.close()
    s.b.switch_to.window(main)
    expect(got, "pressing Anteprima gave no PDF within 60 s")
    with open(got, "rb") as f:
        expect(f.read(5) == b"%PDF-", f"{os.path.basename(got)} is not a PDF")
    expect((button.get_attribute("formmethod") or "post").lower() == "post" and form.get_attribute("method").lower() == "post",
           "the preview is not posted: its CSRF token would land in the URL")
    status, body, headers = s.server.request("POST", f"/patients/{ROSSI}/preview", body=query.encode(),
                                             headers={"Cookie": s.cookie(), "Content-Type": "application/x-www-form-urlencoded"})
    expect(status == 200 and body.startswith(b"%PDF-"), f"the preview answered {status} {body[:60]!r}")
    expect(headers.get("Content-Type", "").startswith("application/pdf"), f"Content-Type {headers.get('Content-Type')}")
    path = os.path.join(s.work, "preview.pdf")
    with open(path, "wb") as f:
        f.write(body)
    pages = pdf_pages(path)
    s.get(f"/patients/{ROSSI}")
    history = s.text('section[aria-labelledby="history"]')
    expect("Nessun documento emesso finora" in history, f"the history after a preview: {history[:200]!r}")
    return f"{os.path.basename(got)} from a new tab (posted), {pages} pages (urllib: the same); history: no document yet"


def fill_in(s, path, attempts, body):
    """Loads `path` and runs `body` (which fills in a form, before anything is submitted) again on a
    fresh page when Chromium answers that an element it just found is no longer in the document (seen
    in CI right after the preview's tab was closed: the main window's document was replaced)."""
    for attempt in range(attempts):
        s.get(path)
        try:
            return body()
        except WebDriverException as e:
            if attempt == attempts - 1 or not replaced_document(e):
                raise
            time.sleep(1)


def replaced_document(error):
    """Whether Chromium refused an element because its document had been replaced (CI, after a load
    or a closed tab: "Node with given id does not belong to the document", or a stale element)."""
    return "does not belong to the document" in str(error) or "stale element" in str(error)


def print_consent(s, lang, expect_reprint=False):
    def choose():
        form = card_form(s, "consent")
        Select(s.one('select[name="lang"]', form)).select_by_value(lang)
        Select(s.one('select[name="second"]', form)).select_by_value("")
        printer = Select(s.one('select[name="printer"]', form)).first_selected_option.get_attribute("value")
        expect(printer == PRINTER, f"the printer preset is {printer!r}")
        return s.one('button[value="print"]', form)
    button = fill_in(s, f"/patients/{ROSSI}", 3, choose)
    started = time.time()
    s.submit(button)
    expect(s.path() == f"/patients/{ROSSI}", f"printing went to {s.b.current_url}")
    notice = s.notice()
    wanted = "ristampa inviata alla stampante" if expect_reprint else ": inviato alla stampante"
    expect(notice.startswith("Consenso informato · ") and wanted in notice, f"the notice says {notice!r}, not {wanted!r}")
    job = re.search(rf"\b({re.escape(PRINTER)}-\d+)\b", notice)
    expect(job, f"the notice names no job of {PRINTER}: {notice!r}")
    JOBS.append(job.group(1))
    document = (s.query().get("doc") or [""])[0]
    expect(document, f"no document id in {s.b.current_url}")
    return {"lang": lang, "job": job.group(1), "document": document, "started": started,
            "notice": notice + out_of_view(s, "main .notice")}


def out_of_view(s, css):
    """A note when the element is outside the viewport the page opened with (a fragment scrolled past it)."""
    top, bottom, height, fragment = s.b.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return [r.top, r.bottom, innerHeight, location.hash];", css)
    if bottom <= 0:
        return f" NB: out of view, {-bottom:.0f} px above the window: the page opens at {fragment}"
    if top >= height:
        return f" NB: out of view, {top - height:.0f} px below the window"
    return ""


def check_printed(s, printed):
    """The PDF cups-pdf wrote against the issued document: pages, and the QR code of every page."""
    out = wait_for_cups_pdf(printed["job"], printed["started"])
    issued = os.path.join(s.work, printed["document"] + ".pdf")
    status, body, _ = s.fetch(f"/api/v1/documents/{printed['document']}.pdf")
    expect(status == 200 and body.startswith(b"%PDF-"), f"the issued document: {status}")
    with open(issued, "wb") as f:
        f.write(body)
    status, form, _ = s.fetch(f"/api/v1/documents/{printed['document']}/form")
    expect(status == 200, f"the form map: {status}")
    printed_id = json.loads(form)["documentId"]
    expect(printed_id == printed["document"].rsplit("-", 1)[0],
           f"the id printed on the document ({printed_id}) is not the registry id {printed['document']} without its issue number")
    pages, want = pdf_pages(out), pdf_pages(issued)
    expect(pages == want, f"cups-pdf's file has {pages} page(s), the issued document {want}")
    codes = qr_codes(out, s.work)
    wrong = [f"page {i}: {c}" for i, c in enumerate(codes, 1) if c != [f"OSTEODOC:{printed_id}:{i}/{want}"]]
    expect(not wrong, f"QR codes of the printed pages: {wrong}")
    return f"{os.path.basename(out)}: {pages} pages like the issued document, QR OSTEODOC:{printed_id}:<page>/{want} on each"


def history_rows(s):
    def read():
        return [{"id": s.text(".id", tr), "title": tr.find_element(By.CSS_SELECTOR, "th").text,
                 "events": [li.get_attribute("class") for li in tr.find_elements(By.CSS_SELECTOR, ".events li")],
                 "text": tr.text}
                for tr in s.all('section[aria-labelledby="history"] tbody tr')]
    return s.read(read)


def check_reprinted_history(s, first, reprint):
    expect(reprint["document"] == first["document"], f"printing the same consent again issued {reprint['document']}, not {first['document']}")
    s.get(f"/patients/{ROSSI}")
    row = [r for r in history_rows(s) if r["id"] == first["document"]]
    expect(row, f"{first['document']} not in the history")
    expect(row[0]["events"].count("printed") == 1 and "reprinted" in row[0]["events"],
           f"events of {first['document']}: {row[0]['events']}")
    expect("ristampato" in row[0]["text"] and reprint["job"] in row[0]["text"], f"the history row says {row[0]['text']!r}")
    return f"{first['document']}: {row[0]['events']}"


def check_download(s):
    button = fill_in(s, f"/patients/{ROSSI}", 3, lambda: s.one('button[value="download"]', card_form(s, "preparation")))
    before = set(os.listdir(s.downloads))
    button.click()
    got = new_download(s, before)
    expect(got, "no PDF downloaded within 60 s")
    name = os.path.basename(got)[:-4]
    expect(ROSSI in name and name.startswith("PS-"), f"the download is {name}.pdf, not a preparation sheet (PS-…) of {ROSSI}")
    s.get(f"/patients/{ROSSI}")
    row = [r for r in history_rows(s) if r["id"] == name]
    expect(row and "downloaded" in row[0]["events"], f"the history has no download of {name}: {[r['id'] for r in history_rows(s)]}")
    s.preparation = got
    return f"{name}.pdf, {pdf_pages(got)} pages; the history says downloaded"


def scan_spec(form, source, pages, extra=None):
    firsts, spec_pages = set(), []
    for page in form["pages"]:
        ticks, scribbles = [], []
        for f in page["fields"]:
            box = [f["x"], f["y"], f["width"], f["height"]]
            if f["kind"] in ("choice", "checklist") and f["oneAnswer"] and f["group"] not in firsts:
                firsts.add(f["group"])
                ticks.append(box)
            elif f["kind"] == "signature" and f["required"]:
                scribbles.append(box)
        if page["number"] in pages:
            spec_pages.append({"page": page["number"], "ticks": ticks, "scribbles": scribbles})
    spec_pages += extra or []
    return {"pdf": source, "dpi": 200, "rotate": 1.5, "noise": 10, "jpeg_quality": 70, "pages": spec_pages}


SCANS = {}  # name: (make-test-scan.py process, its output)


def make_scan(s, spec, name):
    """Starts make-test-scan.py on `spec` (both scans are made at once: they take a while)."""
    spec_path, out = os.path.join(s.work, name + ".json"), os.path.join(s.work, name + ".pdf")
    with open(spec_path, "w") as f:
        json.dump(spec, f)
    SCANS[name] = (subprocess.Popen([sys.executable, os.path.join(ROOT, "scripts/make-test-scan.py"), spec_path, out],
                                    stderr=subprocess.PIPE, text=True), out)


def upload_scan(s, name, document):
    process, out = SCANS[name]
    _, errors = process.communicate(timeout=180)
    expect(process.returncode == 0, f"make-test-scan.py failed: {errors.strip()[-400:]}")
    def choose():
        # One upload form per consent issued: the one of the document scanned.
        form = s.one(f'form[action="/documents/{document}/scans"]')
        s.one('input[type=file][name="scan"]', form).send_keys(out)
        return s.one("button[type=submit]", form)
    s.submit(fill_in(s, f"/patients/{ROSSI}", 3, choose), timeout=180)
    expect(s.path() == f"/patients/{ROSSI}" and s.query().get("notice") == ["scanned"],
           f"the upload went to {s.b.current_url}: {s.h1()!r} {s.text('main')[:200]!r}")
    return scan_card(s)


def scan_card(s):
    """What the newest scan card shows (newest first on the page), read in one go. Reading is safe
    to repeat, uploading is not: when Chromium replaced the document while it was being read (CI:
    "Node with given id does not belong to the document", after the upload's page had settled), the
    card is found and read again in the new document."""
    def read():
        cards = s.all("article.card.scan")
        expect(cards, "no scan result on the page")
        card = cards[0]
        def cells(css):
            return [[c.text for c in tr.find_elements(By.CSS_SELECTOR, "th, td")] for tr in card.find_elements(By.CSS_SELECTOR, css)]
        return {
            "text": card.text,
            "ok": [e.text for e in card.find_elements(By.CSS_SELECTOR, "p.ok")],
            "flag lists": [e.text for e in card.find_elements(By.CSS_SELECTOR, ".flags")],
            "flags": [li.text for li in card.find_elements(By.CSS_SELECTOR, ".flags li")],
            "answers": cells("table:first-of-type tbody tr"),
            "signatures": cells("table:nth-of-type(2) tbody tr"),
        }
    return s.read(read)


def scan_target(s):
    action = fill_in(s, f"/patients/{ROSSI}", 3, lambda: s.one('form[action$="/scans"]').get_attribute("action"))
    document = re.search(r"/documents/([^/]+)/scans$", action).group(1)
    status, pdf, _ = s.fetch(f"/api/v1/documents/{document}.pdf")
    expect(status == 200, f"the consent's PDF: {status}")
    source = os.path.join(s.work, "consent-" + document + ".pdf")
    with open(source, "wb") as f:
        f.write(pdf)
    status, body, _ = s.fetch(f"/api/v1/documents/{document}/form")
    expect(status == 200, f"the form map of {document}: {status} {body[:200]!r}")
    form = json.loads(body)
    expect(form["pages"] and all("fields" in p for p in form["pages"]), "the form map has no pages")
    return document, source, form


def latest_scan_report(s, document):
    status, body, _ = s.fetch(f"/api/v1/documents/{document}/scans")
    expect(status == 200, f"the document's scans: {status}")
    scans = json.loads(body)
    expect(scans, "no scan recorded")
    return max(scans, key=lambda x: x["sequence"])["report"]


def check_scan_complete(s, target):
    document, source, form = target
    n = len(form["pages"])
    card = upload_scan(s, "scan-complete", target[0])
    text = card["text"]
    expect(document in text, f"the newest scan is not of {document}: {text[:120]!r}")
    expect(card["ok"] and "Completo" in card["ok"][0], f"not complete: {text[:600]!r}")
    flags = card["flag lists"]
    expect(not flags, f"flags on a complete scan: {flags}")
    rows = card["answers"]
    signatures = card["signatures"]
    # The registry holds exactly what was drawn (the first box of each one-answer question, every
    # required signature), and the page shows what the registry holds.
    report = latest_scan_report(s, document)
    wrong = []
    for answer in report["answers"]:
        ticked = [o["ticked"] for o in answer["options"]]
        drawn = [i == 0 for i in range(len(ticked))] if answer["oneAnswer"] else [False] * len(ticked)
        if ticked != drawn:
            wrong.append(f"{answer['prompt'][:40]!r}: read {ticked}, drawn {drawn}")
    for signature in report["signatures"]:
        if signature["present"] != signature["required"]:
            wrong.append(f"signature {signature['caption']} — {signature['label']}: present {signature['present']}, required {signature['required']}")
    expect(not wrong, "read otherwise than drawn: " + "; ".join(wrong))
    # The page lists the signatures that count: the required ones and any other that was signed.
    counted = [g for g in report["signatures"] if g["required"] or g["present"]]
    expect(len(rows) == len(report["answers"]) and len(signatures) == len(counted),
           f"the page shows {len(rows)} answers and {len(signatures)} signatures, the registry {len(report['answers'])} and {len(counted)} that count")
    for row, answer in zip(rows, report["answers"]):
        labels = [o["label"] for o in answer["options"] if o["ticked"]]
        expect(row[1] == ("; ".join(labels) if labels else "nessuna casella segnata"), f"the page shows {row}, the registry {labels}")
    one = sum(a["oneAnswer"] for a in report["answers"])
    required = sum(x["required"] for x in report["signatures"])
    return (f"{n} pages of {document}: {card['ok'][0]!r}; {len(rows)} answers ({one} one-answer, each its first box),"
            f" {required} required signatures present, as drawn")


def check_scan_flagged(s, target):
    document, source, form = target
    n = len(form["pages"])
    card = upload_scan(s, "scan-flagged", target[0])
    flags = card["flags"]
    expect(not card["ok"], "a scan missing a page shown as complete")
    expect(any(f.startswith("Manca la pagina") and str(n) in f for f in flags), f"no flag for the missing page {n}: {flags}")
    other = os.path.basename(s.preparation)[:-len(".pdf")].rsplit("-", 1)[0]
    expect(any("un altro documento" in f and other in f for f in flags), f"no flag for the page of another document ({other}): {flags}")
    return f"flags: {flags}"


def ward_state(s):
    s.get("/ward")
    return s.read(lambda: {tr.find_element(By.CSS_SELECTOR, "th a").text: s.text("span.state", tr)
                           for tr in s.all("main tbody tr")})


def check_ward_list(s):
    s.get("/ward")
    expect(s.h1() == "Reparto", f"heading {s.h1()!r}")
    rows = ward_state(s)
    expect(any("Rossi" in n for n in rows), f"today's patient not on the ward list: {rows}")
    expect(not any("Müller" in n for n in rows), f"tomorrow's patient on today's ward list: {rows}")
    state = [v for k, v in rows.items() if "Rossi" in k][0]
    expect(state == "pronto da stampare", f"Rossi's discharge sheet is {state!r}")
    return f"{rows}"


def check_ward_discharge(s):
    s.get("/ward")
    s.one(f'main a[href="/patients/{ROSSI}"]').click()
    WebDriverWait(s.b, 30).until(lambda b: urllib.parse.urlsplit(b.current_url).path == f"/patients/{ROSSI}")
    s.ready()

    def choose():
        for kind in ("preparation", "consent"):
            card = s.one(f'article[aria-labelledby="doc-{kind}"]')
            expect(not card.find_elements(By.CSS_SELECTOR, "form"), f"the ward may issue the {kind}")
        form = card_form(s, "discharge")
        printer = Select(s.one('select[name="printer"]', form)).first_selected_option.get_attribute("value")
        expect(printer == PRINTER, f"the discharge printer preset is {printer!r}")
        return s.one('button[value="print"]', form)
    button = fill_in(s, f"/patients/{ROSSI}", 3, choose)
    started = time.time()
    s.submit(button)
    notice = s.notice()
    job = re.search(rf"\b({re.escape(PRINTER)}-\d+)\b", notice)
    expect(notice.startswith("Foglio di dimissione · ") and "inviato alla stampante" in notice and job, f"the notice says {notice!r}")
    JOBS.append(job.group(1))
    document = (s.query().get("doc") or [""])[0]
    expect(document.startswith("DS-"), f"the printed document is {document!r}, not a discharge sheet (DS-…)")
    s.discharge = {"lang": "it", "job": job.group(1), "document": document, "started": started, "notice": notice}
    notice += out_of_view(s, "main .notice")
    rows = ward_state(s)
    state = [v for k, v in rows.items() if "Rossi" in k][0]
    expect(state == "stampato, da consegnare", f"after printing the ward list says {state!r}")
    return notice


def check_handed_over(s):
    def find():
        buttons = s.all('form[action$="/handed-over"] button')
        expect(len(buttons) == 1, f"{len(buttons)} 'Segna come consegnato' button(s)")
        expect(buttons[0].text == "Segna come consegnato", f"the button says {buttons[0].text!r}")
        return buttons[0]
    s.submit(fill_in(s, f"/patients/{ROSSI}", 3, find))
    expect(s.query().get("notice") == ["handed-over"], f"went to {s.b.current_url}")
    expect(not s.all('form[action$="/handed-over"] button'), "the button is still there")
    notice = s.notice() + out_of_view(s, "main .notice")
    expect("Consegna" in notice, f"the notice says {notice!r}")
    rows = ward_state(s)
    state = [v for k, v in rows.items() if "Rossi" in k][0]
    expect(state == "consegnato", f"after handing over the ward list says {state!r}")
    return f"notice {notice!r}; ward list: {state!r}"


PATIENT_WORDS = ("Rossi", "Müller", "Mueller", MUELLER_MRN)


def check_translations(s):
    s.get("/translations")
    expect(s.h1() == "Traduzioni", f"heading {s.h1()!r}")
    rows = s.all("main table tbody tr")
    expect(len(rows) >= 2, f"{len(rows)} language(s) listed")
    summary = []
    for tr in rows:
        cells = [td.text for td in tr.find_elements(By.CSS_SELECTOR, "td")]
        tag = s.text("th .id", tr)
        expect(re.match(r"^\d+ \(\d+ %\)$", cells[0]) and cells[1].isdigit() and cells[2].isdigit(),
               f"{tag}: counts {cells[:3]}")
        expect(tr.find_elements(By.CSS_SELECTOR, f'a[href="/translations/{tag}"]'), f"{tag}: no side-by-side link")
        summary.append(f"{tag} {cells[0]}")
    pdfs = s.all('main table a[href$=".pdf"]')
    expect(pdfs, "no example PDF link")
    status, body, _ = s.fetch(urllib.parse.urlsplit(pdfs[0].get_attribute("href")).path)
    expect(status == 200 and body.startswith(b"%PDF-"), f"example PDF {pdfs[0].get_attribute('href')}: {status}")
    leaked = [w for w in PATIENT_WORDS if w in s.b.page_source]
    expect(not leaked, f"patient data on /translations: {leaked}")
    return "; ".join(summary) + f"; {len(pdfs)} example PDFs"


def check_side_by_side(s, tag):
    s.get(f"/translations/{tag}")
    expect(s.path() == f"/translations/{tag}", f"went to {s.b.current_url}")
    source = s.b.page_source
    expect(len(s.text("body")) > 500, "the side-by-side page is (nearly) empty")
    langs = set(s.b.execute_script("return [...document.querySelectorAll('[lang]')].map(e => e.lang)"))
    expect({"it", tag} <= langs, f"languages marked on the page: {sorted(langs)}")
    leaked = [w for w in PATIENT_WORDS if w in source]
    expect(not leaked, f"patient names on the side-by-side page: {leaked}")
    return f"lang attributes {sorted(langs)}"


def check_translator_refused(s):
    for path in ("/desk", f"/patients/{MUELLER}", "/admin"):
        status, body, _ = s.fetch(path)
        expect(status == 403, f"the translator got {status} on {path}")
        expect(not any(w.encode() in body for w in PATIENT_WORDS), f"patient data on the 403 page of {path}")
    nav = [a.text for a in s.all("header nav a")]
    return f"403 on /desk, /patients/…, /admin; navigation: {nav}"


def check_admin(s):
    s.get("/admin")
    expect(s.h1() == "Amministrazione", f"heading {s.h1()!r}")
    s.one("#new-name").send_keys("nuovo.infermiere")
    Select(s.one("#new-role")).select_by_value("ward")
    s.one("#new-password").send_keys("una-password-lunga-2026")
    s.submit(s.one('form[action="/admin/accounts"] button[type=submit]'))
    expect(s.path() == "/admin" and "Account creato" in s.notice(), f"after creating: {s.b.current_url} {s.notice()!r}")
    accounts = {s.text("th", tr): [td.text for td in tr.find_elements(By.CSS_SELECTOR, "td")]
                for tr in s.all('section[aria-labelledby="accounts"] tbody tr')}
    expect("nuovo.infermiere" in accounts and accounts["nuovo.infermiere"][0] == "reparto",
           f"the new account in the table: {accounts.get('nuovo.infermiere')}")
    return f"accounts: {sorted(accounts)}"


def check_printers(s):
    s.get("/admin")
    rows = [(s.text("th", tr), [td.text for td in tr.find_elements(By.CSS_SELECTOR, "td")])
            for tr in s.all('section[aria-labelledby="printers"] tbody tr')]
    ours = [r for r in rows if r[0] == PRINTER]
    expect(len(ours) == 2, f"printers table: {rows}")
    expect(all(r[1][1] == "pronta" for r in ours), f"printers table: {rows}")
    settings = s.text('section[aria-labelledby="facility"]')
    expect("Europe/Rome" in settings, f"facility settings: {settings[:200]!r}")
    return f"{rows}"


def switch_language(s, tag):
    Select(s.one("#ui-language")).select_by_value(tag)
    s.submit(s.one('form[action="/language"] button[type=submit]'))


def check_german_login(s):
    s.b.delete_all_cookies()
    s.get("/login")
    switch_language(s, "de")
    expect(s.path() == "/login", f"the language switch went to {s.b.current_url}")
    expect(s.h1() == "Anmeldung", f"the German login page's heading is {s.h1()!r}")
    expect(s.b.execute_script("return document.documentElement.lang") == "de", "<html lang> is not de")
    return ""


def check_german_desk(s):
    s.log_in("front-desk", fresh=False)
    expect(s.h1() == "Aufnahme", f"the German desk's heading is {s.h1()!r}")
    expect(s.b.execute_script("return document.documentElement.lang") == "de", "<html lang> is not de")
    heading = s.text("#today")
    expect(heading.startswith("Heute"), f"today's heading is {heading!r}")
    return f"{s.h1()!r}, {heading!r}"


# --- the run -------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--screenshots", metavar="DIR")
    args = parser.parse_args()
    started = time.time()
    binary = os.path.abspath(args.binary)
    screenshots = os.path.abspath(args.screenshots) if args.screenshots else None
    if screenshots:
        os.makedirs(screenshots, exist_ok=True)

    lpstat = subprocess.run(["lpstat", "-p", PRINTER], capture_output=True, text=True)
    if lpstat.returncode != 0:
        report.fail(f"CUPS queue {PRINTER}", (lpstat.stderr or lpstat.stdout).strip() or "lpstat failed")
        print(f"browser: {report.count} checks, {report.failed} failed")
        return 1

    # The desk lists "today" by the facility's clock: never straddle midnight in Rome.
    now = datetime.datetime.now(ZONE)
    if now.hour == 23 and now.minute >= 57:
        wait = (datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(0, 0, 5), ZONE) - now).total_seconds()
        print(f"browser: waiting {wait:.0f} s for midnight in Rome to pass", flush=True)
        time.sleep(wait)
    today = datetime.datetime.now(ZONE).date()

    work = tempfile.mkdtemp(prefix="osteodoc-browser-work-")
    server = Server(binary)
    b = None
    try:
        if not report.check("set-up: server, accounts, plans", set_up, server, today):
            return 1
        os.makedirs(os.path.join(work, "downloads"))
        b = driver(os.path.join(work, "downloads"))
        s = Staff(server, b, screenshots, work)

        # Login page, wrong password, the front desk.
        report.check("login page in Italian", check_login_page, s)
        s.audit("login")
        s.screenshot("01-login.png")
        report.check("login with a wrong password: error, stays on /login", check_wrong_password, s)
        if not report.check("login front-desk → /desk", s.log_in, "front-desk"):
            raise CheckFailed("the front desk cannot log in; the page checks that follow need it")
        report.check("desk: today's and tomorrow's tables", check_desk, s)
        s.audit("desk")
        s.screenshot("02-desk.png")
        report.check("keyboard desk: skip link first", check_keyboard, s)
        report.check("keyboard desk: focus visible", check_focus_visible, s, "/desk")
        report.check("desk search by family name 'mül' finds Müller", check_search, s, "mül", "Müller", "Rossi")
        s.audit("search results", zoom=False)
        report.check("desk search by record number finds Müller", check_search, s, MUELLER_MRN, "Müller", "Rossi")
        report.check("desk search by date (DD/MM/YYYY) finds Rossi", check_search, s, today.strftime("%d/%m/%Y"), "Rossi", "Müller")
        report.check("desk: open Rossi from today's table", check_open_from_today, s)
        s.audit("patient")
        report.check("keyboard patient page: focus visible", check_focus_visible, s, f"/patients/{ROSSI}")

        # Preview, print (it, de), reprint, the PDFs cups-pdf wrote, download.
        report.check("preview: a PDF, nothing issued", check_preview, s)
        printed = {}

        def do_print(lang, key, reprint=False):
            printed[key] = print_consent(s, lang, reprint)
            return printed[key]["notice"]
        report.check("print consent (it) to osteodoc-pdf: notice names the job", do_print, "it", "it")
        report.check("print consent (de) to osteodoc-pdf: notice names the job", do_print, "de", "de")
        report.check("print consent (it) again: reprint notice", do_print, "it", "again", True)
        s.screenshot("03-patient-printed.png")
        if "it" in printed and "again" in printed:
            report.check("history: the consent printed, then reprinted", check_reprinted_history, s, printed["it"], printed["again"])
        for key, what in (("it", "the it consent"), ("de", "the de consent"), ("again", "the it consent's reprint")):
            if key in printed:
                report.check(f"cups-pdf output of {what}: pages and QR codes", check_printed, s, printed[key])
        report.check("download the preparation sheet", check_download, s)

        # Scan-back through the page.
        target = None
        try:
            target = scan_target(s)
        except Exception as e:
            report.fail("scan: the consent's form map", e)
        if target:
            document, source, form = target
            pages = len(form["pages"])
            # Complete: every page, the first box of each one-answer question, every required signature.
            make_scan(s, scan_spec(form, source, range(1, pages + 1)), "scan-complete")
            if hasattr(s, "preparation"):
                # The last page missing, the first page of the preparation sheet instead.
                foreign = {"source": s.preparation, "page": 1, "ticks": [], "scribbles": []}
                make_scan(s, scan_spec(form, source, range(1, pages), [foreign]), "scan-flagged")
            report.check("scan complete: 'Completo', no flags, answers", check_scan_complete, s, target)
            if hasattr(s, "preparation"):
                report.check("scan with the last page missing and a page of another document: flagged",
                             check_scan_flagged, s, target)
            s.audit("patient with scan results")
            s.screenshot("04-patient-scan-flags.png")

        # Ward.
        if report.check("login ward → /ward", s.log_in, "ward"):
            report.check("ward: today's patient, discharge ready", check_ward_list, s)
            s.audit("ward")
            report.check("ward: print the discharge sheet → 'stampato, da consegnare'", check_ward_discharge, s)
            report.check("ward: 'Segna come consegnato' → 'consegnato'", check_handed_over, s)
            if hasattr(s, "discharge"):
                report.check("cups-pdf output of the discharge sheet: pages and QR codes", check_printed, s, s.discharge)
            s.get("/ward")
            s.screenshot("05-ward.png")

        # Translator.
        if report.check("login translator → /translations", s.log_in, "translator"):
            report.check("translations: languages, counts, previews, no patient data", check_translations, s)
            s.audit("translations")
            s.screenshot("06-translations.png")
            report.check("translations: side-by-side page (de)", check_side_by_side, s, "de")
            # No axe here: it is the engine's HTML (scripts/html_accessibility.py's business) and long.
            s.audit("side-by-side (de)", zoom=False, axe=False, layout=False)
            report.check("translator: 403 on the front desk", check_translator_refused, s)

        # Administrator.
        if report.check("login administrator → /admin", s.log_in, "administrator"):
            report.check("admin: create an account through the form", check_admin, s)
            report.check("admin: osteodoc-pdf shown as ready", check_printers, s)
            s.audit("admin")
            s.screenshot("07-admin.png")

        # German.
        report.check("language: German login page ('Anmeldung')", check_german_login, s)
        if report.check("language: German desk ('Aufnahme')", check_german_desk, s):
            s.audit("desk (de)")
            s.screenshot("08-desk-de.png")

        if s.labels_checked:
            report.ok(f"labels: every control labelled (and the language switch in the header) on {len(s.labels_checked)} page(s)"
                      f" ({', '.join(s.labels_checked)})")
    except CheckFailed as e:
        report.fail("run", e)
    finally:
        for process, _ in SCANS.values():
            if process.poll() is None:
                process.kill()
                process.wait()
        if b:
            b.quit()
        server.stop()
        if report.failed == 0:
            remove_cups_pdf_files(started)
            shutil.rmtree(work, ignore_errors=True)
            shutil.rmtree(server.data, ignore_errors=True)
        else:
            print(f"browser: kept {work} and {server.data} (server.log) for a look")
    print(f"browser: run took {time.time() - started:.0f} s", flush=True)
    print(f"browser: {report.count} checks, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
