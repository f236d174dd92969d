"""The HTML report in a real browser: Debian's chromium, driven headless by Selenium.

Over the seeds' report: one highlight per row of each extraction table, with
exactly the row's text; the claims table filters, sorts and jumps to spans.
Over a run with known statistics: a claim under a statistic jumps to its span.
Over a hostile document: its markup shows as text and runs nothing.
CI installs chromium and chromium-driver (.ci/run); elsewhere these tests skip.
"""
from __future__ import annotations

import json
import shutil

import pytest

from claimspan.io.schemas import EXTRACTION_TABLES
from claimspan.review.claims_table import COLUMNS
from claimspan.review.html_report import write_report
from claimspan.review.tables import display, load_tables
from claimspan.run import run

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Debian's chromium and chromium-driver are not "
                                "installed (.ci/run installs them: apt-get install chromium chromium-driver)")]

HOSTILE = "<script>window.pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.pwned=1">'

# Per highlight key, the concatenated text of its pieces, and how many first pieces it has.
HIGHLIGHTS_JS = """
const out = {};
for (const m of document.querySelectorAll("mark.hl")) {
  const e = out[m.dataset.key] ??= {table: m.dataset.table, text: "", firsts: 0};
  e.text += m.textContent;
  if (!m.hasAttribute("data-cont")) e.firsts += 1;
}
return out;
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def seeds_report(seeds_blank, tmp_path_factory):
    return write_report(seeds_blank, tmp_path_factory.mktemp("report") / "report.html")


def _open(browser, path):
    browser.get(path.resolve().as_uri())
    assert browser.execute_script("return document.readyState") == "complete"
    assert browser.find_element(By.ID, "shown").text  # the page's script ran (it fills this in)


def test_every_row_is_one_highlight_with_its_text(browser, seeds_blank, seeds_report):
    _open(browser, seeds_report)
    marks = browser.execute_script(HIGHLIGHTS_JS)
    tables = load_tables(seeds_blank)
    for table in EXTRACTION_TABLES:
        frame = tables[table]
        assert len(frame) > 0
        shown = {k: v for k, v in marks.items() if v["table"] == table}
        assert len(shown) == len(frame), table
        for i, text in frame["text"].items():
            assert shown[f"{table}-{i}"] == {"table": table, "text": text, "firsts": 1}, (table, i)
    labels = browser.execute_script("return document.querySelectorAll('.text .turn:not([data-cont])').length")
    assert labels == tables["speakers"]["n_turns"].sum()


def _visible_targets(browser) -> list[str]:
    rows = browser.find_elements(By.CSS_SELECTOR, "#claims tbody tr")
    return [r.get_attribute("data-target") for r in rows if r.is_displayed()]


def test_filters_and_search(browser, seeds_blank, seeds_report):
    _open(browser, seeds_report)
    claims = load_tables(seeds_blank)["claims"]
    assert len(_visible_targets(browser)) == len(claims)
    # A speaker with claims of both kinds, so that the second filter narrows the first.
    mixed = claims.groupby("speaker")["checkworthy"].nunique()
    speaker = mixed[mixed == 2].index[0]
    Select(browser.find_element(By.ID, "f-speaker")).select_by_value(speaker)
    Select(browser.find_element(By.ID, "f-checkworthy")).select_by_value("false")
    expected = claims[(claims["speaker"] == speaker) & ~claims["checkworthy"]]
    assert 0 < len(expected) < (claims["speaker"] == speaker).sum()
    assert _visible_targets(browser) == [f"claims-{i}" for i in expected.index]
    assert browser.find_element(By.ID, "shown").text == f"{len(expected)} of {len(claims)} claims"
    for name in ("f-speaker", "f-checkworthy"):
        Select(browser.find_element(By.ID, name)).select_by_value("*")
    doc, kind = claims["doc_id"].iloc[-1], "count"
    Select(browser.find_element(By.ID, "f-doc")).select_by_value(doc)
    Select(browser.find_element(By.ID, "f-kind")).select_by_value(kind)
    expected = claims[(claims["doc_id"] == doc) & (claims["kind"] == kind)]
    assert 0 < len(expected) < (claims["doc_id"] == doc).sum()
    assert _visible_targets(browser) == [f"claims-{i}" for i in expected.index]
    for name in ("f-doc", "f-kind"):
        Select(browser.find_element(By.ID, name)).select_by_value("*")
    browser.find_element(By.ID, "f-search").send_keys("Countries")
    cells = claims[[c for _, c, _ in COLUMNS]].map(lambda v: (display(v) or "").lower())
    matching = claims.index[cells.apply(lambda row: any("countries" in v for v in row), axis=1)]
    assert 0 < len(matching) < len(claims)
    assert _visible_targets(browser) == [f"claims-{i}" for i in matching]


def test_sorting_by_value(browser, seeds_blank, seeds_report):
    _open(browser, seeds_report)
    header = browser.find_element(By.XPATH, "//table[@id='claims']//th[text()='value']")
    header.click()
    values = browser.execute_script(
        "return [...document.querySelectorAll('#claims tbody tr')].map(r => parseFloat(r.cells[5].dataset.sort))")
    expected = load_tables(seeds_blank)["claims"]["value"]
    assert values == sorted(expected.dropna()) + [None] * expected.isna().sum()  # NaN arrives as None
    header.click()
    assert header.get_attribute("aria-sort") == "descending"


def test_clicking_a_claim_scrolls_to_its_span_and_shows_its_attributes(browser, seeds_blank, seeds_report):
    _open(browser, seeds_report)
    claims = load_tables(seeds_blank)["claims"]
    i = claims.index[-1]  # the last claim: far down the last document, off screen at first
    mark = browser.find_element(By.ID, f"claims-{i}")
    assert not _in_viewport(browser, mark)
    browser.find_element(By.CSS_SELECTOR, f'#claims tr[data-target="claims-{i}"] td').click()
    assert _in_viewport(browser, mark)
    assert "current" in mark.get_attribute("class")
    tip = browser.find_element(By.ID, "tip")
    assert tip.is_displayed()
    fields = _tip_fields(browser)
    assert fields["claims"]["value"] == display(claims.loc[i, "value"])
    assert fields["claims"]["qualifier"] == claims.loc[i, "qualifier"]
    org = browser.find_element(By.CSS_SELECTOR, "mark.t-organizations")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", org)
    ActionChains(browser).move_to_element(org).perform()
    assert tip.is_displayed() and "org_key" in _tip_fields(browser)["organizations"]


@pytest.fixture(scope="module")
def stated_report(stated_out, tmp_path_factory):
    return write_report(stated_out, tmp_path_factory.mktemp("stated") / "report.html")


def test_a_claim_of_a_statistic_goes_to_its_span(browser, stated_out, stated_report):
    _open(browser, stated_report)
    first = browser.find_element(By.CSS_SELECTOR, "#statistics-section .stat")   # the inconsistent one
    assert "bad" in first.get_attribute("class").split()
    assert first.find_element(By.CSS_SELECTOR, ".badge").text == "✗ inconsistent"
    stat_id = first.get_attribute("data-stat")
    claims = load_tables(stated_out)["claims"]
    rows = first.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert [r.get_attribute("data-target") for r in rows] == [f"claims-{i}" for i in
                                                              claims.index[claims["stat_id"] == stat_id]]
    # A click on the sentence and one on the link (its default, the bare fragment, is replaced by the jump).
    for row, cell in ((rows[-1], "td:last-child"), (rows[0], "a")):
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)   # not under the header
        row.find_element(By.CSS_SELECTOR, cell).click()
        mark = browser.find_element(By.ID, row.get_attribute("data-target"))
        assert "current" in mark.get_attribute("class") and _in_viewport(browser, mark)
        assert browser.switch_to.active_element == mark
        assert _tip_fields(browser)["claims"]["stat_id"] == stat_id


def _tip_fields(browser) -> dict[str, dict[str, str]]:
    """The tooltip's entries: table -> {column: value}."""
    return browser.execute_script("""
      const out = {};
      for (const e of document.querySelectorAll("#tip .entry")) {
        out[e.className.replace("entry t-", "")] = Object.fromEntries(
          [...e.querySelectorAll("tr")].map(tr => [tr.cells[0].textContent, tr.cells[1].textContent]));
      }
      return out;""")


