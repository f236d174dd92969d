"""One schema per rule file, declared once, checked by the one loader (``ruleset.read_rule_file``).

Every built-in rule file, with an overlay merged into it, is checked against its
schema when it is read: unknown keys, missing keys and values of the wrong type
are one error naming the file, the line, the rule and the key. The components
then only check what a type cannot say (a pattern's word classes, a kind's name).

The type language: ``str``, ``int``, ``number``, ``bool``, ``any``; ``[T]`` a list
of T; ``{T}`` a table from words to T; ``A|B`` either; a ``Record`` of named
keys (a trailing ``!`` marks a required key).
"""
from __future__ import annotations

from typing import Any

from claimspan.rulefiles import Entry, RuleError, check_keys, locate


class Record:
    """A mapping with these keys (``name!``: required) and value types (a type
    string, or a Record for a nested mapping)."""

    def __init__(self, **fields: str | Record | list):
        self.types = {k.rstrip("!"): t for k, t in fields.items()}
        self.required = {k.rstrip("!") for k in fields if k.endswith("!")}


def words(*sections: str) -> Record:
    """A mapping file whose sections are all lists of words."""
    return Record(**{s: "[str]" for s in sections})


PATTERN = "[any]"
# an entry of the place gazetteer (rules/statistics/places.yaml): a country or a region
PLACE = {"key!": "str", "names!": "[str]", "adjectives": "[str]", "people": "[str]", "cities": "[str]",
         "abbreviations": "[str]"}   # a spaCy Matcher pattern: the Matcher validates its token specs

