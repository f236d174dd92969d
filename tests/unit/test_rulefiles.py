"""Rule files: ``!common`` shared lists and ``!join`` (rules/common/, pipeline/claimspan/rulefiles.py)."""
from __future__ import annotations

import pytest

from claimspan.rulefiles import RuleError, parse_rule_file

COMMON = {"numbers": {"cardinals": {"one": 1, "two": 2}, "scales": ["hundred"]}}


def parse(tmp_path, text: str):
    path = tmp_path / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    return parse_rule_file(path, COMMON.get)


def test_common_gives_the_shared_section(tmp_path):
    assert parse(tmp_path, "words: !common numbers.cardinals\n") == {"words": {"one": 1, "two": 2}}


def test_join_of_tables_is_a_table_where_the_rule_adds_and_overrides(tmp_path):
    data = parse(tmp_path, "words: !join [!common numbers.cardinals, {a: 1, two: 20}]\n")
    assert data["words"] == {"one": 1, "two": 20, "a": 1}


def test_join_with_a_list_is_a_list_of_words_in_order_without_repeats(tmp_path):
    data = parse(tmp_path, "not_in: !join [[about, one], !common numbers.cardinals, !common numbers.scales, two]\n")
    assert data["not_in"] == ["about", "one", "two", "hundred"]


def test_join_inside_a_pattern(tmp_path):
    data = parse(tmp_path, "pattern: [{LOWER: {IN: !join [!common numbers.cardinals, [dozen]]}}]\n")
    assert data["pattern"] == [{"LOWER": {"IN": ["one", "two", "dozen"]}}]


@pytest.mark.parametrize("text, says", [
    ("words: !common numbers.ordinals\n", "no section 'ordinals' in rules/common/numbers.yaml"),
    ("words: !common numbers\n", "a shared list is named FILE.SECTION"),
    ("words: !join {a: 1}\n", "!join takes a list"),
])
def test_a_wrong_reference_names_the_file_and_line(tmp_path, text, says):
    with pytest.raises(RuleError, match=r"rule\.yaml:1: .*" + says.replace("(", r"\(").replace(".", r"\.")):
        parse(tmp_path, text)
