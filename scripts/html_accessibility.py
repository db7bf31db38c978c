#!/usr/bin/env python3
"""axe-core (axe-selenium-python) on osteodoc's HTML in headless Chromium.

    python3 scripts/html_accessibility.py FILE.html ...

Fails (exit 1) on any violation axe rates serious or critical, and checks the
landmarks and language markup the documents promise: <main>, <header> and <footer>,
lang on <html> and on each column of a bilingual document, the body diagram as an
<svg role="img"> with a <title>, table headers with scope.
"""
import os
import sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def main(paths):
    browser = driver()
    status = 0
    try:
        for path in paths:
            browser.get("file://" + os.path.abspath(path))
            axe = Axe(browser)
            axe.inject()
            results = axe.run()
            bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
            problems = [f"axe {v['impact']}: {v['id']} ({v['help']}) on {len(v['nodes'])} element(s)" for v in bad]

            def count(css):
                return len(browser.find_elements(By.CSS_SELECTOR, css))
            for css, what in (("main", "a <main> landmark"), ("header", "a <header>"), ("footer", "a <footer>"),
                              ("html[lang]", "lang on <html>")):
                if count(css) == 0:
                    problems.append(f"missing {what}")
            if count("svg") and count("svg[role=img] > title") != count("svg"):
                problems.append("the body diagram is not an <svg role=img> with a <title>")
            if count("th") != count("th[scope]"):
                problems.append("a table header without scope")
            columns = count(".column")
            if columns and count(".column[lang]") != columns:
                problems.append("a bilingual column without lang")
            for problem in problems:
                print(f"{path}: FAIL {problem}")
            status |= 1 if problems else 0
            print(f"{path}: axe found {len(results['violations'])} violation(s), {len(bad)} serious or critical;"
                  f" {len(results['passes'])} rules passed")
    finally:
        browser.quit()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