# A mapping file is a Record; a list file of rules is ``[Record]``.
SCHEMAS: dict[str, Record | list[Record]] = {
    # -- claims ----------------------------------------------------------------
    "claims/counted.yaml": words("stop_words", "modifiers", "irregular_plurals", "not_plural_endings",
                                 "not_plural_words", "discourse_nouns", "discourse_cues", "discourse_followers",
                                 "discourse_openers", "of_words", "partitive_determiners", "partitive_superlatives",
                                 "superlative_endings", "not_superlatives", "verb_endings", "relative_pronouns",
                                 "partitive_before_of"),
    "claims/currencies.yaml": [Record(**{"id!": "str", "code!": "str", "prefix": "[str]",
                                                  "suffix": "[str]", "scale": "number",
                                                  "glued": "[str]", "glued_prefix": "[str]",
                                                  "with_a": "[str]"})],
    "claims/not_claims.yaml": [Record(**{"id!": "str", "pattern": PATTERN, "regex": "str",
                                                  "block": "[int]", "needs": "[str]"})],
    "claims/numbers.yaml": Record(words="{int}", scales="{number}", suffix_scales="{number}",
                                  money_suffix_scales="{number}", fractions="{number}",
                                  ordinal_units="{number}", fraction_chars="{number}", vague="{number}",
                                  before_scale="{number}", vague_before_of="{number}", lower_bounds="{number}",
                                  signs="{number}", spaced_scales="[str]",
                                  indefinite_articles="[str]"),
    "claims/period.yaml": words("baseline_openers", "comparison_openers", "baseline_before", "baseline_far",
                                "change_baseline_before",
                                "baseline_after", "baseline_relative_before", "baseline_relative", "time_subordinators",
                                "attributive_determiners", "anaphoric_periods", "period_modifiers",
                                "not_reporting_after", "clause_breaks", "strong_breaks", "restating_words",
                                "named_year_heads", "open_ended",
                                "open_after", "open_from", "open_before", "dateline_ends", "set_off_subordinators",
                                "not_set_off_before", "baseline_year_before", "passive_auxiliaries"),
    "claims/percent.yaml": [Record(**{"id!": "str", "words": "[str]", "before": "[str]", "unit": "str"})],
    "claims/qualifiers.yaml": [Record(**{"id!": "str", "qualifier!": "str", "phrases!": "[str]"}, after="[str]",
                                      not_after="[str]")],
    "claims/ranges.yaml": Record(**{f"{s}!": "[str]" for s in ("connectors", "dashes", "between", "change_words",
                                                                 "range_verbs", "change_verbs")},
                                 list_connectors="[str]", change_amount_words="[str]"),
    "claims/ratios.yaml": Record(**{"part_of_whole!": "[str]"}, over_connector="[str]", of_connector="[str]",
                                 fraction_followers="[str]", share_before="[str]", share_after="[str]",
                                 not_share_followers="[str]",
                                 multiplier_words="[str]", multiplier_followers="[str]", frequency_words="{number}",
                                 multiplier_verbs="{number}", multiplier_adjectives="{number}",
                                 multiplier_verb_before="[str]", multiplier_always="[str]", to_connector="[str]",
                                 colon_connector="[str]", per_currency="[str]", hyphen_part_of_whole="[str]",
                                 ratio_nouns="[str]",
                                 ratio_links="[str]"),
    "claims/temporal.yaml": Record(**{"time_units!": "{str}"}, time_unit_modifiers="[str]", age_max="int",
                                   age_words="[str]", age_before="[str]", age_people="[str]",
                                   age_after="{str}", year_min="int", year_max="int", months="{int}",
                                   period_anchors="[str]", period_prepositions="[str]", reporting_verbs="[str]"),
    "claims/units.yaml": [Record(**{"id!": "str", "unit!": "str", "words!": "[str]", "with_a": "bool",
                                             "glued": "[str]",
                                             "then": Record(**{"unit!": "str", "factor!": "number"})})],
    # -- dates -----------------------------------------------------------------
    "dates/lexicon.yaml": Record(**{f"{s}!": t for s, t in {
        "months": "{int}", "ambiguous_months": "{bool}", "weekdays": "{int}", "seasons": "{str}",
        "units": "{str}", "number_words": "{int|str}", "ordinals": "{int}", "relative": "{int}",
        "deictic": "{int|str}", "modifiers": "{str}", "negations": "[str]", "shift_words": "{int}",
        "parts_of_day": "{str}",
        "recurring_weekdays": "{int}", "recurring_parts": "{str}", "recurring_seasons": "{str}",
        "passive_auxiliaries": "[str]", "participle_endings": "[str]",
        "passive_targets": "[str]", "move_verbs": "[str]", "move_prepositions": "[str]",
        "sets": "{str}", "holidays": "{any}", "future_markers": "{bool}", "reporting_verbs": "[str]",
        "range_words": "{bool}", "am_pm": "{str}", "part_am_pm": "{str}", "part_am_pm_before": "[str]",
        "o_clock": "[str]",
        "time_zones": "{str}",
        "quarter_tokens": "{int}",
        "past_markers": "{bool}", "anaphoric": "{int}", "future_in_past": "{bool}",
        "present_schedule": "{bool}", "schedule_prepositions": "{bool}", "possessive": "[str]",
        "event_ahead": "{bool}", "dashes": "[str]", "fractions": "{number}",
        "clause_breaks": "{bool}", "day_then_clock": "[str]", "scheduled_to": "{bool}", "ordinal_suffixes": "[str]",
        "indefinite_articles": "[str]", "present_verbs": "[str]", "not_a_verb_after": "[str]",
        "tense_breaks": "[str]", "past_after": "[str]", "deadline_words": "[str]", "future_after": "[str]",
        "relative_pronouns": "[str]", "report_words": "[str]",
        "anaphoric_after_the": "[str]", "narrative_shift": "{int}", "forward_breaks": "[str]",
        "set_for": "[str]", "length_shifts": "{str}", "deadline_before": "[str]",
        "comparison_words": "[str]", "period_end_words": "[str]",
        "shift_phrases": "{int}", "past_verb_prepositions": "[str]", "participle_before": "[str]",
        "untold_after": "[str]", "frequency_counts": "[str]"}.items()}),
    "dates/patterns.yaml": [Record(**{"id!": "str", "kind": "str", "pattern!": "str|[str]", "role": "str",
                                               "applies_to": "[str]", "kind_to": "str", "value": "str",
                                               "relative": "int", "not_before": "[str]",
                                               "not_after": "[str]"})],
    "dates/exclusions.yaml": [Record(**{"id!": "str", "pattern!": "str|[str]"})],
    # -- shared lists (rules/common/) ----------------------------------------------
    "common/calendar.yaml": Record(**{"months!": "{int}", "weekdays!": "{int}", "units!": "{str}"}),
    "common/numbers.yaml": Record(**{"cardinals!": "{int}"}),
    "common/verbs.yaml": Record(**{"reporting!": "[str]", "headline!": "[str]"}),
    "common/punctuation.yaml": Record(**{"dashes!": "[str]", "hyphens!": "[str]", "apostrophes!": "[str]",
                                         "quotes!": "[str]"}),
    "common/words.yaml": Record(**{f"{key}!": "[str]" for key in ("definite_articles", "indefinite_articles",
                                                                  "coordinators", "ordinal_suffixes", "possessives",
                                                                  "dated_instrument_heads", "acronym_skipped_words")}),
    # -- documents, organizations, resolutions, speakers -------------------------
    "documents/docdate.yaml": Record(**{"header_labels!": "[str]", "header_max_lines!": "int",
                                        "text_max_lines!": "int", "patterns!": "[pattern]"}),
    "documents/layout.yaml": Record(**{"wrap!": Record(**{"max_width!": "int", "full_line!": "number", "fit!": "number",
                                                          "max_final_share!": "number"}),
                                       "block_starts!": "[pattern]", "list_entries!": "[pattern]",
                                       "furniture!": Record(**{"lines!": "int", "share!": "number"}),
                                       "page_numbers!": "[pattern]", "quote_marks": "[pattern]",
                                       "sentence_ends!": "[str]",
                                       "sentence_closers!": "[str]", "sentence_cut_after!": "[[str]]",
                                       "sentence_cut_words!": "[str]"}),
    "organizations/names.yaml": Record(**{"heads!": "[str]", "closing_heads": "[str]", "connectors!": "[str]",
                                          "possessive_ok": "[str]", "leading_noise": "[str]", "coordinators": "[str]",
                                          "not_continuations": "[str]", "two_word_heads": "[str]",
                                          "company_heads": "[str]", "not_short_forms": "[str]",
                                          "field_words": "[str]", "short_form_heads": "[str]",
                                          "legal_words": "[str]"}),
    "organizations/exclusions.yaml": words("generic", "places", "event_heads"),
    "organizations/cues.yaml": Record(**{"before!": "[str]", "after!": "[str]", "after_possessive": "[str]",
                                         "vote_verbs": "[str]", "vote_units": "[str]", "joiners": "[str]",
                                         "not_names": "[str]"}),
    "organizations/model.yaml": words("person_titles"),
    "organizations/results.yaml": Record(**{"side!": "str", "lines!": [Record(**{"id!": "str", "pattern!": "str",
                                                                                        "needs": "str"})]}),
    "organizations/defining.yaml": Record(**{"determiners!": "[str]", "descriptors!": "[str]", "not_before": "[str]",
                                             "max_words": "int", "not_initials": "[str]"}),
    "organizations/gazetteer.jsonl": [Record(**{"name!": "str", "acronym": "str", "variants": "[str]",
                                                         "kind": "str"})],
    "resolutions/instruments.yaml": Record(**{"heads!": "{str}", "starts!": "[str]", "inner!": "[str]",
                                              "period_joins": "[str]", "body_prefixes": "{str}", "title_cues": "[str]",
                                              "cue_nouns": "{str}", "unnamed_heads": "[str]",
                                              "unnamed_verbs": "[str]", "unnamed_modifiers": "[str]",
                                              "body_cues": "[str]", "action_noun_endings": "[str]",
                                              "acronym_body_words": "[str]", "needs_modifier": "[str]",
                                              "needs_year": "[str]", "not_action_nouns": "[str]",
                                              "possessive_titles": "[str]",
                                              "dated_heads": "[str]", "lower_heads": "{str}",
                                              "enactment_cues": "[str]", "enactable_kinds": "[str]",
                                              "title_joins": "[str]", "clause_breaks": "[str]",
                                              "symbols": [Record(**{"id!": "str", "pattern!": "str", "kind": "str",
                                                                    "needs": "[str]", "item": "str",
                                                                    "title": "str"})]}),
    "resolutions/gazetteer.jsonl": [Record(**{"title!": "str", "acronym!": "str", "kind!": "str",
                                                       "body": "str"})],
    "statistics/grouping.yaml": Record(**{"events!": "{[str]}", "running_events": "[str]", "people_events": "[str]",
                                          "weak_events": "[str]", "part_determiners": "[str]",
                                          "counted_classes": "{[str]}", "object_classes": "[str]",
                                          "listed_heads": "[str]", "listed_max": "int", "owners": "[str]",
                                          "company_words": "[str]", "company_not_before": "[str]", "markets": "[str]",
                                          "describing": "[str]",
                                          "count_nouns": "[str]",
                                          "superseded": "[str]", "context_stop_words": "[str]",
                                          "not_place_before": "[str]", "clause_breaks!": "[str]",
                                          "place_prepositions!": "[str]", "place_modifiers": "[str]",
                                          "place_kinds": "[str]", "own_place_ends!": "[str]",
                                          "journey_words": "[str]", "incidents": "{[str]}", "incident_events": "[str]",
                                          "money_events": "[str]", "months": "{int}",
                                          "people_counted_as": "{str}", "national_words": "[str]",
                                          "venue_words": "[str]", "restating": "[str]", "person_kinds": "[str]",
                                          "increments": "[str]", "global_words": "[str]", "contrasts": "[str]",
                                          "rates": "[str]", "place_joins": "[str]", "reporting_verbs": "[str]",
                                          "weights!": "{number}"}),
    "statistics/places.yaml": Record(**{"countries!": [Record(**PLACE, part_of="str")],
                                        "regions": [Record(**PLACE, **{"country!": "str"})],
                                        "ambiguous": "[str]", "common_words": "[str]"}),
    "speakers/labels.yaml": Record(**{"debris!": "[pattern]", "numbered_labels": "[pattern]",
                                      "period_labels": [Record(**{"id!": "str", "pattern!": "str", "needs": "[str]"})],
                                      "tokenizer_prefixes": "[str]",
                                      "not_speakers!": "[str]",
                                      "list_heads": "[str]", "list_headings!": "[str]", "titles": "[str]",
                                      "role_labels": "[str]", "name_connectors!": "[str]",
                                      "max_label_words!": "int"}),
    "speakers/outlets.yaml": Record(**{"outlet_words!": "[str]", "outlet_acronyms": "[str]",
                                       "organization_heads!": "[str]"}),
}


