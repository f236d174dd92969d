"""Every example beside the rules (rules/<folder>/examples*.yaml) runs as a test case."""
from __future__ import annotations

import pytest

from claimspan import rulebook, ruleset

EXAMPLES = rulebook.load_examples()


@pytest.fixture(scope="module")
def outcomes() -> dict[str, rulebook.Outcome]:
    return {o.example.where: o for o in rulebook.run_examples(EXAMPLES)}


@pytest.mark.parametrize("where", [e.where.split("/rules/", 1)[-1] for e in EXAMPLES])
def test_example(outcomes, where):
    (outcome,) = [o for w, o in outcomes.items() if w.endswith("/rules/" + where)]
    assert outcome.passed, f"{outcome.example.text!r} ({', '.join(outcome.example.rules)}): " + \
        "; ".join(outcome.problems)


def test_inventory_names_rules_not_settings():
    rules = rulebook.inventory()
    assert {"claims.unit.km", "dates.absolute.iso", "dates.lexicon.holidays", "claims.counted.stop_words",
            "organizations.gazetteer.un", "docdate.iso", "speakers.labels.not_speakers"} <= set(rules)
    assert "speakers.labels.max_label_words" not in rules      # a single value is a setting
    assert all(":" in at for at in rules.values())             # each with its file and line


def test_a_failing_example_says_what_differs():
    example = rulebook.Example(rules=["docdate.iso"], text="Minutes 2020-11-03\nPresent: the board.",
                               table="documents", where="t.yaml:1", expect=[{"doc_date": "2020-11-04"}],
                               absent=[{"doc_date_source": "text"}])
    (outcome,) = rulebook.run_examples([example])
    assert not outcome.passed and len(outcome.problems) == 2
    assert "expected documents row {'doc_date': '2020-11-04'} not found" in outcome.problems[0]
    assert "unwanted documents row" in outcome.problems[1]


def test_ablation_tells_a_rule_that_matters_from_one_that_does_not():
    shows = rulebook.Example(rules=["docdate.iso"], text="Minutes 2020-11-03\nPresent: the board.",
                             table="documents", where="t.yaml:1", expect=[{"doc_date": "2020-11-03"}])
    misses = rulebook.Example(rules=["docdate.day_month_year"], text="Minutes 2020-11-03\nPresent: the board.",
                              table="documents", where="t.yaml:2", expect=[{"doc_date": "2020-11-03"}])
    result = rulebook.Check(rulebook.inventory(), rulebook.run_examples([shows, misses]))
    assert rulebook.ablate(result, ["docdate.iso", "docdate.day_month_year"]) == {
        "docdate.iso": "needed", "docdate.day_month_year": "not needed"}
    assert rulebook.run_examples([shows])[0].passed                  # the rules are back as they were


def test_bad_example_is_refused_with_file_line_and_key(tmp_path):
    overlay = tmp_path / "my-rules" / "documents"
    overlay.mkdir(parents=True)
    (overlay / "examples.yaml").write_text("- rules: [docdate.iso]\n  text: x\n  expct: []\n", encoding="utf-8")
    try:
        ruleset.use_overlay(tmp_path / "my-rules")
        with pytest.raises(ruleset.RuleError, match=r"my-rules/documents/examples\.yaml:3 rule example: "
                                                    r"unknown key 'expct'"):
            rulebook.load_examples()
        (overlay / "examples.yaml").write_text("- rules: [docdate.nope]\n  text: x\n  absent: [{}]\n",
                                               encoding="utf-8")
        ruleset.use_overlay(tmp_path / "my-rules")
        with pytest.raises(ruleset.RuleError, match=r"examples\.yaml:1 rule example: key 'rules': no rule 'docdate\.nope'"):
            rulebook.load_examples()
    finally:
        ruleset.use_overlay(None)


def test_readme_examples_pass():
    """The example file shown in the README is a working one."""
    import yaml

    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Rules and their examples", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    examples = [rulebook.Example(rules=e["rules"], text=e["text"], table="claims", where=f"README:{n}",
                                 expect=e.get("expect", []), absent=e.get("absent", []))
                for n, e in enumerate(yaml.safe_load(block))]
    assert set(rulebook.inventory()) >= {r for e in examples for r in e.rules}
    assert [o.problems for o in rulebook.run_examples(examples)] == [[], []]


@pytest.mark.parametrize("table, file, entries", [("resolutions", "instruments.yaml", "symbols"),
                                                  ("organizations", "results.yaml", "lines")])
def test_needs_hold_in_every_example_match(table, file, entries):
    """A rule's ``needs`` only skips texts that cannot match: every match of its pattern in
    every example text of the rules holds one of its strings (or its `needs` regex)."""
    import re

    data = ruleset.load_table(table, file)
    texts = [e.text for e in rulebook.load_examples()] + [d["text"] for e in rulebook.load_examples()
                                                          for d in e.documents]
    checked = 0
    for entry in data[entries]:
        if "needs" not in entry:
            continue
        pattern = re.compile(entry["pattern"].replace("{side}", data.get("side", "")), re.MULTILINE)
        for text in texts:
            for m in pattern.finditer(text):
                needs = entry["needs"]
                held = any(n in m.group(0) for n in needs) if isinstance(needs, list) else re.search(needs, m.group(0))
                assert held, (entry["id"], m.group(0))
                checked += 1
    assert checked, "no example text matches a rule with `needs`"
