"""``claimspan report`` and ``claimspan show`` without a browser: the page is
self-contained and escapes everything; sharded outputs read the same; the
terminal summary reports what the tables hold; both present the statistics
stated more than once, the inconsistent ones first, and still read outputs
written before the statistics table."""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser

import pandas as pd
import pyarrow.parquet as pq

import claimspan
from claimspan.cli import main
from claimspan.review.html_report import build_html
from claimspan.review.tables import load_tables

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "div", "label",
                "input", "span", "main", "nav", "ol", "li", "a", "section", "select", "option", "table",
                "thead", "tbody", "tr", "th", "td", "mark", "script"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.scripts = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag == "script":
            self.scripts.append(dict(attrs))

    def handle_data(self, data):
        if self.lasttag == "script" and self.scripts and "json" in self.scripts[-1].get("type", ""):
            self.scripts[-1]["data"] = self.scripts[-1].get("data", "") + data


def _parse(page: str) -> _Tags:
    tags = _Tags()
    tags.feed(page)
    return tags


def test_report_is_self_contained(seeds_blank, tmp_path, capsys):
    assert main(["report", str(seeds_blank), "--html", str(tmp_path / "r.html")]) == 0
    assert "report written to" in capsys.readouterr().out
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    tags = _parse(page)
    assert set(tags.tags) <= ALLOWED_TAGS
    links = [v for k, v in tags.attrs if k in ("src", "href", "action")]
    assert links and all(v.startswith("#") for v in links)  # in-page anchors only, nothing to fetch
    assert "default-src 'none'" in page


def test_markup_in_documents_and_attributes_stays_text():
    hostile = "</script><script>window.pwned=1</script><img src=x onerror=\"window.pwned=1\"><!--"
    tables = claimspan.extract([{"id": hostile, "title": hostile, "date": "2021-05-31",
                                "text": f"More than 60 countries {hostile} signed.\n{hostile}\n"}])
    assert len(tables["claims"]) == 1
    tables["claims"].loc[0, "counted"] = hostile  # an attribute value, too, reaches the page's JSON
    tags = _parse(build_html(tables, title=hostile))
    assert tags.tags.count("script") == 2 and tags.tags.count("img") == 0
    assert not [k for k, _ in tags.attrs if k.startswith("on")]
    data = json.loads(next(s["data"] for s in tags.scripts if s.get("type") == "application/json"))
    assert ["counted", hostile] in data["claims-0"][1]


def test_sharded_outputs_give_the_same_report(seeds_blank, tmp_path):
    out = tmp_path / "sharded"
    shutil.copytree(seeds_blank, out)
    claims = pq.read_table(out / "claims.parquet")   # with its schema metadata: the run that wrote it
    (out / "claims.parquet").unlink()
    (out / "claims.parquet").mkdir()
    half = len(claims) // 2  # part files keep their row order: read back, the index is the same 0..n-1
    pq.write_table(claims.slice(0, half), out / "claims.parquet" / "part-0.parquet")
    pq.write_table(claims.slice(half), out / "claims.parquet" / "part-1.parquet")
    assert main(["report", str(out), "--html", str(tmp_path / "a.html")]) == 0
    assert main(["report", str(seeds_blank), "--html", str(tmp_path / "b.html")]) == 0
    first, second = ((tmp_path / n).read_text(encoding="utf-8") for n in ("a.html", "b.html"))
    assert len(re.findall(r'<mark class="hl t-claims" id=', first)) == len(claims)
    assert first.replace("sharded", "X") == second.replace(seeds_blank.name, "X")


def test_report_and_show_refuse_a_folder_without_outputs(tmp_path, capsys):
    for command in (["report", str(tmp_path), "--html", str(tmp_path / "r.html")], ["show", str(tmp_path)]):
        assert main(command) == 2
        assert "no documents.parquet" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_show_summarizes_the_tables(seeds_blank, capsys):
    assert main(["show", str(seeds_blank), "--top", "3"]) == 0
    out = capsys.readouterr().out
    tables = {t: pd.read_parquet(seeds_blank / f"{t}.parquet") for t in ("claims", "dates", "organizations")}
    for name, frame in tables.items():
        assert re.search(rf"{name}\s*│\s*{len(frame)}\s*│", out), name
    assert "Documents with errors: none" in out
    counts = tables["claims"]["counted"].str.lower().value_counts()
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]  # ties by name, as show lists them
    listed = re.findall(r"│ ([a-z][a-z ]*?)\s+│\s+(\d+) │\s+\d+ │\s+\d+ │", out)
    assert [(noun, int(n)) for noun, n in listed[:3]] == top
    per_speaker = tables["claims"]["speaker"].value_counts()
    assert re.search(rf"{per_speaker.index[0]}\s*│\s*{per_speaker.iloc[0]}\s*│", out)
    dates = tables["dates"].dropna(subset=["start_date"])
    assert f"{dates['start_date'].min()} │ {dates['end_date'].max()}" in out