def validate(rel: str, data: Any, path: str) -> None:
    """Check the data of rule file ``rel`` (its path under rules/) against its schema."""
    schema = SCHEMAS.get(rel)
    if schema is None:
        return
    if isinstance(schema, list):
        if not isinstance(data, list):
            raise RuleError(f"{path}: expected a list of rules, got {_name(data)}")
        for n, entry in enumerate(data, 1):
            rid = next((entry[k] for k in ("id", "name", "acronym") if k in entry), n) if isinstance(entry, dict) else n
            _record(entry, schema[0], f"{path} rule {rid}")
    else:
        _record(data if data is not None else Entry(), schema, path)


# named record types that list items may have: "[pattern]" is a list of regex rules with ids
RECORDS = {"pattern": Record(**{"id!": "str", "pattern!": "str"})}


def _record(entry: Any, record: Record, where: str) -> None:
    check_keys(entry, record.types, where, record.required)
    for key, value in entry.items():
        type_ = record.types[key]
        if isinstance(type_, Record):
            if value is not None:
                _record(value, type_, f"{where} key {key}")
        elif isinstance(type_, list):   # a list of records: ``[Record(...)]``
            if not isinstance(value, list):
                raise RuleError(f"{locate(entry, where, key)}: key {key!r}: expected a list, got {_name(value)}")
            for n, item in enumerate(value, 1):
                rid = item.get("key", n) if isinstance(item, dict) else n
                _record(item, type_[0], f"{where} key {key} entry {rid}")
        elif type_.startswith("[") and type_[1:-1] in RECORDS:
            if not isinstance(value, list):
                raise RuleError(f"{locate(entry, where, key)}: key {key!r}: expected a list, got {_name(value)}")
            for item in value:
                rid = item.get("id") if isinstance(item, dict) else item
                _record(item, RECORDS[type_[1:-1]], f"{where.split(' rule ')[0]} rule {rid}")
        elif not _fits(value, type_):
            hint = " (quote yes/no/on/off: YAML reads them as true/false)" if _has_bool(value) else ""
            raise RuleError(f"{locate(entry, where, key)}: key {key!r}: expected {type_}, "
                            f"got {_name(value)} {_short(value)}{hint}")