def _in_viewport(browser, element) -> bool:
    return browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight", element)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    text = (f"Date: May 31, 2021\r\nMore than 60 countries {HOSTILE} signed it.\n"  # CR: kept exactly, too
            f"The World Health Organization {HOSTILE_IMG} counted 14 cases.\n")
    record = {"id": 'x"><img src=x onerror=window.pwned=1>', "title": HOSTILE, "text": text}
    (folder / "in.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    run([folder / "in.jsonl"], folder / "out")
    return text, write_report(folder / "out", folder / "report.html")


def test_hostile_document_shows_as_text_and_runs_nothing(browser, hostile_report, tmp_path):
    text, report = hostile_report
    _open(browser, report)
    browser.find_element(By.CSS_SELECTOR, "#claims tbody tr td").click()  # the tooltip path, too
    assert browser.execute_script("return window.pwned") is None
    assert browser.execute_script("return document.querySelector('.doc .text').textContent") == text
    assert browser.execute_script("return document.querySelectorAll('img, main script').length") == 0
    assert HOSTILE in browser.find_element(By.CSS_SELECTOR, "nav").text
    shot = tmp_path / "hostile.png"
    assert browser.save_screenshot(str(shot)) and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_screenshot_of_the_seeds_report(browser, seeds_report, tmp_path):
    _open(browser, seeds_report)
    first = browser.find_element(By.CSS_SELECTOR, "#claims tbody tr[data-checkworthy=true] td")
    first.click()
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a blank page compresses far smaller
