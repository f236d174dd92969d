"""Remakes docs/report.png, the README's picture of the report, with Debian's chromium.

    claimspan run seeds --out /tmp/seeds && claimspan report /tmp/seeds --html /tmp/seeds/report.html
    python docs/screenshot.py /tmp/seeds/report.html docs/report.png

Needs the test extra (selenium) and chromium + chromium-driver, as the browser test does.
"""
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def main(report: str, png: str, claim_text: str = "5,479") -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as profile:
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1100,720",
                     "--disable-background-networking", "--hide-scrollbars", f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
        try:
            driver.get(Path(report).resolve().as_uri())
            # A claim about the world, jumped to from the claims table: highlights and its tooltip in view.
            rows = driver.find_elements(By.CSS_SELECTOR, "#claims tbody tr")
            row = next(r for r in rows if r.find_elements(By.TAG_NAME, "td")[3].text == claim_text)
            row.find_element(By.TAG_NAME, "td").click()
            driver.save_screenshot(png)
        finally:
            driver.quit()


if __name__ == "__main__":
    main(*sys.argv[1:])
