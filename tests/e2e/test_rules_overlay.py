"""Bring your own rules: ``claimspan run --rules DIR`` lays a folder over the built-in rules."""
from __future__ import annotations

import re

import pandas as pd
import pyarrow.parquet as pq
import pytest

from claimspan import ruleset
from claimspan.cli import main

TEXT = ("NAIROBI, March 3, 2024\n"
        "The KNBS said 1,200 households were surveyed. The county passed the Finance Ordinance.\n"
        "Kenya ratified the UDHR long ago.\n")


@pytest.fixture(autouse=True)
def no_overlay_after():
    """The overlay is process state: leave none behind for other tests."""
    yield
    ruleset.use_overlay(None)


def write(root, files: dict[str, str]):
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


KENYA = {
    "organizations/gazetteer.jsonl":
        '{"name": "Kenya National Bureau of Statistics", "acronym": "KNBS", "kind": "other"}\n',
    "resolutions/instruments.yaml": "# an ordinance is a local law\nheads:\n  ordinance: law\n",
}


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ke.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path / "in"


def tables(out):
    return {t: pd.read_parquet(out / f"{t}.parquet") for t in ("organizations", "resolutions", "claims")}


def test_overlay_adds_an_organization_and_an_instrument(tmp_path, corpus):
    assert main(["run", str(corpus), "--out", str(tmp_path / "plain"), "--quiet"]) == 0
    overlay = write(tmp_path / "my-rules", KENYA)
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--rules", str(overlay), "--quiet"]) == 0
    plain, got = tables(tmp_path / "plain"), tables(tmp_path / "out")
    assert "KNBS" not in set(plain["organizations"].text)
    orgs = got["organizations"].set_index("text")
    assert orgs.loc["KNBS", "name"] == "Kenya National Bureau of Statistics"
    assert ("Finance Ordinance", "law") in set(zip(got["resolutions"].text, got["resolutions"].kind))
    assert "Finance Ordinance" not in set(plain["resolutions"].text)
    # the built-in rules still apply: the overlay adds, it does not replace
    assert "UDHR" in set(got["resolutions"].text)
    assert got["claims"].value.tolist() == plain["claims"].value.tolist()


def test_overlay_changes_the_fingerprint_and_reruns_notice(tmp_path, corpus):
    out = tmp_path / "out"
    overlay = write(tmp_path / "my-rules", KENYA)
    fingerprint = lambda: pq.read_schema(out / "claims.parquet").metadata[b"rules_sha256"]  # noqa: E731
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    builtin = fingerprint()
    assert main(["run", str(corpus), "--out", str(out), "--rules", str(overlay), "--quiet"]) == 0
    with_overlay = fingerprint()
    assert with_overlay != builtin
    from claimspan.run import run

    assert run([corpus], out, rules=overlay).reused == 1          # same overlay: reused
    write(overlay, {"organizations/gazetteer.jsonl":
                    '{"name": "Kenya Revenue Authority", "acronym": "KRA", "kind": "other"}\n'})
    report = run([corpus], out, rules=overlay)                     # edited overlay: extracted again
    assert report.reused == 0 and fingerprint() not in (builtin, with_overlay)
    assert "KNBS" not in set(pd.read_parquet(out / "organizations.parquet").text)


