"""claimspan's components in anyone's spaCy pipeline: factories, declared order, saved pipelines."""
from __future__ import annotations

import spacy
import pytest

import claimspan
from claimspan import BEFORE_PARSER, COMPONENTS, ruleset
from claimspan.extensions import ROW_EXTENSIONS
from tests.conftest import ROOT, SEEDS

FACTORIES = [*BEFORE_PARSER, *COMPONENTS]


def rows(doc) -> list[tuple]:
    """Every row a Doc carries: table, span, rule and attributes, plus the Doc-level facts."""
    out = [(t, s.start_char, s.end_char, s.label_, getattr(s._, ext)) for t, ext in ROW_EXTENSIONS.items()
           for s in doc.spans.get(t, [])]
    return out + [("doc", doc._.doc_date, doc._.turns, doc._.speakers, doc._.org_definitions)]


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize("name", FACTORIES)
def test_each_factory_adds_to_a_blank_pipeline(name):
    nlp = spacy.blank("en")
    nlp.add_pipe(f"claimspan_{name}")
    doc = nlp("In 2020 the courts acquitted 5,479 defendants.")
    assert doc.text == "In 2020 the courts acquitted 5,479 defendants."


def test_declared_attributes_explain_the_order():
    nlp = claimspan.build_nlp()
    assert not any(nlp.analyze_pipes()["problems"].values())
    wrong = spacy.blank("en")
    for name in ("claims", "dates", "resolutions", "organizations"):
        wrong.add_pipe(f"claimspan_{name}")
    problems = wrong.analyze_pipes()["problems"]
    assert problems["claimspan_claims"] == ["span._.date"]
    assert problems["claimspan_resolutions"] == ["span._.organization"]
    assert problems["claimspan_dates"] == ["doc._.doc_date"]


def test_saved_pipeline_gives_the_same_rows_on_the_seeds(tmp_path):
    nlp = claimspan.build_nlp()
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert again.pipe_names == nlp.pipe_names
    texts = seed_texts()
    expected = [rows(d) for d in nlp.pipe(texts)]
    assert sum(len(r) for r in expected) > 100
    assert [rows(d) for d in again.pipe(texts)] == expected


def orgs(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [s.text for s in doc.spans["organizations"]]


def test_saved_pipeline_carries_the_overlay(tmp_path):
    overlay = tmp_path / "my-rules" / "organizations"
    overlay.mkdir(parents=True)
    (overlay / "gazetteer.jsonl").write_text(
        '{"name": "Kenya National Bureau of Statistics", "acronym": "KNBS", "kind": "other"}\n', encoding="utf-8")
    text = "The KNBS counted 1,200 households."
    try:
        nlp = claimspan.build_nlp(rules=str(tmp_path / "my-rules"))
        assert orgs(nlp, text) == ["KNBS"]
        nlp.to_disk(tmp_path / "pipe")
    finally:
        ruleset.use_overlay(None)
    again = spacy.load(tmp_path / "pipe")          # no overlay active now
    assert orgs(again, text) == ["KNBS"]
    assert orgs(claimspan.build_nlp(), text) == []


def test_readme_example_runs(tmp_path, monkeypatch):
    """The README's "Use it inside your spaCy pipeline" block, as written."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Use it inside your spaCy pipeline", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(block, "README.md", "exec"), scope)  # noqa: S102  our own README
    assert [(s.text, s._.claim["value"]) for s in scope["doc"].spans["claims"]] == [("5,479", 5479.0)]
    assert (tmp_path / "my_pipeline" / "claimspan_claims").is_dir()