def test_show_lists_documents_with_errors(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("More than 60 countries signed.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"GIF89a\x00\x01\x02")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert main(["show", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "Documents with errors (1)" in out and re.search(r"│ b\s+│ .*binary", out)
    assert "Statistics stated more than once: none" in out   # one claim: nothing is restated
    assert main(["report", str(tmp_path / "out"), "--html", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    error = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("doc_id").loc["b", "error"]
    assert f'data-doc="b"><h2>b</h2><p class="meta">error</p><p class="error">{error}</p>' in page
    assert "No figure is stated by more than one claim in this run." in page


def test_show_lists_statistics_inconsistent_first(stated_out, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")   # rich's width: no label wraps
    assert main(["show", str(stated_out), "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"statistics\s*│\s*3\s*│\s*3\s*│", out)   # the documents it spans: a, b, c (not d)
    assert "Statistics stated more than once (3, 1 inconsistent)" in out
    listed = re.findall(r"│ ([a-z][A-Za-z ,0-9-]*?)\s+│\s+(\d+) │\s+(\d+) │\s+(\S+) │\s+(✗ NO|yes) │", out)
    # The inconsistent statistic first, marked, though it has no more claims; then by claims; --top 2.
    assert listed == [("people killed, Nairobi, 2021-05-31", "3", "3", "64–65", "✗ NO"),
                      ("homes destroyed, Nairobi", "3", "3", "300", "yes")]
    assert "1 more not shown (--top)" in out
    assert re.search(r"│ 2021-05-31 │\n.*│ 2021-06-01 │", out)   # first and last document date


def test_report_shows_each_statistic_with_its_claims(stated_out):
    tables = load_tables(stated_out)
    page = build_html(tables)
    assert '<a href="#statistics-section">3 statistics (1 inconsistent)</a>' in page
    section = page.split('<section id="statistics-section">', 1)[1].split("</section>", 1)[0]
    stats = re.findall(r'<div class="stat( bad)?" id="stat-([^"]+)"', section)
    assert stats == [(" bad", "st-killed"), ("", "st-homes"), ("", "st-bridges")]
    assert section.count("✗ inconsistent") == 1
    claims, doc_dates = tables["claims"], tables["documents"].set_index("doc_id")["doc_date"]
    for block, (_, stat_id) in zip(re.split(r'<div class="stat(?: bad)?" ', section)[1:], stats, strict=True):
        rows = re.findall(r'<tr data-target="claims-(\d+)"><td><a href="#claims-(\d+)">([^<]+)</a></td>'
                          r'<td>([^<]+)</td>.*?<mark class="stat-hl"[^>]*>([^<]+)</mark>', block)
        members = claims[claims["stat_id"] == stat_id]
        assert sorted(int(i) for i, *_ in rows) == list(members.index)
        for target, link, doc_id, date, text in rows:
            claim = claims.loc[int(target)]
            assert link == target and (doc_id, text) == (claim["doc_id"], claim["text"])
            assert date == str(doc_dates[doc_id])
            assert f'<mark class="hl t-claims" id="claims-{target}"' in page   # the span the link goes to
        dates = [date for *_, date, _ in rows]
        assert dates == sorted(dates)   # in document-date order


def test_show_and_report_read_outputs_from_before_statistics(old_out, tmp_path, capsys):
    assert main(["show", str(old_out)]) == 0
    out = capsys.readouterr().out
    assert "not in these outputs" in out and not re.search(r"statistics\s*│", out)
    assert main(["report", str(old_out), "--html", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'id="statistics-section"' not in page and "statistics (" not in page
    assert page.count('<mark class="hl t-claims" id=') == len(pd.read_parquet(old_out / "claims.parquet"))