def test_environment_variable_names_the_overlay(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv("CLAIMSPAN_RULES", str(write(tmp_path / "my-rules", KENYA)))
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert "KNBS" in set(pd.read_parquet(tmp_path / "out" / "organizations.parquet").text)


def test_overlay_may_replace_a_file(tmp_path, corpus):
    overlay = write(tmp_path / "my-rules", {
        "overlay.yaml": "replace: [resolutions/gazetteer.jsonl]\n",
        "resolutions/gazetteer.jsonl": '{"title": "Kenya Finance Act", "acronym": "KFA", "kind": "law"}\n'})
    (corpus / "ke.txt").write_text(TEXT + "The KFA raised taxes.\n", encoding="utf-8")
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--rules", str(overlay), "--quiet"]) == 0
    found = set(pd.read_parquet(tmp_path / "out" / "resolutions.parquet").text)
    assert "KFA" in found and "UDHR" not in found


@pytest.mark.parametrize("files,message", [
    ({"organizations/gazetteer.jsonl": '{"name": "A B", "kind": "other"}\n{"name": "X", "acronm": "Y"}\n'},
     r"my-rules/organizations/gazetteer\.jsonl:2 rule X: unknown key 'acronm'"),
    ({"resolutions/instruments.yaml": "heads:\n  bill: law\nhedas:\n  x: law\n"},
     r"my-rules/resolutions/instruments\.yaml:3: unknown key 'hedas'"),
    ({"resolutions/instruments.yaml": "heads:\n  bill: statute\n"},
     r"my-rules/resolutions/instruments\.yaml:2 rule heads\.bill: unknown kind 'statute'"),
    ({"resolutions/instruments.yaml": "heads: [bill]\n"},
     r"my-rules/resolutions/instruments\.yaml:1: key 'heads': a list cannot extend the built-in mapping"),
    ({"claims/units.yaml": "- id: claims.unit.furlong\n  unit: furlong\n  wrds: [furlongs]\n"},
     r"my-rules/claims/units\.yaml:3 rule claims\.unit\.furlong: unknown key 'wrds'"),
    ({"dates/patterns.yaml": "- id: dates.mine\n  kind: date\n  pattern: NO_SUCH_CLASS\n"},
     r"my-rules/dates/patterns\.yaml:1 rule dates\.mine: unknown word class 'NO_SUCH_CLASS'"),
    ({"claims/units.yaml": "- id: claims.unit.furlong\n  unit: furlong\n  words: furlongs\n"},
     r"my-rules/claims/units\.yaml:3 rule claims\.unit\.furlong: key 'words': expected \[str\], got a string"),
    ({"organizations/names.yaml": "heads: [Bureau, yes]\n"},
     r"my-rules/organizations/names\.yaml:1: key 'heads': expected \[str\], got a list .* \(quote yes/no/on/off"),
    ({"claims/units.yaml": "- id: claims.unit.league\n  unit: league\n  words: [leagues]\n  then: {unit: mile}\n"},
     r"my-rules/claims/units\.yaml:4 rule claims\.unit\.league key then: missing key 'factor'"),
    ({"resolutions/instruments.yaml": "symbols:\n  - id: resolutions.symbol.bad\n    pattern: '(('\n"},
     r"my-rules/resolutions/instruments\.yaml:2 rule resolutions\.symbol\.bad key 'pattern': missing \)"),
    ({"dates/lexicon.yaml": "holidays:\n  founders day: 13-45\n"},
     r"my-rules/dates/lexicon\.yaml:2 rule dates\.lexicon\.holidays.*'founders day': '13-45' is no MM-DD day"),
    ({"dates/lexicon.yaml": "holidays:\n  founders day: {month: 4, weekday: mon, nth: 1}\n"},
     r"my-rules/dates/lexicon\.yaml:2 .*'founders day': weekday 'mon' is not a weekday's name"),
    ({"documents/layout.yaml": "block_starts:\n  - id: documents.layout.bad\n    pattern: '(('\n"},
     r"my-rules/documents/layout\.yaml:2 rule documents\.layout\.bad key 'pattern': missing \)"),
    ({"resolutions/instruments.yaml": "heads:\n  bill: [law\n"},
     r"my-rules/resolutions/instruments\.yaml:3: invalid YAML"),
    ({"organizations/gazetteer.jsonl": '{"name": "A"\n'},
     r"my-rules/organizations/gazetteer\.jsonl:1: invalid JSON"),
    ({"organizations/ministries.jsonl": '{"name": "A"}\n'},
     r"my-rules/organizations/ministries\.jsonl: no built-in rule file organizations/ministries\.jsonl"),
    ({"overlay.yaml": "replace: [claims/units.yaml]\n"},
     r"my-rules/overlay\.yaml:1: key 'replace': 'claims/units\.yaml' is not a file of the overlay"),
])
def test_malformed_overlay_is_refused_with_file_line_and_key(tmp_path, corpus, capsys, files, message):
    overlay = write(tmp_path / "my-rules", files)
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--rules", str(overlay)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert re.search(message, err), err
    assert not out.exists() or not any(out.glob("*.parquet"))


def test_missing_overlay_folder_is_refused(tmp_path, corpus, capsys):
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--rules", str(tmp_path / "nope")]) == 2
    assert "nope: rules overlay is not a folder" in capsys.readouterr().err