def _has_bool(value: Any) -> bool:
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
    return any(isinstance(v, bool) for v in items)


def _fits(value: Any, type_: str) -> bool:
    """Does ``value`` have type ``type_`` (see the module docstring)?

    >>> _fits([1, "a"], "[int|str]"), _fits({"a": 1.5}, "{number}"), _fits(True, "int"), _fits(None, "{str}")
    (True, True, False, True)
    >>> _fits("x", "str|[str]"), _fits(["x"], "str|[str]"), _fits([1], "str|[str]")
    (True, True, False)
    """
    if value is None:           # an empty section: nothing to check (a loader supplies the default)
        return True
    choices = _split(type_)
    if len(choices) > 1:
        return any(_fits(value, t) for t in choices)
    if type_.startswith("["):
        return isinstance(value, list) and all(_fits(v, type_[1:-1]) for v in value)
    if type_.startswith("{"):
        return isinstance(value, dict) and all(_fits(v, type_[1:-1]) for v in value.values())
    return {"any": True, "str": isinstance(value, str), "bool": isinstance(value, bool),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "number": isinstance(value, (int, float)) and not isinstance(value, bool)}[type_]


def _split(type_: str) -> list[str]:
    """``A|[B|C]`` -> ``["A", "[B|C]"]``: split on the ``|`` outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(type_):
        depth += ch in "[{"
        depth -= ch in "]}"
        if ch == "|" and depth == 0:
            parts.append(type_[start:i])
            start = i + 1
    return parts + [type_[start:]]


def _name(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    return {list: "a list", str: "a string", bool: "true/false", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
